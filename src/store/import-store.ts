// The import records: who imports an order, what came of it, and its history. Idempotency is
// decided by the database — a unique key plus conditional UPDATEs — never by process memory, so
// any number of instances can share one database. Every state change and its import_events row
// are written in one transaction.
//
// Shapes: records are camelCase; every timestamp is an ISO 8601 UTC string with millisecond
// precision ("2026-11-23T18:52:00.123Z"); int8 columns are JS numbers (see database.ts).
import { randomBytes } from 'node:crypto'
import type { Database, Queryable } from './database.ts'
import * as sql from './sql.ts'

export type ImportStatus = (typeof sql.IMPORT_STATUSES)[number]
export type ImportMode = 'sync' | 'async'

export interface ImportRecord {
  /** `imp_` + a 26-character ULID: sortable by creation time. */
  importId: string
  tenantId: number
  siteId: number
  externalId: string
  payloadHash: string
  /** The validated event as received (JSON), kept for async delivery and replay. */
  event: unknown
  status: ImportStatus
  mode: ImportMode
  /** Times an instance took the lease to import it (sync claim, takeover, async worker). */
  attempts: number
  leaseOwner: string | null
  leaseExpiresAt: string | null
  kiboOrderId: string | null
  kiboOrderNumber: number | null
  kiboCorrelationId: string | null
  /** The last failure (cleared once imported); the full story is in the events. */
  lastError: unknown
  webhookId: string | null
  /** Which intake path created it: 'api', 'webhook', 'cli' or '<platform>:<store>' (e.g. 'shopify:demo.myshopify.com'). */
  source: string | null
  createdAt: string
  updatedAt: string
  importedAt: string | null
  /** When it last failed (cleared once imported). */
  failedAt: string | null
  /** Queued for a retry: not to be taken before this time (null: due now). */
  nextAttemptAt: string | null
  /** Kibo edit/cancellation restrictions wanted for the order, and whether Kibo has them yet. */
  restrictions: RestrictionsState | null
}

export interface RestrictionsState {
  edit?: boolean
  cancellation?: boolean
  status: 'pending' | 'applied'
  attempts: number
  lastError: unknown
  appliedAt: string | null
}

export interface ImportEvent {
  id: number
  importId: string
  at: string
  /** received, reclaimed, leased, attempt, imported, failed, dead, released, retry_requested */
  kind: string
  detail: Record<string, unknown>
}

export interface ClaimInput {
  tenantId: number
  siteId: number
  externalId: string
  payloadHash: string
  event: unknown
  mode: ImportMode
  /** Identifies this instance; only it may then mark the import. */
  leaseOwner: string
  /** Lease length for sync claims (async claims are queued without a lease). */
  leaseMs: number
  webhookId?: string | null
  /** Which intake path: 'api', 'webhook', 'cli' or '<platform>:<store>' (null: not said). */
  source?: string | null
  /**
   * Runs inside the claim's transaction when the import was claimed or reclaimed, so work that
   * must exist exactly when the record does (the async job) commits or rolls back with it.
   */
  onClaimed?: (tx: Queryable, record: ImportRecord) => Promise<void>
}

export interface ClaimBatchOptions {
  /** Runs inside the batch's transaction with every record it created (e.g. their queue jobs). */
  onClaimed?: (tx: Queryable, records: ImportRecord[]) => Promise<void>
}

export type ClaimResult =
  /** A new import: 'importing' with our lease (sync) or 'queued' (async). */
  | { outcome: 'claimed'; record: ImportRecord }
  /** Already imported with the same payload. */
  | { outcome: 'replay'; record: ImportRecord }
  /** Same payload, queued or importing under a live lease. For importing, retryAfterSeconds is the lease time left. */
  | { outcome: 'in_flight'; record: ImportRecord; retryAfterSeconds: number }
  /**
   * 'payload': same key with a different payload while imported or in flight (or importing under
   * an expired lease: its outcome in Kibo is unknown, so only the same payload may take it over).
   * 'webhook_id': the webhook delivery id already belongs to another import (that one is `record`).
   */
  | { outcome: 'conflict'; record: ImportRecord; reason: 'payload' | 'webhook_id' }
  /**
   * Taken over: it was failed/dead (a different payload replaces event and hash) or importing
   * under an expired lease. Now 'importing' with our lease (sync) or 'queued' (async); attempts go
   * on counting. The previous owner may have reached Kibo: look the order up before creating it.
   */
  | { outcome: 'reclaimed'; record: ImportRecord; previousStatus: ImportStatus }

export interface ImportedOutcome {
  kiboOrderId: string
  kiboOrderNumber: number | null
  correlationId: string | null
  /** false when the order was found in Kibo rather than created by this attempt. */
  created: boolean
  /** More for the `imported` history event (e.g. every order id of a split translated order). */
  detail?: Record<string, unknown>
}

export interface MarkImportedInput {
  importId: string
  leaseOwner: string
  outcome: ImportedOutcome
  /** The import's event when the caller holds it (as claimed): put in the record, not read back. */
  event?: unknown
}

export interface ListImportsQuery {
  status?: ImportStatus
  externalId?: string
  /** Only imports from this intake path ('api', 'webhook', 'cli', 'shopify:<shop>'). */
  source?: string
  tenantId?: number
  siteId?: number
  /** nextCursor of the previous page. */
  cursor?: string | null
  /** 1 … 1000 */
  limit: number
  /** Received at or after this time (RFC 3339). */
  from?: string
  /** Received before this time (RFC 3339). */
  to?: string
}

/** One tenant/site's imports per status, and how long the oldest queued one has waited. */
export interface ImportSummary {
  counts: Record<ImportStatus, number>
  /** Seconds since the oldest queued import was received; null when none is queued. */
  oldestQueuedSeconds: number | null
}

export interface ImportPage {
  /** Newest first. */
  items: ImportRecord[]
  /** null on the last page. */
  nextCursor: string | null
}

export interface ImportStoreOptions {
  /** Tests only: a fixed clock instead of the database's now(). */
  now?: () => Date
}

export interface ImportStore {
  claimImport(input: ClaimInput): Promise<ClaimResult>
  /**
   * Claims many imports at once (group commit): the new ones with one statement in one
   * transaction, `onClaimed` called once for all of them inside it; every other input (its key or
   * webhook id exists already, or the batch failed as a whole) goes through claimImport alone,
   * where its own `onClaimed` (or the batch one, given one record) runs. Results in input order.
   */
  claimImports(inputs: readonly ClaimInput[], options?: ClaimBatchOptions): Promise<Array<PromiseSettledResult<ClaimResult>>>
  /** Async worker: takes a queued import (or one whose lease expired); null when it is not available. */
  leaseImport(importId: string, leaseOwner: string, leaseMs: number): Promise<ImportRecord | null>
  /** `options.event`: the import's event when the caller holds it (the group-committed path then does not read it back). */
  markImported(importId: string, leaseOwner: string, outcome: ImportedOutcome, options?: { event?: unknown }): Promise<ImportRecord>
  /**
   * markImported for many imports in one statement (group commit); one that is not held by its
   * lease owner any more goes through markImported alone (and gets its LeaseLostError there).
   * Results in input order.
   */
  markImportedMany(items: readonly MarkImportedInput[]): Promise<Array<PromiseSettledResult<ImportRecord>>>
  markFailed(importId: string, leaseOwner: string, failure: { status: 'failed' | 'dead'; error: unknown }): Promise<ImportRecord>
  /** Appends an 'attempt' event (one call to Kibo and how it went); changes no state. */
  recordAttempt(importId: string, attempt: { outcome: string; detail?: Record<string, unknown> }): Promise<void>
  renewLease(importId: string, leaseOwner: string, leaseMs: number): Promise<ImportRecord>
  /** Back to the queue; due again after `delayMs` (default 0). */
  releaseToQueue(
    importId: string,
    leaseOwner: string,
    options?: { error?: unknown; delayMs?: number; uncount?: boolean }
  ): Promise<ImportRecord>
  /** Async imports that should be running but are not (lost job, dead worker): see sql.selectStrandedImports. */
  listStrandedImports(options: { graceMs: number; limit: number }): Promise<string[]>
  /** Imports queued or importing, and how old the oldest of them is. */
  queueDepth(): Promise<{ depth: number; oldestSeconds: number }>
  /** Records wanted restrictions (pending) with a history row. */
  setRestrictions(
    importId: string,
    restrictions: { edit?: boolean; cancellation?: boolean },
    detail?: Record<string, unknown>
  ): Promise<ImportRecord>
  /** Kibo confirmed these restrictions; false when other ones were set meanwhile. */
  markRestrictionsApplied(importId: string, restrictions: { edit?: boolean; cancellation?: boolean }): Promise<boolean>
  markRestrictionsFailed(importId: string, error: unknown): Promise<void>
  listPendingRestrictions(options: { graceMs: number; limit: number }): Promise<string[]>
  /** Ids of a tenant/site's failed or dead imports, oldest first (bulk retry). */
  listRetryable(
    status: 'failed' | 'dead',
    limit: number,
    site: { tenantId: number; siteId: number },
    received?: { from?: string; to?: string }
  ): Promise<string[]>
  /** Manual retry: failed/dead → queued (mode async). Throws ImportStateError otherwise. */
  requeue(importId: string, options?: { requestedBy?: string }): Promise<ImportRecord>
  getImport(importId: string): Promise<ImportRecord | null>
  findImport(key: { tenantId: number; siteId: number; externalId: string }): Promise<ImportRecord | null>
  listImports(query: ListImportsQuery): Promise<ImportPage>
  /** The lease owner replaces the stored event (a connector's order mapped again on a retry). */
  replaceEvent(importId: string, leaseOwner: string, event: unknown, payloadHash: string): Promise<ImportRecord>
  /** Oldest first. */
  getImportEvents(importId: string): Promise<ImportEvent[]>
  countByStatus(): Promise<Record<ImportStatus, number>>
  summarizeImports(query: { tenantId: number; siteId: number; from?: string; to?: string }): Promise<ImportSummary>
}

export class ImportNotFoundError extends Error {
  readonly importId: string
  constructor (importId: string) {
    super(`import ${importId} does not exist`)
    this.name = 'ImportNotFoundError'
    this.importId = importId
  }
}

/** The caller no longer holds the lease: another instance took the import over, or it is finished. */
export class LeaseLostError extends Error {
  readonly importId: string
  readonly leaseOwner: string
  readonly currentStatus: ImportStatus
  readonly currentOwner: string | null
  constructor (importId: string, leaseOwner: string, currentStatus: ImportStatus, currentOwner: string | null) {
    super(
      `lease on import ${importId} lost by ${leaseOwner}: it is ${currentStatus}${currentOwner === null ? '' : ` under ${currentOwner}`}`
    )
    this.name = 'LeaseLostError'
    this.importId = importId
    this.leaseOwner = leaseOwner
    this.currentStatus = currentStatus
    this.currentOwner = currentOwner
  }
}

/** The import is not in a state that allows the operation (e.g. requeue of an imported one). */
export class ImportStateError extends Error {
  readonly importId: string
  readonly currentStatus: ImportStatus
  constructor (importId: string, currentStatus: ImportStatus, wanted: string) {
    super(`import ${importId} is ${currentStatus}: ${wanted}`)
    this.name = 'ImportStateError'
    this.importId = importId
    this.currentStatus = currentStatus
  }
}

export class InvalidCursorError extends Error {
  constructor () {
    super('cursor is not one this service issued')
    this.name = 'InvalidCursorError'
  }
}

/** Retry-After for a duplicate of a queued import (no lease to measure). */
export const QUEUED_RETRY_AFTER_SECONDS = 2
const MAX_CLAIM_ROUNDS = 8
const MAX_LEASE_MS = 24 * 3600 * 1000
const MAX_PAGE = 1000

// ---- ids --------------------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
let lastIdTime = -1
let lastIdRandom = 0n

function base32 (value: bigint, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

/** `imp_` + ULID (48-bit ms time, 80 random bits), monotonic within this process. */
export function newImportId (now: number = Date.now()): string {
  let random: bigint
  if (now <= lastIdTime) {
    now = lastIdTime
    random = (lastIdRandom + 1n) & ((1n << 80n) - 1n)
  } else {
    random = BigInt(`0x${randomBytes(10).toString('hex')}`)
  }
  lastIdTime = now
  lastIdRandom = random
  return `imp_${base32(BigInt(now), 10)}${base32(random, 16)}`
}

// ---- rows -------------------------------------------------------------------------------------

export interface ImportRow {
  import_id: string
  tenant_id: number
  site_id: number
  external_id: string
  payload_hash: string
  event: unknown
  status: ImportStatus
  mode: ImportMode
  attempts: number
  lease_owner: string | null
  lease_expires_at: string | null
  kibo_order_id: string | null
  kibo_order_number: number | null
  kibo_correlation_id: string | null
  last_error: unknown
  webhook_id: string | null
  source: string | null
  created_at: string
  updated_at: string
  imported_at: string | null
  failed_at: string | null
  next_attempt_at: string | null
  restrictions: { edit?: boolean; cancellation?: boolean } | null
  restrictions_status: 'pending' | 'applied' | null
  restrictions_error: unknown
  restrictions_attempts: number
  restrictions_applied_at: string | null
}

interface ClaimRow extends ImportRow {
  lease_live: boolean | null
  lease_seconds_left: number | null
}

interface EventRow {
  id: number
  import_id: string
  at: string
  kind: string
  detail: Record<string, unknown>
}

/** An imports row (as the driver returns it) as a record. */
export function importRecordFromRow (row: ImportRow): ImportRecord {
  return toRecord(row)
}

function toRecord (row: ImportRow): ImportRecord {
  return {
    importId: row.import_id,
    tenantId: row.tenant_id,
    siteId: row.site_id,
    externalId: row.external_id,
    payloadHash: row.payload_hash,
    event: row.event,
    status: row.status,
    mode: row.mode,
    attempts: row.attempts,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    kiboOrderId: row.kibo_order_id,
    kiboOrderNumber: row.kibo_order_number,
    kiboCorrelationId: row.kibo_correlation_id,
    lastError: row.last_error,
    webhookId: row.webhook_id,
    source: row.source ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    importedAt: row.imported_at,
    failedAt: row.failed_at,
    nextAttemptAt: row.next_attempt_at,
    restrictions:
      row.restrictions === null
        ? null
        : {
            ...row.restrictions,
            status: row.restrictions_status ?? 'pending',
            attempts: row.restrictions_attempts,
            lastError: row.restrictions_error ?? null,
            appliedAt: row.restrictions_applied_at
          }
  }
}

function toEvent (row: EventRow): ImportEvent {
  return { id: row.id, importId: row.import_id, at: row.at, kind: row.kind, detail: row.detail }
}

/** JSON text for a jsonb parameter (never let a driver turn an array into a PostgreSQL array). */
function json (value: unknown): string {
  return JSON.stringify(value === undefined ? null : value)
}

/** The 'imported' history row's detail (the lease owner is added by the caller). */
function importedDetail (outcome: ImportedOutcome): Record<string, unknown> {
  return {
    kiboOrderId: outcome.kiboOrderId,
    kiboOrderNumber: outcome.kiboOrderNumber,
    correlationId: outcome.correlationId,
    created: outcome.created,
    ...(outcome.detail ?? {})
  }
}

function errorJson (error: unknown): unknown {
  if (error instanceof Error) return { name: error.name, message: error.message }
  return error === undefined ? null : error
}

function isUniqueViolation (error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null
  return e !== null && typeof e === 'object' && e.code === '23505' && e.constraint === constraint
}

function isForeignKeyViolation (error: unknown): boolean {
  const e = error as { code?: unknown } | null
  return e !== null && typeof e === 'object' && e.code === '23503'
}

function requireLeaseMs (leaseMs: number): void {
  if (!Number.isInteger(leaseMs) || leaseMs < 1 || leaseMs > MAX_LEASE_MS) {
    throw new RangeError(`leaseMs must be a whole number of milliseconds between 1 and ${MAX_LEASE_MS}`)
  }
}

function requireText (name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`${name} must be a non-empty string`)
}

function requireId (name: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 2_147_483_647) {
    throw new TypeError(`${name} must be a whole number that fits a PostgreSQL integer`)
  }
}

export function encodeCursor (record: Pick<ImportRecord, 'createdAt' | 'importId'>): string {
  return Buffer.from(JSON.stringify([record.createdAt, record.importId])).toString('base64url')
}

export function decodeCursor (cursor: string): { createdAt: string; importId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return { createdAt: value[0], importId: value[1] }
    }
  } catch {
    // falls through
  }
  throw new InvalidCursorError()
}

const RETRY = Symbol('retry')

// ---- the store --------------------------------------------------------------------------------

export function createImportStore (db: Database, options: ImportStoreOptions = {}): ImportStore {
  const clock = (): string | null => (options.now === undefined ? null : options.now().toISOString())

  const appendEvent = (tx: Queryable, importId: string, kind: string, detail: Record<string, unknown>) =>
    tx.query(sql.insertEvent, [clock(), importId, kind, json(detail)])

  /** Why a conditional update matched nothing: the import is gone or not in the state we needed. */
  async function explainMiss (tx: Queryable, importId: string): Promise<ImportRow> {
    const { rows } = await tx.query<ImportRow>(sql.selectImport, [importId])
    if (rows.length === 0) throw new ImportNotFoundError(importId)
    return rows[0]
  }

  /**
   * A change only the lease owner may make, with its history row, in one statement. When it
   * matched nothing, a second read says why (the import's status and owner as of that read).
   */
  async function ownerTransition (
    importId: string,
    leaseOwner: string,
    statement: string,
    params: unknown[],
    event: { kind: string; detail: Record<string, unknown> } | null
  ): Promise<ImportRecord> {
    requireText('importId', importId)
    requireText('leaseOwner', leaseOwner)
    const values = [clock(), importId, leaseOwner, ...params]
    // The change and its history row in one statement: on PGlite one message to its thread instead
    // of a transaction of four, during which every other statement waited.
    const { rows } =
      event === null
        ? await db.query<ImportRow>(statement, values)
        : await db.query<ImportRow>(sql.withHistory(statement, values.length), [
          ...values,
          event.kind,
          json({ leaseOwner, ...event.detail })
        ])
    if (rows.length === 0) {
      const current = await explainMiss(db, importId)
      throw new LeaseLostError(importId, leaseOwner, current.status, current.lease_owner)
    }
    return toRecord(rows[0])
  }

  async function claimOnce (input: ClaimInput): Promise<ClaimResult | typeof RETRY> {
    const sync = input.mode === 'sync'
    return db.transaction(async (tx): Promise<ClaimResult | typeof RETRY> => {
      const importId = newImportId()
      const inserted = await tx.query<ImportRow>(sql.insertImport, [
        clock(),
        importId,
        input.tenantId,
        input.siteId,
        input.externalId,
        input.payloadHash,
        json(input.event),
        sync ? 'importing' : 'queued',
        input.mode,
        sync ? 1 : 0,
        sync ? input.leaseOwner : null,
        sync ? input.leaseMs : null,
        input.webhookId ?? null,
        input.source ?? null
      ])
      if (inserted.rows.length === 1) {
        await appendEvent(tx, importId, 'received', {
          mode: input.mode,
          payloadHash: input.payloadHash,
          ...(sync ? { leaseOwner: input.leaseOwner } : {}),
          ...(input.webhookId ? { webhookId: input.webhookId } : {})
        })
        const record = toRecord(inserted.rows[0])
        if (input.onClaimed) await input.onClaimed(tx, record)
        return { outcome: 'claimed', record }
      }

      const found = await tx.query<ClaimRow>(sql.selectImportForClaim, [clock(), input.tenantId, input.siteId, input.externalId])
      if (found.rows.length === 0) return RETRY // the row that blocked the insert is gone again
      const row = found.rows[0]
      const record = toRecord(row)
      const samePayload = row.payload_hash === input.payloadHash
      switch (row.status) {
        case 'imported':
          return samePayload ? { outcome: 'replay', record } : { outcome: 'conflict', record, reason: 'payload' }
        case 'queued':
          return samePayload
            ? { outcome: 'in_flight', record, retryAfterSeconds: QUEUED_RETRY_AFTER_SECONDS }
            : { outcome: 'conflict', record, reason: 'payload' }
        case 'importing':
          if (!samePayload) return { outcome: 'conflict', record, reason: 'payload' }
          if (row.lease_live === true) return { outcome: 'in_flight', record, retryAfterSeconds: row.lease_seconds_left ?? 1 }
          break
        case 'failed':
        case 'dead':
          break
      }

      const reclaimed = await tx.query<ImportRow>(sql.reclaimImport, [
        clock(),
        row.import_id,
        row.status,
        input.payloadHash,
        json(input.event),
        sync ? 'importing' : 'queued',
        input.mode,
        sync ? input.leaseOwner : null,
        sync ? input.leaseMs : null,
        input.webhookId ?? null,
        sync ? 1 : 0,
        input.source ?? null
      ])
      if (reclaimed.rows.length === 0) return RETRY // someone else changed it first: look again
      await appendEvent(tx, row.import_id, 'reclaimed', {
        mode: input.mode,
        previousStatus: row.status,
        ...(row.lease_owner === null ? {} : { previousLeaseOwner: row.lease_owner }),
        ...(sync ? { leaseOwner: input.leaseOwner } : {}),
        payloadChanged: !samePayload,
        ...(samePayload ? {} : { previousPayloadHash: row.payload_hash, payloadHash: input.payloadHash })
      })
      const taken = toRecord(reclaimed.rows[0])
      if (input.onClaimed) await input.onClaimed(tx, taken)
      return { outcome: 'reclaimed', record: taken, previousStatus: row.status }
    })
  }

  function requireClaimInput (input: ClaimInput): void {
    requireId('tenantId', input.tenantId)
    requireId('siteId', input.siteId)
    requireText('externalId', input.externalId)
    requireText('payloadHash', input.payloadHash)
    requireText('leaseOwner', input.leaseOwner)
    if (input.mode !== 'sync' && input.mode !== 'async') throw new TypeError("mode must be 'sync' or 'async'")
    if (input.mode === 'sync') requireLeaseMs(input.leaseMs)
  }

  /** A row of insertImports (no event: the input's, as stored) as the record of its input. */
  function claimedRecord (ids: Map<string, ClaimInput>, row: ImportRow): [ClaimInput, ImportRecord] {
    const input = ids.get(row.import_id) as ClaimInput
    return [input, { ...toRecord(row), event: input.event === undefined ? null : input.event }]
  }

  /** The new imports of a batch in one statement; null when the batch failed as a whole. */
  async function insertBatch (inputs: readonly ClaimInput[], options: ClaimBatchOptions): Promise<Map<ClaimInput, ImportRecord> | null> {
    const ids = new Map<string, ClaimInput>()
    const rows = inputs.map((input) => {
      const sync = input.mode === 'sync'
      const importId = newImportId()
      ids.set(importId, input)
      return {
        import_id: importId,
        tenant_id: input.tenantId,
        site_id: input.siteId,
        external_id: input.externalId,
        payload_hash: input.payloadHash,
        event: input.event === undefined ? null : input.event,
        status: sync ? 'importing' : 'queued',
        mode: input.mode,
        attempts: sync ? 1 : 0,
        lease_owner: sync ? input.leaseOwner : null,
        lease_ms: sync ? input.leaseMs : null,
        webhook_id: input.webhookId ?? null,
        source: input.source ?? null,
        detail: {
          mode: input.mode,
          payloadHash: input.payloadHash,
          ...(sync ? { leaseOwner: input.leaseOwner } : {}),
          ...(input.webhookId ? { webhookId: input.webhookId } : {})
        }
      }
    })
    const nothingElse = !options.onClaimed && inputs.every((input) => !input.onClaimed)
    try {
      if (nothingElse) {
        // The records and their history rows are one statement: atomic on its own, one round trip.
        const { rows: inserted } = await db.query<ImportRow>(sql.insertImports, [clock(), JSON.stringify(rows)])
        return new Map(inserted.map((row) => claimedRecord(ids, row)))
      }
      return await db.transaction(async (tx) => {
        const { rows: inserted } = await tx.query<ImportRow>(sql.insertImports, [clock(), JSON.stringify(rows)])
        const claimed = new Map<ClaimInput, ImportRecord>(inserted.map((row) => claimedRecord(ids, row)))
        if (claimed.size > 0 && options.onClaimed) await options.onClaimed(tx, [...claimed.values()])
        if (!options.onClaimed) for (const [input, record] of claimed) if (input.onClaimed) await input.onClaimed(tx, record)
        return claimed
      })
    } catch {
      return null // every input is then claimed alone, so each gets its own outcome or error
    }
  }

  const store: ImportStore = {
    async claimImports (inputs, options = {}) {
      const results: Array<PromiseSettledResult<ClaimResult> | undefined> = new Array(inputs.length)
      const valid: ClaimInput[] = []
      inputs.forEach((input, index) => {
        try {
          requireClaimInput(input)
          valid.push(input)
        } catch (error) {
          results[index] = { status: 'rejected', reason: error }
        }
      })
      const claimed = valid.length === 0 ? new Map<ClaimInput, ImportRecord>() : await insertBatch(valid, options)
      const onClaimed = options.onClaimed
      await Promise.all(
        inputs.map(async (input, index) => {
          if (results[index] !== undefined) return
          const record = claimed?.get(input)
          if (record !== undefined) {
            results[index] = { status: 'fulfilled', value: { outcome: 'claimed', record } }
            return
          }
          const alone: ClaimInput = onClaimed ? { ...input, onClaimed: (tx, one) => onClaimed(tx, [one]) } : input
          try {
            results[index] = { status: 'fulfilled', value: await store.claimImport(alone) }
          } catch (error) {
            results[index] = { status: 'rejected', reason: error }
          }
        })
      )
      return results as Array<PromiseSettledResult<ClaimResult>>
    },

    async claimImport (input) {
      requireClaimInput(input)
      for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
        let result: ClaimResult | typeof RETRY
        try {
          result = await claimOnce(input)
        } catch (error) {
          if (!isUniqueViolation(error, 'imports_webhook_key') || !input.webhookId) throw error
          const { rows } = await db.query<ImportRow>(sql.selectImportByWebhook, [input.tenantId, input.siteId, input.webhookId])
          if (rows.length === 0) continue // its owner rolled back meanwhile
          return { outcome: 'conflict', record: toRecord(rows[0]), reason: 'webhook_id' }
        }
        if (result !== RETRY) return result
      }
      throw new Error(
        `claimImport: import ${input.externalId} kept changing under concurrent claims; gave up after ${MAX_CLAIM_ROUNDS} rounds`
      )
    },

    async leaseImport (importId, leaseOwner, leaseMs) {
      requireText('importId', importId)
      requireText('leaseOwner', leaseOwner)
      requireLeaseMs(leaseMs)
      // One statement (the lease and its history row): see sql.leaseImportWithHistory.
      const { rows } = await db.query<ImportRow>(sql.leaseImportWithHistory, [clock(), importId, leaseOwner, leaseMs, json({ leaseOwner })])
      if (rows.length > 0) return toRecord(rows[0])
      await explainMiss(db, importId) // throws ImportNotFoundError for an unknown id
      return null
    },

    markImported (importId, leaseOwner, outcome) {
      requireText('kiboOrderId', outcome.kiboOrderId)
      return ownerTransition(
        importId,
        leaseOwner,
        sql.markImported,
        [outcome.kiboOrderId, outcome.kiboOrderNumber, outcome.correlationId],
        { kind: 'imported', detail: importedDetail(outcome) }
      )
    },

    async markImportedMany (items) {
      // Well-formed items, the first one of each import; the rest are marked alone (and refused there).
      const batch = new Map<string, MarkImportedInput>()
      for (const item of items) {
        const wellFormed = [item.importId, item.leaseOwner, item.outcome.kiboOrderId].every(
          (text) => typeof text === 'string' && text !== ''
        )
        if (wellFormed && !batch.has(item.importId)) batch.set(item.importId, item)
      }
      let marked = new Map<string, ImportRecord>()
      if (batch.size > 0) {
        const rows = [...batch.values()].map((item) => ({
          import_id: item.importId,
          lease_owner: item.leaseOwner,
          kibo_order_id: item.outcome.kiboOrderId,
          kibo_order_number: item.outcome.kiboOrderNumber,
          correlation_id: item.outcome.correlationId,
          detail: { leaseOwner: item.leaseOwner, ...importedDetail(item.outcome) },
          event_known: item.event !== undefined
        }))
        try {
          // Not waited for on disk (PostgreSQL): a lost outcome leaves the record importing, and
          // whoever takes it over finds the order in Kibo by externalId before any create.
          const { rows: updated } = await db.queryUnflushed<ImportRow>(sql.markImportedMany, [clock(), JSON.stringify(rows)])
          marked = new Map(
            updated.map((row) => {
              const item = batch.get(row.import_id)!
              return [row.import_id, item.event === undefined ? toRecord(row) : { ...toRecord(row), event: item.event }]
            })
          )
        } catch {
          // marked one by one below, so each gets its own outcome or error
        }
      }
      return Promise.all(
        items.map(async (item): Promise<PromiseSettledResult<ImportRecord>> => {
          const record = marked.get(item.importId)
          if (record !== undefined && batch.get(item.importId) === item) return { status: 'fulfilled', value: record }
          try {
            return { status: 'fulfilled', value: await store.markImported(item.importId, item.leaseOwner, item.outcome) }
          } catch (error) {
            return { status: 'rejected', reason: error }
          }
        })
      )
    },

    markFailed (importId, leaseOwner, failure) {
      if (failure.status !== 'failed' && failure.status !== 'dead') throw new TypeError("status must be 'failed' or 'dead'")
      const error = errorJson(failure.error)
      return ownerTransition(importId, leaseOwner, sql.markFailed, [failure.status, json(error)], {
        kind: failure.status,
        detail: { error }
      })
    },

    async recordAttempt (importId, attempt) {
      requireText('importId', importId)
      requireText('outcome', attempt.outcome)
      try {
        await appendEvent(db, importId, 'attempt', { outcome: attempt.outcome, ...(attempt.detail ?? {}) })
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new ImportNotFoundError(importId)
        throw error
      }
    },

    renewLease (importId, leaseOwner, leaseMs) {
      requireLeaseMs(leaseMs)
      return ownerTransition(importId, leaseOwner, sql.renewLease, [leaseMs], null)
    },

    releaseToQueue (importId, leaseOwner, releaseOptions = {}) {
      const error = releaseOptions.error === undefined ? null : errorJson(releaseOptions.error)
      const delayMs = Math.max(0, Math.round(releaseOptions.delayMs ?? 0))
      const uncount = releaseOptions.uncount === true ? 1 : 0
      return ownerTransition(importId, leaseOwner, sql.releaseToQueue, [error === null ? null : json(error), delayMs, uncount], {
        kind: 'released',
        detail: { delayMs, ...(uncount ? { handedBack: true } : {}), ...(error === null ? {} : { error }) }
      })
    },

    setRestrictions (importId, restrictions, detail = {}) {
      requireText('importId', importId)
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ImportRow>(sql.setRestrictions, [clock(), importId, json(restrictions)])
        if (rows.length === 0) throw new ImportNotFoundError(importId)
        await appendEvent(tx, importId, 'restrictions_requested', { ...restrictions, ...detail })
        return toRecord(rows[0])
      })
    },

    markRestrictionsApplied (importId, restrictions) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ImportRow>(sql.markRestrictionsApplied, [clock(), importId, json(restrictions)])
        if (rows.length === 0) return false
        await appendEvent(tx, importId, 'restrictions_applied', { ...restrictions })
        return true
      })
    },

    async markRestrictionsFailed (importId, error) {
      await db.transaction(async (tx) => {
        const { rows } = await tx.query<ImportRow>(sql.markRestrictionsFailed, [clock(), importId, json(errorJson(error))])
        if (rows.length > 0) await appendEvent(tx, importId, 'restrictions_failed', { error: errorJson(error) as Record<string, unknown> })
      })
    },

    async listPendingRestrictions ({ graceMs, limit }) {
      const { rows } = await db.query<{ import_id: string }>(sql.selectPendingRestrictions, [clock(), Math.round(graceMs), limit])
      return rows.map((row) => row.import_id)
    },

    async listStrandedImports ({ graceMs, limit }) {
      const { rows } = await db.query<{ import_id: string }>(sql.selectStrandedImports, [clock(), Math.round(graceMs), limit])
      return rows.map((row) => row.import_id)
    },

    async queueDepth () {
      const { rows } = await db.query<{ depth: number; oldest_seconds: number }>(sql.selectQueueDepth, [clock()])
      return { depth: Number(rows[0]?.depth ?? 0), oldestSeconds: Number(rows[0]?.oldest_seconds ?? 0) }
    },

    async listRetryable (status, limit, site, received = {}) {
      const { rows } = await db.query<{ import_id: string }>(sql.selectRetryable, [
        status,
        limit,
        site.tenantId,
        site.siteId,
        received.from ?? null,
        received.to ?? null
      ])
      return rows.map((row) => row.import_id)
    },

    requeue (importId, requeueOptions = {}) {
      requireText('importId', importId)
      return db.transaction(async (tx) => {
        const before = await explainMiss(tx, importId)
        const { rows } = await tx.query<ImportRow>(sql.requeue, [clock(), importId])
        if (rows.length === 0) throw new ImportStateError(importId, before.status, 'only failed or dead imports can be retried')
        await appendEvent(tx, importId, 'retry_requested', {
          previousStatus: before.status,
          ...(requeueOptions.requestedBy === undefined ? {} : { requestedBy: requeueOptions.requestedBy })
        })
        return toRecord(rows[0])
      })
    },

    async getImport (importId) {
      const { rows } = await db.query<ImportRow>(sql.selectImport, [importId])
      return rows.length === 0 ? null : toRecord(rows[0])
    },

    async findImport (key) {
      const { rows } = await db.query<ImportRow>(sql.selectImportByKey, [key.tenantId, key.siteId, key.externalId])
      return rows.length === 0 ? null : toRecord(rows[0])
    },

    async listImports (query) {
      if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) {
        throw new RangeError(`limit must be a whole number between 1 and ${MAX_PAGE}`)
      }
      if (query.status !== undefined && !(sql.IMPORT_STATUSES as readonly string[]).includes(query.status)) {
        throw new RangeError(`status must be one of ${sql.IMPORT_STATUSES.join(', ')}`)
      }
      const after = query.cursor ? decodeCursor(query.cursor) : null
      const { rows } = await db.query<ImportRow>(sql.listImports, [
        query.status ?? null,
        query.externalId ?? null,
        query.tenantId ?? null,
        query.siteId ?? null,
        after?.createdAt ?? null,
        after?.importId ?? null,
        query.limit + 1,
        query.from ?? null,
        query.to ?? null,
        query.source ?? null
      ])
      const items = rows.slice(0, query.limit).map(toRecord)
      const nextCursor = rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null
      return { items, nextCursor }
    },

    async replaceEvent (importId, leaseOwner, event, payloadHash) {
      const { rows } = await db.query<ImportRow>(sql.replaceImportEvent, [clock(), importId, leaseOwner, json(event), payloadHash])
      if (rows.length === 0) {
        const current = await explainMiss(db, importId)
        throw new LeaseLostError(importId, leaseOwner, current.status, current.lease_owner)
      }
      return toRecord(rows[0])
    },

    async getImportEvents (importId) {
      const { rows } = await db.query<EventRow>(sql.selectEvents, [importId])
      return rows.map(toEvent)
    },

    async countByStatus () {
      const counts = Object.fromEntries(sql.IMPORT_STATUSES.map((status) => [status, 0])) as Record<ImportStatus, number>
      const { rows } = await db.query<{ status: ImportStatus; count: number }>(sql.countByStatus)
      for (const row of rows) counts[row.status] = row.count
      return counts
    },

    async summarizeImports (query) {
      const counts = Object.fromEntries(sql.IMPORT_STATUSES.map((status) => [status, 0])) as Record<ImportStatus, number>
      let oldestQueuedSeconds: number | null = null
      const { rows } = await db.query<{ status: ImportStatus; count: number; oldest_seconds: number }>(sql.summarizeImports, [
        clock(),
        query.tenantId,
        query.siteId,
        query.from ?? null,
        query.to ?? null
      ])
      for (const row of rows) {
        counts[row.status] = Number(row.count)
        if (row.status === 'queued') oldestQueuedSeconds = Math.max(0, Number(row.oldest_seconds))
      }
      return { counts, oldestQueuedSeconds }
    }
  }
  return store
}
