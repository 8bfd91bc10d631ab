// Kibo's edit and cancellation restrictions (Orders API, "Edit and Cancellation Restrictions"):
// set on the Kibo order after it is imported, with `updateorderrestrictions`. The wanted
// restrictions are stored on the import record first, then applied by a job that is scheduled again
// with the worker's backoff (config.worker.retryBaseMs / retryMaxMs, full jitter, never sooner than
// Kibo's Retry-After) until Kibo confirms them; a failure is visible on the record and never causes a
// second order (this step only ever touches the order the import already created).
import fp from 'fastify-plugin'
import type { FastifyBaseLogger } from 'fastify'
import { KiboError, kiboErrorToProblem } from '../kibo/errors.ts'
import type { ImportRecord } from '../store/index.ts'
import { retryDelayMs } from './retry-policy.ts'

export const RESTRICTIONS_QUEUE = 'kibo-order-restrictions'
/** Tries of one restrictions change before the job stops rescheduling itself. */
const MAX_ATTEMPTS = 30

export interface Restrictions {
  edit?: boolean
  cancellation?: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    restrictions: {
      /** After an import: records the event's restrictions (if any) and schedules applying them. */
      /** `log`: the import's logger, asked for only when there is something to say. */
      afterImport(record: ImportRecord, log: () => FastifyBaseLogger): Promise<void>
      /** Records restrictions for an imported order and applies them now; false: not yet (retried). */
      set(
        record: ImportRecord,
        restrictions: Restrictions,
        log: FastifyBaseLogger
      ): Promise<{ applied: boolean; record: ImportRecord; error?: KiboError }>
    }
  }
}

/** The restrictions an event asks for, without nulls; null when it asks for none. */
export function restrictionsOf (event: unknown): Restrictions | null {
  const wanted = (event as { data?: { restrictions?: { edit?: boolean | null; cancellation?: boolean | null } | null } } | null)?.data
    ?.restrictions
  if (wanted === undefined || wanted === null) return null
  const out: Restrictions = {}
  if (typeof wanted.edit === 'boolean') out.edit = wanted.edit
  if (typeof wanted.cancellation === 'boolean') out.cancellation = wanted.cancellation
  return Object.keys(out).length === 0 ? null : out
}

export default fp(
  async function restrictionsPlugin (app) {
    const boss = app.importWorker.boss
    const log = app.log.child({ component: 'restrictions' })
    const policy = app.config.worker
    // A Kibo error is scheduled again by this plugin (below); pg-boss's own retries only cover an
    // unexpected error thrown by the job, with a delay in whole seconds from the same base.
    await boss.createQueue(RESTRICTIONS_QUEUE, {
      policy: 'stately',
      retryLimit: 30,
      retryDelay: Math.max(1, Math.round(policy.retryBaseMs / 1000)),
      retryBackoff: true,
      retryDelayMax: Math.max(1, Math.round(policy.retryMaxMs / 1000)),
      deleteAfterSeconds: 24 * 3600
    })

    const enqueue = (importId: string, startAfter?: Date) =>
      boss.send(RESTRICTIONS_QUEUE, { importId }, { singletonKey: importId, ...(startAfter ? { startAfter } : {}) })

    /** Tries again after the worker's backoff for the attempts made so far (at most MAX_ATTEMPTS). */
    async function retryLater (importId: string, error: KiboError): Promise<void> {
      const record = await app.imports.getImport(importId)
      const attempts = record?.restrictions?.attempts ?? 1
      if (attempts >= MAX_ATTEMPTS) {
        log.error({ importId, attempts }, 'order restrictions still not applied; giving up until the sweeper or an operator retries')
        return
      }
      const delayMs = retryDelayMs(policy, attempts, error.retryAfterSeconds)
      await enqueue(importId, new Date(Date.now() + delayMs))
    }

    /** One try; throws when it should be tried again. */
    async function apply (importId: string): Promise<{ applied: boolean; error?: KiboError }> {
      const record = await app.imports.getImport(importId)
      if (record === null || record.status !== 'imported' || record.kiboOrderId === null) return { applied: false }
      let wanted: Restrictions | null =
        record.restrictions === null
          ? null
          : {
              ...('edit' in record.restrictions ? { edit: record.restrictions.edit } : {}),
              ...('cancellation' in record.restrictions ? { cancellation: record.restrictions.cancellation } : {})
            }
      if (record.restrictions === null) {
        // Asked for by the event but never recorded (the process died after the import).
        wanted = restrictionsOf(record.event)
        if (wanted === null) return { applied: false }
        await app.imports.setRestrictions(importId, wanted, { source: 'event' })
      } else if (record.restrictions.status === 'applied') return { applied: true }
      const tenant = app.tenants.bySite(record.tenantId, record.siteId)
      if (tenant === undefined) throw new Error(`import ${importId} belongs to a tenant this instance does not serve`)
      try {
        await tenant.client.updateOrderRestrictions(record.kiboOrderId, wanted!)
      } catch (error) {
        const problem =
          error instanceof KiboError
            ? { ...kiboErrorToProblem(error), kind: error.kind }
            : { title: 'Internal error', detail: String(error) }
        await app.imports.markRestrictionsFailed(importId, problem)
        log.warn(
          {
            importId,
            kiboOrderId: record.kiboOrderId,
            kind: (problem as { kind?: string }).kind,
            status: (problem as { status?: number }).status
          },
          'order restrictions not applied; will retry'
        )
        if (error instanceof KiboError) return { applied: false, error }
        throw error
      }
      const applied = await app.imports.markRestrictionsApplied(importId, wanted!)
      log.info({ importId, kiboOrderId: record.kiboOrderId, ...wanted }, 'order restrictions applied')
      return { applied }
    }

    if (app.config.worker.concurrency > 0) {
      await boss.work<{ importId: string }>(
        RESTRICTIONS_QUEUE,
        { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: Math.max(0.5, app.config.worker.pollMs / 1000) },
        async ([job]) => {
          const result = await apply(job.data.importId)
          // A Kibo error is tried again after the backoff, except a refusal of the order itself.
          if (result.error !== undefined && result.error.kind !== 'validation') await retryLater(job.data.importId, result.error)
        }
      )
      const sweeper = setInterval(() => {
        app.imports
          .listPendingRestrictions({ graceMs: 60_000, limit: 200 })
          .then(async (ids) => {
            for (const id of ids) await enqueue(id)
          })
          .catch((err: unknown) => log.error({ err }, 'restrictions sweep failed'))
      }, 30_000)
      sweeper.unref()
      app.addHook('onClose', async () => clearInterval(sweeper))
    }

    app.decorate('restrictions', {
      async afterImport (record: ImportRecord, importLog: () => FastifyBaseLogger) {
        const wanted = restrictionsOf(record.event)
        if (wanted === null) return
        try {
          await app.imports.setRestrictions(record.importId, wanted, { source: 'event' })
          await enqueue(record.importId)
        } catch (err) {
          // The sweeper finds imported orders whose event asks for restrictions not yet recorded.
          importLog().error({ err, importId: record.importId }, 'could not schedule the order restrictions; the sweeper will')
        }
      },
      async set (record: ImportRecord, restrictions: Restrictions, requestLog: FastifyBaseLogger) {
        await app.imports.setRestrictions(record.importId, restrictions, { source: 'api' })
        const result = await apply(record.importId).catch((error: unknown) => {
          requestLog.warn({ err: error }, 'restrictions not applied now')
          return { applied: false, error: undefined }
        })
        if (!result.applied && !(result.error?.kind === 'validation')) await enqueue(record.importId)
        const updated = (await app.imports.getImport(record.importId))!
        return { applied: result.applied, record: updated, ...(result.error ? { error: result.error } : {}) }
      }
    })
  },
  { name: 'restrictions', dependencies: ['import-worker', 'kibo', 'store'] }
)
