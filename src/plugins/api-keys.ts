// API keys for /v1: `Authorization: Bearer <key>` or `X-API-Key: <key>`, compared in constant
// time. The key decides the tenant the call is for. With no keys configured at all outside
// production, the API is open and calls go to the only tenant (the start-up log says so).
import { createHash, timingSafeEqual } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'
import type { KiboTenant } from '../kibo/tenants.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for routes that need an API key; sets request.tenant. */
    requireApiKey: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** A short, non-secret fingerprint of the key the caller used (for logs and rate limits). */
    apiKeyId?: string
    /** The tenant this call is for (from its API key or webhook secret). */
    tenant?: KiboTenant
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** A short, non-secret id for a key: safe in logs and metrics. */
export function apiKeyFingerprint (key: string): string {
  return `key_${digest(key).toString('hex').slice(0, 8)}`
}

export function presentedApiKey (request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (match) return match[1]
  }
  const header = request.headers['x-api-key']
  return typeof header === 'string' && header.length > 0 ? header.trim() : undefined
}

export default fp(
  async function apiKeysPlugin (app) {
    const keys = app.config.tenants.flatMap((tenantConfig) =>
      tenantConfig.apiKeys.map((key) => ({
        digest: digest(key),
        id: apiKeyFingerprint(key),
        tenant: app.tenants.byName(tenantConfig.name)!
      }))
    )
    const open = keys.length === 0 && !app.config.isProduction

    app.decorate('requireApiKey', async function requireApiKey (request: FastifyRequest) {
      if (open && app.tenants.fallback !== null) {
        request.tenant = app.tenants.fallback
        return
      }
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
      let match: (typeof keys)[number] | undefined
      // Compare with every key (no early exit), so timing says nothing about which one matched.
      for (const key of keys) if (timingSafeEqual(key.digest, presentedDigest)) match = key
      if (match === undefined) {
        throw new ProblemError(
          {
            type: problemType('unauthorized'),
            title: 'Invalid API key',
            status: 401,
            detail: 'The API key is not valid for this service.'
          },
          { 'www-authenticate': 'Bearer realm="kibo-order-bridge", error="invalid_token"' }
        )
      }
      request.apiKeyId = match.id
      request.tenant = match.tenant
    })
  },
  { name: 'api-keys', dependencies: ['kibo'] }
)
