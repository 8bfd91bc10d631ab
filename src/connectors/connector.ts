// What a storefront platform is to the frame (src/connectors/frame.ts): one object per platform,
// registered in src/connectors/index.ts. The frame owns everything platforms share (the raw-body
// webhook route, delivery records, dedupe, the fetch job, the reconciliation checkpoint and its
// fleet-wide schedule, the preview, the hand-off to the one import pipeline); a platform only
// says how ITS deliveries are signed and read, how its API is asked, and how its order maps.
import type { IncomingHttpHeaders } from 'node:http'
import type { z } from 'zod'
import type { Config, TenantConfig } from '../config/config.ts'
import type { OrderEvent } from '../../schemas/order-event.ts'
import type { Problem } from '../../schemas/problem.ts'

export type VerifyResult = { ok: true } | { ok: false; reason: string }

/** A verified delivery, read: its ids, its topic, the order it is about, and whether to import it. */
export type Classification = {
  deliveryId: string | null
  /** Shared by every delivery of one platform event (the dedupe key, per topic). */
  eventId: string | null
  topic: string
  /** When the platform triggered it (RFC 3339); older than the frame's window is refused as stale. */
  triggeredAt: string | null
  /** The platform's order id within the store: with the store, the import key. */
  orderKey: string | null
} & ({ importable: true } | { importable: false; reason: string })

/** An order a reconciliation listing returned. */
export interface ListedOrder {
  orderKey: string
  updatedAt: string
  importable: boolean
  reason?: string
}

export interface ListedPage {
  orders: ListedOrder[]
  /** null: no further page. */
  nextCursor: string | null
}

/** A platform API failure: transient ones (throttling, 5xx, network) are retried by the frame. */
export class PlatformApiError extends Error {
  readonly transient: boolean
  readonly status: number | undefined
  constructor (message: string, options: { transient: boolean; status?: number }) {
    super(message)
    this.name = 'PlatformApiError'
    this.transient = options.transient
    this.status = options.status
  }
}

export type MapResult = { ok: true; externalId: string; event: OrderEvent } | { ok: false; externalId: string; problem: Problem }

/** One configured store of a platform, for one tenant. */
export interface StoreBinding<StoreConfig> {
  /** The store's id on its platform (Shopify: the myshopify.com domain). */
  store: string
  tenant: string
  config: StoreConfig
  reconcileIntervalMs: number
}

export interface Connector<StoreConfig = unknown, PlatformOrder = unknown, Client = unknown> {
  /** Route segment and source prefix: /v1/connectors/{platform}/…, imports' source `{platform}:{store}`. */
  platform: string
  /** Shown in the OpenAPI document. */
  title: string
  /** Every configured store of this platform. */
  stores(tenant: TenantConfig, config: Config): Array<StoreBinding<StoreConfig>>
  /** Which store a delivery says it is from (before anything is verified): a header, or the raw body (BigCommerce's producer). */
  storeOf(headers: IncomingHttpHeaders, raw: Buffer): string | undefined
  /**
   * A delivery that only tests the endpoint and names no store (WooCommerce's ping when a webhook is
   * saved: a bare `webhook_id=N`, unsigned): answered 200 with this topic and reason, nothing stored.
   * Optional: undefined for every real delivery.
   */
  handshake?(raw: Buffer, headers: IncomingHttpHeaders): { topic: string; reason: string } | undefined
  /** The delivery's signature over the RAW bytes (nothing is parsed before this holds). */
  verify(raw: Buffer, headers: IncomingHttpHeaders, store: StoreConfig): VerifyResult
  /** What a verified delivery is about. */
  classify(body: unknown, headers: IncomingHttpHeaders, store: StoreConfig): Classification
  /** The delivery headers, for the OpenAPI document. */
  webhookHeaders: z.ZodObject
  /** The webhook route's summary and how the platform's deliveries are chosen and signed, for the OpenAPI document. */
  webhookDocs?: { summary: string; description: string }
  /** An API client for a store (closed by the frame on shutdown). */
  client(store: StoreConfig): Client & { close(): Promise<void> }
  /** The order with everything the mapping needs; null when the platform does not know it. */
  fetchOrder(client: Client, orderKey: string): Promise<PlatformOrder | null>
  /**
   * Why a fetched order is not imported now (BigCommerce: its status is not importable yet), or
   * undefined to import it. A skipped order stays unclaimed-for-import: the next delivery about it or
   * the reconciliation fetches it again. Optional: a platform whose deliveries say enough needs none.
   */
  skipReason?(order: PlatformOrder, store: StoreConfig): string | undefined
  /** Pure: the platform order as a Normalized Order Event, or a problem naming the platform's fields. */
  mapToEvent(order: PlatformOrder, store: StoreConfig): MapResult
  /** One page of orders updated since `since` (inclusive), oldest update first. */
  listChangedSince(client: Client, store: StoreConfig, since: string, cursor: string | null): Promise<ListedPage>
  /** The preview route's body schema and how it becomes a platform order. */
  preview: {
    body: z.ZodType
    toOrder(body: unknown): PlatformOrder
    assumptions(body: unknown): string[]
    /** The store options a preview uses when the tenant has no store of this platform (the defaults). */
    defaultStore: StoreConfig
  }
}
