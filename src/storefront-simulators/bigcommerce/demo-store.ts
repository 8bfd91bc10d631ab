// The demo BigCommerce store `npm start` runs when no BigCommerce store is configured: the stand-in
// with three paid orders (derived from BigCommerce's documented samples, see
// test/connectors/bigcommerce/fixtures/SOURCES.md) and the store configuration that points at it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBigCommerceSimulator, type BigCommerceSimulator, type SimulatedOrder } from './index.ts'

/** Fixed, public development credentials: the stand-in is never a production dependency. */
export const DEMO_STORE = Object.freeze({
  storeHash: 'demo1bc',
  accessToken: 'bigcommerce-demo-access-token-not-for-production',
  clientSecret: 'bigcommerce-demo-client-secret-not-for-production'
})

const ordersDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo-orders')

export function demoOrders (): SimulatedOrder[] {
  return ['multiple-items-usd', 'pickup-usd', 'split-tender-usd'].map(
    (name) => JSON.parse(readFileSync(path.join(ordersDir, `${name}.json`), 'utf8')) as SimulatedOrder
  )
}

/** Starts the stand-in with the demo store and its orders. */
export async function startDemoBigCommerceStore (options: { port?: number } = {}): Promise<BigCommerceSimulator> {
  const simulator = await startBigCommerceSimulator({ stores: [DEMO_STORE], ...(options.port === undefined ? {} : { port: options.port }) })
  for (const order of demoOrders()) simulator.putOrder(DEMO_STORE.storeHash, order)
  return simulator
}
