// API keys for /v1: `Authorization: Bearer <key>` or `X-API-Key: <key>`, compared in constant
// time. With no API_KEYS outside production the API is open (the start-up log says so).
import { createHash, timingSafeEqual } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for routes that need an API key. */
    requireApiKey: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** A short, non-secret fingerprint of the key the caller used (for logs and rate limits). */
    apiKeyId?: string
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest()

export function presentedApiKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (match) return match[1]
  }
  const header = request.headers['x-api-key']
  return typeof header === 'string' && header.length > 0 ? header.trim() : undefined
}

export default fp(
  async function apiKeysPlugin(app, options: { apiKeys: string[] }) {
    const keys = options.apiKeys.map((key) => ({ digest: digest(key), id: `key_${digest(key).toString('hex').slice(0, 8)}` }))
    app.decorate('requireApiKey', async function requireApiKey(request: FastifyRequest) {
      if (keys.length === 0) return
      const presented = presentedApiKey(request)
      if (presented === undefined) {
        throw new ProblemError(
          {
            type: problemType('unauthorized'),
            title: 'Missing API key',
            status: 401,
            detail: 'Send your API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".'
          },
          { 'www-authenticate': 'Bearer realm="kibo-order-bridge"' }
        )
      }
      const presentedDigest = digest(presented)
      const match = keys.find((key) => timingSafeEqual(key.digest, presentedDigest))
      if (match === undefined) {
        throw new ProblemError(
          { type: problemType('unauthorized'), title: 'Invalid API key', status: 401, detail: 'The API key is not valid for this service.' },
          { 'www-authenticate': 'Bearer realm="kibo-order-bridge", error="invalid_token"' }
        )
      }
      request.apiKeyId = match.id
    })
  },
  { name: 'api-keys' }
)
