// The demo WooCommerce store (`npm start` without a WooCommerce store; main.ts on its own): the
// stand-in with three paid orders (derived from WooCommerce's
// documented order example, see test/connectors/woocommerce/fixtures/SOURCES.md) and the settings
// that point the service at it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../config/config.ts'
import { WooCommerceStoreEntrySchema, wooCommerceStore } from '../../connectors/woocommerce/config.ts'
import { startWooCommerceSimulator, type SimulatedOrder, type WooCommerceSimulator } from './index.ts'

/** Fixed, public development credentials: the stand-in is never a production dependency. */
export const DEMO_STORE = Object.freeze({
  consumerKey: 'ck_woocommerce_demo_key_not_for_production',
  consumerSecret: 'cs_woocommerce_demo_secret_not_for_production',
  webhookSecret: 'woocommerce-demo-webhook-secret-not-for-production'
})

const ordersDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-orders')

export function demoOrders (): SimulatedOrder[] {
  return ['coupon-usd', 'tax-inclusive-gbp', 'pickup-usd'].map(
    (name) => JSON.parse(readFileSync(path.join(ordersDir, `${name}.json`), 'utf8')) as SimulatedOrder
  )
}

/** Starts the stand-in with the demo store's orders. */
export async function startDemoWooCommerceStore (options: { port?: number } = {}): Promise<WooCommerceSimulator> {
  const simulator = await startWooCommerceSimulator({
    consumerKey: DEMO_STORE.consumerKey,
    consumerSecret: DEMO_STORE.consumerSecret,
    ...(options.port === undefined ? {} : { port: options.port })
  })
  for (const order of demoOrders()) simulator.putOrder(order)
  return simulator
}

/**
 * `npm start` without a WooCommerce store (development only): the demo store on the stand-in,
 * added to the first tenant. Its reconciliation imports the demo orders within a minute.
 */
export async function startWooCommerceDemo (config: Config): Promise<WooCommerceSimulator | null> {
  if (config.isProduction || config.tenants.some((tenant) => tenant.woocommerce.length > 0)) return null
  const simulator = await startDemoWooCommerceStore()
  const problems: string[] = []
  const entry = WooCommerceStoreEntrySchema.parse({
    storeUrl: simulator.url,
    webhookSecrets: [DEMO_STORE.webhookSecret],
    consumerKey: DEMO_STORE.consumerKey,
    consumerSecret: DEMO_STORE.consumerSecret,
    externalIdPrefix: 'DEMO-WC-',
    reconcileIntervalMs: 60_000
  })
  config.tenants[0].woocommerce.push(wooCommerceStore(entry, {}, 'WooCommerce demo', problems))
  return simulator
}
