// An order's lines (and shipping lines, fulfillment orders and their lines) past their first page,
// read by the connector's Admin API client from the Shopify stand-in over HTTP: pages sized so each
// query's requested cost stays under Shopify's 1,000-point limit (queries.ts), one query per page
// (counted per operation), throttled pages waited for and asked again, the 10,000-line bound, and
// the stand-in refusing a page over 250 as Shopify does.
import t from 'tap'
import { startShopifySimulator } from '../../../src/storefront-simulators/shopify/index.ts'
import { createShopifyAdminClient } from '../../../src/connectors/shopify/admin-client.ts'
import { ORDER_FOR_IMPORT, PAGE_SIZES } from '../../../src/connectors/shopify/queries.ts'
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

  await t.test('600 lines, 520 of them in a pickup fulfillment order: 1 + 10 + 3 queries, every line once, in order', async (t) => {
    t.same(PAGE_SIZES, {
      firstLineItems: 20,
      lineItems: 60,
      firstShippingLines: 10,
      shippingLines: 50,
      transactions: 50,
      firstFulfillmentOrders: 5,
      fulfillmentOrders: 10,
      fulfillmentOrderFirstLineItems: 10,
      fulfillmentOrderLineItems: 250
    }, 'the page sizes the counts below are computed from')
    const fixture = largeOrder(600, 520)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(
      delta(before),
      { OrderForImport: 1, OrderLineItems: 10, FulfillmentOrderLineItems: 3 },
      '20 + 9 × 60 + 40 lines; 10 + 250 + 250 + 10 pickup lines'
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

  await t.test('exactly 20 lines: one query (no next page asked); 80 lines: one more page', async (t) => {
    const fixture = largeOrder(20)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(delta(before), { OrderForImport: 1 })
    t.equal(order!.lineItems.length, 20)
    const eighty = largeOrder(80)
    sim.putOrder(SHOP, eighty.rest, eighty)
    const beforeEighty = { ...sim.stats.byOperation }
    const read = await client.order(eighty.orderKey)
    t.same(delta(beforeEighty), { OrderForImport: 1, OrderLineItems: 1 })
    t.same(read!.lineItems.map((line) => line.id), eighty.rest.line_items.map((line: any) => line.admin_graphql_api_id))
  })

  await t.test('shipping lines and fulfillment orders past their first page are paged too', async (t) => {
    const fixture = largeOrder(30)
    const shippingLine = fixture.rest.shipping_lines[0]
    fixture.rest.shipping_lines = Array.from({ length: 12 }, (_, index) => ({ ...shippingLine, title: `Freight leg ${index + 1}` }))
    const fulfillmentOrders = Array.from({ length: 7 }, (_, index) => ({
      id: `gid://shopify/FulfillmentOrder/${9_100 + index}`,
      status: 'OPEN',
      deliveryMethod: { methodType: 'SHIPPING', presentedName: 'Freight' },
      assignedLocation: { name: 'Austin warehouse', location: { legacyResourceId: '655441491' } },
      // The last one holds 18 lines: 10 in its first page, 8 more in a FulfillmentOrderLineItems page.
      lineItems: fixture.rest.line_items.slice(index * 2, index === 6 ? 30 : index * 2 + 2).map((line: any) => ({
        lineItem: { id: line.admin_graphql_api_id },
        totalQuantity: line.quantity
      }))
    }))
    sim.putOrder(SHOP, fixture.rest, { ...fixture, fulfillmentOrders })
    const before = { ...sim.stats.byOperation }
    const order = await client.order(fixture.orderKey)
    t.same(
      delta(before),
      { OrderForImport: 1, OrderLineItems: 1, OrderShippingLines: 1, OrderFulfillmentOrders: 1, FulfillmentOrderLineItems: 1 },
      '20 + 10 lines, 10 + 2 shipping lines, 5 + 2 fulfillment orders, 10 + 8 lines of the last'
    )
    t.same(order!.shippingLines.map((line) => line.title), fixture.rest.shipping_lines.map((line: any) => line.title))
    t.same(order!.fulfillmentOrders.map((one) => one.id), fulfillmentOrders.map((one) => one.id))
    t.same(
      order!.fulfillmentOrders.map((fulfillmentOrder) => fulfillmentOrder.lineItems.length),
      fulfillmentOrders.map((fulfillmentOrder) => fulfillmentOrder.lineItems.length)
    )
  })

  await t.test('each page is its own cost-checked query: throttled pages wait and are asked again', async (t) => {
    const fixture = largeOrder(1_001, 260)
    sim.putOrder(SHOP, fixture.rest, fixture)
    const before = { ...sim.stats.byOperation }
    const throttledBefore = sim.stats.throttled
    const clientThrottledBefore = client.throttled
    // OrderForImport costs 789, a page of lines 783: a 1,000-point bucket (Shopify's smallest)
    // throttles the pages after it; a fast restore rate keeps the waits short.
    sim.throttle({ maximumAvailable: 1000, restoreRate: 5000 })
    t.teardown(() => sim.throttle(null))
    const order = await client.order(fixture.orderKey)
    sim.throttle(null)
    const throttled = sim.stats.throttled - throttledBefore
    t.ok(throttled > 0, `throttled ${throttled} times`)
    t.equal(client.throttled - clientThrottledBefore, throttled, 'the client saw every THROTTLED answer')
    const asked = delta(before)
    t.equal(
      (asked.OrderForImport ?? 0) + (asked.OrderLineItems ?? 0) + (asked.FulfillmentOrderLineItems ?? 0),
      1 + 17 + 1 + throttled,
      '1 + 17 line pages (20 + 16 × 60 + 21) + 1 pickup page (10 + 250), plus one more per throttled answer'
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
    t.same(
      delta(before),
      { OrderForImport: 1, OrderLineItems: Math.ceil((MAX_ORDER_ITEMS - PAGE_SIZES.firstLineItems) / PAGE_SIZES.lineItems) },
      'no page read past the bound (20 + 167 × 60 lines)'
    )
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
      client.query(ORDER_FOR_IMPORT.replace('lineItems(first: 20)', 'lineItems(first: 251)'), { id: fixture.rest.admin_graphql_api_id }),
      { name: 'PlatformApiError', transient: false, message: /lineItems: first is 251; a connection returns at most 250/ }
    )
    await t.rejects(client.ordersUpdatedSince(new Date(0).toISOString(), null, 300), {
      name: 'PlatformApiError',
      message: /orders: first is 300/
    })
    const listed = await client.ordersUpdatedSince(new Date(0).toISOString(), null, 250)
    t.ok(listed.nodes.length > 0)
    await t.rejects(client.query(ORDER_FOR_IMPORT.replace('lineItems(first: 20)', 'lineItems(first: 20, after: "bm90LWEtY3Vyc29y")'), {
      id: fixture.rest.admin_graphql_api_id
    }), { message: /Invalid cursor/ })
  })
})
