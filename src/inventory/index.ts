// Inventory sync: adjust and refresh jobs forwarded to Kibo in batches and followed until Kibo
// finishes them, plus the many-SKU availability query. Layout of this folder:
//   batching.ts               items → per-location batches of Kibo's size; the payload hash
//   upload.ts                 NDJSON/CSV read line by line from the request stream
//   intake.ts                 accepting a job: Idempotency-Key, batches, queued with its reminder
//   tracker.ts                one pass over a job: submit, follow, record, finish or come back
//   index.ts                  this plugin: wiring, the pg-boss queue on app.importWorker.boss, sweeper
// Elsewhere: the records (jobs, batches, per-item errors) in src/store/inventory-store.ts, Kibo's
// adjust/refresh/queue/query calls in src/kibo/inventory-client.ts.
//
// As for orders, the record in our table is the truth and a queue job only a reminder; leases
// decide who works on a job; a job accepted before a restart is picked up after it.
import fp from 'fastify-plugin'
import { reminderQueueOptions, sendReminder } from '../orders/import-worker.ts'
import type { Queryable } from '../store/index.ts'
import type { KiboTenant } from '../kibo/tenants.ts'
import { createInventoryStore, type InventoryJobRecord, type InventoryStore } from '../store/inventory-store.ts'
import {
  createKiboInventoryClient,
  type KiboInventoryClient,
  type KiboInventoryQuery,
  type KiboInventoryRecord
} from '../kibo/inventory-client.ts'
import { createInventoryTracker } from './tracker.ts'
import { acceptInventory, type IntakeInput, type IntakeResult } from './intake.ts'

export const INVENTORY_QUEUE = 'kibo-inventory-job'

declare module 'fastify' {
  interface FastifyInstance {
    inventory: {
      store: InventoryStore
      /** The Kibo inventory client of a tenant/site of this deployment (null: not one of them). */
      clientFor(tenantId: number, siteId: number): KiboInventoryClient | null
      /** Stores a job for the tenant (streaming its items into batches) and queues it; see intake.ts. */
      accept(tenant: KiboTenant, input: IntakeInput): Promise<IntakeResult>
      /** One pass over a job (what a queue job does); exposed for tests. */
      processJob(jobId: string): Promise<void>
      /** Reminders for stranded jobs, and dead uploads deleted; returns how many jobs were reminded. */
      sweep(): Promise<number>
      query(tenant: KiboTenant, request: KiboInventoryQuery): Promise<KiboInventoryRecord[]>
      /** The record if it belongs to this tenant and site. */
      ownJob(tenant: KiboTenant, jobId: string): Promise<InventoryJobRecord | null>
    }
  }
}

export default fp(
  async function inventoryPlugin (app) {
    const { config } = app
    const settings = config.inventory
    const policy = config.worker
    const workerId = app.importWorker.workerId
    const boss = app.importWorker.boss
    const log = app.log.child({ component: 'inventory' })

    const store = createInventoryStore(app.db)
    // One client per tenant/site, on that tenant's token provider (shared with its order calls).
    const clients = new Map<string, KiboInventoryClient>()
    for (const tenant of app.tenants.all) {
      const tenantConfig = config.tenants.find((candidate) => candidate.name === tenant.name)
      const apiBaseUrl = tenantConfig?.kibo?.apiBaseUrl ?? app.kibo.simulator?.apiBaseUrl
      if (apiBaseUrl === undefined) throw new Error(`inventory: no Kibo API base URL for tenant ${tenant.name}`)
      clients.set(
        `${tenant.tenantId}/${tenant.siteId}`,
        createKiboInventoryClient({
          apiBaseUrl,
          tenantId: tenant.tenantId,
          siteId: tenant.siteId,
          tokenProvider: tenant.tokenProvider,
          timeoutMs: config.kiboTimeoutMs,
          connections: Math.max(2, Math.min(16, config.kiboConnections)),
          retryBudgetMs: config.kiboRetryBudgetMs,
          logger: log.child({ tenant: tenant.name })
        })
      )
    }
    const clientFor = (tenantId: number, siteId: number) => clients.get(`${tenantId}/${siteId}`) ?? null

    // Reminders only: a pass reschedules its job itself (the same queue design as order delivery).
    await boss.createQueue(INVENTORY_QUEUE, reminderQueueOptions(config))
    const enqueue = (jobId: string, options: { tx?: Queryable; startAfter?: Date } = {}) =>
      sendReminder(boss, INVENTORY_QUEUE, { jobId }, jobId, options)

    const tracker = createInventoryTracker({
      store,
      clientFor,
      workerId,
      leaseMs: policy.leaseMs,
      pollMs: settings.pollMs,
      trackTimeoutMs: settings.trackTimeoutMs,
      retryPolicy: policy,
      log,
      enqueue: (jobId, startAfter) => enqueue(jobId, startAfter ? { startAfter } : {})
    })

    function accept (tenant: KiboTenant, input: IntakeInput): Promise<IntakeResult> {
      return acceptInventory(
        {
          store,
          tenantId: tenant.tenantId,
          siteId: tenant.siteId,
          leaseOwner: workerId,
          // An upload streams for as long as the caller sends; its lease is renewed meanwhile.
          leaseMs: Math.max(policy.leaseMs, 30_000),
          batchSize: input.kind === 'adjust' ? settings.adjustBatchSize : settings.refreshBatchSize,
          maxItems: settings.uploadMaxItems,
          enqueue: (jobId, tx) => enqueue(jobId, { tx })
        },
        input
      )
    }

    async function sweep (): Promise<number> {
      const deleted = await store.deleteStaleUploads(100)
      if (deleted > 0) log.warn({ count: deleted }, 'abandoned inventory uploads deleted')
      const stranded = await store.listStranded(Math.max(30_000, policy.leaseMs * 2), 500)
      for (const jobId of stranded) await enqueue(jobId)
      if (stranded.length > 0) log.warn({ count: stranded.length }, 'stranded inventory jobs sent to the queue again')
      return stranded.length
    }

    async function ownJob (tenant: KiboTenant, jobId: string): Promise<InventoryJobRecord | null> {
      const record = await store.getJob(jobId)
      return record === null || record.tenantId !== tenant.tenantId || record.siteId !== tenant.siteId ? null : record
    }

    function query (tenant: KiboTenant, request: KiboInventoryQuery): Promise<KiboInventoryRecord[]> {
      const client = clientFor(tenant.tenantId, tenant.siteId)
      if (client === null) throw new Error(`inventory: no client for tenant ${tenant.name}`)
      return client.query(request)
    }

    let sweeper: NodeJS.Timeout | undefined
    if (policy.concurrency > 0) {
      await boss.work<{ jobId: string }>(
        INVENTORY_QUEUE,
        {
          localConcurrency: Math.max(1, Math.min(4, policy.concurrency)),
          batchSize: 1,
          pollingIntervalSeconds: Math.max(0.5, Math.min(policy.pollMs, settings.pollMs) / 1000)
        },
        async ([job]) => {
          await tracker.processJob(job.data.jobId)
        }
      )
      sweeper = setInterval(
        () => {
          sweep().catch((err: unknown) => log.error({ err }, 'inventory sweep failed'))
        },
        Math.max(1000, Math.min(5000, Math.floor(policy.leaseMs / 3)))
      )
      sweeper.unref()
      await sweep()
    }

    app.decorate('inventory', { store, clientFor, accept, processJob: tracker.processJob, sweep, query, ownJob })

    app.addHook('onClose', async () => {
      clearInterval(sweeper)
      if (policy.concurrency > 0) await boss.offWork(INVENTORY_QUEUE, { wait: true }).catch(() => {})
      await Promise.all([...clients.values()].map((client) => client.close()))
    })
  },
  { name: 'inventory', dependencies: ['store', 'kibo', 'import-worker'] }
)
