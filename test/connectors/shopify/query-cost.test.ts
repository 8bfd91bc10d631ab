// Shopify refuses, before running it, any GraphQL Admin API query whose requested cost is over
// 1,000 points (MAX_COST_EXCEEDED). Every document the connector sends is priced here with the
// cost function the Shopify stand-in uses (Shopify's documented rules, against Shopify's 2025-01
// schema) and must stay within QUERY_COST_BUDGET (900): a field added to a query that pushes it
// over fails this test instead of every import on a real store. The cost function itself is
// checked against hand-computed figures, and the stand-in against a query known to exceed.
import t from 'tap'
import { parse } from 'graphql'
import * as queries from '../../../src/connectors/shopify/queries.ts'
import {
  FULFILLMENT_ORDER_LINE_ITEMS,
  ORDER_FOR_IMPORT,
  ORDER_FULFILLMENT_ORDERS,
  ORDER_LINE_ITEMS,
  ORDER_SHIPPING_LINES,
  ORDERS_UPDATED_SINCE,
  QUERY_COST_BUDGET
} from '../../../src/connectors/shopify/queries.ts'
import { requestedQueryCost, SINGLE_QUERY_MAX_COST } from '../../../src/storefront-simulators/shopify/cost.ts'
import { startShopifySimulator } from '../../../src/storefront-simulators/shopify/index.ts'
import { createShopifyAdminClient } from '../../../src/connectors/shopify/admin-client.ts'
import { largeOrder } from './fixtures.ts'

const VARIABLES = { id: 'gid://shopify/Order/1', after: 'cursor', query: "updated_at:>='2026-01-01T00:00:00Z'" }

t.test('the cost function follows Shopify\'s rules (hand-computed figures)', async (t) => {
  // Scalars and enums 0, the object 1.
  t.equal(requestedQueryCost('query { order(id: "gid://shopify/Order/1") { id name displayFinancialStatus } }'), 1)
  // Objects inside objects: order 1 + totalPriceSet 1 + shopMoney 1 + presentmentMoney 1.
  t.equal(requestedQueryCost('query { order(id: "1") { totalPriceSet { shopMoney { amount } presentmentMoney { amount } } } }'), 4)
  // A connection: 2 + first × the node (1); pageInfo and edges are free: the 252 Shopify reports for 250 orders.
  t.equal(requestedQueryCost('query { orders(first: 250) { edges { cursor node { id } } pageInfo { hasNextPage } } }'), 252)
  // Nested connections multiply: 2 + 10 × (1 + 2 + 5 × 1).
  t.equal(requestedQueryCost('query { orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }'), 82)
  // `last` sizes a connection like `first`; a variable is read from the variables.
  t.equal(requestedQueryCost('query Q($n: Int!) { orders(last: $n) { nodes { id } } }', { n: 40 }), 42)
  // A list of objects with `first` is priced like a connection, without one like one object.
  t.equal(
    requestedQueryCost('query { order(id: "1") { transactions(first: 10) { id amountSet { shopMoney { amount } } } } }'),
    1 + 2 + 10 * 3
  )
  t.equal(requestedQueryCost('query { order(id: "1") { customAttributes { key value } } }'), 2)
  // A union costs its most expensive possible selection.
  t.equal(requestedQueryCost(`query { order(id: "1") { transactions(first: 1) {
    paymentDetails { __typename ... on CardPaymentDetails { company } ... on ShopPayInstallmentsPaymentDetails { paymentMethodName } }
  } } }`), 1 + 2 + 1 * (1 + 1))
  t.throws(() => requestedQueryCost('query { orders { nodes { id } } }'), /first or last/, 'a connection must be sized')
  t.throws(() => requestedQueryCost('query { order(id: "1") { notAField } }'), /notAField/)
})

t.test('every document the connector sends stays under Shopify\'s single-query limit, with margin', async (t) => {
  t.ok(QUERY_COST_BUDGET < SINGLE_QUERY_MAX_COST)
  const documents = Object.entries(queries).filter(([, value]) => typeof value === 'string' && /^\s*query\b/.test(value))
  t.same(
    documents.map(([name]) => name).sort(),
    [
      'FULFILLMENT_ORDER_LINE_ITEMS',
      'ORDERS_UPDATED_SINCE',
      'ORDER_FOR_IMPORT',
      'ORDER_FULFILLMENT_ORDERS',
      'ORDER_LINE_ITEMS',
      'ORDER_SHIPPING_LINES'
    ],
    'every query document of queries.ts is priced below'
  )
  for (const [name, document] of documents) {
    parse(document as string)
    // OrdersUpdatedSince is sized by a variable: priced at Shopify's largest page.
    const cost = requestedQueryCost(document as string, { ...VARIABLES, first: 250 })
    t.ok(cost <= QUERY_COST_BUDGET, `${name} requests ${cost} points (at most ${QUERY_COST_BUDGET})`)
  }
  // The figures the README and queries.ts state.
  t.same(
    {
      OrderForImport: requestedQueryCost(ORDER_FOR_IMPORT, VARIABLES),
      OrderLineItems: requestedQueryCost(ORDER_LINE_ITEMS, VARIABLES),
      OrderShippingLines: requestedQueryCost(ORDER_SHIPPING_LINES, VARIABLES),
      OrderFulfillmentOrders: requestedQueryCost(ORDER_FULFILLMENT_ORDERS, VARIABLES),
      FulfillmentOrderLineItems: requestedQueryCost(FULFILLMENT_ORDER_LINE_ITEMS, VARIABLES),
      OrdersUpdatedSince: requestedQueryCost(ORDERS_UPDATED_SINCE, { ...VARIABLES, first: 100 })
    },
    {
      OrderForImport: 789,
      OrderLineItems: 783,
      OrderShippingLines: 403,
      OrderFulfillmentOrders: 263,
      FulfillmentOrderLineItems: 503,
      OrdersUpdatedSince: 102
    }
  )
})

/** OrderForImport at the sizes it had before the split: 250 lines, 50 shipping lines, 100 transactions, 50 × 250 fulfillment lines. */
const UNSPLIT_ORDER_FOR_IMPORT = ORDER_FOR_IMPORT
  .replace('lineItems(first: 20)', 'lineItems(first: 250)')
  .replace('shippingLines(first: 10)', 'shippingLines(first: 50)')
  .replace('transactions(first: 50)', 'transactions(first: 100)')
  .replace('fulfillmentOrders(first: 5)', 'fulfillmentOrders(first: 50)')
  .replace('lineItems(first: 10)', 'lineItems(first: 250)')

t.test('the stand-in refuses a query over 1,000 points as Shopify does: MAX_COST_EXCEEDED, nothing executed or charged', async (t) => {
  const SHOP = 'cost.myshopify.com'
  const TOKEN = 'shpat_cost_token'
  const sim = await startShopifySimulator({ shops: { [SHOP]: TOKEN } })
  t.teardown(() => sim.close())
  const fixture = largeOrder(3)
  sim.putOrder(SHOP, fixture.rest, fixture)
  t.equal(
    requestedQueryCost(UNSPLIT_ORDER_FOR_IMPORT, VARIABLES),
    29_569,
    '11 + 3,252 lines + 402 shipping + 602 transactions + 25,302 fulfillment'
  )

  const post = async (query: string) => {
    const response = await fetch(`${sim.adminApiUrl(SHOP)}/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN },
      body: JSON.stringify({ query, variables: { id: fixture.rest.admin_graphql_api_id } })
    })
    return { status: response.status, body: await response.json() as any }
  }
  // A bucket of 1,000 points: a refused query takes nothing from it.
  sim.throttle({ maximumAvailable: 1000, restoreRate: 1 })
  t.teardown(() => sim.throttle(null))
  const before = { queries: sim.stats.queries, refused: sim.stats.refused }
  const refused = await post(UNSPLIT_ORDER_FOR_IMPORT)
  t.equal(refused.status, 200)
  t.notOk(refused.body.data, 'no data: nothing executed')
  t.equal(refused.body.errors.length, 1)
  t.match(refused.body.errors[0].message, /^Query cost is 29569, which exceeds the single query max cost limit \(1000\)\.\n/)
  t.same(refused.body.errors[0].extensions, {
    code: 'MAX_COST_EXCEEDED',
    cost: 29_569,
    maxCost: 1000,
    documentation: 'https://shopify.dev/api/usage/limits#rate-limits'
  })
  t.equal(sim.stats.refused, before.refused + 1)
  t.equal(sim.stats.queries, before.queries, 'not counted as answered')

  // The connector's own OrderForImport is answered, its computed cost reported and charged.
  const answered = await post(ORDER_FOR_IMPORT)
  t.notOk(answered.body.errors, JSON.stringify(answered.body.errors))
  t.equal(answered.body.data.order.id, fixture.rest.admin_graphql_api_id)
  t.match(answered.body.extensions.cost, {
    requestedQueryCost: 789,
    throttleStatus: { maximumAvailable: 1000, restoreRate: 1 }
  })
  t.ok(
    answered.body.extensions.cost.throttleStatus.currentlyAvailable <= 1000 - 789 + 1,
    'the full bucket was charged 789, not the refused query'
  )

  // The client reports the refusal as a permanent error naming the code's message.
  const client = createShopifyAdminClient({ adminApiUrl: sim.adminApiUrl(SHOP), accessToken: TOKEN })
  t.teardown(() => client.close())
  sim.throttle(null)
  await t.rejects(client.query(UNSPLIT_ORDER_FOR_IMPORT, { id: fixture.rest.admin_graphql_api_id }), {
    name: 'PlatformApiError',
    transient: false,
    message: /Query cost is 29569, which exceeds the single query max cost limit \(1000\)/
  })
})
