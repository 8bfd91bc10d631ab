// Works on one inventory job per pass, under the job's lease: submits its pending batches to
// Kibo, asks Kibo about the submitted ones, records per-item errors, and either finishes the job
// or puts it back in the queue for the next pass (INVENTORY_POLL_MS later). A pass is short, so
// a restart or a dead worker costs at most one lease: the next pass picks up where the records
// say the job is.
//
// The one dangerous moment is a submit whose answer was lost (timeout, reset, 5xx, or a worker
// that died between sending and recording the Kibo job id): Kibo may have queued it. A refresh
// sets absolute quantities, so it is sent again; an adjust would apply twice, so its batch is
// marked `unknown` and left for a person to check (never resent).
import type { FastifyBaseLogger } from 'fastify'
import { KiboError, kiboErrorToProblem } from '../kibo/errors.ts'
import { decideRetry, type RetryPolicy } from '../orders/retry-policy.ts'
import { problemType } from '../../schemas/problem.ts'
import type { KiboInventoryClient, KiboInventoryJob } from '../kibo/inventory-client.ts'
import {
  InventoryLeaseLostError,
  type InventoryBatchRecord,
  type InventoryItemError,
  type InventoryJobRecord,
  type InventoryStore,
  type KiboInventoryItem
} from '../store/inventory-store.ts'

export interface TrackerOptions {
  store: InventoryStore
  /** The Kibo inventory client of the job's tenant/site (null: that tenant is no longer configured). */
  clientFor(tenantId: number, siteId: number): KiboInventoryClient | null
  workerId: string
  leaseMs: number
  pollMs: number
  trackTimeoutMs: number
  retryPolicy: RetryPolicy
  log: FastifyBaseLogger
  /** Sends the job's next reminder. */
  enqueue(jobId: string, startAfter?: Date): Promise<void>
}

const SUCCESS_STATUSES = new Set(['COMPLETED', 'SUCCESS'])
const FAILED_STATUSES = new Set(['FAILED'])
const ITEM_CODES = /\b(ITEM_NOT_FOUND|LOCATION_NOT_FOUND)\b/

type ItemErrorInput = Omit<InventoryItemError, 'batchNo' | 'locationCode'>

/**
 * Per-item errors from a finished Kibo job's `messages` (Kibo documents them only as a list of
 * strings): a message naming ITEM_NOT_FOUND or LOCATION_NOT_FOUND becomes one item error, with
 * the partNumber/upc/sku it quotes when it quotes one.
 */
export function itemErrorsFromMessages (messages: readonly unknown[] | undefined): { itemErrors: ItemErrorInput[]; other: string[] } {
  const itemErrors: ItemErrorInput[] = []
  const other: string[] = []
  for (const raw of messages ?? []) {
    const message = typeof raw === 'string' ? raw : JSON.stringify(raw)
    const code = ITEM_CODES.exec(message)?.[1]
    if (code === undefined) {
      other.push(message)
      continue
    }
    const pick = (name: string) => new RegExp(`\\b${name}\\b\\W{0,3}'?([^'\\s,;)]+)`, 'i').exec(message)?.[1] ?? null
    itemErrors.push({ partNumber: pick('partNumber'), upc: pick('upc'), sku: pick('sku'), code, message })
  }
  return { itemErrors, other }
}

/** Every item of a batch Kibo refused because of its location. */
function locationErrors (items: KiboInventoryItem[], message: string): ItemErrorInput[] {
  return items.map((item) => ({
    partNumber: item.partNumber ?? null,
    upc: item.upc ?? null,
    sku: null,
    code: 'LOCATION_NOT_FOUND',
    message
  }))
}

function problemOf (error: unknown) {
  if (error instanceof KiboError) {
    const problem = kiboErrorToProblem(error)
    return { ...problem, ...(error.kind === 'validation' ? { title: 'Kibo refused the inventory batch' } : {}), kind: error.kind }
  }
  return {
    type: problemType('internal'),
    title: 'Inventory batch failed inside the service',
    status: 500,
    detail: error instanceof Error ? error.message : String(error),
    kind: 'internal'
  }
}

const terminal = new Set(['completed', 'failed', 'unknown'])

export function createInventoryTracker (options: TrackerOptions) {
  const { store, workerId, log } = options

  async function submit (
    client: KiboInventoryClient,
    job: InventoryJobRecord,
    batch: InventoryBatchRecord,
    jobLog: FastifyBaseLogger
  ): Promise<number | null> {
    const items = await store.batchItems(job.jobId, batch.batchNo)
    const attempt = batch.attempts + 1
    // Recorded before sending: if we die now, the next pass knows a submit may be in Kibo.
    await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
      from: 'pending',
      to: 'submitting',
      attemptsToAdd: 1,
      error: batch.lastError
    })
    let result: { jobId: number; correlationId?: string }
    try {
      result = await client.submit(job.kind, batch.locationCode, items)
    } catch (error) {
      const base = { from: 'submitting' as const, locationCode: batch.locationCode }
      const problem = problemOf(error)
      if (error instanceof KiboError && error.errorCode === 'LOCATION_NOT_FOUND') {
        const message = error.kiboMessage ?? `Location ${batch.locationCode} not found or not active.`
        await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
          ...base,
          to: 'failed',
          error: problem,
          itemErrors: locationErrors(items, message)
        })
        jobLog.warn({ batchNo: batch.batchNo, locationCode: batch.locationCode }, 'kibo: location not found; batch failed')
        return null
      }
      if (error instanceof KiboError && (error.kind === 'validation' || error.kind === 'not_found')) {
        await store.transitionBatch(job.jobId, batch.batchNo, workerId, { ...base, to: 'failed', error: problem })
        jobLog.warn({ batchNo: batch.batchNo, errorCode: error.errorCode, status: error.status }, 'kibo refused the inventory batch')
        return null
      }
      if (error instanceof KiboError && error.kind === 'ambiguous' && job.kind === 'adjust') {
        await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
          ...base,
          to: 'unknown',
          error: {
            ...problem,
            type: problemType('inventory-outcome-unknown'),
            title: 'Kibo may have applied this adjustment',
            detail: `${error.message}. An adjustment is not sent twice (it would apply twice): check this location's stock in Kibo.`
          }
        })
        jobLog.error({ batchNo: batch.batchNo, locationCode: batch.locationCode }, 'adjust submit outcome unknown; not resent')
        return null
      }
      const kind = error instanceof KiboError ? error.kind : 'internal'
      const decision = decideRetry(options.retryPolicy, {
        kind: kind === 'ambiguous' ? 'unavailable' : kind, // a refresh is safe to send again
        attempts: attempt,
        createdAt: batch.createdAt,
        now: Date.now(),
        retryAfterSeconds: error instanceof KiboError ? error.retryAfterSeconds : undefined
      })
      if (decision.retry) {
        await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
          ...base,
          to: 'pending',
          error: problem,
          dueInMs: decision.delayMs
        })
        jobLog.warn({ batchNo: batch.batchNo, kind, retryInMs: decision.delayMs }, 'inventory batch submit failed; retry scheduled')
        return decision.delayMs
      }
      await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
        ...base,
        to: 'failed',
        error: { ...problem, reason: decision.reason }
      })
      jobLog.warn({ batchNo: batch.batchNo, kind, reason: decision.reason }, 'inventory batch given up')
      return null
    }
    await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
      from: 'submitting',
      to: 'submitted',
      kiboJobId: result.jobId,
      kiboStatus: 'QUEUED',
      correlationId: result.correlationId ?? null,
      error: null
    })
    jobLog.info(
      { batchNo: batch.batchNo, locationCode: batch.locationCode, items: items.length, kiboJobId: result.jobId },
      'inventory batch queued in kibo'
    )
    return null
  }

  async function track (
    client: KiboInventoryClient,
    job: InventoryJobRecord,
    batch: InventoryBatchRecord,
    jobLog: FastifyBaseLogger
  ): Promise<void> {
    const age = Date.now() - Date.parse(batch.submittedAt ?? batch.updatedAt)
    let kiboJob: KiboInventoryJob
    try {
      kiboJob = await client.getJob(batch.kiboJobId!)
    } catch (error) {
      if (age > options.trackTimeoutMs) {
        await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
          from: 'submitted',
          to: 'unknown',
          error: { ...problemOf(error), detail: `Kibo job ${batch.kiboJobId} could not be followed for ${Math.round(age / 1000)} s` }
        })
        return
      }
      jobLog.warn(
        { batchNo: batch.batchNo, kiboJobId: batch.kiboJobId, err: error instanceof Error ? error.message : error },
        'kibo job status unavailable; asking again next pass'
      )
      return
    }
    const status = String(kiboJob.status ?? '').toUpperCase()
    if (SUCCESS_STATUSES.has(status) || FAILED_STATUSES.has(status)) {
      const { itemErrors, other } = itemErrorsFromMessages(kiboJob.messages)
      const failed = FAILED_STATUSES.has(status)
      await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
        from: 'submitted',
        to: failed ? 'failed' : 'completed',
        kiboStatus: status,
        locationCode: batch.locationCode,
        itemErrors,
        error: failed
          ? {
              type: problemType('kibo-job-failed'),
              title: 'Kibo reported the job FAILED',
              status: 502,
              detail: other.join('; ') || 'Kibo gave no message.',
              kind: 'kibo_job_failed'
            }
          : other.length > 0
            ? { messages: other }
            : null
      })
      jobLog.info(
        { batchNo: batch.batchNo, kiboJobId: batch.kiboJobId, kiboStatus: status, itemErrors: itemErrors.length },
        'kibo inventory job finished'
      )
      return
    }
    if (age > options.trackTimeoutMs) {
      await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
        from: 'submitted',
        to: 'unknown',
        kiboStatus: status || null,
        error: {
          type: problemType('inventory-tracking-timeout'),
          title: 'Kibo did not finish the job in time',
          status: 504,
          detail: `Kibo job ${batch.kiboJobId} was still ${status || 'unreported'} after ${Math.round(age / 1000)} s ` +
            '(INVENTORY_TRACK_TIMEOUT_MS).'
        }
      })
      return
    }
    if (status !== '' && status !== batch.kiboStatus) {
      await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
        from: 'submitted',
        to: 'submitted',
        kiboStatus: status,
        error: batch.lastError ?? null
      })
    }
  }

  /** After a worker died: what a `submitting` batch becomes. */
  async function recover (job: InventoryJobRecord, batch: InventoryBatchRecord, jobLog: FastifyBaseLogger): Promise<void> {
    if (job.kind === 'refresh') {
      await store.transitionBatch(job.jobId, batch.batchNo, workerId, { from: 'submitting', to: 'pending', error: batch.lastError ?? null })
      jobLog.warn(
        { batchNo: batch.batchNo },
        'refresh batch was being submitted when its worker stopped; sending it again (absolute quantities)'
      )
      return
    }
    await store.transitionBatch(job.jobId, batch.batchNo, workerId, {
      from: 'submitting',
      to: 'unknown',
      error: {
        type: problemType('inventory-outcome-unknown'),
        title: 'Kibo may have applied this adjustment',
        status: 502,
        detail:
          'The worker stopped while sending this adjustment, so whether Kibo received it is unknown. It is not sent twice: ' +
            'check this location in Kibo.',
        kind: 'ambiguous'
      }
    })
    jobLog.error({ batchNo: batch.batchNo }, 'adjust batch outcome unknown after a worker stopped; not resent')
  }

  async function pass (job: InventoryJobRecord, jobLog: FastifyBaseLogger): Promise<void> {
    const client = options.clientFor(job.tenantId, job.siteId)
    if (client === null) {
      // Not a tenant of this deployment (any more): leave it for an instance that serves it.
      jobLog.error({ tenantId: job.tenantId, siteId: job.siteId }, 'inventory job of a tenant this instance does not serve')
      await store.release(job.jobId, workerId, Math.max(options.pollMs, 60_000))
      return
    }
    let nextDueMs = options.pollMs
    for (const batch of await store.listBatches(job.jobId)) {
      let current = batch
      if (current.status === 'submitting') {
        await recover(job, current, jobLog)
        if (job.kind !== 'refresh') continue
        current = { ...current, status: 'pending', nextAttemptAt: null }
      }
      if (current.status === 'pending') {
        const dueIn = current.nextAttemptAt === null ? 0 : Date.parse(current.nextAttemptAt) - Date.now()
        if (dueIn > 0) {
          nextDueMs = Math.min(nextDueMs, dueIn)
          continue
        }
        const retryIn = await submit(client, job, current, jobLog)
        if (retryIn !== null) nextDueMs = Math.min(nextDueMs, retryIn)
      } else if (current.status === 'submitted') {
        await track(client, job, current, jobLog)
      }
    }
    const batches = await store.listBatches(job.jobId)
    if (batches.every((batch) => terminal.has(batch.status))) {
      const completed = batches.filter((batch) => batch.status === 'completed').length
      const failed = batches.length - completed
      const { total: itemErrors } = await store.itemErrors(job.jobId, 1, 0)
      const status = completed === 0 ? 'failed' : failed > 0 || itemErrors > 0 ? 'completed_with_errors' : 'completed'
      await store.finish(
        job.jobId,
        workerId,
        status,
        failed > 0
          ? { detail: `${failed} of ${batches.length} batch(es) failed or have an unknown outcome; see batches[].lastError` }
          : null
      )
      jobLog.info({ outcome: status, batches: batches.length, failedBatches: failed, itemErrors }, 'inventory job finished')
      return
    }
    const delay = Math.max(50, nextDueMs)
    await store.release(job.jobId, workerId, delay)
    await options.enqueue(job.jobId, new Date(Date.now() + delay))
  }

  /** What a queue job does: one pass over the inventory job, if it is ours to work on now. */
  async function processJob (jobId: string): Promise<void> {
    const jobLog = log.child({ inventoryJobId: jobId })
    const job = await store.lease(jobId, workerId, options.leaseMs)
    if (job === null) {
      const current = await store.getJob(jobId)
      if (current === null || !['queued', 'running'].includes(current.status)) return
      const dueAt = current.status === 'queued' ? current.nextAttemptAt : current.leaseExpiresAt
      if (dueAt !== null) await options.enqueue(jobId, new Date(Math.max(Date.now(), Date.parse(dueAt)) + 50))
      return
    }
    const renewal = setInterval(
      () => {
        store.renewLease(jobId, workerId, options.leaseMs).catch((err: unknown) => jobLog.warn({ err }, 'inventory lease renewal failed'))
      },
      Math.max(250, Math.floor(options.leaseMs / 3))
    )
    renewal.unref()
    try {
      await pass(job, jobLog)
    } catch (error) {
      if (error instanceof InventoryLeaseLostError) {
        jobLog.warn('inventory job lease lost during a pass; another worker owns it now')
        return
      }
      jobLog.error({ err: error }, 'inventory pass failed; the job is retried after its lease')
      throw error
    } finally {
      clearInterval(renewal)
    }
  }

  return { processJob }
}
