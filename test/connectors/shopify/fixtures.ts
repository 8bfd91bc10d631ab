// Shopify order fixtures: the webhook reference sample (verbatim, fixtures/) and the variants the
// connector must import exactly, each derived from a deep copy of that sample (see fixtures/SOURCES.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Decimal, sum, times } from '../../../src/mapping/money.ts'
import type { ShopifyFulfillmentOrder, ShopifyTransaction } from '../../../src/connectors/shopify/order.ts'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
export const SAMPLE_TEXT = readFileSync(path.join(dir, 'orders-create.webhook-sample.json'), 'utf8')
export const sample = (): Record<string, any> => JSON.parse(SAMPLE_TEXT)
export const docsTransactions = (): ShopifyTransaction[] =>
  JSON.parse(readFileSync(path.join(dir, 'order-transactions.graphql-example.json'), 'utf8')).order.transactions
export const THROTTLED_TEXT = readFileSync(path.join(dir, 'throttled.response.json'), 'utf8')

/** An amount in shop money, or [shop, presentment] when the buyer paid in another currency. */
type M = string | [string, string]
const shopOf = (m: M) => (Array.isArray(m) ? m[0] : m)
const presOf = (m: M) => (Array.isArray(m) ? m[1] : m)

interface LineSpec {
  sku?: string | null
  variantId?: number | null
  qty: number
  price: M
  discount?: M
  tax?: M
  requiresShipping?: boolean
  giftCard?: boolean
}
interface ShipSpec {
  title: string
  price: M
  discounted?: M
  tax?: M
}
interface TxSpec {
  gateway: string
  kind: 'SALE' | 'AUTHORIZATION' | 'CAPTURE'
  amount: M
  status?: string
  parent?: number
}
export interface Spec {
  id: number
  name: string
  shop?: string
  presentment?: string
  taxesIncluded?: boolean
  test?: boolean
  financialStatus?: string
  lines: LineSpec[]
  shipping?: ShipSpec[]
  discountCode?: string
  noteAttributes?: Array<{ name: string; value: string }>
  /** Default: one SALE of the total on shopify_payments. */
  transactions?: TxSpec[] | ShopifyTransaction[]
  /** A PICK_UP fulfillment order at the location, of every line or of the first `lines` lines. */
  pickup?: { locationId: string; name: string; lines?: number }
  updatedAt?: string
}

const CARD = { __typename: 'CardPaymentDetails', company: 'Visa', number: '•••• •••• •••• 4242', paymentMethodName: 'card' }

export interface Fixture {
  name: string
  rest: Record<string, any>
  transactions: ShopifyTransaction[]
  fulfillmentOrders: ShopifyFulfillmentOrder[]
  /** current_total_price in shop and presentment money. */
  total: { shop: string; presentment: string }
  orderKey: string
}

const set = (m: M, shop: string, pres: string) => ({
  shop_money: { amount: shopOf(m), currency_code: shop },
  presentment_money: { amount: presOf(m), currency_code: pres }
})
const fmt = (d: Decimal, currency: string) => d.toFixed(currency === 'JPY' ? 0 : 2)
const bagOf = (m: M, shop: string, pres: string) => ({
  shopMoney: { amount: shopOf(m), currencyCode: shop },
  presentmentMoney: { amount: presOf(m), currencyCode: pres }
})

/** A variant of the sample: its lines, shipping, taxes and totals replaced by the spec's, everything else kept. */
export function derive (spec: Spec): Fixture {
  const base = sample()
  const shop = spec.shop ?? 'USD'
  const pres = spec.presentment ?? shop
  const template = base.line_items[0]
  const lineGid = (index: number) => `gid://shopify/LineItem/${spec.id}${String(index).padStart(4, '0')}`
  const lines = spec.lines.map((line, index) => {
    const copy = structuredClone(template)
    copy.id = Number(`${spec.id}${String(index).padStart(4, '0')}`)
    copy.admin_graphql_api_id = lineGid(index)
    copy.sku = line.sku === undefined ? `SKU-${index + 1}` : line.sku
    copy.variant_id = line.variantId ?? null
    copy.name = copy.title = `${template.name} ${index + 1}`
    copy.quantity = copy.current_quantity = copy.fulfillable_quantity = line.qty
    copy.price = shopOf(line.price)
    copy.price_set = set(line.price, shop, pres)
    copy.requires_shipping = line.requiresShipping ?? true
    copy.gift_card = line.giftCard ?? false
    const discount = line.discount ?? '0.00'
    copy.total_discount = shopOf(discount)
    copy.total_discount_set = set(discount, shop, pres)
    copy.discount_allocations = line.discount === undefined
      ? []
      : [
          { amount: shopOf(discount), discount_application_index: 0, amount_set: set(discount, shop, pres) }
        ]
    copy.tax_lines = line.tax === undefined
      ? []
      : [
          { channel_liable: false, price: shopOf(line.tax), price_set: set(line.tax, shop, pres), rate: 0.2, title: 'Tax' }
        ]
    return copy
  })
  const shippingLines = (spec.shipping ?? []).map((ship, index) => {
    const copy = structuredClone(base.shipping_lines[0])
    copy.id = Number(`${spec.id}9${index}`)
    copy.title = ship.title
    copy.code = ship.title.toUpperCase().replace(/\W+/g, '_')
    copy.price = shopOf(ship.price)
    copy.price_set = set(ship.price, shop, pres)
    const discounted = ship.discounted ?? ship.price
    copy.discounted_price = shopOf(discounted)
    copy.discounted_price_set = copy.current_discounted_price_set = set(discounted, shop, pres)
    copy.tax_lines = ship.tax === undefined
      ? []
      : [
          { channel_liable: false, price: shopOf(ship.tax), price_set: set(ship.tax, shop, pres), rate: 0.2, title: 'Shipping tax' }
        ]
    return copy
  })
  const total = (pick: (m: M) => string, currency: string) => {
    const taxOf = (amount: M | undefined) => (spec.taxesIncluded ? 0 : pick(amount ?? '0'))
    const lineSum = sum(spec.lines.map((line) => times(pick(line.price), line.qty).minus(pick(line.discount ?? '0')).plus(taxOf(line.tax))))
    const shipSum = sum((spec.shipping ?? []).map((ship) => new Decimal(pick(ship.discounted ?? ship.price)).plus(taxOf(ship.tax))))
    return fmt(lineSum.plus(shipSum), currency)
  }
  const totals = { shop: total(shopOf, shop), presentment: total(presOf, pres) }
  const totalM: M = [totals.shop, totals.presentment]
  const rest = base
  rest.id = spec.id
  rest.admin_graphql_api_id = `gid://shopify/Order/${spec.id}`
  rest.name = spec.name
  rest.order_number = spec.id % 100000
  rest.cancelled_at = null
  rest.cancel_reason = null
  rest.financial_status = spec.financialStatus ?? 'paid'
  rest.test = spec.test ?? false
  rest.currency = shop
  rest.presentment_currency = pres
  rest.taxes_included = spec.taxesIncluded ?? false
  rest.line_items = lines
  rest.shipping_lines = shippingLines
  rest.note_attributes = spec.noteAttributes ?? []
  rest.discount_codes = spec.discountCode ? [{ code: spec.discountCode, amount: '0', type: 'percentage' }] : []
  rest.discount_applications = spec.discountCode
    ? [
        {
          target_type: 'line_item',
          type: 'discount_code',
          value: '10.0',
          value_type: 'percentage',
          allocation_method: 'across',
          target_selection: 'all',
          code: spec.discountCode
        }
      ]
    : []
  rest.total_price = rest.current_total_price = totals.shop
  rest.total_price_set = rest.current_total_price_set = set(totalM, shop, pres)
  rest.updated_at = rest.created_at = rest.processed_at = spec.updatedAt ?? new Date(Date.now() - 60_000).toISOString()
  const fullTotal: M = totalM
  const transactions: ShopifyTransaction[] =
    spec.transactions !== undefined && spec.transactions.length > 0 && 'id' in spec.transactions[0]
      ? (spec.transactions as ShopifyTransaction[])
      : ((spec.transactions as TxSpec[] | undefined) ?? (new Decimal(totals.shop).isZero()
          ? []
          : [
              { gateway: 'shopify_payments', kind: 'SALE', amount: fullTotal }
            ])).map(
          (tx, index) => ({
            id: `gid://shopify/OrderTransaction/${spec.id}${index}`,
            gateway: tx.gateway,
            kind: tx.kind,
            status: tx.status ?? 'SUCCESS',
            test: false,
            amountSet: bagOf(tx.amount, shop, pres),
            authorizationCode: `A${index}`,
            processedAt: rest.processed_at,
            createdAt: rest.created_at,
            parentTransaction: tx.parent === undefined ? null : { id: `gid://shopify/OrderTransaction/${spec.id}${tx.parent}` },
            paymentDetails: tx.gateway === 'gift_card' ? null : CARD
          })
        )
  rest.payment_gateway_names = [...new Set(transactions.map((tx) => tx.gateway ?? 'manual'))]
  const fulfillmentOrders: ShopifyFulfillmentOrder[] = spec.pickup
    ? [
        {
          id: `gid://shopify/FulfillmentOrder/${spec.id}`,
          status: 'OPEN',
          deliveryMethod: { methodType: 'PICK_UP', presentedName: 'Pickup in store' },
          assignedLocation: {
            name: spec.pickup.name,
            location: { id: `gid://shopify/Location/${spec.pickup.locationId}`, legacyResourceId: spec.pickup.locationId }
          },
          lineItems: lines
            .slice(0, spec.pickup.lines ?? lines.length)
            .map((line: any) => ({ lineItem: { id: line.admin_graphql_api_id }, totalQuantity: line.quantity }))
        }
      ]
    : []
  return { name: spec.name, rest, transactions, fulfillmentOrders, total: totals, orderKey: String(spec.id) }
}

let next = 5_000_000_000_000
/** The variants the issue lists (fresh order ids on every call, so tests do not collide). */
let round = 0
export function variants (): Fixture[] {
  const id = () => next++
  const suffix = `-r${++round}`
  const hundred = Array.from({ length: 100 }, (_, index) => ({
    qty: 1 + (index % 3),
    price: `${(index % 17) + 1}.99`,
    tax: `${(index % 5) * 0.13 + 0.07}`.slice(0, 4)
  }))
  return [
    derive({
      id: id(),
      name: `#1001-paid-shipping${suffix}`,
      lines: [
        { qty: 1, price: '89.99', tax: '7.42' },
        { qty: 2, price: '19.99', tax: '3.30' },
        { qty: 1, price: '24.99', requiresShipping: false }
      ],
      shipping: [{ title: 'Standard', price: '10.00', tax: '0.83' }]
    }),
    derive({
      id: id(),
      name: `#1002-presentment-eur${suffix}`,
      shop: 'USD',
      presentment: 'EUR',
      lines: [{ qty: 1, price: ['42.63', '39.00'], tax: ['8.53', '7.80'] }, { qty: 3, price: ['10.93', '10.00'], tax: ['6.56', '6.00'] }],
      shipping: [{ title: 'DHL', price: ['5.47', '5.00'], tax: ['1.09', '1.00'] }]
    }),
    derive({
      id: id(),
      name: `#1003-discount-code${suffix}`,
      discountCode: 'SAVE10',
      lines: [{ qty: 2, price: '50.00', discount: '10.00', tax: '7.20' }, { qty: 1, price: '19.99', discount: '2.00', tax: '1.44' }],
      shipping: [{ title: 'Standard', price: '7.50', tax: '0.60' }]
    }),
    derive({
      id: id(),
      name: `#1004-free-shipping${suffix}`,
      lines: [{ qty: 1, price: '120.00', tax: '9.90' }],
      shipping: [{ title: 'Free shipping', price: '10.00', discounted: '0.00' }]
    }),
    derive({
      id: id(),
      name: `#1005-several-shipping-lines${suffix}`,
      lines: [{ qty: 1, price: '33.33', tax: '2.75' }, { qty: 2, price: '16.67', tax: '2.75' }, { qty: 1, price: '0.01' }],
      shipping: [{ title: 'Ground', price: '5.00', tax: '0.41' }, { title: 'Oversize fee', price: '7.01', tax: '0.58' }]
    }),
    derive({
      id: id(),
      name: `#1006-vat-eu${suffix}`,
      shop: 'EUR',
      taxesIncluded: true,
      lines: [{ qty: 1, price: '119.00', tax: '19.83' }, { qty: 2, price: '23.80', tax: '7.93' }],
      shipping: [{ title: 'DHL', price: '5.95', tax: '0.99' }],
      noteAttributes: [{ name: 'gift_message', value: 'Alles Gute!' }]
    }),
    derive({
      id: id(),
      name: `#1007-jpy${suffix}`,
      shop: 'JPY',
      lines: [{ qty: 3, price: '1980', tax: '594' }, { qty: 1, price: '500', tax: '50' }],
      shipping: [{ title: 'Yamato', price: '700', tax: '70' }]
    }),
    derive({
      id: id(),
      name: `#1008-gift-card-and-card${suffix}`,
      lines: [{ qty: 1, price: '80.00', tax: '6.60' }],
      shipping: [{ title: 'Standard', price: '5.00' }],
      transactions: [
        { gateway: 'gift_card', kind: 'SALE', amount: '25.00' },
        { gateway: 'shopify_payments', kind: 'AUTHORIZATION', amount: '66.60' },
        { gateway: 'shopify_payments', kind: 'CAPTURE', amount: '66.60', parent: 1 }
      ]
    }),
    derive({
      id: id(),
      name: `#1009-pickup${suffix}`,
      pickup: { locationId: '655441491', name: 'Austin store' },
      lines: [{ qty: 1, price: '45.00', tax: '3.71' }]
    }),
    derive({ id: id(), name: `#1010-zero-total${suffix}`, lines: [{ qty: 1, price: '0.00' }], transactions: [] }),
    derive({
      id: id(),
      name: `#1011-hundred-lines${suffix}`,
      lines: hundred,
      shipping: [
        { title: 'Freight', price: '49.99', tax: '4.12' }
      ]
    }),
    derive({
      id: id(),
      name: `#1012-docs-transactions${suffix}`,
      lines: [{ qty: 1, price: '11.50' }],
      transactions: docsTransactions()
    })
  ]
}

/** A test order: imported only with importTestOrders. */
export const testOrder = () => derive({ id: next++, name: `#1013-test-r${++round}`, test: true, lines: [{ qty: 1, price: '10.00' }] })

/**
 * A large B2B order derived from the sample: `count` lines of varied quantity, price, discount and
 * tax (cents that do not divide evenly), freight shipping, and a PICK_UP fulfillment order holding
 * the first `pickupLines` lines (its own lines page too when there are more than 250).
 */
export function largeOrder (count: number, pickupLines = 0): Fixture {
  const lines: LineSpec[] = Array.from({ length: count }, (_, index) => ({
    sku: `B2B-${String(index + 1).padStart(5, '0')}`,
    qty: 1 + (index % 7),
    price: `${(index % 23) + 1}.${String((index * 37) % 100).padStart(2, '0')}`,
    ...(index % 5 === 0 ? { discount: `0.${String((index % 9) + 1).padStart(2, '0')}` } : {}),
    tax: `${index % 3}.${String((index * 13) % 100).padStart(2, '0')}`
  }))
  return derive({
    id: next++,
    name: `#2001-b2b-${count}-lines-r${++round}`,
    lines,
    shipping: [{ title: 'LTL freight', price: '187.45', tax: '15.46' }],
    ...(pickupLines > 0 ? { pickup: { locationId: '655441491', name: 'Austin warehouse', lines: pickupLines } } : {})
  })
}
