// The GraphQL Admin API documents the connector sends (checked against Shopify's published
// Admin API schema, 2025-01 introspection; see test/connectors/shopify/fixtures/SOURCES.md).
const MONEY = 'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }'
const ADDRESS = 'firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone'

/**
 * Shopify's largest page: a connection returns at most 250 nodes per request
 * (shopify.dev/docs/api/usage/pagination-graphql). An order's lines past the first page are read
 * with cursor pagination: the same connection again with `after: pageInfo.endCursor`, one request
 * (one cost-checked query) per page, until `pageInfo.hasNextPage` is false.
 */
export const PAGE_SIZE = 250

const LINE_ITEMS_PAGE = `pageInfo { hasNextPage endCursor }
      nodes {
        id sku name quantity requiresShipping isGiftCard
        originalUnitPriceSet { ${MONEY} }
        discountAllocations { allocatedAmountSet { ${MONEY} } }
        taxLines { title rate priceSet { ${MONEY} } }
        variant { id legacyResourceId }
      }`
const FULFILLMENT_LINE_ITEMS_PAGE = 'pageInfo { hasNextPage endCursor } nodes { lineItem { id } totalQuantity }'

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
    lineItems(first: ${PAGE_SIZE}) { ${LINE_ITEMS_PAGE} }
    shippingLines(first: 50) {
      nodes { title code isRemoved discountedPriceSet { ${MONEY} } taxLines { title rate priceSet { ${MONEY} } } }
    }
    transactions(first: 100) {
      id gateway formattedGateway kind status test authorizationCode processedAt createdAt
      amountSet { ${MONEY} }
      parentTransaction { id }
      paymentDetails { __typename ... on CardPaymentDetails { company number paymentMethodName } }
    }
    fulfillmentOrders(first: 50) {
      nodes {
        id status
        deliveryMethod { methodType presentedName }
        assignedLocation { name location { id legacyResourceId } }
        lineItems(first: ${PAGE_SIZE}) { ${FULFILLMENT_LINE_ITEMS_PAGE} }
      }
    }
  }
}`

/** The next page of an order's lines (after the first page OrderForImport read). */
export const ORDER_LINE_ITEMS = `query OrderLineItems($id: ID!, $after: String!) {
  order(id: $id) {
    lineItems(first: ${PAGE_SIZE}, after: $after) { ${LINE_ITEMS_PAGE} }
  }
}`

/** The next page of a fulfillment order's lines (pickup detection reads them all). */
export const FULFILLMENT_ORDER_LINE_ITEMS = `query FulfillmentOrderLineItems($id: ID!, $after: String!) {
  fulfillmentOrder(id: $id) {
    lineItems(first: ${PAGE_SIZE}, after: $after) { ${FULFILLMENT_LINE_ITEMS_PAGE} }
  }
}`

export const ORDERS_UPDATED_SINCE = `query OrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id legacyResourceId name updatedAt cancelledAt test displayFinancialStatus }
  }
}`
