// The demo WooCommerce store: the stand-in with three paid orders (derived from WooCommerce's
// documented order example, see test/connectors/woocommerce/fixtures/SOURCES.md) and the settings
// that point the service at it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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
