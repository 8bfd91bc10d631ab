// Prometheus metrics (prom-client), one registry per app instance: the tests build many apps in
// one process, and a shared global registry would mix their counters and refuse duplicate names.
//
// Counters move on events (import outcomes from import-events, every Kibo response from the
// Kibo client); gauges that describe state (queue, dead letters, circuit, token refreshes) are
// read when Prometheus scrapes, so a scrape costs two small queries and nothing between scrapes.
// routes/metrics.ts serves the registry at GET /metrics.
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { ImportOutcomeEvent } from '../orders/import-outcomes.ts'
import type { KiboResponseInfo } from '../kibo/orders-client.ts'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: {
      /** This app's registry (never prom-client's global one). */
      registry: Registry
    }
  }
}

export const METRIC_PREFIX = 'kibo_bridge_'

const circuitValues = { closed: 0, 'half-open': 1, open: 2 } as const

/** Runs `fn` once per burst of callers: every gauge collected in one scrape shares one query. */
function sharedForMs<T> (ms: number, fn: () => Promise<T>): () => Promise<T> {
  let pending: { promise: Promise<T>; at: number } | null = null
  return () => {
    const now = Date.now()
    if (pending === null || now - pending.at > ms) pending = { promise: fn(), at: now }
    return pending.promise
  }
}

export default fp(
  async function metricsPlugin (app) {
    const registry = new Registry()
    const registers = [registry]
    const log = app.log.child({ component: 'metrics' })
    collectDefaultMetrics({ register: registry })

    // ---- imports (import-events 'outcome') ----------------------------------------------------
    const imports = new Counter({
      name: `${METRIC_PREFIX}imports_total`,
      help: 'Import outcomes by outcome (imported, replayed, queued, duplicate, in_flight, conflict, refused, retry_scheduled, ' +
        'failed, dead), mode (sync, async) and the first payment gateway.',
      labelNames: ['outcome', 'mode', 'gateway'] as const,
      registers
    })
    const retries = new Counter({
      name: `${METRIC_PREFIX}import_retries_total`,
      help: 'Async import attempts that failed and were scheduled to run again, by failure kind.',
      labelNames: ['gateway', 'kind'] as const,
      registers
    })
    const deadLettered = new Counter({
      name: `${METRIC_PREFIX}import_dead_letters_total`,
      help: 'Async imports that exhausted their retries (became dead), by failure kind.',
      labelNames: ['gateway', 'kind'] as const,
      registers
    })
    const endToEnd = new Histogram({
      name: `${METRIC_PREFIX}import_end_to_end_seconds`,
      help: 'From receipt of an order to its import in Kibo (sync: the request; async: queue wait and retries included).',
      labelNames: ['mode', 'gateway'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
      registers
    })
    const step = new Histogram({
      name: `${METRIC_PREFIX}import_step_duration_seconds`,
      help: 'Time spent in one import step (a sync request, an async intake, one async delivery attempt), by mode and outcome.',
      labelNames: ['mode', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers
    })

    function onOutcome (event: ImportOutcomeEvent): void {
      imports.inc({ outcome: event.outcome, mode: event.mode, gateway: event.gateway })
      if (event.outcome === 'retry_scheduled') retries.inc({ gateway: event.gateway, kind: event.kind ?? 'unknown' })
      if (event.outcome === 'dead') deadLettered.inc({ gateway: event.gateway, kind: event.kind ?? 'unknown' })
      if (event.endToEndMs !== undefined) endToEnd.observe({ mode: event.mode, gateway: event.gateway }, event.endToEndMs / 1000)
      if (event.durationMs !== undefined) step.observe({ mode: event.mode, outcome: event.outcome }, event.durationMs / 1000)
    }

    // ---- Kibo calls (kibo.onResponse) ---------------------------------------------------------
    const kiboResponses = new Counter({
      name: `${METRIC_PREFIX}kibo_responses_total`,
      help: 'Kibo API responses by tenant, operation and HTTP status ("error": no response: timeout, reset, refused).',
      labelNames: ['tenant', 'operation', 'status'] as const,
      registers
    })
    const kiboLatency = new Histogram({
      name: `${METRIC_PREFIX}kibo_request_duration_seconds`,
      help: 'Duration of each Kibo API call (one HTTP exchange), by tenant and operation.',
      labelNames: ['tenant', 'operation'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers
    })

    function onKiboResponse (info: KiboResponseInfo & { tenant?: string }): void {
      const tenant = info.tenant ?? 'default'
      kiboResponses.inc({ tenant, operation: info.operation, status: info.status === 0 ? 'error' : String(info.status) })
      kiboLatency.observe({ tenant, operation: info.operation }, info.durationMs / 1000)
    }

    // ---- state read at scrape time ------------------------------------------------------------
    const readQueue = sharedForMs(1000, () => app.imports.queueDepth())
    const readStatuses = sharedForMs(1000, () => app.imports.countByStatus())

    // Read at scrape time and never referenced again: each is handed to the registry here.
    registry.registerMetric(new Gauge({
      name: `${METRIC_PREFIX}queue_depth`,
      help: 'Imports waiting for or in delivery (status queued or importing).',
      registers: [],
      async collect () {
        try {
          this.set((await readQueue()).depth)
        } catch (error) {
          log.warn({ err: error }, 'could not read the queue depth for /metrics')
        }
      }
    }))
    registry.registerMetric(new Gauge({
      name: `${METRIC_PREFIX}queue_oldest_age_seconds`,
      help: 'Age of the oldest import still queued or importing (0 when none).',
      registers: [],
      async collect () {
        try {
          this.set((await readQueue()).oldestSeconds)
        } catch (error) {
          log.warn({ err: error }, 'could not read the queue age for /metrics')
        }
      }
    }))
    registry.registerMetric(new Gauge({
      name: `${METRIC_PREFIX}dead_letters`,
      help: 'Imports dead now (async retries exhausted; retry them with POST /v1/imports/retry).',
      registers: [],
      async collect () {
        try {
          this.set((await readStatuses()).dead)
        } catch (error) {
          log.warn({ err: error }, 'could not count dead imports for /metrics')
        }
      }
    }))
    registry.registerMetric(new Gauge({
      name: `${METRIC_PREFIX}import_records`,
      help: 'Import records by status.',
      labelNames: ['status'] as const,
      registers: [],
      async collect () {
        try {
          for (const [status, count] of Object.entries(await readStatuses())) this.set({ status }, count)
        } catch (error) {
          log.warn({ err: error }, 'could not count imports for /metrics')
        }
      }
    }))
    registry.registerMetric(new Gauge({
      name: `${METRIC_PREFIX}kibo_circuit_state`,
      help: 'Kibo circuit breaker per tenant: 0 closed, 1 half-open (the next call probes), 2 open (calls held back).',
      labelNames: ['tenant'] as const,
      registers: [],
      collect () {
        for (const tenant of app.tenants.all) this.set({ tenant: tenant.name }, circuitValues[tenant.circuit.state()])
      }
    }))
    registry.registerMetric(new Counter({
      name: `${METRIC_PREFIX}kibo_token_refreshes_total`,
      help: 'Kibo access tokens obtained (OAuth client credentials), per tenant.',
      labelNames: ['tenant'] as const,
      registers: [],
      collect () {
        this.reset()
        for (const tenant of app.tenants.all) this.inc({ tenant: tenant.name }, tenant.tokenProvider.stats.refreshes)
      }
    }))
    registry.registerMetric(new Counter({
      name: `${METRIC_PREFIX}kibo_token_refresh_failures_total`,
      help: 'Kibo access token requests that failed, per tenant.',
      labelNames: ['tenant'] as const,
      registers: [],
      collect () {
        this.reset()
        for (const tenant of app.tenants.all) this.inc({ tenant: tenant.name }, tenant.tokenProvider.stats.failures)
      }
    }))

    app.importOutcomes.on('outcome', onOutcome)
    app.kibo.onResponse.add(onKiboResponse)
    app.decorate('metrics', { registry })

    app.addHook('onClose', async () => {
      app.importOutcomes.off('outcome', onOutcome)
      app.kibo.onResponse.delete(onKiboResponse)
      registry.clear()
    })
  },
  { name: 'metrics', dependencies: ['store', 'kibo', 'import-outcomes'] }
)
