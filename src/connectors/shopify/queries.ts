// The GraphQL Admin API documents the connector sends (checked against Shopify's published
// Admin API schema, 2025-01 introspection; see test/connectors/shopify/fixtures/SOURCES.md).
const MONEY = 'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }'
const ADDRESS = 'firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone'

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
    lineItems(first: 250) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id sku name quantity requiresShipping isGiftCard
        originalUnitPriceSet { ${MONEY} }
        discountAllocations { allocatedAmountSet { ${MONEY} } }
        taxLines { title rate priceSet { ${MONEY} } }
        variant { id legacyResourceId }
      }
    }
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
        lineItems(first: 250) { nodes { lineItem { id } totalQuantity } }
      }
    }
  }
}`

export const ORDERS_UPDATED_SINCE = `query OrdersUpdatedSince($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { id legacyResourceId name updatedAt cancelledAt test displayFinancialStatus }
  }
}`
