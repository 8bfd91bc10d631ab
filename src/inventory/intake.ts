// Accepting an adjust or refresh: the Idempotency-Key, the items (a JSON body, or an NDJSON/CSV
// stream read line by line), the batches written as they fill up, and the job queued, with its
// queue reminder, in one transaction at the end. Until then the job is 'receiving' under this
// request's lease: invisible to workers, and deleted if the upload fails (or, if the process
// dies, by the sweeper once the lease expired), which frees its key.
import type { Queryable } from '../store/index.ts'
import { problemType } from '../../schemas/problem.ts'
import type { InventoryItem } from '../../schemas/inventory.ts'
import { ProblemError } from '../plugins/problems.ts'
import { Batcher, PayloadHasher, toKiboItem } from './batching.ts'
import type { InventoryJobRecord, InventoryKind, InventorySource, InventoryStore } from '../store/inventory-store.ts'
import { UploadTooLargeError, type UploadLine } from './upload.ts'

export interface IntakeOptions {
  store: InventoryStore
  tenantId: number
  siteId: number
  leaseOwner: string
  leaseMs: number
  batchSize: number
  maxItems: number
  /** Enqueues the job's first reminder inside the transaction that queues it. */
  enqueue(jobId: string, tx: Queryable): Promise<void>
}

export interface IntakeInput {
  kind: InventoryKind
  source: InventorySource
  idempotencyKey: string | null
  lines: AsyncIterable<UploadLine> | Iterable<UploadLine>
}

export type IntakeResult = { outcome: 'created' | 'replayed'; record: InventoryJobRecord }

const MAX_REPORTED_ERRORS = 20

function invalidLines (
  errors: Array<{ line: number; path: string; message: string }>,
  badLines: number,
  source: InventorySource
): ProblemError {
  const where = (line: number) => (source === 'json' ? `items[${line - 1}]` : `line ${line}`)
  return new ProblemError({
    type: problemType('invalid-request'),
    title: 'The inventory items break the contract',
    status: 400,
    detail: (
      `${badLines} item(s) are invalid; nothing was accepted. ` +
      `${errors.length < badLines ? `The first ${errors.length} are listed.` : ''}`
    ).trim(),
    errors: errors.map((error) => ({
      path:
        error.path === '(line)'
          ? where(error.line)
          : source === 'json'
            ? `items[${error.line - 1}].${error.path}`
            : `line ${error.line}: ${error.path}`,
      message: error.message
    }))
  })
}

function uploadFailure (error: unknown): unknown {
  if (error instanceof UploadTooLargeError) {
    return new ProblemError({
      type: problemType('body-too-large'),
      title: 'Upload too large',
      status: 413,
      detail: `The upload is larger than INVENTORY_UPLOAD_MAX_BYTES (${error.limit} bytes); split it.`
    })
  }
  if (error instanceof SyntaxError || error instanceof TypeError) {
    // TypeError: TextDecoder's fatal decoding of bytes that are not UTF-8.
    const detail = error instanceof TypeError ? 'The upload is not valid UTF-8.' : (error as Error).message
    return new ProblemError({ type: problemType('invalid-request'), title: 'Unreadable upload', status: 400, detail })
  }
  return error
}

export async function acceptInventory (options: IntakeOptions, input: IntakeInput): Promise<IntakeResult> {
  const { store } = options
  const claim = await store.claim({
    tenantId: options.tenantId,
    siteId: options.siteId,
    kind: input.kind,
    source: input.source,
    idempotencyKey: input.idempotencyKey,
    leaseOwner: options.leaseOwner,
    leaseMs: options.leaseMs
  })
  if (claim.outcome === 'receiving') {
    throw new ProblemError(
      {
        type: problemType('inventory-upload-in-progress'),
        title: 'An upload with this Idempotency-Key is still being received',
        status: 409,
        detail: `Job ${claim.record.jobId} is still receiving its items; retry after ${claim.retryAfterSeconds} seconds.`,
        jobId: claim.record.jobId
      },
      { 'retry-after': String(claim.retryAfterSeconds) }
    )
  }

  const hasher = new PayloadHasher(input.kind)
  const errors: Array<{ line: number; path: string; message: string }> = []
  let badLines = 0
  let itemCount = 0

  const countItem = (item: InventoryItem) => {
    itemCount++
    if (itemCount > options.maxItems) {
      throw new ProblemError({
        type: problemType('body-too-large'),
        title: 'Too many items',
        status: 413,
        detail: `At most ${options.maxItems} items per upload (INVENTORY_UPLOAD_MAX_ITEMS); split it.`
      })
    }
    hasher.add(item)
  }
  const noteErrors = (line: UploadLine & { errors: unknown }) => {
    badLines++
    for (const error of (line as { errors: Array<{ path: string; message: string }> }).errors) {
      if (errors.length < MAX_REPORTED_ERRORS) errors.push({ line: line.line, ...error })
    }
  }

  if (claim.outcome === 'exists') {
    // Same key again: read the items only to compare them with what the key was first used for.
    try {
      for await (const line of input.lines) {
        if ('errors' in line) noteErrors(line)
        else countItem(line.item)
      }
    } catch (error) {
      throw uploadFailure(error)
    }
    if (badLines > 0) throw invalidLines(errors, badLines, input.source)
    if (hasher.digest() !== claim.record.payloadHash) {
      throw new ProblemError({
        type: problemType('idempotency-conflict'),
        title: 'Idempotency-Key reused with different items',
        status: 422,
        detail: `The Idempotency-Key was first used for job ${claim.record.jobId} (${claim.record.kind}) with other items; use ` +
          'a new key for new items.',
        jobId: claim.record.jobId
      })
    }
    return { outcome: 'replayed', record: claim.record }
  }

  const jobId = claim.record.jobId
  const renewal = setInterval(
    () => {
      store.renewLease(jobId, options.leaseOwner, options.leaseMs).catch(() => {})
    },
    Math.max(250, Math.floor(options.leaseMs / 3))
  )
  renewal.unref()
  const batcher = new Batcher(options.batchSize)
  let batchCount = 0
  const write = async (batches: Array<{ locationCode: string; items: ReturnType<typeof toKiboItem>[] }>) => {
    for (const batch of batches) await store.addBatch(jobId, ++batchCount, batch.locationCode, batch.items)
  }
  try {
    try {
      for await (const line of input.lines) {
        if ('errors' in line) {
          noteErrors(line)
          continue
        }
        countItem(line.item)
        // Once a line is bad nothing is accepted: keep reading (to report more), stop writing.
        if (badLines === 0) await write(batcher.add(line.item.locationCode, toKiboItem(line.item)))
      }
    } catch (error) {
      throw uploadFailure(error)
    }
    if (badLines > 0) throw invalidLines(errors, badLines, input.source)
    if (itemCount === 0) {
      throw new ProblemError({ type: problemType('invalid-request'), title: 'No items', status: 400, detail: 'The upload holds no items.' })
    }
    await write(batcher.drain())
    const record = await store.finishReceiving(jobId, options.leaseOwner, { payloadHash: hasher.digest(), itemCount, batchCount }, (tx) =>
      options.enqueue(jobId, tx)
    )
    return { outcome: 'created', record }
  } catch (error) {
    await store.abandonReceiving(jobId, options.leaseOwner).catch(() => {})
    throw error
  } finally {
    clearInterval(renewal)
  }
}

/** A JSON body's items as upload lines (line n = items[n-1]). */
export function * jsonLines (items: readonly InventoryItem[]): Generator<UploadLine> {
  let line = 0
  for (const item of items) yield { line: ++line, item }
}
