// Request bodies: only application/json (any case, optional charset=utf-8), parsed strictly
// (UTF-8, no BOM, no duplicate or prototype keys, no NUL or unpaired surrogate) from the raw
// bytes. Anything else is a 415. Routes that must look at the raw bytes before parsing (the
// webhook route verifies its signature first) register their own parser and call parseJsonBody.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
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

/** The body as strict JSON, or a ProblemError: 415 for another media type, 400 saying what and where. */
export function parseJsonBody (request: FastifyRequest, buffer: Buffer): unknown {
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new ProblemError({
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: 'Send the body as application/json with charset utf-8 (or no charset); got ' +
        `${JSON.stringify(request.headers['content-type'] ?? 'no Content-Type')}.`
    })
  }
  const parsed = parseStrictJson(buffer)
  if (!parsed.ok) {
    throw new ProblemError({
      type: problemType('invalid-json'),
      title: 'Invalid JSON body',
      status: 400,
      detail: parsed.message,
      ...(parsed.position === undefined
        ? {}
        : { errors: [{ path: parsed.path || '(body)', message: `${parsed.message} (at byte ${parsed.position})` }] })
    })
  }
  return parsed.value
}

export default fp(
  async function jsonBodyPlugin (app) {
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(/^application\/json/i, { parseAs: 'buffer' }, function parseJson (request, body, done) {
      request.rawBody = body as Buffer
      try {
        done(null, parseJsonBody(request, body as Buffer))
      } catch (error) {
        done(error as Error, undefined)
      }
    })
  },
  { name: 'json-body' }
)
