// The GraphQL Admin API documents the connector sends (checked against Shopify's published
// Admin API schema, 2025-01 introspection; see test/connectors/shopify/fixtures/SOURCES.md).
//
// Query cost. Shopify prices every query before running it and refuses, with MAX_COST_EXCEEDED
// and nothing executed, one whose REQUESTED cost is over 1,000 points
// (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): scalars and enums 0, an object 1,
// a connection 2 + first × one node's cost, nested connections multiplied. An order is therefore
// read in several requests, each well under the limit (the figures are the requested costs the
// stand-in's cost function, src/storefront-simulators/shopify/cost.ts, computes;
// test/connectors/shopify/query-cost.test.ts keeps each at or under QUERY_COST_BUDGET):
//   OrderForImport             789  header, totals, 10 shipping lines, 50 transactions, the first
//                                   20 lines, the first 5 fulfillment orders with 10 lines each
//   OrderLineItems             783  the next 60 lines (13 points a line)
//   OrderShippingLines         403  the next 50 shipping lines
//   OrderFulfillmentOrders     263  the next 10 fulfillment orders, 10 lines each
//   FulfillmentOrderLineItems  503  the next 250 lines of one fulfillment order (2 points a line)
//   OrdersUpdatedSince         102  100 orders a page (252 at Shopify's largest page, 250)
const MONEY = 'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }'
const ADDRESS = 'firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone'

/** The most one query may ask for here: Shopify's 1,000-point limit with a margin for added fields. */
export const QUERY_COST_BUDGET = 900

/**
 * Page sizes (Shopify returns at most 250 nodes a page, shopify.dev/docs/api/usage/pagination-graphql),
 * chosen so that each query's requested cost stays under QUERY_COST_BUDGET. Past the first page,
 * each connection is read with cursor pagination: the same connection again with
 * `after: pageInfo.endCursor`, one request (one cost-checked query) per page, until
 * `pageInfo.hasNextPage` is false.
 */
export const PAGE_SIZES = {
  /** Lines in OrderForImport (13 points a line). */
  firstLineItems: 20,
  /** Lines per OrderLineItems page. */
  lineItems: 60,
  /** Shipping lines in OrderForImport (8 points each) and per OrderShippingLines page. */
  firstShippingLines: 10,
  shippingLines: 50,
  /** Transactions in OrderForImport (6 points each; a list, not a connection: it has no next page). */
  transactions: 50,
  /** Fulfillment orders in OrderForImport and per OrderFulfillmentOrders page, with their first lines. */
  firstFulfillmentOrders: 5,
  fulfillmentOrders: 10,
  fulfillmentOrderFirstLineItems: 10,
  /** Lines per FulfillmentOrderLineItems page (2 points a line). */
  fulfillmentOrderLineItems: 250
} as const

const LINE_ITEMS_PAGE = `pageInfo { hasNextPage endCursor }
      nodes {
        id sku name quantity requiresShipping isGiftCard
        originalUnitPriceSet { ${MONEY} }
        discountAllocations { allocatedAmountSet { ${MONEY} } }
        taxLines { title rate priceSet { ${MONEY} } }
        variant { id legacyResourceId }
      }`
const SHIPPING_LINES_PAGE = `pageInfo { hasNextPage endCursor }
      nodes { title code isRemoved discountedPriceSet { ${MONEY} } taxLines { title rate priceSet { ${MONEY} } } }`
const FULFILLMENT_LINE_ITEMS_PAGE = 'pageInfo { hasNextPage endCursor } nodes { lineItem { id } totalQuantity }'
const FULFILLMENT_ORDERS_PAGE = `pageInfo { hasNextPage endCursor }
      nodes {
        id status
        deliveryMethod { methodType presentedName }
        assignedLocation { name location { id legacyResourceId } }
        lineItems(first: ${PAGE_SIZES.fulfillmentOrderFirstLineItems}) { ${FULFILLMENT_LINE_ITEMS_PAGE} }
      }`

export const ORDER_FOR_IMPORT = `query OrderForImport($id: ID!) {
  order(id: $id) {
    id legacyResourceId name createdAt processedAt updatedAt cancelledAt test taxesIncluded
    currencyCode presentmentCurrencyCode displayFinancialStatus email phone customerLocale
    customer { firstName lastName email phone }
    billingAddress { ${ADDRESS} }
    shippingAddress { ${ADDRESS} }
    customAttributes { key value }
    totalPriceSet { ${MONEY} }
    currentTotalPriceSet { ${MONEY} }
    lineItems(first: ${PAGE_SIZES.firstLineItems}) { ${LINE_ITEMS_PAGE} }
    shippingLines(first: ${PAGE_SIZES.firstShippingLines}) { ${SHIPPING_LINES_PAGE} }
    transactions(first: ${PAGE_SIZES.transactions}) {
      id gateway formattedGateway kind status test authorizationCode processedAt createdAt
      amountSet { ${MONEY} }
      parentTransaction { id }
      paymentDetails { __typename ... on CardPaymentDetails { company number paymentMethodName } }
    }
    fulfillmentOrders(first: ${PAGE_SIZES.firstFulfillmentOrders}) { ${FULFILLMENT_ORDERS_PAGE} }
  }
}`

/** The next page of an order's lines (after the first page OrderForImport read). */
export const ORDER_LINE_ITEMS = `query OrderLineItems($id: ID!, $after: String!) {
  order(id: $id) {
    lineItems(first: ${PAGE_SIZES.lineItems}, after: $after) { ${LINE_ITEMS_PAGE} }
  }
}`

/** The next page of an order's shipping lines. */
export const ORDER_SHIPPING_LINES = `query OrderShippingLines($id: ID!, $after: String!) {
  order(id: $id) {
    shippingLines(first: ${PAGE_SIZES.shippingLines}, after: $after) { ${SHIPPING_LINES_PAGE} }
  }
}`

/** The next page of an order's fulfillment orders, each with its first lines. */
export const ORDER_FULFILLMENT_ORDERS = `query OrderFulfillmentOrders($id: ID!, $after: String!) {
  order(id: $id) {
    fulfillmentOrders(first: ${PAGE_SIZES.fulfillmentOrders}, after: $after) { ${FULFILLMENT_ORDERS_PAGE} }
  }
}`

/** The next page of a fulfillment order's lines (pickup detection reads them all). */
export const FULFILLMENT_ORDER_LINE_ITEMS = `query FulfillmentOrderLineItems($id: ID!, $after: String!) {
  fulfillmentOrder(id: $id) {
    lineItems(first: ${PAGE_SIZES.fulfillmentOrderLineItems}, after: $after) { ${FULFILLMENT_LINE_ITEMS_PAGE} }
  }
}`

export const ORDERS_UPDATED_SINCE = `query OrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id legacyResourceId name updatedAt cancelledAt test displayFinancialStatus }
  }
}`
