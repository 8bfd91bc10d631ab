// GET /metrics: the Prometheus text exposition of this instance (src/plugins/metrics.ts).
// Registered only with METRICS_ENABLED. No API key: Prometheus scrapes it; with METRICS_TOKEN set
// it needs `Authorization: Bearer <METRICS_TOKEN>` (Prometheus: `authorization: { credentials }`).
//
// Hidden from the OpenAPI document on purpose: it is an operations endpoint in Prometheus's own
// text format (documented by Prometheus and in the README's Operations section), not part of the
// order API that clients are generated from, and its series change without the API changing.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { problemType } from '../schemas/problem.ts'
import { ProblemError } from '../src/plugins/problems.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

const metricsRoutes: FastifyPluginAsync<{ token?: string | undefined }> = async function metricsRoutes (app, options) {
  const expected = options.token === undefined ? undefined : digest(options.token)

  async function requireMetricsToken (request: FastifyRequest) {
    if (expected === undefined) return
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    if (match === null || !timingSafeEqual(digest(match[1]), expected)) {
      throw new ProblemError(
        {
          type: problemType('unauthorized'),
          title: 'Unauthorized',
          status: 401,
          detail: 'GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>".'
        },
        { 'www-authenticate': 'Bearer realm="metrics"' }
      )
    }
  }

  app.get(
    '/metrics',
    // Scraped every few seconds: its request lines would drown the rest of the log.
    { schema: { hide: true }, logLevel: 'warn', onRequest: requireMetricsToken },
    async (_request, reply) => {
      const { registry } = app.metrics
      const text = await registry.metrics()
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(text)
    }
  )
}

export default metricsRoutes
