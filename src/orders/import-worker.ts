// The import worker (async imports): a pg-boss queue on the same database as the import records.
//
// The import record is the truth; a job is only a reminder to work on it. A job is enqueued in
// the same transaction that stores the record (so there is never one without the other), carries
// the import id as its singleton key (so pg-boss holds at most one waiting and one running job per
// import), and a worker must first take the record's lease, which the database grants to one
// worker at a time. A worker that dies loses its lease when it expires; the sweeper then sends
// the import a new job. A create whose outcome is unknown is always reconciled by externalId
// before it is tried again, so a surplus job can cost a look-up, never a second order.
import fp from 'fastify-plugin'
import { PgBoss, fromPglite, type Db } from 'pg-boss'
import type { FastifyBaseLogger } from 'fastify'
import { OrderEventSchema, type OrderEvent } from '../../schemas/order-event.ts'
import type { Config } from '../config/config.ts'
import { problemType, type Problem } from '../../schemas/problem.ts'
import { KiboError, kiboErrorToProblem } from '../kibo/errors.ts'
import { CircuitOpenError, type KiboTenant } from '../kibo/tenants.ts'
import { LeaseLostError, type ImportRecord, type Queryable } from '../store/index.ts'
import { createKiboPauses } from '../store/kibo-pauses.ts'
import { lockQueueSetup, unlockQueueSetup } from '../store/sql.ts'
import { decideRetry, type FailureKind, type RetryDecision } from './retry-policy.ts'
import { gatewayOf, type ImportOutcomeEvent } from './import-outcomes.ts'
import { translatedErrorToProblem } from '../kibo/translated-client.ts'
import { outcomeUnknownProblem, translatedImportedOutcome, sendTranslated, translatedOutcomeUnknown } from './translated-send.ts'

export const IMPORT_QUEUE = 'kibo-order-import'

declare module 'fastify' {
  interface FastifyInstance {
    importWorker: {
      /** Enqueues a job for this import; pass the claim's transaction so both commit together. */
      enqueue(importId: string, options?: { tx?: Queryable; startAfter?: Date }): Promise<void>
      /** Enqueues a job for each of these imports, due now, with one statement inside `tx`. */
      enqueueMany(importIds: readonly string[], options: { tx: Queryable }): Promise<void>
      /** Works on one import now (what a job does); exposed for tests and the CLI. */
      processImport(importId: string): Promise<void>
      /** Sends a job to every stranded import; returns how many. */
      sweep(): Promise<number>
      readonly workerId: string
      /** The pg-boss instance on the service's database, for other durable work (its own queues). */
      readonly boss: PgBoss
      /**
       * Lets a storefront connector turn the reference it stored for an order it could not map
       * (`{ connectorOrder: … }`) into an event when that import is retried (after a configuration change).
       */
      setReferenceResolver(resolver: ReferenceResolver): void
    }
  }
}

/** What a connector answers for a stored reference: the event now, or why it still cannot be mapped. */
export type ReferenceResolver = (
  record: ImportRecord,
  log: FastifyBaseLogger
) => Promise<{ ok: true; event: unknown; payloadHash: string } | { ok: false; problem: Problem }>

/** An import whose stored event is a connector's reference to a storefront order, not an event. */
export function isConnectorReference (event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'connectorOrder' in event
}

/** pg-boss's database interface over one of our transactions, so a job commits with its record. */
export function asBossDatabase (queryable: Queryable): Db {
  return { executeSql: (text: string, values?: unknown[]) => queryable.query(text, values) }
}

/**
 * A queue of reminders: one waiting and one running job per key (stately + singleton key); a
 * handler reschedules its own work, and these retries only cover a worker that died holding a job
 * (no heartbeat for heartbeatSeconds).
 */
export function reminderQueueOptions (config: Config) {
  return {
    policy: 'stately',
    retryLimit: 1_000_000,
    retryDelay: 1,
    heartbeatSeconds: 10,
    expireInSeconds: Math.max(60, Math.ceil((config.kiboTimeoutMs * 4 + config.worker.leaseMs) / 1000)),
    deleteAfterSeconds: 24 * 3600
  } as const
}

/** Sends a reminder job for `key`, optionally inside the caller's transaction. */
export async function sendReminder (
  boss: PgBoss,
  queue: string,
  data: object,
  key: string,
  options: { tx?: Queryable; startAfter?: Date } = {}
) {
  await boss.send(queue, data, {
    singletonKey: key,
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.tx ? { db: asBossDatabase(options.tx) } : {})
  })
}

export default fp(
  async function deliveryPlugin (app) {
    const { config } = app
    const policy = config.worker
    const workerId = app.orderImport.leaseOwner
    const log = app.log.child({ component: 'import-worker' })
    // A 429 + Retry-After from Kibo pauses that Kibo tenant for every instance (a row in the shared
    // database, read at most once a second per tenant): Kibo's rate limit counts the whole fleet.
    const pauses = createKiboPauses(app.db)
    async function rateLimitPauseMs (tenantId: number): Promise<number> {
      const remaining = await pauses.remainingMs(tenantId).catch((err: unknown) => {
        log.warn({ err }, 'could not read the Kibo rate-limit pause; going ahead')
        return 0
      })
      // Spread the held-back imports over up to a second after the pause, not all at its last ms.
      return remaining > 0 ? remaining + Math.floor(Math.random() * 1000) : 0
    }

    // Supervision every 10 s (expired heartbeats → retried jobs). The queue statistics refresh
    // every 2 s so that workers switch to burst mode (fetch again at once) while a backlog is
    // ready, instead of waiting a polling interval after every job.
    const bossTimings = {
      schedule: false,
      supervise: true,
      superviseIntervalSeconds: 10,
      monitorIntervalSeconds: 2,
      queueCacheIntervalSeconds: 2
    } as const
    const boss =
      app.db.kind === 'pglite'
        ? new PgBoss({ db: fromPglite(app.db.pglite!), backend: 'pglite', ...bossTimings })
        : new PgBoss({
          // The raw pool: pg-boss expects the driver's own value types.
          db: { executeSql: (text: string, values?: unknown[]) => app.db.pool!.query(text, values) },
          ...bossTimings
        })
    boss.on('error', (error) => log.error({ err: error }, 'queue error'))
    // Instances starting together on an empty PostgreSQL database take turns installing pg-boss
    // (its CREATE SCHEMA races otherwise: "duplicate key … pg_namespace_nspname_index").
    const setupLock = app.db.kind === 'postgres' ? await app.db.pool!.connect() : null
    try {
      await setupLock?.query(lockQueueSetup)
      await boss.start()
      await boss.createQueue(IMPORT_QUEUE, reminderQueueOptions(config))
    } finally {
      if (setupLock !== null) {
        const failed = await setupLock.query(unlockQueueSetup).then(
          () => undefined,
          (error: Error) => error
        )
        setupLock.release(failed) // a connection that could not unlock is dropped, which unlocks
      }
    }

    const enqueue = (importId: string, options: { tx?: Queryable; startAfter?: Date } = {}) =>
      sendReminder(boss, IMPORT_QUEUE, { importId }, importId, options)
    const enqueueMany = async (importIds: readonly string[], options: { tx: Queryable }) => {
      await boss.insert(
        IMPORT_QUEUE,
        importIds.map((importId) => ({ data: { importId }, singletonKey: importId })),
        { db: asBossDatabase(options.tx) }
      )
    }

    function failureKind (error: unknown): FailureKind {
      return error instanceof KiboError ? error.kind : 'internal'
    }

    function problemFor (error: unknown): Problem {
      if (error instanceof KiboError) return kiboErrorToProblem(error)
      return {
        type: problemType('internal'),
        title: 'Import failed inside the service',
        status: 500,
        detail: error instanceof Error ? error.message : String(error)
      }
    }

    const report = (record: ImportRecord, payload: Omit<ImportOutcomeEvent, 'gateway' | 'mode'>) =>
      app.importOutcomes.emit('outcome', { ...payload, mode: 'async', gateway: gatewayOf(record.event) })

    type FailureDecision = RetryDecision | { retry: false; reason: 'outcome_unknown' }

    /**
     * After a failed try (either target): pause the tenant fleet-wide on a 429, record the attempt,
     * then schedule the next try or fail the import, as `decide` says.
     */
    async function settleFailure (
      record: ImportRecord,
      importLog: FastifyBaseLogger,
      error: unknown,
      problem: Problem,
      took: () => number,
      decide: (kind: FailureKind, retryAfterSeconds: number | undefined) => FailureDecision
    ): Promise<void> {
      const kind = failureKind(error)
      const stored = { ...problem, kind }
      const retryAfterSeconds = error instanceof KiboError ? error.retryAfterSeconds : undefined
      if (kind === 'rate_limited' && retryAfterSeconds !== undefined) {
        const pausedMs = await pauses
          .pause(record.tenantId, retryAfterSeconds * 1000, {
            status: problem.status,
            correlationId: problem.correlationId ?? null,
            by: workerId
          })
          .catch((err: unknown) => importLog.warn({ err }, 'could not record the Kibo rate-limit pause'))
        importLog.warn(
          { tenantId: record.tenantId, retryAfterSeconds, pausedMs },
          'Kibo rate-limited this tenant: every instance pauses it'
        )
      }
      await app.imports.recordAttempt(record.importId, {
        outcome: kind,
        detail: {
          attempt: record.attempts,
          status: problem.status,
          ...(problem.errorCode ? { errorCode: problem.errorCode } : {}),
          ...(problem.correlationId ? { correlationId: problem.correlationId } : {})
        }
      })
      const decision = decide(kind, retryAfterSeconds)
      const logFields = {
        kind,
        status: problem.status,
        kiboCorrelationId: problem.correlationId,
        attempts: record.attempts,
        durationMs: Math.round(took())
      }
      if (decision.retry) {
        await app.imports.releaseToQueue(record.importId, workerId, { error: stored, delayMs: decision.delayMs })
        await enqueue(record.importId, { startAfter: new Date(Date.now() + decision.delayMs) })
        importLog.warn({ ...logFields, outcome: 'retry_scheduled', retryInMs: decision.delayMs }, 'import attempt failed; retry scheduled')
        report(record, { outcome: 'retry_scheduled', status: problem.status, kind, durationMs: took() })
        return
      }
      const status = decision.reason === 'not_retryable' ? 'failed' : 'dead'
      const failure =
        decision.reason === 'outcome_unknown'
          ? { ...stored, kind: 'ambiguous', reason: decision.reason }
          : { ...stored, reason: decision.reason }
      await app.imports.markFailed(record.importId, workerId, { status, error: failure })
      importLog.warn(
        { ...logFields, outcome: status, reason: decision.reason },
        status === 'failed'
          ? 'import failed: Kibo refused it'
          : decision.reason === 'outcome_unknown'
            ? 'import dead: outcome unknown'
            : 'import dead: retries exhausted'
      )
      report(record, { outcome: status, status: problem.status, kind, durationMs: took() })
    }

    let referenceResolver: ReferenceResolver | null = null

    /** One try at an import this worker holds the lease of. */
    async function deliver (held: ImportRecord, tenant: KiboTenant, importLog: FastifyBaseLogger): Promise<void> {
      const started = performance.now()
      const took = () => performance.now() - started
      let record = held
      if (isConnectorReference(record.event) && referenceResolver !== null) {
        const resolved = await referenceResolver(record, importLog)
        if (!resolved.ok) {
          await app.imports.markFailed(record.importId, workerId, { status: 'failed', error: { ...resolved.problem, kind: 'validation' } })
          importLog.warn({ outcome: 'failed', status: resolved.problem.status }, 'storefront order still cannot be mapped')
          report(record, { outcome: 'failed', status: resolved.problem.status, kind: 'validation', durationMs: took() })
          return
        }
        record = await app.imports.replaceEvent(record.importId, workerId, resolved.event, resolved.payloadHash)
      }
      const parsed = OrderEventSchema.safeParse(record.event)
      if (!parsed.success) {
        await app.imports.markFailed(record.importId, workerId, {
          status: 'failed',
          error: {
            type: problemType('invalid-request'),
            title: 'The stored event no longer passes validation',
            status: 400,
            detail: parsed.error.message,
            kind: 'validation'
          }
        })
        importLog.error({ outcome: 'failed' }, 'stored event no longer valid')
        report(record, { outcome: 'failed', status: 400, kind: 'validation', durationMs: took() })
        return
      }
      if (tenant.translated !== null) return deliverTranslated(record, parsed.data, tenant, importLog, started)
      const mapped = tenant.map(parsed.data)
      if (!mapped.ok) {
        await app.imports.markFailed(record.importId, workerId, { status: 'failed', error: { ...mapped.problem, kind: 'validation' } })
        importLog.warn({ outcome: 'failed', status: mapped.problem.status }, 'import refused by the mapping')
        report(record, { outcome: 'failed', status: mapped.problem.status, kind: 'validation', durationMs: took() })
        return
      }

      try {
        // Every try after the first may follow one whose outcome is unknown (a worker that died
        // mid-create, a lost answer): ask Kibo before creating.
        let kiboOrder: { id: string; orderNumber?: number | undefined } | null = null
        let created = false
        let correlationId: string | null = null
        if (record.attempts > 1) kiboOrder = await tenant.client.findOrderByExternalId(record.externalId)
        if (kiboOrder === null) {
          const result = await tenant.importOrder(mapped.kiboOrder, { retryBudgetMs: 0 })
          kiboOrder = result.order
          created = result.created
          correlationId = result.correlationId ?? null
        }
        const imported = await app.imports.markImported(
          record.importId,
          workerId,
          { kiboOrderId: kiboOrder.id, kiboOrderNumber: kiboOrder.orderNumber ?? null, correlationId, created },
          { event: record.event }
        )
        await app.restrictions.afterImport(imported, () => importLog)
        importLog.info(
          {
            outcome: 'imported',
            kiboOrderId: kiboOrder.id,
            kiboCorrelationId: correlationId,
            found: !created,
            attempts: record.attempts,
            durationMs: Math.round(performance.now() - started)
          },
          'order imported'
        )
        report(record, { outcome: 'imported', status: 201, durationMs: took(), endToEndMs: Date.now() - Date.parse(record.createdAt) })
      } catch (error) {
        if (error instanceof LeaseLostError) throw error
        await settleFailure(record, importLog, error, problemFor(error), took, (kind, retryAfterSeconds) =>
          decideRetry(policy, { kind, attempts: record.attempts, createdAt: record.createdAt, now: Date.now(), retryAfterSeconds })
        )
      }
    }

    /**
     * One try at a translated-v2 import: sent once, never looked up (the API has none). Refused
     * answers and outages that prove nothing was processed (unavailable, rate_limited, auth) are
     * retried with the normal backoff; an ambiguous one, or a previous try that died mid-send,
     * makes the import dead with reason outcome_unknown until an operator retries it.
     */
    async function deliverTranslated (
      record: ImportRecord,
      event: OrderEvent,
      tenant: KiboTenant,
      importLog: FastifyBaseLogger,
      started: number
    ): Promise<void> {
      const target = tenant.translated!
      const took = () => performance.now() - started
      const mapped = target.map(event)
      if (!mapped.ok) {
        await app.imports.markFailed(record.importId, workerId, { status: 'failed', error: { ...mapped.problem, kind: 'validation' } })
        importLog.warn({ outcome: 'failed', status: mapped.problem.status }, 'import refused by the mapping')
        report(record, { outcome: 'failed', status: mapped.problem.status, kind: 'validation', durationMs: took() })
        return
      }
      if (translatedOutcomeUnknown(await app.imports.getImportEvents(record.importId))) {
        const problem = outcomeUnknownProblem(record)
        await app.imports.markFailed(record.importId, workerId, {
          status: 'dead',
          error: { ...problem, kind: 'ambiguous', reason: 'outcome_unknown' }
        })
        importLog.warn(
          { outcome: 'dead', reason: 'outcome_unknown', attempts: record.attempts },
          'import not sent: an earlier translated create may have reached Kibo'
        )
        report(record, { outcome: 'dead', status: 409, kind: 'ambiguous', durationMs: took() })
        return
      }
      try {
        const sent = await sendTranslated(app.imports, target, record, mapped, await app.translatedAuthorizations.find(record))
        await app.imports.markImported(record.importId, workerId, translatedImportedOutcome(sent), { event: record.event })
        importLog.info(
          {
            outcome: 'imported',
            target: 'translated-v2',
            kiboOrderId: sent.orderIds[0],
            orderIds: sent.orderIds,
            kiboCorrelationId: sent.correlationId,
            attempts: record.attempts,
            durationMs: Math.round(took())
          },
          'order imported'
        )
        report(record, { outcome: 'imported', status: 201, durationMs: took(), endToEndMs: Date.now() - Date.parse(record.createdAt) })
      } catch (error) {
        if (error instanceof LeaseLostError) throw error
        const problem: Problem = error instanceof KiboError ? translatedErrorToProblem(error) : problemFor(error)
        // Only answers that prove nothing was processed may be sent again automatically.
        await settleFailure(record, importLog, error, problem, took, (kind, retryAfterSeconds) =>
          kind === 'unavailable' || kind === 'rate_limited' || kind === 'auth'
            ? decideRetry(policy, { kind, attempts: record.attempts, createdAt: record.createdAt, now: Date.now(), retryAfterSeconds })
            : ({ retry: false, reason: kind === 'ambiguous' || kind === 'internal' ? 'outcome_unknown' : 'not_retryable' } as const)
        )
      }
    }

    async function processImport (importId: string): Promise<void> {
      const importLog = log.child({ importId })
      const record = await app.imports.leaseImport(importId, workerId, policy.leaseMs)
      if (record === null) {
        // Not ours to work on now: done, held by a live worker, or not due yet.
        const current = await app.imports.getImport(importId)
        if (current === null || !['queued', 'importing'].includes(current.status)) return
        const dueAt = current.status === 'queued' ? current.nextAttemptAt : current.leaseExpiresAt
        if (dueAt !== null) await enqueue(importId, { startAfter: new Date(Math.max(Date.now(), Date.parse(dueAt)) + 100) })
        return
      }
      const tenant = app.tenants.bySite(record.tenantId, record.siteId)
      // Its tenant was removed from the configuration, Kibo's circuit is open, or Kibo rate-limited
      // the tenant (a 429 seen by any instance): hand it back untouched (the lease taken just now
      // is not counted) and look again later.
      const holdBackMs =
        tenant === undefined
          ? 60_000
          : tenant.circuit.state() === 'open'
            ? tenant.circuit.retryAfterSeconds * 1000
            : await rateLimitPauseMs(record.tenantId)
      if (tenant === undefined || holdBackMs > 0) {
        if (tenant === undefined) {
          importLog.error(
            { tenantId: record.tenantId, siteId: record.siteId },
            'import belongs to a tenant this instance does not serve; retrying later'
          )
        }
        await app.imports.releaseToQueue(importId, workerId, { delayMs: holdBackMs, uncount: true })
        await enqueue(importId, { startAfter: new Date(Date.now() + holdBackMs) })
        return
      }
      const scoped = importLog.child({
        externalId: record.externalId,
        tenant: tenant.name,
        tenantId: record.tenantId,
        siteId: record.siteId
      })
      const renewal = setInterval(
        () => {
          app.imports.renewLease(importId, workerId, policy.leaseMs).catch((err: unknown) => scoped.warn({ err }, 'lease renewal failed'))
        },
        Math.max(250, Math.floor(policy.leaseMs / 3))
      )
      renewal.unref()
      try {
        await deliver(record, tenant, scoped)
      } catch (error) {
        if (error instanceof LeaseLostError) {
          scoped.warn({ status: error.currentStatus }, 'lease lost while importing; another worker owns it now')
          return
        }
        if (error instanceof CircuitOpenError) throw error
        scoped.error({ err: error }, 'import worker failed; the job will be retried')
        throw error
      } finally {
        clearInterval(renewal)
      }
    }

    async function sweep (): Promise<number> {
      const stranded = await app.imports.listStrandedImports({ graceMs: Math.max(30_000, policy.leaseMs * 2), limit: 500 })
      for (const importId of stranded) await enqueue(importId)
      if (stranded.length > 0) log.warn({ count: stranded.length }, 'stranded imports sent to the queue again')
      return stranded.length
    }

    let sweeper: NodeJS.Timeout | undefined
    /** Imports this process is working on now (said in the shutdown log line). */
    let running = 0
    if (policy.concurrency > 0) {
      await boss.work<{ importId: string }>(
        IMPORT_QUEUE,
        {
          localConcurrency: policy.concurrency,
          batchSize: 1,
          pollingIntervalSeconds: Math.max(0.5, policy.pollMs / 1000),
          burstWhenReadyExceeds: 1
        },
        async ([job]) => {
          running++
          try {
            await processImport(job.data.importId)
          } finally {
            running--
          }
        }
      )
      const sweepEveryMs = Math.max(1000, Math.min(5000, Math.floor(policy.leaseMs / 3)))
      sweeper = setInterval(() => {
        sweep().catch((err: unknown) => log.error({ err }, 'sweep failed'))
      }, sweepEveryMs)
      sweeper.unref()
      // Work stranded by a previous run of this process (kill -9) is picked up right away.
      await sweep()
    }

    app.decorate('importWorker', {
      enqueue,
      enqueueMany,
      processImport,
      sweep,
      workerId,
      boss,
      setReferenceResolver: (resolver: ReferenceResolver) => {
        referenceResolver = resolver
      }
    })

    app.addHook('onClose', async () => {
      clearInterval(sweeper)
      // Stop taking jobs, let running imports finish within the shutdown budget; an import still
      // running after it keeps its lease until it expires and is then picked up again.
      const started = Date.now()
      const atSignal = running
      await boss.stop({ graceful: true, close: false, timeout: config.shutdownTimeoutMs })
      log.info(
        { runningAtStop: atSignal, stillRunning: running, waitedMs: Date.now() - started },
        running === 0 ? 'import worker stopped' : 'import worker stopped; imports still running keep their lease until it expires'
      )
    })
  },
  { name: 'import-worker', dependencies: ['store', 'kibo', 'order-import', 'import-outcomes'] }
)
