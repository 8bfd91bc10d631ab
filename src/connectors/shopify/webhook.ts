// Shopify webhook deliveries: which store, is it signed, what is it about. Shopify signs the raw
// body: X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(app client secret, raw bytes)); the newer
// Events deliveries use the same names without the `X-` prefix (shopify-hmac-sha256, …), and
// send both, so the unprefixed ones are read first (as Shopify's own validate.ts does).
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { ShopifyStoreConfig } from '../../config/config.ts'
import type { Classification, VerifyResult } from '../connector.ts'
import { orderGid } from './order.ts'

/** The headers a delivery is read from, as Shopify names them (HTTP/2 lowercases them; so do we). */
export const SHOPIFY_HEADERS = {
  hmac: 'x-shopify-hmac-sha256',
  topic: 'x-shopify-topic',
  shop: 'x-shopify-shop-domain',
  apiVersion: 'x-shopify-api-version',
  webhookId: 'x-shopify-webhook-id',
  eventId: 'x-shopify-event-id',
  triggeredAt: 'x-shopify-triggered-at'
} as const

export function shopifyHeader (headers: IncomingHttpHeaders, name: keyof typeof SHOPIFY_HEADERS): string | undefined {
  for (const candidate of [SHOPIFY_HEADERS[name].replace(/^x-/, ''), SHOPIFY_HEADERS[name]]) {
    const value = headers[candidate]
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string' && first.length > 0) return first
  }
  return undefined
}

/** base64 HMAC-SHA256 of the raw bytes with one secret. */
export function shopifySignature (secret: string, raw: Buffer | string): string {
  return createHmac('sha256', secret).update(raw).digest('base64')
}

/** Constant-time check of the delivery's signature against every secret of the store. */
export function verifyShopifyDelivery (raw: Buffer, headers: IncomingHttpHeaders, store: ShopifyStoreConfig): VerifyResult {
  const given = shopifyHeader(headers, 'hmac')
  if (given === undefined) return { ok: false, reason: 'The X-Shopify-Hmac-Sha256 header is missing.' }
  if (raw.length === 0) return { ok: false, reason: 'The body is empty: nothing was signed.' }
  const givenBytes = Buffer.from(given, 'base64')
  let match = false
  for (const secret of store.webhookSecrets) {
    const expected = createHmac('sha256', secret).update(raw).digest()
    // Every secret is compared (no early exit), each in constant time.
    if (expected.length === givenBytes.length && timingSafeEqual(expected, givenBytes)) match = true
  }
  return match
    ? { ok: true }
    : { ok: false, reason: `X-Shopify-Hmac-Sha256 does not match the raw body signed with any secret configured for ${store.shopDomain}.` }
}

const ORDER_TOPICS = new Set(['orders/create', 'orders/paid'])

/** What a verified delivery is about and whether it leads to an import. */
export function classifyShopifyDelivery (body: unknown, headers: IncomingHttpHeaders, store: ShopifyStoreConfig): Classification {
  const topic = shopifyHeader(headers, 'topic') ?? '(none)'
  const base = {
    deliveryId: shopifyHeader(headers, 'webhookId') ?? null,
    eventId: shopifyHeader(headers, 'eventId') ?? shopifyHeader(headers, 'webhookId') ?? null,
    topic,
    triggeredAt: shopifyHeader(headers, 'triggeredAt') ?? null
  }
  const order = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null
  const gid = typeof order?.admin_graphql_api_id === 'string' ? order.admin_graphql_api_id : null
  const orderKey = gid !== null && ORDER_TOPICS.has(topic) ? orderGid(gid).replace(/^gid:\/\/shopify\/Order\//, '') : null
  const skip = (key: string | null, reason: string): Classification => ({ ...base, orderKey: key, importable: false, reason })
  if (!ORDER_TOPICS.has(topic)) return skip(null, `topic ${topic} is not an order topic this connector imports`)
  if (order === null || orderKey === null) return skip(null, 'the body is not an order (no admin_graphql_api_id)')
  if (order.test === true && !store.importTestOrders) return skip(orderKey, 'test order (importTestOrders is off)')
  if (order.cancelled_at !== null && order.cancelled_at !== undefined) return skip(orderKey, 'cancelled order')
  if (store.importOn === 'paid' && topic === 'orders/create' && order.financial_status !== 'paid') {
    return skip(orderKey, `not paid yet (financial_status ${String(order.financial_status)}; importOn is paid)`)
  }
  return { ...base, orderKey, importable: true }
}

/** Whether an order the reconciler listed should be imported (same rules as a delivery). */
export function shopifyListedImportable (
  node: { test: boolean; cancelledAt: string | null; displayFinancialStatus: string | null },
  store: ShopifyStoreConfig
): { importable: true } | { importable: false; reason: string } {
  if (node.test && !store.importTestOrders) return { importable: false, reason: 'test order' }
  if (node.cancelledAt !== null) return { importable: false, reason: 'cancelled order' }
  const paid = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(node.displayFinancialStatus ?? '')
  if (store.importOn === 'paid' && !paid) return { importable: false, reason: `not paid (${String(node.displayFinancialStatus)})` }
  return { importable: true }
}
