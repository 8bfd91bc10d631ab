// The WooCommerce connector: one store per site (TENANTS_FILE `woocommerce:` or WOOCOMMERCE_*), known
// here by its home URL's host and path ("shop.example.com").
//   config.ts      the store's settings (read by src/config/config.ts)
//   webhook.ts     the ping, X-WC-Webhook-Source → store, X-WC-Webhook-Signature, what a delivery is about
//   api-types.ts   the REST order this connector reads (zod, loose)
//   api-client.ts  wc/v3 REST client: consumer key/secret, 429 and 5xx retries, X-WP-TotalPages
//   map-order.ts   order → Normalized Order Event v1 (pure)
// WooCommerce never retries a delivery and disables a hook that keeps failing: the reconciliation
// (orders modified since the checkpoint in an importable status) is the guarantee, the webhook the
// fast path. The order is fetched again by the frame's job, so what is imported is the order as it
// is now, whatever delivery brought it.
import { z } from 'zod'
import type { Connector } from '../connector.ts'
import { asPlatformApiError } from '../platform-http.ts'
import { problemType } from '../../../schemas/problem.ts'
import { ProblemError } from '../../plugins/problems.ts'
import { createWooCommerceApi, PAGE_SIZE, WooCommerceApiError, type WooCommerceApi } from './api-client.ts'
import { type WcOrder, WcOrderSchema } from './api-types.ts'
import { DEFAULT_IMPORT_STATUSES, type WooCommerceStoreConfig } from './config.ts'
import { gmtToRfc3339, mapWooCommerceOrder, wooCommerceExternalId } from './map-order.ts'
import { classifyWooCommerceDelivery, pingWebhookId, sourceStore, statusSkipReason, verifyWooCommerceDelivery } from './webhook.ts'

const header = (description: string, example: string) => z.string().optional().meta({ description, example })

export const wooCommerceConnector: Connector<WooCommerceStoreConfig, WcOrder, WooCommerceApi> = {
  platform: 'woocommerce',
  title: 'WooCommerce',
  stores: (tenant) =>
    tenant.woocommerce.map((store) => ({
      store: store.store,
      tenant: tenant.name,
      config: store,
      reconcileIntervalMs: store.reconcileIntervalMs
    })),
  handshake (raw, headers) {
    const webhookId = pingWebhookId(raw, headers)
    return webhookId === undefined
      ? undefined
      : { topic: 'ping', reason: `WooCommerce webhook ${webhookId} ping: answered 200 so the hook is activated; nothing stored` }
  },
  storeOf: (headers) => sourceStore(headers),
  verify: verifyWooCommerceDelivery,
  classify: classifyWooCommerceDelivery,
  webhookDocs: {
    summary: 'Receive a WooCommerce order webhook (order.created, order.updated)',
    description:
      'The store is the one whose storeUrl X-WC-Webhook-Source names (the site\'s home URL); X-WC-Webhook-Signature, the base64 ' +
      'HMAC-SHA256 of the raw body under one of the store\'s webhookSecrets, is checked before the body is parsed. An unknown store ' +
      'or a bad signature is 401 and nothing is stored. The ping WooCommerce sends when a webhook is saved (the form body ' +
      '`webhook_id=N`, unsigned) is answered 200 so the hook is activated, and stores nothing. A verified delivery is stored and ' +
      'answered at once: 202 when it starts an import (the order is fetched from the REST API and imported by a worker), 200 when ' +
      'it is a duplicate (the same order already received under either topic) or imports nothing (a status that is not importable, ' +
      'another topic; the reason is recorded). WooCommerce never retries a delivery: the reconciliation finds what a lost one carried.'
  },
  webhookHeaders: z.object({
    'x-wc-webhook-source': header("The site's home URL: chooses the store", 'https://shop.example.com/'),
    'x-wc-webhook-topic': header('order.created, order.updated, …', 'order.created'),
    'x-wc-webhook-id': header('The webhook id on the store', '12'),
    'x-wc-webhook-delivery-id': header('The delivery id (not unique per event)', 'c7d2b1b1e3b54f1f9bb1d2e8e2a1b0c4'),
    'x-wc-webhook-signature': header(
      "base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret",
      'Ci7Q4F3OGOAe6Dm7pXGxk8cBXlHnEr+YFcsEXAMPLE='
    )
  }),
  client (store) {
    if (store.consumerKey === undefined || store.consumerSecret === undefined) {
      throw new WooCommerceApiError('auth', `WooCommerce store ${store.store} has no consumerKey and consumerSecret configured`)
    }
    return createWooCommerceApi({ storeUrl: store.storeUrl, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret })
  },
  fetchOrder: async (client, orderKey) => asPlatformApiError(() => client.getOrder(Number(orderKey))),
  skipReason: (order, store) => statusSkipReason(order.status, store),
  mapToEvent (order, store) {
    const externalId = wooCommerceExternalId(store, order.id)
    const mapped = mapWooCommerceOrder(order, store)
    if (mapped.ok) return { ok: true, externalId, event: mapped.event as never }
    return {
      ok: false,
      externalId,
      problem: { type: problemType('not-mappable'), title: 'WooCommerce order cannot be imported', status: 422, detail: mapped.reason }
    }
  },
  async listChangedSince (client, store, since, cursor) {
    const page = cursor === null ? 1 : Number(cursor)
    const answer = await asPlatformApiError(() => client.listOrdersModifiedAfter(new Date(since), store.importStatuses, page))
    const orders = answer.orders.map((order) => {
      const reason = statusSkipReason(order.status, store)
      return {
        orderKey: String(order.id),
        updatedAt: gmtToRfc3339(order.date_modified_gmt) ?? since,
        importable: reason === undefined,
        ...(reason === undefined ? {} : { reason })
      }
    })
    const more = page < answer.totalPages && answer.orders.length === PAGE_SIZE
    return { orders, nextCursor: more ? String(page + 1) : null }
  },
  preview: {
    body: z.looseObject({}).meta({
      id: 'WooCommerceOrderPreview',
      description: 'A WooCommerce order as GET /wp-json/wc/v3/orders/{id} answers it (the body of its order.* webhooks)'
    }),
    defaultStore: {
      store: 'preview',
      storeUrl: 'https://preview.invalid',
      webhookSecrets: [],
      consumerKey: undefined,
      consumerSecret: undefined,
      importStatuses: [...DEFAULT_IMPORT_STATUSES],
      gateways: {},
      externalIdPrefix: 'WC-',
      reconcileIntervalMs: 0
    },
    toOrder (body) {
      const parsed = WcOrderSchema.safeParse(body)
      if (parsed.success) return parsed.data
      const issue = parsed.error.issues[0]
      throw new ProblemError({
        type: problemType('invalid-request'),
        title: 'Not a WooCommerce order',
        status: 400,
        detail: `${issue.path.join('.') || 'body'}: ${issue.message}`
      })
    },
    assumptions (body) {
      const order = body as { payment_method?: unknown; transaction_id?: unknown }
      const notes: string[] = []
      if (order.transaction_id === undefined || order.transaction_id === '') {
        notes.push('no transaction_id: the payment is a noop payment without one')
      }
      return notes
    }
  }
}
