// The frame every storefront connector shares (a platform is a Connector: src/connectors/connector.ts).
//
//   receive     a delivery's RAW bytes: unknown store or bad signature → 401, nothing stored; else
//               parsed, read, stored (connector_deliveries) and answered fast: 202 when an import
//               was started, 200 for a duplicate (same event; same order, whatever the topic) or
//               a delivery that imports nothing (its reason recorded)
//   fetch job   pg-boss queue connector-order-fetch, one job per import key (platform, store,
//               order): fetch the order from the platform API, map it, hand it to the one import
//               pipeline (app.orderImport.acceptForWorker); transient API failures are retried
//   reconcile   per store, every reconcileIntervalMs: a self-rescheduling pg-boss job per store
//               (one waiting and one running per key across the fleet) under a database run lease;
//               lists orders updated since the durable checkpoint and starts the import of every
//               importable order no delivery brought. Also run now by the route and the CLI.
//   preview     platform order → event → Kibo payload, nothing stored or sent
//   retry       an order that could not be mapped is a failed import holding a reference to it;
//               POST /v1/imports/{id}/retry fetches and maps it again (app.importWorker resolver)
import fp from 'fastify-plugin'
import type { IncomingHttpHeaders } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import { problemType, type Problem } from '../../schemas/problem.ts'
import type { OrderEvent } from '../../schemas/order-event.ts'
import type { KiboOrder } from '../../schemas/kibo-order.ts'
import { ProblemError } from '../plugins/problems.ts'
import type { KiboTenant } from '../kibo/tenants.ts'
import { payloadHash } from '../lib/canonical-json.ts'
import { reminderQueueOptions, sendReminder } from '../orders/import-worker.ts'
import type { Queryable } from '../store/index.ts'
import type { ConnectorStoreState, StoreKey } from '../store/connector-store.ts'
import { PlatformApiError, type Connector, type StoreBinding } from './connector.ts'

export const FETCH_QUEUE = 'connector-order-fetch'
export const RECONCILE_QUEUE = 'connector-reconcile'
/** Deliveries triggered longer ago are refused as stale (Shopify retries for 4 h; replays are refused). */
export const MAX_DELIVERY_AGE_MS = 12 * 3_600_000
/** A store seen for the first time is reconciled from this long before its first run. */
export const FIRST_RUN_LOOKBACK_MS = 24 * 3_600_000
const RUN_LEASE_MS = 5 * 60_000

export interface BoundStore {
  connector: Connector<any, any, any>
  binding: StoreBinding<any>
  tenant: KiboTenant
  /** imports.source of its orders: `${platform}:${store}`. */
  source: string
  client(): any
}

export interface DeliveryAnswer {
  status: 200 | 202
  body: {
    status: 'accepted' | 'duplicate' | 'skipped'
    platform: string
    store: string
    topic: string
    orderKey: string | null
    reason?: string
  }
}

export interface ReconcileSummary {
  platform: string
  store: string
  since: string
  checkpoint: string | null
  listed: number
  foundWithoutWebhook: number
  pages: number
  status: 'ok' | 'failed'
  error?: string
}

export interface PreviewResult {
  event: OrderEvent
  kiboOrder: KiboOrder
  assumptions: string[]
}

export interface StoreView {
  platform: string
  store: string
  lastWebhookAt: string | null
  reconcile: { checkpoint: string | null; lastRunAt: string | null; lastRunStatus: string | null; foundWithoutWebhook: number }
}

declare module 'fastify' {
  interface FastifyInstance {
    connectors: {
      registry: ReadonlyArray<Connector<any, any, any>>
      find(platform: string, store: string): BoundStore | undefined
      /** A verified, stored and answered delivery; throws ProblemError (401/400) when refused. */
      receive(platform: string, raw: Buffer | undefined, headers: IncomingHttpHeaders, log: FastifyBaseLogger): Promise<DeliveryAnswer>
      /** What the fetch job does for one import key (exposed for tests). */
      processOrder(platform: string, store: string, orderKey: string): Promise<void>
      reconcile(platform: string, store: string, options?: { since?: string }): Promise<ReconcileSummary>
      preview(platform: string, body: unknown, tenant: KiboTenant, store?: string): PreviewResult
      storesOf(tenant: KiboTenant): Promise<StoreView[]>
    }
  }
}

/**
 * A platform's body, once its signature holds. Platforms send ids above 2^53 as JSON numbers
 * (Shopify's REST ids): those are kept exactly, as their digits in a string.
 */
export function parseDeliveryJson (raw: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const reviver = function (_key: string, parsed: unknown, context?: { source?: string }) {
      if (typeof parsed === 'number' && !Number.isSafeInteger(parsed) && context?.source !== undefined && /^-?\d+$/.test(context.source)) {
        return context.source
      }
      return parsed
    } as (key: string, value: unknown) => unknown
    const value: unknown = JSON.parse(raw.toString('utf8'), reviver)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

function refused (slug: string, title: string, status: number, detail: string): ProblemError {
  return new ProblemError({ type: problemType(slug), title, status, detail })
}

export default fp(
  async function connectorFrame (app, options: { registry: ReadonlyArray<Connector<any, any, any>> }) {
    const { config } = app
    const log = app.log.child({ component: 'connectors' })
    const boss = app.importWorker.boss
    const owner = app.orderImport.leaseOwner
    const registry = options.registry

    const bound = new Map<string, BoundStore>()
    const clients: Array<{ close(): Promise<void> }> = []
    for (const tenantConfig of config.tenants) {
      const tenant = app.tenants.byName(tenantConfig.name)!
      for (const connector of registry) {
        for (const binding of connector.stores(tenantConfig, config)) {
          let client: any = null
          bound.set(`${connector.platform}:${binding.store}`, {
            connector,
            binding,
            tenant,
            source: `${connector.platform}:${binding.store}`,
            client: () => {
              if (client === null) {
                client = connector.client(binding.config)
                clients.push(client)
              }
              return client
            }
          })
        }
      }
    }
    const find = (platform: string, store: string) => bound.get(`${platform}:${store}`)
    const keyOf = (b: BoundStore): StoreKey => ({ platform: b.connector.platform, store: b.binding.store })
    const storeRow = (b: BoundStore) => ({ ...keyOf(b), tenantId: b.tenant.tenantId, siteId: b.tenant.siteId })

    await boss.createQueue(FETCH_QUEUE, reminderQueueOptions(config))
    await boss.createQueue(RECONCILE_QUEUE, reminderQueueOptions(config))
    const enqueueFetch = (platform: string, store: string, orderKey: string, opts: { tx?: Queryable; startAfter?: Date } = {}) =>
      sendReminder(boss, FETCH_QUEUE, { platform, store, orderKey }, `${platform}:${store}:${orderKey}`, opts)

    // ------------------------------------------------------------------ intake

    async function receive (
      platform: string,
      raw: Buffer | undefined,
      headers: IncomingHttpHeaders,
      requestLog: FastifyBaseLogger
    ): Promise<DeliveryAnswer> {
      const connector = registry.find((candidate) => candidate.platform === platform)!
      const handshake = connector.handshake?.(raw ?? Buffer.alloc(0), headers)
      if (handshake !== undefined) {
        requestLog.info({ platform, topic: handshake.topic }, 'storefront endpoint test answered')
        return {
          status: 200,
          body: { status: 'skipped', platform, store: '', topic: handshake.topic, orderKey: null, reason: handshake.reason }
        }
      }
      const storeName = connector.storeOf(headers, raw ?? Buffer.alloc(0))
      const b = storeName === undefined ? undefined : find(platform, storeName)
      if (b === undefined) {
        const named = JSON.stringify(storeName ?? '')
        throw refused('unknown-store', 'Unknown store', 401, `No ${connector.title} store ${named} is configured here.`)
      }
      const verified = connector.verify(raw ?? Buffer.alloc(0), headers, b.binding.config)
      if (!verified.ok) throw refused('invalid-signature', 'Invalid webhook signature', 401, verified.reason)
      const parsed = parseDeliveryJson(raw!)
      if (!parsed.ok) throw refused('invalid-json', 'Invalid JSON body', 400, parsed.message)
      const read = connector.classify(parsed.value, headers, b.binding.config)
      if (read.triggeredAt !== null) {
        const at = Date.parse(read.triggeredAt)
        if (Number.isNaN(at)) {
          throw refused('stale-delivery', 'Stale delivery', 401, `The triggered-at header ${read.triggeredAt} is not a date-time.`)
        }
        if (Date.now() - at > MAX_DELIVERY_AGE_MS) {
          const hours = MAX_DELIVERY_AGE_MS / 3_600_000
          throw refused('stale-delivery', 'Stale delivery', 401,
            `Triggered at ${read.triggeredAt}: older than ${hours} h; a replay is refused (the reconciler finds the order).`)
        }
      }
      const answer = await app.db.transaction(async (tx) => {
        await app.connectorStore.touchStore(storeRow(b), true, tx)
        let outcome: 'accepted' | 'duplicate' | 'skipped'
        let reason: string | null
        if (!read.importable) {
          outcome = 'skipped'
          reason = read.reason
        } else {
          const claimed = await app.connectorStore.claimOrder({ ...storeRow(b), orderKey: read.orderKey!, foundBy: 'webhook' }, tx)
          outcome = claimed === null ? 'duplicate' : 'accepted'
          reason = claimed === null ? `order ${read.orderKey} was already received (one import per order, whatever the topic)` : null
        }
        const stored = await app.connectorStore.recordDelivery(
          {
            platform,
            store: b.binding.store,
            deliveryId: read.deliveryId,
            eventId: read.eventId,
            topic: read.topic,
            orderKey: read.orderKey,
            triggeredAt: read.triggeredAt,
            outcome,
            reason
          },
          tx
        )
        if (stored === 'duplicate' && outcome === 'accepted') throw new Error('unreachable: a new order from a duplicate event')
        if (stored === 'accepted') await enqueueFetch(platform, b.binding.store, read.orderKey!, { tx })
        return { outcome: stored, reason: stored === 'duplicate' && reason === null ? 'the same event was already received' : reason }
      })
      if (answer.outcome === 'duplicate' && read.importable) await fetchAgainIfWaiting(b, read.orderKey!)
      requestLog.info(
        {
          platform,
          store: b.binding.store,
          topic: read.topic,
          orderKey: read.orderKey,
          eventId: read.eventId,
          outcome: answer.outcome,
          reason: answer.reason
        },
        'storefront delivery'
      )
      return {
        status: answer.outcome === 'accepted' ? 202 : 200,
        body: {
          status: answer.outcome,
          platform,
          store: b.binding.store,
          topic: read.topic,
          orderKey: read.orderKey,
          ...(answer.reason === null ? {} : { reason: answer.reason })
        }
      }
    }

    // ------------------------------------------------------------------ fetch, map, hand off

    /**
     * An order received before but not handed off yet (skipped as not importable then, or waiting for
     * a retry) is fetched again when another delivery or the reconciliation names it: its state may
     * have changed (BigCommerce: paid since). One queued job per order (stately queue): no doubles.
     */
    async function fetchAgainIfWaiting (b: BoundStore, orderKey: string) {
      const row = await app.connectorStore.getOrder({ ...keyOf(b), orderKey })
      if (row?.status === 'fetching') await enqueueFetch(b.connector.platform, b.binding.store, orderKey)
    }

    const backoffMs = (attempts: number) =>
      Math.min(config.worker.retryMaxMs, config.worker.retryBaseMs * 2 ** Math.min(attempts, 20)) + Math.floor(Math.random() * 250)

    async function recordNotMappable (b: BoundStore, orderKey: string, externalId: string, problem: Problem) {
      const record = await app.connectorStore.recordUnmapped({
        tenantId: b.tenant.tenantId,
        siteId: b.tenant.siteId,
        externalId,
        reference: { connectorOrder: { platform: b.connector.platform, store: b.binding.store, orderKey } },
        problem: { ...problem, kind: 'validation' },
        source: b.source
      })
      await app.connectorStore.updateOrder(
        { ...keyOf(b), orderKey },
        {
          status: 'failed',
          importId: record?.importId ?? null,
          externalId,
          error: problem
        }
      )
      log.warn(
        {
          platform: b.connector.platform,
          store: b.binding.store,
          orderKey,
          externalId,
          importId: record?.importId,
          problem: problem.detail
        },
        'storefront order not mappable: import failed'
      )
    }

    async function processOrder (platform: string, store: string, orderKey: string): Promise<void> {
      const b = find(platform, store)
      const row = await app.connectorStore.getOrder({ platform, store, orderKey })
      if (b === undefined || row === null || row.status === 'handed_off') return
      const orderLog = log.child({ platform, store, orderKey })
      let order: unknown
      try {
        order = await b.connector.fetchOrder(b.client(), orderKey)
      } catch (error) {
        if (!(error instanceof PlatformApiError)) throw error
        // Throttling, 5xx, a token being fixed: the order waits, it is never dropped.
        const delayMs = backoffMs(row.attempts)
        const failure = { detail: error.message, transient: error.transient }
        await app.connectorStore.updateOrder({ platform, store, orderKey }, { status: 'fetching', error: failure })
        await enqueueFetch(platform, store, orderKey, { startAfter: new Date(Date.now() + delayMs) })
        orderLog.warn({ err: error.message, retryInMs: delayMs }, 'storefront order fetch failed; retry scheduled')
        return
      }
      if (order === null) {
        await app.connectorStore.updateOrder({ platform, store, orderKey }, {
          status: 'failed',
          error: { detail: `${b.connector.title} does not know order ${orderKey}` }
        })
        orderLog.warn('storefront order not found on the platform')
        return
      }
      const skip = b.connector.skipReason?.(order, b.binding.config)
      if (skip !== undefined) {
        // Not importable now: left waiting (not handed off) for the next delivery or reconciliation.
        await app.connectorStore.updateOrder({ platform, store, orderKey }, { status: 'fetching', error: { detail: skip, skipped: true } })
        orderLog.info({ reason: skip }, 'storefront order not imported now')
        return
      }
      const mapped = b.connector.mapToEvent(order, b.binding.config)
      if (!mapped.ok) return recordNotMappable(b, orderKey, mapped.externalId, mapped.problem)
      try {
        const accepted = await app.orderImport.acceptForWorker(mapped.event, { tenant: b.tenant, log: orderLog, source: b.source })
        await app.connectorStore.updateOrder({ platform, store, orderKey }, {
          status: 'handed_off',
          importId: accepted.body.importId,
          externalId: mapped.externalId
        })
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error
        if (error.problem.status >= 500 || error.problem.status === 429 || error.problem.status === 409) {
          await enqueueFetch(platform, store, orderKey, { startAfter: new Date(Date.now() + backoffMs(row.attempts)) })
          await app.connectorStore.updateOrder({ platform, store, orderKey }, { status: 'fetching', error: error.problem })
          return
        }
        await recordNotMappable(b, orderKey, mapped.externalId, error.problem as Problem)
      }
    }

    // A retried import of an order that could not be mapped: fetch and map it again.
    app.importWorker.setReferenceResolver(async (record, resolverLog) => {
      const reference = (record.event as { connectorOrder?: { platform: string; store: string; orderKey: string } }).connectorOrder!
      const b = find(reference.platform, reference.store)
      const fail = (detail: string, status = 422): { ok: false; problem: Problem } => ({
        ok: false,
        problem: { type: problemType('shopify-order-not-mappable'), title: 'The storefront order cannot be imported', status, detail }
      })
      if (b === undefined) return fail(`${reference.platform} store ${reference.store} is not configured any more`)
      let order: unknown
      try {
        order = await b.connector.fetchOrder(b.client(), reference.orderKey)
      } catch (error) {
        if (!(error instanceof PlatformApiError)) throw error
        return fail(`${b.connector.title} API: ${error.message}; retry the import later`, 503)
      }
      if (order === null) return fail(`${b.connector.title} does not know order ${reference.orderKey}`)
      const mapped = b.connector.mapToEvent(order, b.binding.config)
      if (!mapped.ok) return { ok: false, problem: mapped.problem }
      if (mapped.externalId !== record.externalId) {
        return fail(
          `the order now maps to externalId ${mapped.externalId}, not this import's ${record.externalId}; ` +
          'the configuration changed its externalId'
        )
      }
      await app.connectorStore.updateOrder(
        { ...keyOf(b), orderKey: reference.orderKey },
        {
          status: 'handed_off',
          importId: record.importId,
          externalId: mapped.externalId
        }
      )
      resolverLog.info({ ...reference }, 'storefront order mapped on retry')
      return { ok: true, event: mapped.event, payloadHash: payloadHash(mapped.event) }
    })

    // ------------------------------------------------------------------ reconciliation

    async function reconcile (platform: string, store: string, runOptions: { since?: string } = {}): Promise<ReconcileSummary> {
      const b = find(platform, store)
      if (b === undefined) throw refused('not-found', 'Unknown store', 404, `No ${platform} store ${store} is configured for this service.`)
      const key = keyOf(b)
      await app.connectorStore.touchStore(storeRow(b), false)
      const state = await app.connectorStore.leaseRun(key, owner, RUN_LEASE_MS)
      if (state === null) {
        const detail = `Another instance is reconciling ${store} now; try again shortly.`
        throw refused('reconcile-running', 'A reconciliation of this store is running', 409, detail)
      }
      const since = runOptions.since ?? state.checkpoint ?? new Date(Date.now() - FIRST_RUN_LOOKBACK_MS).toISOString()
      const summary: ReconcileSummary = {
        platform,
        store,
        since,
        checkpoint: state.checkpoint,
        listed: 0,
        foundWithoutWebhook: 0,
        pages: 0,
        status: 'ok'
      }
      try {
        let cursor: string | null = null
        do {
          const page = await b.connector.listChangedSince(b.client(), b.binding.config, since, cursor)
          let found = 0
          for (const listed of page.orders) {
            summary.listed++
            if (!listed.importable) continue
            const claimed = await app.db.transaction(async (tx) => {
              const row = await app.connectorStore.claimOrder({ ...storeRow(b), orderKey: listed.orderKey, foundBy: 'reconcile' }, tx)
              if (row !== null) await enqueueFetch(platform, store, listed.orderKey, { tx })
              return row !== null
            })
            if (claimed) found++
            else await fetchAgainIfWaiting(b, listed.orderKey)
          }
          const last = page.orders.at(-1)?.updatedAt
          if (last !== undefined || found > 0) {
            await app.connectorStore.advanceCheckpoint(key, owner, last ?? since, found)
            if (last !== undefined && (summary.checkpoint === null || last > summary.checkpoint)) summary.checkpoint = last
          }
          summary.foundWithoutWebhook += found
          summary.pages++
          cursor = page.nextCursor
        } while (cursor !== null)
        if (summary.checkpoint === null) {
          await app.connectorStore.advanceCheckpoint(key, owner, since, 0)
          summary.checkpoint = since
        }
        await app.connectorStore.finishRun(key, owner, 'ok')
      } catch (error) {
        summary.status = 'failed'
        summary.error = error instanceof Error ? error.message : String(error)
        await app.connectorStore.finishRun(key, owner, 'failed', { detail: summary.error }).catch(() => {})
        if (!(error instanceof PlatformApiError)) throw error
      }
      log.info({ ...summary }, summary.foundWithoutWebhook > 0 ? 'reconciliation found orders no webhook brought' : 'reconciliation done')
      return summary
    }

    // ------------------------------------------------------------------ preview, views

    function preview (platform: string, body: unknown, tenant: KiboTenant, store?: string) {
      const connector = registry.find((candidate) => candidate.platform === platform)!
      const b =
        store !== undefined
          ? find(platform, store)
          : [...bound.values()].find((candidate) => candidate.connector.platform === platform && candidate.tenant.name === tenant.name)
      if (store !== undefined && (b === undefined || b.tenant.name !== tenant.name)) {
        throw refused('not-found', 'Unknown store', 404, `No ${platform} store ${store} is configured for this tenant.`)
      }
      const storeConfig = b?.binding.config ?? connector.preview.defaultStore
      const mapped = connector.mapToEvent(connector.preview.toOrder(body), storeConfig)
      if (!mapped.ok) throw new ProblemError(mapped.problem)
      const kibo = tenant.map(mapped.event)
      if (!kibo.ok) throw new ProblemError(kibo.problem)
      if (!('kiboOrder' in kibo)) {
        const detail = 'This tenant imports with translated-v2; use POST /v1/orders/preview with the event.'
        throw refused('preview-unsupported', 'Preview needs an OMS tenant', 422, detail)
      }
      return { event: mapped.event, kiboOrder: kibo.kiboOrder, assumptions: connector.preview.assumptions(body) }
    }

    async function storesOf (tenant: KiboTenant): Promise<StoreView[]> {
      const states = new Map<string, ConnectorStoreState>()
      const rows = await app.connectorStore.listStores(tenant.tenantId, tenant.siteId)
      for (const state of rows) states.set(`${state.platform}:${state.store}`, state)
      return [...bound.values()]
        .filter((b) => b.tenant.name === tenant.name)
        .map((b) => {
          const state = states.get(`${b.connector.platform}:${b.binding.store}`)
          return {
            platform: b.connector.platform,
            store: b.binding.store,
            lastWebhookAt: state?.lastWebhookAt ?? null,
            reconcile: {
              checkpoint: state?.checkpoint ?? null,
              lastRunAt: state?.lastRunAt ?? null,
              lastRunStatus: state?.lastRunStatus ?? null,
              foundWithoutWebhook: state?.foundWithoutWebhook ?? 0
            }
          }
        })
    }

    // ------------------------------------------------------------------ workers

    const policy = config.worker
    const scheduled = [...bound.values()].filter((b) => b.binding.reconcileIntervalMs > 0)
    const scheduleRun = (b: BoundStore, startAfter: Date) =>
      sendReminder(boss, RECONCILE_QUEUE, keyOf(b), `${b.connector.platform}:${b.binding.store}`, { startAfter })
    if (policy.concurrency > 0 && bound.size > 0) {
      await boss.work<{ platform: string; store: string; orderKey: string }>(
        FETCH_QUEUE,
        {
          localConcurrency: Math.max(1, Math.min(4, policy.concurrency)),
          batchSize: 1,
          pollingIntervalSeconds: Math.max(0.5, policy.pollMs / 1000)
        },
        async ([job]) => {
          await processOrder(job.data.platform, job.data.store, job.data.orderKey)
        }
      )
      await boss.work<StoreKey>(RECONCILE_QUEUE, { localConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        const b = find(job.data.platform, job.data.store)
        if (b === undefined || b.binding.reconcileIntervalMs <= 0) return
        try {
          await reconcile(job.data.platform, job.data.store)
        } catch (error) {
          log.warn({ err: error, store: job.data.store }, 'scheduled reconciliation did not run')
        }
        await scheduleRun(b, new Date(Date.now() + b.binding.reconcileIntervalMs))
      })
      // One waiting job per store across the fleet (singleton key): a restart does not add a second.
      for (const b of scheduled) await scheduleRun(b, new Date(Date.now() + Math.min(b.binding.reconcileIntervalMs, 60_000)))
    }

    app.decorate('connectors', { registry, find, receive, processOrder, reconcile, preview, storesOf })

    app.addHook('onClose', async () => {
      if (policy.concurrency > 0 && bound.size > 0) {
        await boss.offWork(FETCH_QUEUE, { wait: true }).catch(() => {})
        await boss.offWork(RECONCILE_QUEUE, { wait: true }).catch(() => {})
      }
      await Promise.all(clients.map((client) => client.close().catch(() => {})))
    })
  },
  { name: 'connectors', dependencies: ['store', 'kibo', 'order-import', 'import-worker'] }
)
