// The Shopify order as the connector reads it: the GraphQL Admin API's Order (connections
// flattened to arrays) with its transactions and fulfillment orders. The mapping takes only
// this shape; a webhook's REST order (the preview's input, the stand-in's fixtures) is turned
// into it by fromRestOrder, field for field (Shopify's own REST ↔ GraphQL correspondence).

export interface ShopifyMoney {
  amount: string
  currencyCode: string
}
export interface ShopifyMoneyBag {
  shopMoney: ShopifyMoney
  presentmentMoney: ShopifyMoney
}
export interface ShopifyTaxLine {
  title: string | null
  rate: number | null
  priceSet: ShopifyMoneyBag
}
export interface ShopifyAddress {
  firstName: string | null
  lastName: string | null
  company: string | null
  address1: string | null
  address2: string | null
  city: string | null
  province: string | null
  provinceCode: string | null
  zip: string | null
  countryCodeV2: string | null
  phone: string | null
}
export interface ShopifyLineItem {
  id: string
  sku: string | null
  name: string | null
  quantity: number
  requiresShipping: boolean
  isGiftCard?: boolean
  originalUnitPriceSet: ShopifyMoneyBag
  discountAllocations: Array<{ allocatedAmountSet: ShopifyMoneyBag }>
  taxLines: ShopifyTaxLine[]
  variant: { id?: string; legacyResourceId: string } | null
}
export interface ShopifyShippingLine {
  title: string | null
  code: string | null
  isRemoved?: boolean
  discountedPriceSet: ShopifyMoneyBag
  taxLines: ShopifyTaxLine[]
}
export interface ShopifyTransaction {
  id: string
  gateway: string | null
  formattedGateway?: string | null
  kind: string
  status: string
  test?: boolean
  amountSet: ShopifyMoneyBag
  authorizationCode?: string | null
  processedAt?: string | null
  createdAt?: string | null
  parentTransaction?: { id: string } | null
  paymentDetails?: {
    __typename?: string
    company?: string | null
    number?: string | null
    paymentMethodName?: string | null
  } | null
}
export interface ShopifyFulfillmentOrder {
  id: string
  status?: string
  deliveryMethod: { methodType: string; presentedName?: string | null } | null
  assignedLocation: { name: string | null; location: { id?: string; legacyResourceId: string } | null } | null
  lineItems: Array<{ lineItem: { id: string }; totalQuantity?: number }>
}
export interface ShopifyOrder {
  id: string
  legacyResourceId: string
  name: string
  /** REST `order_number` when the order came as a webhook/REST payload (GraphQL has no such field). */
  orderNumber?: number | null
  createdAt: string
  processedAt: string | null
  updatedAt: string
  cancelledAt: string | null
  test: boolean
  taxesIncluded: boolean
  currencyCode: string
  presentmentCurrencyCode: string
  displayFinancialStatus: string | null
  email: string | null
  phone: string | null
  customerLocale?: string | null
  customer: { firstName: string | null; lastName: string | null; email: string | null; phone: string | null } | null
  billingAddress: ShopifyAddress | null
  shippingAddress: ShopifyAddress | null
  customAttributes: Array<{ key: string; value: string | null }>
  totalPriceSet: ShopifyMoneyBag
  currentTotalPriceSet: ShopifyMoneyBag
  lineItems: ShopifyLineItem[]
  shippingLines: ShopifyShippingLine[]
  transactions: ShopifyTransaction[]
  fulfillmentOrders: ShopifyFulfillmentOrder[]
  /**
   * Set by the Admin API client when the order (or one of its fulfillment orders) has more lines
   * than it reads (MAX_ORDER_ITEMS): it stops paging there and the mapping refuses the order.
   */
  moreLineItemsThan?: number
}

/** The numeric id at the end of a GraphQL global id ("gid://shopify/Order/820982911946154508" → "820982911946154508"). */
export function legacyId (gid: string): string {
  const match = /\/(\d+)(\?.*)?$/.exec(gid)
  return match === null ? gid : match[1]
}

export const orderGid = (id: string) => (id.startsWith('gid://') ? id : `gid://shopify/Order/${id}`)

// ---------------------------------------------------------------- REST (webhook body) → this shape

type Rest = Record<string, any>

const bag = (set: Rest | null | undefined, fallback?: string | null, currency?: string): ShopifyMoneyBag => {
  if (set && typeof set === 'object' && set.shop_money && set.presentment_money) {
    return {
      shopMoney: { amount: String(set.shop_money.amount), currencyCode: String(set.shop_money.currency_code) },
      presentmentMoney: { amount: String(set.presentment_money.amount), currencyCode: String(set.presentment_money.currency_code) }
    }
  }
  const amount = String(fallback ?? '0')
  const code = currency ?? 'USD'
  return { shopMoney: { amount, currencyCode: code }, presentmentMoney: { amount, currencyCode: code } }
}

const text = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value))

const restTaxLines = (lines: unknown, currency: string): ShopifyTaxLine[] =>
  Array.isArray(lines)
    ? lines.map((line: Rest) => ({
      title: text(line.title),
      rate: typeof line.rate === 'number' ? line.rate : null,
      priceSet: bag(line.price_set, line.price, currency)
    }))
    : []

const restAddress = (address: Rest | null | undefined): ShopifyAddress | null =>
  address && typeof address === 'object'
    ? {
        firstName: text(address.first_name),
        lastName: text(address.last_name),
        company: text(address.company),
        address1: text(address.address1),
        address2: text(address.address2),
        city: text(address.city),
        province: text(address.province),
        provinceCode: text(address.province_code),
        zip: text(address.zip),
        countryCodeV2: text(address.country_code),
        phone: text(address.phone)
      }
    : null

const gidOf = (item: Rest, type: string): string =>
  typeof item.admin_graphql_api_id === 'string' ? item.admin_graphql_api_id : `gid://shopify/${type}/${String(item.id)}`

/**
 * A REST Order (the orders/* webhook body) as the GraphQL shape. Ids come from
 * `admin_graphql_api_id`: REST ids exceed 2^53 and JSON.parse cannot read them exactly.
 * Transactions and fulfillment orders are not in a webhook body: pass them when known.
 */
export function fromRestOrder (
  order: Rest,
  extra: { transactions?: ShopifyTransaction[]; fulfillmentOrders?: ShopifyFulfillmentOrder[] } = {}
): ShopifyOrder {
  const currency = String(order.currency ?? 'USD')
  const id = gidOf(order, 'Order')
  return {
    id,
    legacyResourceId: legacyId(id),
    name: String(order.name ?? ''),
    orderNumber: typeof order.order_number === 'number' ? order.order_number : null,
    createdAt: String(order.created_at),
    processedAt: text(order.processed_at),
    updatedAt: String(order.updated_at ?? order.created_at),
    cancelledAt: text(order.cancelled_at),
    test: order.test === true,
    taxesIncluded: order.taxes_included === true,
    currencyCode: currency,
    presentmentCurrencyCode: String(order.presentment_currency ?? currency),
    displayFinancialStatus: typeof order.financial_status === 'string' ? order.financial_status.toUpperCase() : null,
    email: text(order.email) ?? text(order.contact_email),
    phone: text(order.phone),
    customerLocale: text(order.customer_locale),
    customer:
      order.customer && typeof order.customer === 'object'
        ? {
            firstName: text(order.customer.first_name),
            lastName: text(order.customer.last_name),
            email: text(order.customer.email),
            phone: text(order.customer.phone)
          }
        : null,
    billingAddress: restAddress(order.billing_address),
    shippingAddress: restAddress(order.shipping_address),
    customAttributes: Array.isArray(order.note_attributes)
      ? order.note_attributes.map((attribute: Rest) => ({ key: String(attribute.name), value: text(attribute.value) }))
      : [],
    totalPriceSet: bag(order.total_price_set, order.total_price, currency),
    currentTotalPriceSet: bag(order.current_total_price_set, order.current_total_price, currency),
    lineItems: (Array.isArray(order.line_items) ? order.line_items : []).map((line: Rest) => ({
      id: gidOf(line, 'LineItem'),
      sku: text(line.sku),
      name: text(line.name) ?? text(line.title),
      quantity: Number(line.quantity),
      requiresShipping: line.requires_shipping !== false,
      isGiftCard: line.gift_card === true,
      originalUnitPriceSet: bag(line.price_set, line.price, currency),
      discountAllocations: (Array.isArray(line.discount_allocations) ? line.discount_allocations : []).map((allocation: Rest) => ({
        allocatedAmountSet: bag(allocation.amount_set, allocation.amount, currency)
      })),
      taxLines: restTaxLines(line.tax_lines, currency),
      variant: line.variant_id === null || line.variant_id === undefined ? null : { legacyResourceId: String(line.variant_id) }
    })),
    shippingLines: (Array.isArray(order.shipping_lines) ? order.shipping_lines : []).map((line: Rest) => ({
      title: text(line.title),
      code: text(line.code),
      isRemoved: line.is_removed === true,
      discountedPriceSet: bag(line.discounted_price_set, line.discounted_price, currency),
      taxLines: restTaxLines(line.tax_lines, currency)
    })),
    transactions: extra.transactions ?? [],
    fulfillmentOrders: extra.fulfillmentOrders ?? []
  }
}
