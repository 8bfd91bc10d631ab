// The BigCommerce connector: one store per store hash (TENANTS_FILE `bigcommerce:` or BIGCOMMERCE_*).
//   config.ts           the store's settings (read by src/config/config.ts)
//   verify-delivery.ts  Standard Webhooks signature keyed with the app's client secret, or a custom header
//   api-types.ts        the API answers this connector reads (zod, loose)
//   api-client.ts       V2/V3 REST client: X-Auth-Token, rate-limit headers, retries
//   statuses.ts         status ids and which are importable
//   map-order.ts        order bundle → Normalized Order Event v1 (pure)
// Webhooks are thin ({scope, producer: "stores/{hash}", data: {id}, hash}): the store is the
// producer's hash, the event id is the body's `hash` (BigCommerce's own duplicate key), the order
// is fetched by the frame's job, and its status decides whether it is imported now.
import type { IncomingHttpHeaders } from 'node:http'
import { z } from 'zod'
import type { Classification, Connector } from '../connector.ts'
import { asPlatformApiError } from '../platform-http.ts'
import { problemType } from '../../../schemas/problem.ts'
import { createBigCommerceApi, parseBundle, BigCommerceApiError, type BigCommerceApi } from './api-client.ts'
import type { BcOrderBundle } from './api-types.ts'
import { BcWebhookBodySchema } from './api-types.ts'
import { BIGCOMMERCE_API_URL_TEMPLATE, type BigCommerceStoreConfig } from './config.ts'
import { DEFAULT_IMPORT_STATUSES } from './statuses.ts'
import { bigCommerceExternalId, describeStatus, mapBigCommerceOrder, toRfc3339 } from './map-order.ts'
import { verifyBigCommerceDelivery } from './verify-delivery.ts'

/** The scopes that can start an import; other order scopes are recorded and answered 200. */
export const IMPORT_SCOPES = ['store/order/created', 'store/order/statusUpdated'] as const

const header = (description: string, example: string) => z.string().optional().meta({ description, example })

/** Why an order in this status is not imported (yet), or undefined when it is importable. */
export function statusSkipReason (statusId: number, store: Pick<BigCommerceStoreConfig, 'importStatuses'>): string | undefined {
  return store.importStatuses.includes(statusId)
    ? undefined
    : `status ${describeStatus(statusId)} is not importable (importStatuses: ${store.importStatuses.join(', ')}); ` +
        'a later status update imports it'
}

/** The store hash a delivery names: its body's producer, "stores/{hash}" (read before anything is verified, never trusted). */
export function producerStoreHash (raw: Buffer): string | undefined {
  if (raw.length > 64 * 1024) return undefined
  try {
    const producer = (JSON.parse(raw.toString('utf8')) as { producer?: unknown }).producer
    const match = typeof producer === 'string' ? /^stores\/([a-z0-9]{1,64})$/.exec(producer) : null
    return match?.[1]
  } catch {
    return undefined
  }
}

export function classifyBigCommerceDelivery (body: unknown, headers: IncomingHttpHeaders, store: BigCommerceStoreConfig): Classification {
  const parsed = BcWebhookBodySchema.safeParse(body)
  const deliveryId = typeof headers['webhook-id'] === 'string' ? headers['webhook-id'] : null
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      deliveryId,
      eventId: null,
      topic: 'unknown',
      triggeredAt: null,
      orderKey: null,
      importable: false,
      reason: `not a BigCommerce order callback: ${issue.path.join('.') || 'body'} ${issue.message}`
    }
  }
  const callback = parsed.data
  const common = {
    deliveryId,
    // BigCommerce: "hash: the SHA-1 hash of the JSON-encoded payload data. Ensures users can detect duplicate events."
    eventId: callback.hash ?? deliveryId,
    topic: callback.scope,
    // Not given to the frame's staleness check: BigCommerce retries a delivery with its original body
    // (created_at) for about 48 h, and the Standard Webhooks timestamp (5 minutes) already refuses replays.
    triggeredAt: null,
    orderKey: String(callback.data.id)
  }
  if (!(IMPORT_SCOPES as readonly string[]).includes(callback.scope)) {
    return { ...common, importable: false, reason: `scope ${callback.scope} does not import orders (only ${IMPORT_SCOPES.join(', ')})` }
  }
  const newStatus = callback.data.status?.new_status_id
  if (newStatus !== undefined) {
    const reason = statusSkipReason(newStatus, store)
    if (reason !== undefined) return { ...common, importable: false, reason }
  }
  // store/order/created carries no status (it also fires for incomplete orders): the fetched order's status decides.
  return { ...common, importable: true }
}

const PreviewBodySchema = z
  .looseObject({
    order: z.looseObject({}).meta({ description: 'GET /v2/orders/{id}' }),
    products: z.array(z.looseObject({})).min(1).meta({ description: 'GET /v2/orders/{id}/products' }),
    shippingAddresses: z.array(z.looseObject({})).optional().meta({ description: 'GET /v2/orders/{id}/shipping_addresses' }),
    consignments: z
      .looseObject({})
      .nullish()
      .meta({ description: "the order's consignments (include=consignments.line_items&consignment_structure=object)" }),
    coupons: z.array(z.looseObject({})).optional(),
    taxes: z.array(z.looseObject({})).optional().meta({ description: 'GET /v2/orders/{id}/taxes?details=true' }),
    transactions: z.array(z.looseObject({})).optional().meta({ description: 'GET /v3/orders/{id}/transactions `data`' })
  })
  .meta({
    id: 'BigCommerceOrderPreview',
    description: 'A BigCommerce order as its API answers it: the V2 order and its sub-resources, the V3 transactions'
  })

export const bigCommerceConnector: Connector<BigCommerceStoreConfig, BcOrderBundle, BigCommerceApi> = {
  platform: 'bigcommerce',
  title: 'BigCommerce',
  stores: (tenant) =>
    tenant.bigcommerce.map((store) => ({
      store: store.storeHash,
      tenant: tenant.name,
      config: store,
      reconcileIntervalMs: store.reconcileIntervalMs
    })),
  storeOf: (_headers, raw) => producerStoreHash(raw),
  verify (raw, headers, store) {
    const verdict = verifyBigCommerceDelivery(raw, headers, store)
    return verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason }
  },
  classify: classifyBigCommerceDelivery,
  webhookDocs: {
    summary: 'Receive a BigCommerce order webhook (store/order/created, store/order/statusUpdated)',
    description:
      'The body is BigCommerce\'s thin callback ' +
      '({scope, store_id, producer: "stores/{hash}", data: {type, id, status?}, hash, created_at}); ' +
      'the store is the one whose hash the producer names. The raw bytes are verified before anything is stored: Standard Webhooks ' +
      'headers signed with the app\'s client secret (the timestamp within 5 minutes), or, for a hook created with a custom header, ' +
      'that header\'s configured value; an unknown store or anything else is 401 and nothing is stored. A verified delivery is stored ' +
      'and answered at once: 202 when it starts an import (the order is fetched from the store API and imported by a worker if its ' +
      'status is importable), 200 when it is a duplicate (the same body hash, or an order already received under either scope) or ' +
      'imports nothing (a status that is not importable, another scope; the reason is recorded).'
  },
  webhookHeaders: z.object({
    'webhook-id': header('Standard Webhooks delivery id', 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W'),
    'webhook-timestamp': header('Unix seconds when it was signed; within 5 minutes of now', '1795461068'),
    'webhook-signature': header(
      "`v1,<base64 HMAC-SHA256>` of `id.timestamp.body`, keyed with the app's client secret",
      'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='
    )
  }),
  client: (store) => {
    if (store.accessToken === undefined) {
      throw new BigCommerceApiError('auth', `BigCommerce store ${store.storeHash} has no accessToken configured`)
    }
    return createBigCommerceApi({ apiUrl: store.apiUrl, accessToken: store.accessToken })
  },
  fetchOrder: async (client, orderKey) => asPlatformApiError(() => client.getOrderBundle(Number(orderKey))),
  skipReason: (bundle, store) => statusSkipReason(bundle.order.status_id, store),
  mapToEvent (bundle, store) {
    const externalId = bigCommerceExternalId(store, bundle.order.id)
    const mapped = mapBigCommerceOrder(bundle, store)
    if (mapped.ok) return { ok: true, externalId, event: mapped.event as never }
    return {
      ok: false,
      externalId,
      problem: { type: problemType('not-mappable'), title: 'BigCommerce order cannot be imported', status: 422, detail: mapped.reason }
    }
  },
  async listChangedSince (client, store, since, cursor) {
    const page = cursor === null ? 1 : Number(cursor)
    const orders = await asPlatformApiError(() => client.listOrdersModifiedSince(new Date(since), page))
    return {
      orders: orders.map((order) => {
        const reason = statusSkipReason(order.status_id, store)
        return {
          orderKey: String(order.id),
          updatedAt: toRfc3339(order.date_modified) ?? since,
          importable: reason === undefined,
          ...(reason === undefined ? {} : { reason })
        }
      }),
      nextCursor: orders.length < 250 ? null : String(page + 1)
    }
  },
  preview: {
    body: PreviewBodySchema,
    defaultStore: {
      storeHash: 'preview',
      accessToken: undefined,
      clientSecret: undefined,
      webhookHeader: undefined,
      apiUrl: BIGCOMMERCE_API_URL_TEMPLATE.replace('{hash}', 'preview'),
      importStatuses: [...DEFAULT_IMPORT_STATUSES],
      gateways: {},
      externalIdPrefix: 'BC-',
      reconcileIntervalMs: 0
    },
    toOrder (body) {
      const b = body as Record<string, unknown>
      return parseBundle({
        order: b.order,
        products: b.products,
        shippingAddresses: b.shippingAddresses ?? [],
        consignments: b.consignments ?? null,
        coupons: b.coupons ?? [],
        taxes: b.taxes ?? [],
        transactions: b.transactions ?? []
      })
    },
    assumptions (body) {
      const b = body as Record<string, unknown>
      const notes: string[] = []
      if (b.transactions === undefined) notes.push('no transactions given: the order total is one noop payment without a transaction id')
      if (b.taxes === undefined) notes.push("no taxes given: the item tax is spread over the lines by their products' total_tax")
      return notes
    }
  }
}
