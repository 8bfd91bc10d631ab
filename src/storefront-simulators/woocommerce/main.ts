// Runs the WooCommerce stand-in with the demo store on its own: `node src/storefront-simulators/woocommerce/main.ts`
// (PORT). Prints the WOOCOMMERCE_* settings that point the service at it; the service's reconciliation
// then imports the demo orders (no webhook needed).
import { DEMO_STORE, demoOrders, startDemoWooCommerceStore } from './demo-store.ts'
import { closeOnSignal } from '../../lib/close-on-signal.ts'

const simulator = await startDemoWooCommerceStore({ port: Number(process.env.PORT ?? 0) })
process.stdout.write(
  [
    `WooCommerce stand-in listening on ${simulator.url} (orders ${demoOrders().map((order) => order.id).join(', ')})`,
    `  WOOCOMMERCE_STORE_URL=${simulator.url} WOOCOMMERCE_CONSUMER_KEY=${DEMO_STORE.consumerKey}`,
    `  WOOCOMMERCE_CONSUMER_SECRET=${DEMO_STORE.consumerSecret} WOOCOMMERCE_WEBHOOK_SECRETS=${DEMO_STORE.webhookSecret}`,
    '  WOOCOMMERCE_RECONCILE_INTERVAL_MS=10000',
    `  control: POST ${simulator.url}/_simulator/orders, POST ${simulator.url}/_simulator/faults, GET ${simulator.url}/_simulator/state`,
    ''
  ].join('\n')
)
closeOnSignal(simulator)
