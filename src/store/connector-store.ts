// Storefront connectors' durable records: every delivery received, the import key of every order
// (platform, store, order key: one import whatever the topic or how often it is delivered), and
// per store the last delivery and the reconciliation checkpoint with its run lease.
import type { Database, Queryable } from './database.ts'
import { importRecordFromRow, newImportId, type ImportRecord, type ImportRow } from './import-store.ts'
import * as sql from './sql.ts'

export type DeliveryOutcome = 'accepted' | 'duplicate' | 'skipped'

export interface DeliveryInput {
  platform: string
  store: string
  deliveryId: string | null
  eventId: string | null
  topic: string
  orderKey: string | null
  triggeredAt: string | null
  outcome: DeliveryOutcome
  reason: string | null
}

export interface ConnectorOrder {
  platform: string
  store: string
  orderKey: string
  tenantId: number
  siteId: number
  foundBy: 'webhook' | 'reconcile'
  status: 'fetching' | 'handed_off' | 'failed'
  importId: string | null
  externalId: string | null
  attempts: number
  lastError: unknown
  createdAt: string
  updatedAt: string
}

export interface ConnectorStoreState {
  platform: string
  store: string
  tenantId: number
  siteId: number
  lastWebhookAt: string | null
  checkpoint: string | null
  lastRunAt: string | null
  lastRunStatus: string | null
  lastRunError: unknown
  foundWithoutWebhook: number
  leaseOwner: string | null
}

interface OrderRow {
  platform: string
  store: string
  order_key: string
  tenant_id: number
  site_id: number
  found_by: 'webhook' | 'reconcile'
  status: 'fetching' | 'handed_off' | 'failed'
  import_id: string | null
  external_id: string | null
  attempts: number
  last_error: unknown
  created_at: string
  updated_at: string
}

interface StoreRow {
  platform: string
  store: string
  tenant_id: number
  site_id: number
  last_webhook_at: string | null
  checkpoint: string | null
  last_run_at: string | null
  last_run_status: string | null
  last_run_error: unknown
  found_without_webhook: number
  lease_owner: string | null
}

const toOrder = (row: OrderRow): ConnectorOrder => ({
  platform: row.platform,
  store: row.store,
  orderKey: row.order_key,
  tenantId: row.tenant_id,
  siteId: row.site_id,
  foundBy: row.found_by,
  status: row.status,
  importId: row.import_id,
  externalId: row.external_id,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at
})

const toStore = (row: StoreRow): ConnectorStoreState => ({
  platform: row.platform,
  store: row.store,
  tenantId: row.tenant_id,
  siteId: row.site_id,
  lastWebhookAt: row.last_webhook_at,
  checkpoint: row.checkpoint,
  lastRunAt: row.last_run_at,
  lastRunStatus: row.last_run_status,
  lastRunError: row.last_run_error,
  foundWithoutWebhook: row.found_without_webhook,
  leaseOwner: row.lease_owner
})

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

export interface StoreKey {
  platform: string
  store: string
}

export interface ConnectorStore {
  /** Stores a delivery; 'duplicate' when its event (per topic) was already stored. */
  recordDelivery(input: DeliveryInput, tx?: Queryable): Promise<DeliveryOutcome>
  listDeliveries(key: StoreKey, limit: number): Promise<Array<Record<string, unknown>>>
  /** The store's row, created on first sight; `webhook` also stamps lastWebhookAt. */
  touchStore(key: StoreKey & { tenantId: number; siteId: number }, webhook: boolean, tx?: Queryable): Promise<ConnectorStoreState>
  listStores(tenantId: number, siteId: number): Promise<ConnectorStoreState[]>
  /** The import key: the order row when this call created it, null when it existed. */
  claimOrder(
    key: StoreKey & { orderKey: string; tenantId: number; siteId: number; foundBy: 'webhook' | 'reconcile' },
    tx?: Queryable
  ): Promise<ConnectorOrder | null>
  getOrder(key: StoreKey & { orderKey: string }): Promise<ConnectorOrder | null>
  updateOrder(
    key: StoreKey & { orderKey: string },
    change: { status: ConnectorOrder['status']; importId?: string | null; externalId?: string | null; error?: unknown }
  ): Promise<ConnectorOrder | null>
  /** A failed import for an order that could not be mapped (null: an import of another kind holds that externalId). */
  recordUnmapped(input: {
    tenantId: number
    siteId: number
    externalId: string
    reference: unknown
    problem: unknown
    source: string
  }): Promise<ImportRecord | null>
  /** Takes the reconciliation run lease; null when another instance holds it. */
  leaseRun(key: StoreKey, owner: string, leaseMs: number): Promise<ConnectorStoreState | null>
  advanceCheckpoint(key: StoreKey, owner: string, checkpoint: string, foundWithoutWebhook: number): Promise<void>
  finishRun(key: StoreKey, owner: string, status: 'ok' | 'failed', error?: unknown): Promise<ConnectorStoreState | null>
}

export function createConnectorStore (db: Database, options: { now?: () => Date } = {}): ConnectorStore {
  const clock = (): string | null => (options.now === undefined ? null : options.now().toISOString())
  return {
    async recordDelivery (input, tx = db) {
      const params = [
        clock(),
        input.platform,
        input.store,
        input.deliveryId,
        input.eventId,
        input.topic,
        input.orderKey,
        input.triggeredAt,
        input.outcome,
        input.reason
      ]
      const { rows } = await tx.query(sql.insertConnectorDelivery, params)
      if (rows.length === 1) return input.outcome
      const again = [...params]
      again[8] = 'duplicate'
      again[9] = `event ${input.eventId ?? ''} (${input.topic}) already received`
      await tx.query(sql.insertConnectorDelivery, again)
      return 'duplicate'
    },
    async listDeliveries (key, limit) {
      const { rows } = await db.query<Record<string, unknown>>(sql.selectConnectorDeliveries, [key.platform, key.store, limit])
      return rows
    },
    async touchStore (key, webhook, tx = db) {
      const params = [clock(), key.platform, key.store, key.tenantId, key.siteId, webhook]
      const { rows } = await tx.query<StoreRow>(sql.upsertConnectorStore, params)
      return toStore(rows[0])
    },
    async listStores (tenantId, siteId) {
      const { rows } = await db.query<StoreRow>(sql.selectConnectorStores, [tenantId, siteId])
      return rows.map(toStore)
    },
    async claimOrder (key, tx = db) {
      const { rows } = await tx.query<OrderRow>(sql.insertConnectorOrder, [
        clock(),
        key.platform,
        key.store,
        key.orderKey,
        key.tenantId,
        key.siteId,
        key.foundBy
      ])
      return rows.length === 1 ? toOrder(rows[0]) : null
    },
    async getOrder (key) {
      const { rows } = await db.query<OrderRow>(sql.selectConnectorOrder, [key.platform, key.store, key.orderKey])
      return rows.length === 1 ? toOrder(rows[0]) : null
    },
    async updateOrder (key, change) {
      const { rows } = await db.query<OrderRow>(sql.updateConnectorOrder, [
        clock(),
        key.platform,
        key.store,
        key.orderKey,
        change.status,
        change.importId ?? null,
        change.externalId ?? null,
        json(change.error)
      ])
      return rows.length === 1 ? toOrder(rows[0]) : null
    },
    async recordUnmapped (input) {
      const event = JSON.stringify(input.reference)
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<ImportRow>(sql.upsertUnmappedImport, [
          clock(),
          newImportId(),
          input.tenantId,
          input.siteId,
          input.externalId,
          `unmapped:${event}`,
          event,
          json(input.problem),
          input.source
        ])
        if (rows.length === 0) return null
        const record = importRecordFromRow(rows[0])
        const detail = JSON.stringify({ reason: 'not_mappable', problem: input.problem })
        await tx.query(sql.insertEvent, [clock(), record.importId, 'failed', detail])
        return record
      })
    },
    async leaseRun (key, owner, leaseMs) {
      const { rows } = await db.query<StoreRow>(sql.leaseConnectorStore, [clock(), key.platform, key.store, owner, leaseMs])
      return rows.length === 1 ? toStore(rows[0]) : null
    },
    async advanceCheckpoint (key, owner, checkpoint, foundWithoutWebhook) {
      await db.query(sql.advanceConnectorCheckpoint, [key.platform, key.store, owner, checkpoint, foundWithoutWebhook])
    },
    async finishRun (key, owner, status, error) {
      const { rows } = await db.query<StoreRow>(sql.finishConnectorRun, [clock(), key.platform, key.store, owner, status, json(error)])
      return rows.length === 1 ? toStore(rows[0]) : null
    }
  }
}
