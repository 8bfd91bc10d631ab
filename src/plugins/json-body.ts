// Request bodies: only application/json (any case, optional charset=utf-8), parsed strictly
// (UTF-8, no BOM, no duplicate or prototype keys) from the raw bytes. Anything else is a 415.
import fp from 'fastify-plugin'
import { parseStrictJson } from '../lib/strict-json.ts'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw body bytes, kept for signature verification. */
    rawBody?: Buffer
  }
}

const jsonMediaType = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i

export function isJsonContentType (header: string | undefined): boolean {
  return header !== undefined && jsonMediaType.test(header.trim())
}

export default fp(
  async function jsonBodyPlugin (app) {
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(/^application\/json/i, { parseAs: 'buffer' }, function parseJson (request, body, done) {
      const buffer = body as Buffer
      if (!isJsonContentType(request.headers['content-type'])) {
        done(
          new ProblemError({
            type: problemType('unsupported-media-type'),
            title: 'Unsupported media type',
            status: 415,
            detail: 'Send the body as application/json with charset utf-8 (or no charset); got ' +
              `${JSON.stringify(request.headers['content-type'])}.`
          }),
          undefined
        )
        return
      }
      request.rawBody = buffer
      const parsed = parseStrictJson(buffer)
      if (!parsed.ok) {
        done(
          new ProblemError({
            type: problemType('invalid-json'),
            title: 'Invalid JSON body',
            status: 400,
            detail: parsed.message,
            ...(parsed.position === undefined
              ? {}
              : { errors: [{ path: '(body)', message: `${parsed.message} (at byte ${parsed.position})` }] })
          }),
          undefined
        )
        return
      }
      done(null, parsed.value)
    })
  },
  { name: 'json-body' }
)
