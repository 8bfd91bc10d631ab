// Runs the BigCommerce stand-in with the demo store on its own: `node src/storefront-simulators/bigcommerce/main.ts`
// (PORT). Prints the BIGCOMMERCE_* settings that point the service at it.
import { DEMO_STORE, demoOrders, startDemoBigCommerceStore } from './demo-store.ts'
import { closeOnSignal } from '../../lib/close-on-signal.ts'

const simulator = await startDemoBigCommerceStore({ port: Number(process.env.PORT ?? 0) })
process.stdout.write(
  [
    `BigCommerce stand-in listening on ${simulator.url} (orders ${demoOrders().map((order) => order.order.id).join(', ')})`,
    `  BIGCOMMERCE_STORE_HASH=${DEMO_STORE.storeHash} BIGCOMMERCE_API_URL=${simulator.apiUrl(DEMO_STORE.storeHash)}`,
    `  BIGCOMMERCE_ACCESS_TOKEN=${DEMO_STORE.accessToken} BIGCOMMERCE_CLIENT_SECRET=${DEMO_STORE.clientSecret}`,
    `  control: POST ${simulator.url}/_simulator/orders, POST ${simulator.url}/_simulator/faults, GET ${simulator.url}/_simulator/state`,
    ''
  ].join('\n')
)
closeOnSignal(simulator)
