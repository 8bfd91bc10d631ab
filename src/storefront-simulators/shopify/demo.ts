// `npm start` without Shopify configuration: a demo store on the built-in Shopify stand-in, its
// secret, and the signed curl that delivers examples/shopify/orders-paid.json to the connector.
import { readFileSync } from 'node:fs'
import type { Config } from '../../config/config.ts'
import { shopifySignature } from '../../connectors/shopify/webhook.ts'
import { startShopifySimulator, type ShopifySimulator } from './index.ts'

export const DEMO_SHOP = 'demo.myshopify.com'
export const DEMO_SECRET = 'shopify-demo-client-secret-not-for-production'
const DEMO_TOKEN = 'shpat_demo_token_not_for_production'
const SAMPLE = 'examples/shopify/orders-paid.json'

/** Adds the demo store to the first tenant when no tenant has a Shopify store (development only). */
export async function startShopifyDemo (config: Config): Promise<{ simulator: ShopifySimulator; curl: (base: string) => string } | null> {
  if (config.isProduction || config.tenants.some((tenant) => tenant.shopify.length > 0)) return null
  const simulator = await startShopifySimulator({ shops: { [DEMO_SHOP]: DEMO_TOKEN } })
  let body: string
  try {
    body = readFileSync(SAMPLE, 'utf8')
  } catch {
    await simulator.close()
    return null
  }
  const order = JSON.parse(body)
  simulator.putOrder(DEMO_SHOP, order, {
    transactions: [
      {
        id: 'gid://shopify/OrderTransaction/1',
        gateway: 'bogus',
        kind: 'SALE',
        status: 'SUCCESS',
        amountSet: {
          shopMoney: { amount: '414.95', currencyCode: 'USD' },
          presentmentMoney: { amount: '414.95', currencyCode: 'USD' }
        },
        processedAt: order.processed_at
      }
    ]
  })
  config.tenants[0].shopify.push({
    shopDomain: DEMO_SHOP,
    webhookSecrets: [DEMO_SECRET],
    accessToken: DEMO_TOKEN,
    adminApiUrl: simulator.adminApiUrl(DEMO_SHOP),
    importOn: 'paid',
    currency: 'presentment',
    externalId: 'name',
    externalIdPrefix: 'DEMO-',
    gateways: {},
    importTestOrders: false,
    reconcileIntervalMs: 15 * 60_000
  })
  const hmac = shopifySignature(DEMO_SECRET, Buffer.from(body))
  return {
    simulator,
    curl: (base) =>
      `curl -X POST ${base}/v1/connectors/shopify/webhooks -H 'content-type: application/json' ` +
      `-H 'x-shopify-topic: orders/paid' -H 'x-shopify-shop-domain: ${DEMO_SHOP}' ` +
      '-H "x-shopify-event-id: demo-$(date +%s%N)" -H "x-shopify-triggered-at: $(date -u +%FT%TZ)" ' +
      `-H 'x-shopify-hmac-sha256: ${hmac}' --data-binary @${SAMPLE}`
  }
}
