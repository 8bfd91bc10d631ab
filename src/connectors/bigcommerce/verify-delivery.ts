// Is a webhook delivery really from BigCommerce, for this store? Two ways, per BigCommerce's docs:
//   - Standard Webhooks (BigCommerce's HTTPS webhooks): `webhook-id`, `webhook-timestamp` (within
//     5 minutes) and `webhook-signature` (`v1,<base64 HMAC-SHA256>` of `id.timestamp.body`), keyed
//     with the app's client secret. BigCommerce's own sample passes the secret base64-encoded to the
//     `standardwebhooks` library (`new Webhook(base64(clientSecret))`), which decodes it again: the
//     HMAC key is the client secret's bytes. We do exactly that.
//   - Older subscriptions: a secret custom header the merchant set when creating the hook
//     (`headers` on POST /v3/hooks), compared in constant time.
// Anything else is refused. A store with neither configured accepts unsigned deliveries, which the
// configuration allows outside production only.
import { createHash, timingSafeEqual } from 'node:crypto'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import type { BigCommerceStoreConfig } from './config.ts'

export type DeliveryVerification =
  { ok: true; method: 'standard-webhooks' | 'custom-header' | 'unsigned'; deliveryId: string | undefined } | { ok: false; reason: string }

type Headers = Record<string, string | string[] | undefined>

function header (headers: Headers, name: string): string | undefined {
  const value = headers[name]
  const first = Array.isArray(value) ? value[0] : value
  return first === undefined || first === '' ? undefined : first
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** The Standard Webhooks verifier for a client secret (the same key BigCommerce's sample builds). */
export function clientSecretWebhook (clientSecret: string): Webhook {
  return new Webhook(Buffer.from(clientSecret, 'utf8').toString('base64'))
}

export function verifyBigCommerceDelivery (
  rawBody: Buffer,
  headers: Headers,
  store: Pick<BigCommerceStoreConfig, 'clientSecret' | 'webhookHeader'>
): DeliveryVerification {
  const id = header(headers, 'webhook-id')
  const signature = header(headers, 'webhook-signature')
  const timestamp = header(headers, 'webhook-timestamp')
  if (store.clientSecret !== undefined && (signature !== undefined || store.webhookHeader === undefined)) {
    if (id === undefined || signature === undefined || timestamp === undefined) {
      return {
        ok: false,
        reason: "missing webhook-id, webhook-timestamp or webhook-signature (Standard Webhooks, signed with the app's client secret)"
      }
    }
    try {
      clientSecretWebhook(store.clientSecret).verify(rawBody, {
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': signature
      })
      return { ok: true, method: 'standard-webhooks', deliveryId: id }
    } catch (error) {
      if (!(error instanceof WebhookVerificationError) && !(error instanceof SyntaxError)) throw error
      if (/timestamp/i.test(error.message)) return { ok: false, reason: `webhook-timestamp ${timestamp} is not within 5 minutes of now` }
      return { ok: false, reason: "the signature does not match the app's client secret" }
    }
  }
  if (store.webhookHeader !== undefined) {
    const given = header(headers, store.webhookHeader.name)
    if (given === undefined) return { ok: false, reason: `missing the ${store.webhookHeader.name} header set on the hook` }
    if (!timingSafeEqual(digest(given), digest(store.webhookHeader.value))) {
      return { ok: false, reason: `the ${store.webhookHeader.name} header does not carry the configured value` }
    }
    return { ok: true, method: 'custom-header', deliveryId: id }
  }
  return { ok: true, method: 'unsigned', deliveryId: id }
}
