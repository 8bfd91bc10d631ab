// The WooCommerce REST client against the stand-in over HTTP: the order, 404, a refused key (never
// in a message), paging by X-WP-TotalPages (more than one page of 100), only importable statuses,
// oldest change first; 429 / 5xx / reset retried; a store that keeps failing gives up as unavailable.
import t from 'tap'
import { createWooCommerceApi } from '../../../src/connectors/woocommerce/api-client.ts'
import { startWooCommerceSimulator } from '../../../src/storefront-simulators/woocommerce/index.ts'
import { loadFixture } from './fixtures.ts'

t.test('order, 404, auth, paging', async (t) => {
  const store = await startWooCommerceSimulator()
  t.teardown(() => store.close())
  const api = createWooCommerceApi({ storeUrl: store.url, consumerKey: store.consumerKey, consumerSecret: store.consumerSecret })
  t.teardown(() => api.close())
  const base = loadFixture('coupon-usd')
  for (let id = 1; id <= 130; id++) store.putOrder({ ...base, id, status: id % 10 === 0 ? 'pending' : 'processing' })
  t.equal((await api.getOrder(5))?.id, 5)
  t.equal(await api.getOrder(999), null, '404 → null')
  const first = await api.listOrdersModifiedAfter(new Date(Date.now() - 60_000), ['processing', 'completed'], 1)
  const second = await api.listOrdersModifiedAfter(new Date(Date.now() - 60_000), ['processing', 'completed'], 2)
  t.equal(first.totalPages, 2)
  t.equal(first.orders.length, 100)
  t.equal(second.orders.length, 17, '130 orders, 13 pending not listed')
  t.ok([...first.orders, ...second.orders].every((order) => order.status === 'processing'))
  t.same((await api.listOrdersModifiedAfter(new Date(Date.now() + 60_000), ['processing'], 1)).orders, [], 'none modified since')

  const refused = createWooCommerceApi({ storeUrl: store.url, consumerKey: 'ck_wrong', consumerSecret: 'cs_wrong_secret' })
  t.teardown(() => refused.close())
  await t.rejects(refused.getOrder(5), { name: 'WooCommerceApiError', message: /refused the consumer key \(401\)/ })
  await refused.getOrder(5).catch((error: Error) => t.notMatch(error.message, /cs_wrong_secret|ck_wrong/, 'the key is never in a message'))
})

t.test('429, 5xx and resets are retried; a store that keeps failing gives up', async (t) => {
  const store = await startWooCommerceSimulator()
  t.teardown(() => store.close())
  store.putOrder(loadFixture('pickup-usd'))
  const api = createWooCommerceApi({
    storeUrl: store.url,
    consumerKey: store.consumerKey,
    consumerSecret: store.consumerSecret,
    backoffBaseMs: 5
  })
  t.teardown(() => api.close())
  store.fault('429', 1)
  store.fault('503', 1)
  store.fault('reset', 1)
  t.equal((await api.getOrder(731))?.id, 731)
  t.equal(store.stats.faults, 3)
  t.equal(api.stats.rateLimitedWaits, 1)

  store.fault('500', 10)
  const failing = createWooCommerceApi({
    storeUrl: store.url,
    consumerKey: store.consumerKey,
    consumerSecret: store.consumerSecret,
    backoffBaseMs: 1,
    maxAttempts: 3
  })
  t.teardown(() => failing.close())
  await t.rejects(failing.getOrder(731), { name: 'WooCommerceApiError', kind: 'unavailable', message: /500 after 3 tries/ })
})
