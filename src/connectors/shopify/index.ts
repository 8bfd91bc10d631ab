// The Shopify connector: one store per myshopify.com domain (TENANTS_FILE `shopify:` or SHOPIFY_*).
//   webhook.ts       signature (raw bytes, several secrets), headers, what a delivery is about
//   admin-client.ts  GraphQL Admin API client with cost-based throttling
//   queries.ts       the GraphQL documents it sends
//   order.ts         the order shape the mapping reads; REST (webhook) → that shape
//   mapping.ts       order → Normalized Order Event v1 (pure)
import { z } from 'zod'
import type { ShopifyStoreConfig } from '../../config/config.ts'
import type { Connector } from '../connector.ts'
import { createShopifyAdminClient, type ShopifyAdminClient } from './admin-client.ts'
import { mapShopifyOrder } from './mapping.ts'
import { fromRestOrder, legacyId, type ShopifyOrder, type ShopifyTransaction } from './order.ts'
import { classifyShopifyDelivery, shopifyHeader, shopifyListedImportable, verifyShopifyDelivery } from './webhook.ts'

const header = (description: string, example: string) => z.string().optional().meta({ description, example })

const PreviewBodySchema = z
  .looseObject({
    admin_graphql_api_id: z.string().optional(),
    name: z.string(),
    currency: z.string(),
    line_items: z.array(z.looseObject({})).min(1),
    transactions: z
      .array(z.looseObject({}))
      .optional()
      .meta({ description: 'GraphQL OrderTransaction objects (as `order { transactions { … } }` returns them)' }),
    fulfillmentOrders: z
      .array(z.looseObject({}))
      .optional()
      .meta({ description: 'GraphQL FulfillmentOrder objects (deliveryMethod, assignedLocation, lineItems as arrays)' })
  })
  .meta({
    id: 'ShopifyOrderPreview',
    description: 'A Shopify REST order (the orders/* webhook body), optionally with `transactions` and `fulfillmentOrders` added'
  })

/** Without transactions the preview assumes one successful SALE of the current total on the first gateway. */
function assumedTransactions (body: Record<string, any>): ShopifyTransaction[] {
  const names: unknown[] = Array.isArray(body.payment_gateway_names) ? body.payment_gateway_names : []
  const gateway = names.length > 0 ? String(names[0]) : 'manual'
  const total = body.current_total_price_set ?? {
    shop_money: { amount: body.current_total_price, currency_code: body.currency },
    presentment_money: { amount: body.current_total_price, currency_code: body.presentment_currency ?? body.currency }
  }
  return [
    {
      id: 'gid://shopify/OrderTransaction/0',
      gateway,
      kind: 'SALE',
      status: 'SUCCESS',
      amountSet: {
        shopMoney: { amount: String(total.shop_money.amount), currencyCode: String(total.shop_money.currency_code) },
        presentmentMoney: { amount: String(total.presentment_money.amount), currencyCode: String(total.presentment_money.currency_code) }
      },
      processedAt: body.processed_at ?? body.created_at ?? null
    }
  ]
}

export const shopifyConnector: Connector<ShopifyStoreConfig, ShopifyOrder, ShopifyAdminClient> = {
  platform: 'shopify',
  title: 'Shopify',
  stores: (tenant) =>
    tenant.shopify.map((store) => ({
      store: store.shopDomain,
      tenant: tenant.name,
      config: store,
      reconcileIntervalMs: store.reconcileIntervalMs
    })),
  storeOf: (headers) => shopifyHeader(headers, 'shop')?.toLowerCase(),
  verify: verifyShopifyDelivery,
  classify: classifyShopifyDelivery,
  webhookHeaders: z.object({
    'x-shopify-hmac-sha256': header(
      "base64 HMAC-SHA256 of the raw body with the app's client secret (`shopify-hmac-sha256` too)",
      'XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM='
    ),
    'x-shopify-shop-domain': header('The store (`shopify-shop-domain` too)', 'acme.myshopify.com'),
    'x-shopify-topic': header('orders/paid or orders/create; other topics are answered 200 and recorded', 'orders/paid'),
    'x-shopify-event-id': header('Shared by every delivery of one merchant action: the dedupe key', '98880550-7158-44d4-b7cd-2c97c8a091b5'),
    'x-shopify-webhook-id': header('One per delivery', 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043'),
    'x-shopify-triggered-at': header('When Shopify triggered it; older than 12 h is refused as stale', '2026-12-05T23:40:00.000Z'),
    'x-shopify-api-version': header('API version of the payload', '2025-07')
  }),
  client: (store) => createShopifyAdminClient({ adminApiUrl: store.adminApiUrl, accessToken: store.accessToken }),
  fetchOrder: (client, orderKey) => client.order(orderKey),
  mapToEvent: (order, store) => mapShopifyOrder(order, store),
  async listChangedSince (client, store, since, cursor) {
    const page = await client.ordersUpdatedSince(since, cursor)
    return {
      orders: page.nodes.map((node) => {
        const verdict = shopifyListedImportable(node, store)
        return { orderKey: legacyId(node.id), updatedAt: node.updatedAt, ...verdict }
      }),
      nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null
    }
  },
  preview: {
    body: PreviewBodySchema,
    defaultStore: {
      shopDomain: 'preview.myshopify.com',
      webhookSecrets: [],
      accessToken: undefined,
      adminApiUrl: 'https://preview.myshopify.com',
      importOn: 'paid',
      currency: 'presentment',
      externalId: 'name',
      externalIdPrefix: '',
      gateways: {},
      importTestOrders: false,
      reconcileIntervalMs: 0
    },
    toOrder (body) {
      const rest = body as Record<string, any>
      return fromRestOrder(rest, {
        transactions: Array.isArray(rest.transactions) ? (rest.transactions as ShopifyTransaction[]) : assumedTransactions(rest),
        fulfillmentOrders: Array.isArray(rest.fulfillmentOrders) ? rest.fulfillmentOrders : []
      })
    },
    assumptions (body) {
      const rest = body as Record<string, any>
      return Array.isArray(rest.transactions)
        ? []
        : ['no transactions given: assumed one successful SALE of current_total_price on the first payment_gateway_names entry']
    }
  }
}
