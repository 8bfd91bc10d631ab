// The BigCommerce API client against the stand-in over HTTP: the whole bundle, paging, 204s,
// 404, a refused token, and BigCommerce's throttling (quota headers, 429 with and without them)
// and 5xx / reset connections retried until the answer comes.
import t from 'tap'
import { createBigCommerceApi, BigCommerceApiError } from '../../../src/connectors/bigcommerce/api-client.ts'
import { startBigCommerceSimulator } from '../../../src/storefront-simulators/bigcommerce/index.ts'
import { loadBundle } from './fixtures.ts'

const store = { storeHash: 'abc123', accessToken: 'bc-token-for-tests-0001', clientSecret: 'bc-client-secret-for-tests' }

t.test('bundle, paging, 404, auth', async (t) => {
  const simulator = await startBigCommerceSimulator({ stores: [store] })
  t.teardown(() => simulator.close())
  const raw = loadBundle('pickup-usd')
  simulator.putOrder(store.storeHash, raw)
  const api = createBigCommerceApi({ apiUrl: simulator.apiUrl(store.storeHash), accessToken: store.accessToken })
  t.teardown(() => api.close())
  const bundle = await api.getOrderBundle(raw.order.id)
  t.ok(bundle)
  t.equal(bundle!.products.length, 1)
  t.equal(bundle!.consignments?.pickups?.[0].location?.code, 'LOCATION-1')
  t.equal(bundle!.transactions.length, 1)
  t.same(bundle!.coupons, [], '204 → empty list')
  t.equal(await api.getOrderBundle(999), null, '404 → null')
  const since = await api.listOrdersModifiedSince(new Date(0), 1)
  t.same(
    since.map((order) => order.id),
    [raw.order.id]
  )
  t.same(await api.listOrdersModifiedSince(new Date(Date.now() + 60_000), 1), [], 'none modified since: 204')

  const refused = createBigCommerceApi({ apiUrl: simulator.apiUrl(store.storeHash), accessToken: 'wrong-token' })
  t.teardown(() => refused.close())
  await t.rejects(refused.getOrder(raw.order.id), { name: 'BigCommerceApiError', message: /refused the access token \(401\)/ })
  await refused
    .getOrder(raw.order.id)
    .catch((error: BigCommerceApiError) => t.notMatch(error.message, /wrong-token/, 'the token is never in a message'))
})

t.test('throttling and 5xx are waited out and retried', async (t) => {
  const simulator = await startBigCommerceSimulator({ stores: [store], quota: 3, windowMs: 400 })
  t.teardown(() => simulator.close())
  const raw = loadBundle('multiple-items-usd')
  simulator.putOrder(store.storeHash, raw)
  const waits: number[] = []
  const api = createBigCommerceApi({
    apiUrl: simulator.apiUrl(store.storeHash),
    accessToken: store.accessToken,
    backoffBaseMs: 5,
    sleep: async (ms) => {
      waits.push(ms)
      await new Promise((resolve) => setTimeout(resolve, ms))
    }
  })
  t.teardown(() => api.close())
  simulator.fault('500', 1, '/products')
  simulator.fault('reset', 1, '/taxes')
  simulator.fault('429-bare', 1, '/coupons')
  simulator.fault('503', 1, '/transactions')
  const bundle = await api.getOrderBundle(raw.order.id)
  t.equal(bundle?.products.length, 2)
  t.equal(bundle?.transactions.length, 1)
  t.equal(simulator.stats.faults, 4, 'every fault was hit and retried')
  t.ok(api.stats.rateLimitedWaits >= 1, 'a 429 was waited out')
  t.equal(simulator.stats.throttled, 0, 'requests-left 0 pauses the client before the quota is exceeded')
  t.ok(
    waits.some((ms) => ms > 100),
    'waited for X-Rate-Limit-Time-Reset-Ms'
  )
})

t.test('a store that never answers gives up with unavailable', async (t) => {
  const simulator = await startBigCommerceSimulator({ stores: [store] })
  t.teardown(() => simulator.close())
  simulator.putOrder(store.storeHash, loadBundle('pickup-usd'))
  simulator.fault('500', 10)
  const api = createBigCommerceApi({
    apiUrl: simulator.apiUrl(store.storeHash),
    accessToken: store.accessToken,
    maxAttempts: 3,
    sleep: async () => {}
  })
  t.teardown(() => api.close())
  await t.rejects(api.getOrder(129), { name: 'BigCommerceApiError', message: /answered 500 after 3 tries/ })
})
