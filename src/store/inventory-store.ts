// The inventory records: jobs we accepted, the Kibo batches each was cut into, and the per-item
// errors Kibo reported. The records are the truth; a queue job only reminds a worker to look.
// Every state change is a conditional UPDATE (the expected status and the lease owner in its
// WHERE), so of several workers exactly one moves a job or a batch. SQL lives in store/sql.ts.
import type { Database, Queryable } from './index.ts'
import * as sql from './sql.ts'
import { newImportId } from './import-store.ts'

export type InventoryKind = 'adjust' | 'refresh'
export type InventorySource = 'json' | 'ndjson' | 'csv'
export type InventoryJobStatus = (typeof sql.INVENTORY_JOB_STATUSES)[number]
export type InventoryBatchStatus = (typeof sql.INVENTORY_BATCH_STATUSES)[number]

export interface InventoryJobRecord {
  jobId: string
  tenantId: number
  siteId: number
  kind: InventoryKind
  source: InventorySource
  idempotencyKey: string | null
  payloadHash: string | null
  status: InventoryJobStatus
  itemCount: number
  batchCount: number
  passes: number
  leaseOwner: string | null
  leaseExpiresAt: string | null
  nextAttemptAt: string | null
  lastError: unknown
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

export interface InventoryBatchRecord {
  jobId: string
  batchNo: number
  locationCode: string
  itemCount: number
  status: InventoryBatchStatus
  attempts: number
  kiboJobId: number | null
  kiboStatus: string | null
  kiboCorrelationId: string | null
  nextAttemptAt: string | null
  lastError: unknown
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  finishedAt: string | null
}

/** One item as sent to Kibo in an adjust or refresh call. */
export interface KiboInventoryItem {
  partNumber?: string
  upc?: string
  quantity: number
}

export interface InventoryItemError {
  batchNo: number
  locationCode: string
  partNumber: string | null
  upc: string | null
  sku: string | null
  /** ITEM_NOT_FOUND, LOCATION_NOT_FOUND, or Kibo's own code/message class. */
  code: string
  message: string
}

export interface BatchTransition {
  from: InventoryBatchStatus
  to: InventoryBatchStatus
  attemptsToAdd?: number
  kiboJobId?: number | null
  kiboStatus?: string | null
  correlationId?: string | null
  /** null clears it. */
  error?: unknown
  /** Not due before this many ms from now (pending batches waiting for a retry). */
  dueInMs?: number | null
  /** Per-item errors recorded in the same transaction. */
  itemErrors?: Array<Omit<InventoryItemError, 'batchNo' | 'locationCode'>>
  locationCode?: string
}

/** The job's lease is gone: another worker owns it now, or it is finished. */
export class InventoryLeaseLostError extends Error {
  constructor (jobId: string) {
    super(`lease on inventory job ${jobId} lost`)
    this.name = 'InventoryLeaseLostError'
  }
}

export type ClaimKeyResult =
  | { outcome: 'claimed'; record: InventoryJobRecord }
  /** The key is taken by a job that finished receiving: compare payload hashes. */
  | { outcome: 'exists'; record: InventoryJobRecord }
  /** The key's upload is still streaming in under a live lease. */
  | { outcome: 'receiving'; record: InventoryJobRecord; retryAfterSeconds: number }

/** `inv_` + a ULID (sortable by creation time). */
export function newInventoryJobId (): string {
  return `inv_${newImportId().slice(4)}`
}

interface JobRow {
  job_id: string
  tenant_id: number
  site_id: number
  kind: InventoryKind
  source: InventorySource
  idempotency_key: string | null
  payload_hash: string | null
  status: InventoryJobStatus
  item_count: number
  batch_count: number
  passes: number
  lease_owner: string | null
  lease_expires_at: string | null
  next_attempt_at: string | null
  last_error: unknown
  created_at: string
  updated_at: string
  finished_at: string | null
  lease_live?: boolean | null
  lease_seconds_left?: number | null
}

interface BatchRow {
  job_id: string
  batch_no: number
  location_code: string
  item_count: number
  status: InventoryBatchStatus
  attempts: number
  kibo_job_id: number | null
  kibo_status: string | null
  kibo_correlation_id: string | null
  next_attempt_at: string | null
  last_error: unknown
  created_at: string
  updated_at: string
  submitted_at: string | null
  finished_at: string | null
}

function toJob (row: JobRow): InventoryJobRecord {
  return {
    jobId: row.job_id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    kind: row.kind,
    source: row.source,
    idempotencyKey: row.idempotency_key,
    payloadHash: row.payload_hash,
    status: row.status,
    itemCount: row.item_count,
    batchCount: row.batch_count,
    passes: row.passes,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at
  }
}

function toBatch (row: BatchRow): InventoryBatchRecord {
  return {
    jobId: row.job_id,
    batchNo: row.batch_no,
    locationCode: row.location_code,
    itemCount: row.item_count,
    status: row.status,
    attempts: row.attempts,
    kiboJobId: row.kibo_job_id,
    kiboStatus: row.kibo_status,
    kiboCorrelationId: row.kibo_correlation_id,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    finishedAt: row.finished_at
  }
}

const json = (value: unknown) => JSON.stringify(value === undefined ? null : value)

export function createInventoryStore (db: Database, options: { now?: () => Date } = {}) {
  const clock = () => (options.now ? options.now().toISOString() : null)

  return {
    /**
     * Takes an idempotency key (or none) for a new upload: a 'receiving' job under our lease.
     * A key whose upload died (lease expired) is freed and taken.
     */
    async claim (input: {
      tenantId: number
      siteId: number
      kind: InventoryKind
      source: InventorySource
      idempotencyKey: string | null
      leaseOwner: string
      leaseMs: number
    }): Promise<ClaimKeyResult> {
      for (let round = 0; round < 5; round++) {
        const inserted = await db.query<JobRow>(sql.insertInventoryJob, [
          clock(),
          newInventoryJobId(),
          input.tenantId,
          input.siteId,
          input.kind,
          input.source,
          input.idempotencyKey,
          input.leaseOwner,
          input.leaseMs
        ])
        if (inserted.rows[0] !== undefined) return { outcome: 'claimed', record: toJob(inserted.rows[0]) }
        const existing = await db.query<JobRow>(sql.selectInventoryJobByKey, [clock(), input.tenantId, input.siteId, input.idempotencyKey])
        const row = existing.rows[0]
        if (row === undefined) continue // deleted meanwhile: try again
        if (row.status !== 'receiving') return { outcome: 'exists', record: toJob(row) }
        if (row.lease_live === true) return { outcome: 'receiving', record: toJob(row), retryAfterSeconds: row.lease_seconds_left ?? 1 }
        await db.query(sql.deleteStaleReceivingJob, [clock(), row.job_id])
      }
      throw new Error('could not claim the idempotency key (it kept changing hands)')
    },

    async addBatch (jobId: string, batchNo: number, locationCode: string, items: KiboInventoryItem[]): Promise<void> {
      await db.query(sql.insertInventoryBatch, [clock(), jobId, batchNo, locationCode, json(items), items.length])
    },

    /** The upload is complete; `onQueued` runs in the same transaction (enqueue the reminder there). */
    async finishReceiving (
      jobId: string,
      leaseOwner: string,
      summary: { payloadHash: string; itemCount: number; batchCount: number },
      onQueued?: (tx: Queryable) => Promise<void>
    ): Promise<InventoryJobRecord> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<JobRow>(sql.finishReceiving, [
          clock(),
          jobId,
          leaseOwner,
          summary.payloadHash,
          summary.itemCount,
          summary.batchCount
        ])
        if (rows[0] === undefined) throw new InventoryLeaseLostError(jobId)
        if (onQueued) await onQueued(tx)
        return toJob(rows[0])
      })
    },

    async abandonReceiving (jobId: string, leaseOwner: string): Promise<void> {
      await db.query(sql.deleteReceivingJob, [jobId, leaseOwner])
    },

    /** false when the lease is gone. */
    async renewLease (jobId: string, leaseOwner: string, leaseMs: number): Promise<boolean> {
      const { rows } = await db.query(sql.renewInventoryJobLease, [clock(), jobId, leaseOwner, leaseMs])
      return rows.length > 0
    },

    async lease (jobId: string, leaseOwner: string, leaseMs: number): Promise<InventoryJobRecord | null> {
      const { rows } = await db.query<JobRow>(sql.leaseInventoryJob, [clock(), jobId, leaseOwner, leaseMs])
      return rows[0] === undefined ? null : toJob(rows[0])
    },

    async release (jobId: string, leaseOwner: string, delayMs: number): Promise<InventoryJobRecord> {
      const { rows } = await db.query<JobRow>(sql.releaseInventoryJob, [clock(), jobId, leaseOwner, Math.max(0, Math.round(delayMs))])
      if (rows[0] === undefined) throw new InventoryLeaseLostError(jobId)
      return toJob(rows[0])
    },

    async finish (
      jobId: string,
      leaseOwner: string,
      status: 'completed' | 'completed_with_errors' | 'failed',
      error: unknown = null
    ): Promise<InventoryJobRecord> {
      const { rows } = await db.query<JobRow>(sql.finishInventoryJob, [clock(), jobId, leaseOwner, status, json(error)])
      if (rows[0] === undefined) throw new InventoryLeaseLostError(jobId)
      return toJob(rows[0])
    },

    async getJob (jobId: string): Promise<InventoryJobRecord | null> {
      const { rows } = await db.query<JobRow>(sql.selectInventoryJob, [jobId])
      return rows[0] === undefined ? null : toJob(rows[0])
    },

    async listBatches (jobId: string): Promise<InventoryBatchRecord[]> {
      const { rows } = await db.query<BatchRow>(sql.selectInventoryBatches, [jobId])
      return rows.map(toBatch)
    },

    async batchItems (jobId: string, batchNo: number): Promise<KiboInventoryItem[]> {
      const { rows } = await db.query<{ items: KiboInventoryItem[] }>(sql.selectInventoryBatchItems, [jobId, batchNo])
      return rows[0]?.items ?? []
    },

    /** Throws InventoryLeaseLostError when the caller no longer holds the job (or the batch moved). */
    async transitionBatch (jobId: string, batchNo: number, leaseOwner: string, change: BatchTransition): Promise<void> {
      await db.transaction(async (tx) => {
        const { rows } = await tx.query(sql.transitionInventoryBatch, [
          clock(),
          jobId,
          batchNo,
          leaseOwner,
          change.from,
          change.to,
          change.attemptsToAdd ?? 0,
          change.kiboJobId ?? null,
          change.kiboStatus ?? null,
          change.correlationId ?? null,
          change.error === undefined || change.error === null ? null : json(change.error),
          change.dueInMs === undefined || change.dueInMs === null ? null : Math.max(0, Math.round(change.dueInMs))
        ])
        if (rows.length === 0) throw new InventoryLeaseLostError(jobId)
        if (change.itemErrors !== undefined && change.itemErrors.length > 0) {
          await tx.query(sql.insertInventoryItemErrors, [jobId, batchNo, change.locationCode ?? '', json(change.itemErrors)])
        }
      })
    },

    async itemErrors (jobId: string, limit: number, offset: number): Promise<{ items: InventoryItemError[]; total: number }> {
      const [page, count] = await Promise.all([
        db.query<{
          batch_no: number
          location_code: string
          part_number: string | null
          upc: string | null
          sku: string | null
          code: string
          message: string
        }>(sql.selectInventoryItemErrors, [jobId, limit, offset]),
        db.query<{ count: number }>(sql.countInventoryItemErrors, [jobId])
      ])
      return {
        items: page.rows.map((row) => ({
          batchNo: row.batch_no,
          locationCode: row.location_code,
          partNumber: row.part_number,
          upc: row.upc,
          sku: row.sku,
          code: row.code,
          message: row.message
        })),
        total: count.rows[0]?.count ?? 0
      }
    },

    /** batch_no → how many of its items Kibo reported an error for. */
    async itemErrorCountsByBatch (jobId: string): Promise<Map<number, number>> {
      const { rows } = await db.query<{ batch_no: number; count: number }>(sql.countInventoryItemErrorsByBatch, [jobId])
      return new Map(rows.map((row) => [row.batch_no, row.count]))
    },

    async listStranded (graceMs: number, limit: number): Promise<string[]> {
      const { rows } = await db.query<{ job_id: string }>(sql.selectStrandedInventoryJobs, [clock(), graceMs, limit])
      return rows.map((row) => row.job_id)
    },

    async deleteStaleUploads (limit: number): Promise<number> {
      const { rows } = await db.query(sql.deleteStaleReceivingJobs, [clock(), limit])
      return rows.length
    }
  }
}

export type InventoryStore = ReturnType<typeof createInventoryStore>
