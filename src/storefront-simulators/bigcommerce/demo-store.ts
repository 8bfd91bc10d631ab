// The demo BigCommerce store `npm start` runs when no BigCommerce store is configured: the stand-in
// with three paid orders (derived from BigCommerce's documented samples, see
// test/connectors/bigcommerce/fixtures/SOURCES.md) and the store configuration that points at it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Config } from '../../config/config.ts'
import { DEFAULT_IMPORT_STATUSES } from '../../connectors/bigcommerce/statuses.ts'
import { startBigCommerceSimulator, type BigCommerceSimulator, type SimulatedOrder } from './index.ts'

/** Fixed, public development credentials: the stand-in is never a production dependency. */
export const DEMO_STORE = Object.freeze({
  storeHash: 'demo1bc',
  accessToken: 'bigcommerce-demo-access-token-not-for-production',
  clientSecret: 'bigcommerce-demo-client-secret-not-for-production',
  /** The demo hook's custom header: a static secret, so the printed curl needs no fresh signature. */
  hookHeader: { name: 'x-bridge-secret', value: 'bigcommerce-demo-hook-secret-not-for-production' }
})

const SAMPLE = 'examples/bigcommerce/store-order-created.json'

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

/** `npm start` without BigCommerce configuration: the demo store on the stand-in, added to the first tenant (development only). */
export async function startBigCommerceDemo (config: Config): Promise<{ simulator: BigCommerceSimulator; curl: (base: string) => string } | null> {
  if (config.isProduction || config.tenants.some((tenant) => tenant.bigcommerce.length > 0)) return null
  const simulator = await startDemoBigCommerceStore()
  config.tenants[0].bigcommerce.push({
    storeHash: DEMO_STORE.storeHash,
    accessToken: DEMO_STORE.accessToken,
    clientSecret: DEMO_STORE.clientSecret,
    webhookHeader: DEMO_STORE.hookHeader,
    apiUrl: simulator.apiUrl(DEMO_STORE.storeHash),
    importStatuses: [...DEFAULT_IMPORT_STATUSES],
    gateways: {},
    externalIdPrefix: 'BC-DEMO-',
    reconcileIntervalMs: 15 * 60_000
  })
  return {
    simulator,
    curl: (base) =>
      `curl -X POST ${base}/v1/connectors/bigcommerce/webhooks -H 'content-type: application/json' ` +
      `-H '${DEMO_STORE.hookHeader.name}: ${DEMO_STORE.hookHeader.value}' --data-binary @${SAMPLE}`
  }
}
