// An order's lines past Shopify's 250-node page, read by the connector's Admin API client from the
// Shopify stand-in over HTTP: one query per page (counted per operation), throttled pages waited
// for and asked again, the 10,000-line bound, and the stand-in refusing a page over 250 as Shopify does.
import t from 'tap'
import { startShopifySimulator } from '../../../src/storefront-simulators/shopify/index.ts'
import { createShopifyAdminClient } from '../../../src/connectors/shopify/admin-client.ts'
import { ORDER_FOR_IMPORT } from '../../../src/connectors/shopify/queries.ts'
import { mapShopifyOrder } from '../../../src/connectors/shopify/mapping.ts'
import { MAX_ORDER_ITEMS } from '../../../schemas/order-event.ts'
import { largeOrder } from './fixtures.ts'

const SHOP = 'paging.myshopify.com'
const TOKEN = 'shpat_paging_token'
const STORE = {
  shopDomain: SHOP,
  currency: 'presentment' as const,
  externalId: 'name' as const,
  externalIdPrefix: '',
  gateways: {}
}

t.test('Shopify order lines: cursor paging against the stand-in', async (t) => {
  const sim = await startShopifySimulator({ shops: { [SHOP]: TOKEN } })
  t.teardown(() => sim.close())
  const client = createShopifyAdminClient({ adminApiUrl: sim.adminApiUrl(SHOP), accessToken: TOKEN })
  t.teardown(() => client.close())
  /** Queries asked per operation since `before` (a copy of sim.stats.byOperation). */
  const delta = (before: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(sim.stats.byOperation)
        .map(([operation, n]) => [operation, n - (before[operation] ?? 0)])
        .filter(([, n]) => n !== 0)
    )

  await t.test('600 lines, 520 of them in a pickup fulfillment order: 1 + 2 + 2 queries, every line once, in order', async (t) => {
    const fixture = largeOrder(600, 520)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(
      delta(before),
      { OrderForImport: 1, OrderLineItems: 2, FulfillmentOrderLineItems: 2 },
      '250 + 250 + 100 lines; 250 + 250 + 20 pickup lines'
    )
    t.equal(order!.lineItems.length, 600)
    t.same(order!.lineItems.map((line) => line.id), fixture.rest.line_items.map((line: any) => line.admin_graphql_api_id))
    t.equal(order!.fulfillmentOrders[0].lineItems.length, 520)
    t.same(
      order!.fulfillmentOrders[0].lineItems.map((line) => line.lineItem.id),
      fixture.fulfillmentOrders[0].lineItems.map((line) => line.lineItem.id)
    )
    t.equal(order!.moreLineItemsThan, undefined)
    const mapped = mapShopifyOrder(order!, STORE)
    t.ok(mapped.ok, JSON.stringify(mapped.ok ? '' : mapped.problem))
    if (mapped.ok) {
      t.equal(mapped.event.data.items.length, 600)
      t.equal(mapped.event.data.total, fixture.total.presentment)
      t.equal(mapped.event.data.items.filter((item) => item.fulfillment.method === 'Pickup').length, 520)
    }
  })

  await t.test('exactly 250 lines: one query (no next page asked)', async (t) => {
    const fixture = largeOrder(250)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(delta(before), { OrderForImport: 1 })
    t.equal(order!.lineItems.length, 250)
  })

  await t.test('each page is its own cost-checked query: throttled pages wait and are asked again', async (t) => {
    const fixture = largeOrder(1_001, 260)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const throttledBefore = sim.stats.throttled
    const clientThrottledBefore = client.throttled
    // OrderForImport costs 60, a page of lines 30: a 70-point bucket throttles the pages after it.
    sim.throttle({ maximumAvailable: 70, restoreRate: 150 })
    t.teardown(() => sim.throttle(null))
    const order = await client.order(fixture.orderKey)
    sim.throttle(null)
    const throttled = sim.stats.throttled - throttledBefore
    t.ok(throttled > 0, `throttled ${throttled} times`)
    t.equal(client.throttled - clientThrottledBefore, throttled, 'the client saw every THROTTLED answer')
    const asked = delta(before)
    t.equal(
      (asked.OrderForImport ?? 0) + (asked.OrderLineItems ?? 0) + (asked.FulfillmentOrderLineItems ?? 0),
      1 + 4 + 1 + throttled,
      '1 + 4 line pages + 1 pickup page, plus one more per throttled answer'
    )
    t.equal(order!.lineItems.length, 1_001)
    t.equal(new Set(order!.lineItems.map((line) => line.id)).size, 1_001, 'no line twice')
    t.equal(order!.fulfillmentOrders[0].lineItems.length, 260)
  })

  await t.test(`more than ${MAX_ORDER_ITEMS} lines: paging stops at the bound and the order is refused naming it`, async (t) => {
    const fixture = largeOrder(MAX_ORDER_ITEMS + 1, 300)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(delta(before), { OrderForImport: 1, OrderLineItems: MAX_ORDER_ITEMS / 250 - 1 }, 'no page read past the bound')
    t.equal(order!.moreLineItemsThan, MAX_ORDER_ITEMS)
    t.equal(order!.lineItems.length, MAX_ORDER_ITEMS)
    const mapped = mapShopifyOrder(order!, STORE)
    t.notOk(mapped.ok)
    if (!mapped.ok) {
      t.match(mapped.problem.detail, `Shopify order ${fixture.rest.name} (${fixture.orderKey})`)
      t.match(mapped.problem.detail, `has more than ${MAX_ORDER_ITEMS} lines; the connector reads at most ${MAX_ORDER_ITEMS}`)
      t.match(mapped.problem.errors, [{ path: 'line_items' }])
    }

    const atBound = largeOrder(MAX_ORDER_ITEMS)
    sim.putOrder(SHOP, atBound.rest, atBound)
    const exactly = await client.order(atBound.orderKey)
    t.equal(exactly!.lineItems.length, MAX_ORDER_ITEMS, `exactly ${MAX_ORDER_ITEMS} lines are read`)
    t.equal(exactly!.moreLineItemsThan, undefined)
    t.ok(mapShopifyOrder(exactly!, STORE).ok, `a ${MAX_ORDER_ITEMS}-line order maps`)
  })

  await t.test('the stand-in refuses a page over 250, as Shopify does', async (t) => {
    const fixture = largeOrder(3)
    sim.putOrder(SHOP, fixture.rest, fixture)
    await t.rejects(
      client.query(ORDER_FOR_IMPORT.replace('lineItems(first: 250)', 'lineItems(first: 251)'), { id: fixture.rest.admin_graphql_api_id }),
      { name: 'PlatformApiError', transient: false, message: /lineItems: first is 251; a connection returns at most 250/ }
    )
    await t.rejects(client.ordersUpdatedSince(new Date(0).toISOString(), null, 300), {
      name: 'PlatformApiError',
      message: /orders: first is 300/
    })
    const listed = await client.ordersUpdatedSince(new Date(0).toISOString(), null, 250)
    t.ok(listed.nodes.length > 0)
    await t.rejects(client.query(ORDER_FOR_IMPORT.replace('lineItems(first: 250)', 'lineItems(first: 250, after: "bm90LWEtY3Vyc29y")'), {
      id: fixture.rest.admin_graphql_api_id
    }), { message: /Invalid cursor/ })
  })
})
