// Per-client rate limits on the /v1 API (@fastify/rate-limit), when RATE_LIMIT_PER_MINUTE is
// set: each API key (by its fingerprint, request.apiKeyId) has its own budget per minute; calls
// without a key (webhooks, open development mode) are counted per client IP. Over the budget:
// 429 problem+json with Retry-After. Health, metrics and docs are never limited.
//
// The limit runs as a route-level onRequest hook, after the routes' own API-key hook, so the key
// is known; an invalid key is refused (401) before it can spend anyone's budget. Counters live
// in this process's memory: with several instances each enforces its own share.
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'

export function rateLimitKey (request: FastifyRequest): string {
  return request.apiKeyId !== undefined ? `key:${request.apiKeyId}` : `ip:${request.ip}`
}

export default fp(
  async function rateLimitsPlugin (app, options: { perMinute: number }) {
    await app.register(rateLimit, {
      global: true,
      max: options.perMinute,
      timeWindow: 60_000,
      keyGenerator: rateLimitKey,
      allowList: (request) => !(request.routeOptions.url ?? '').startsWith('/v1/'),
      errorResponseBuilder (request, context) {
        const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000))
        request.log.warn({ rateLimitKey: rateLimitKey(request), max: context.max, retryAfter }, 'rate limit exceeded')
        return new ProblemError(
          {
            type: problemType('rate-limited'),
            title: 'Too Many Requests',
            status: 429,
            detail: `Over the limit of ${context.max} requests per minute for this ` +
              `${request.apiKeyId !== undefined ? 'API key' : 'client address'}; retry after ${retryAfter} seconds.`
          },
          { 'retry-after': String(retryAfter) }
        )
      }
    })
  },
  { name: 'rate-limits' }
)
