// Load shedding (@fastify/under-pressure): while the event loop is saturated (or memory is over
// a configured ceiling) new requests are refused at once with 503 problem+json and Retry-After,
// instead of queueing behind work that is already late. Each threshold is configurable and 0
// turns it off (see the README: event-loop delay is on by default, utilization and memory are
// opt-in). GET /health/live and GET /metrics are exempt: an overloaded instance is still alive,
// and its metrics are what tells the operator why it sheds.
import fp from 'fastify-plugin'
import underPressure from '@fastify/under-pressure'
import type { Config } from '../config/config.ts'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'

export const loadSheddingExempt = new Set(['/health/live', '/metrics'])

const reasons: Record<string, string> = {
  eventLoopDelay: 'the event loop is delayed',
  eventLoopUtilization: 'the event loop is saturated',
  heapUsedBytes: 'heap memory is over its limit',
  rssBytes: 'process memory is over its limit'
}

export default fp(
  async function loadSheddingPlugin (app, options: Config['loadShedding']) {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      maxEventLoopUtilization: options.maxEventLoopUtilization,
      maxHeapUsedBytes: options.maxHeapUsedBytes,
      maxRssBytes: options.maxRssBytes,
      // Utilization over the last sample, not since start: a busy start-up is not pressure now.
      eventLoopUtilizationMode: 'interval',
      retryAfter: options.retryAfterSeconds,
      pressureHandler (request, _reply, type, value) {
        if (loadSheddingExempt.has(request.routeOptions.url ?? '')) return undefined
        request.log.warn({ pressure: type, value }, 'shedding load: request refused')
        return Promise.reject(
          new ProblemError(
            {
              type: problemType('overloaded'),
              title: 'Service Unavailable',
              status: 503,
              detail: `This instance is overloaded (${reasons[type] ?? type}); retry after ${options.retryAfterSeconds} ` +
                'seconds. Nothing was done with this request.'
            },
            { 'retry-after': String(options.retryAfterSeconds) }
          )
        )
      }
    })
  },
  { name: 'load-shedding' }
)
