// WooCommerce webhook deliveries (includes/class-wc-webhook.php, deliver() and deliver_ping()):
//   - a delivery is a POST of the JSON order with X-WC-Webhook-Source (the site's home URL: chooses
//     the store), -Topic (order.created, order.updated, …), -Resource, -Event, -ID (the webhook),
//     -Delivery-ID (not unique per event) and -Signature: base64 HMAC-SHA256 of the raw body keyed
//     with the webhook's secret;
//   - the ping when a webhook is saved is a POST of the bare form body `webhook_id=<id>`, with no
//     X-WC-Webhook-* header and no signature; WooCommerce wants exactly 200 back, or the hook is not
//     activated.
// WooCommerce never retries a delivery, and disables the hook after consecutive failures (the docs
// say 5; the code, the 7th): a delivery is answered 2xx whenever it verifies, and the reconciliation
// is what guarantees an order is imported.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { Classification, VerifyResult } from '../connector.ts'
import { WcWebhookOrderSchema } from './api-types.ts'
import { storeIdOf, type WooCommerceStoreConfig } from './config.ts'

/** The topics that can start an import; other topics are recorded and answered 200. */
export const IMPORT_TOPICS = ['order.created', 'order.updated'] as const

const headerText = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name]
  return typeof value === 'string' ? value : undefined
}

/** The ping WooCommerce sends when a webhook is saved: its webhook id, or undefined when this is not one. */
export function pingWebhookId (raw: Buffer, headers: IncomingHttpHeaders): string | undefined {
  if (headers['x-wc-webhook-signature'] !== undefined || raw.length > 64) return undefined
  return /^webhook_id=([0-9]{1,20})$/.exec(raw.toString('latin1').trim())?.[1]
}

/** The store a delivery says it is from (X-WC-Webhook-Source), read before anything is verified, never trusted. */
export function sourceStore (headers: IncomingHttpHeaders): string | undefined {
  const source = headerText(headers, 'x-wc-webhook-source')
  return source === undefined ? undefined : storeIdOf(source)
}

/** X-WC-Webhook-Signature against every secret of the store (several during a rotation), in constant time. */
export function verifyWooCommerceDelivery (
  raw: Buffer,
  headers: IncomingHttpHeaders,
  store: Pick<WooCommerceStoreConfig, 'webhookSecrets' | 'store'>
): VerifyResult {
  const signature = headerText(headers, 'x-wc-webhook-signature')
  if (signature === undefined || signature === '') return { ok: false, reason: 'X-WC-Webhook-Signature is missing' }
  if (store.webhookSecrets.length === 0) return { ok: false, reason: `WooCommerce store ${store.store} has no webhookSecrets configured` }
  const given = Buffer.from(signature.trim(), 'base64')
  for (const secret of store.webhookSecrets) {
    const expected = createHmac('sha256', secret).update(raw).digest()
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true }
  }
  return { ok: false, reason: 'X-WC-Webhook-Signature does not match the body under any of the store\'s webhook secrets' }
}

/** The signature WooCommerce puts on a body (the stand-in and tests sign with it). */
export function signWooCommerceBody (body: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64')
}

/** Why an order in this status is not imported (yet), or undefined when it is importable. */
export function statusSkipReason (status: string, store: Pick<WooCommerceStoreConfig, 'importStatuses'>): string | undefined {
  return store.importStatuses.includes(status)
    ? undefined
    : `status ${status} is not importable (importStatuses: ${store.importStatuses.join(', ')}); ` +
        'a later update or the reconciliation imports it'
}

export function classifyWooCommerceDelivery (body: unknown, headers: IncomingHttpHeaders, store: WooCommerceStoreConfig): Classification {
  const deliveryId = headerText(headers, 'x-wc-webhook-delivery-id') ?? null
  const webhookId = headerText(headers, 'x-wc-webhook-id') ?? 'unknown'
  const topic = headerText(headers, 'x-wc-webhook-topic') ?? 'unknown'
  const parsed = WcWebhookOrderSchema.safeParse(body)
  if (!parsed.success || !topic.startsWith('order.')) {
    return {
      deliveryId,
      eventId: null,
      topic,
      triggeredAt: null,
      orderKey: null,
      importable: false,
      reason: parsed.success ? `topic ${topic} is not about orders` : 'not a WooCommerce order: the body has no numeric id'
    }
  }
  const order = parsed.data
  // X-WC-Webhook-Delivery-ID is a hash of the hook id and the second it was sent, not of the event:
  // one event is this hook, this order, this modification.
  const common = {
    deliveryId,
    eventId: `${webhookId}:${topic}:${order.id}:${order.date_modified_gmt ?? order.status ?? ''}`,
    topic,
    // WooCommerce sends no trigger time; it never retries, so there are no replays to refuse by age.
    triggeredAt: null,
    orderKey: String(order.id)
  }
  if (!(IMPORT_TOPICS as readonly string[]).includes(topic)) {
    return { ...common, importable: false, reason: `topic ${topic} does not import orders (only ${IMPORT_TOPICS.join(', ')})` }
  }
  if (order.status === undefined) return { ...common, importable: false, reason: 'the body has no status' }
  const reason = statusSkipReason(order.status, store)
  return reason === undefined ? { ...common, importable: true } : { ...common, importable: false, reason }
}
