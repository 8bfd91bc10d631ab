// WooCommerce order (GET /wp-json/wc/v3/orders/{id}, the same JSON its order.* webhooks send) →
// Normalized Order Event v1. Pure: no I/O, no clock.
//
// Money. WooCommerce keeps every line amount EXCLUSIVE of tax, whether or not the store's prices
// include tax (`prices_include_tax` only says how the shopper saw them): the tax is always in the
// separate *_tax fields. So one rule serves both kinds of store. Each figure below is rounded to the
// currency's minor units exactly once (money.ts roundPartsToTotal) and the residue is moved, one
// minor unit at a time, so that they add up to the order's `total` exactly:
//   line price     line_items[].subtotal                 (before coupons)  → unitPrice × quantity
//   line discount  subtotal − total                      (the coupons' share WooCommerce put on the line)
//   line tax       line_items[].total_tax
//   shipping       Σ shipping_lines[].total, Σ total_tax (spread over the shipped lines by line total)
//   fees           Σ fee_lines[].total > 0, their tax    → handling, handlingTax (spread by line total)
//   negative fees  |total| and |tax| of fees below zero  → order discount (spread by line total)
// A line whose rounded subtotal is not a whole multiple of its quantity gets the smallest unit price
// above it and the difference as a line discount, so nothing is rounded a second time.
import type { Gateway, OrderEventInput, PaymentInput } from '../../../schemas/order-event.ts'
import {
  allocateLargestRemainder,
  type Decimal,
  minorUnits,
  money,
  roundPartsToTotal,
  sum,
  toDecimalString,
  unitPriceCovering
} from '../../mapping/money.ts'
import type { WcAddress, WcOrder, WcShippingLine } from './api-types.ts'

export interface WooCommerceMappingOptions {
  /** The store id (host and path of its home URL). */
  store: string
  /** Prepended to the WooCommerce order id to make the externalId. */
  externalIdPrefix: string
  /** WooCommerce payment_method → our gateway; unmapped → noop. */
  gateways: Readonly<Record<string, Gateway>>
}

export type WooCommerceMappingResult = { ok: true; event: OrderEventInput } | { ok: false; reason: string }

class NotMappable extends Error {}

/** Shipping methods whose items are collected, not shipped (core Local pickup, the blocks' pickup locations). */
export const PICKUP_METHODS = ['local_pickup', 'pickup_location'] as const

/** The externalId of a WooCommerce order. */
export function wooCommerceExternalId (options: Pick<WooCommerceMappingOptions, 'externalIdPrefix'>, orderId: number): string {
  return `${options.externalIdPrefix}${orderId}`
}

/** WooCommerce's *_gmt dates have no zone suffix ("2017-03-22T19:28:02"): RFC 3339 UTC. */
export function gmtToRfc3339 (value: string | null | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const withZone = /(Z|[+-][0-9]{2}:?[0-9]{2})$/.test(value) ? value : `${value}Z`
  const time = Date.parse(withZone)
  if (Number.isNaN(time)) return undefined
  return new Date(time).toISOString().replace('.000Z', 'Z')
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim())

function contact (address: WcAddress, where: string, email?: string) {
  const country = address.country.toUpperCase()
  if (!/^[A-Z]{2}$/.test(country)) throw new NotMappable(`${where} has no ISO country code (country ${JSON.stringify(address.country)})`)
  if (address.address_1.trim() === '' || address.city.trim() === '') throw new NotMappable(`${where} has no address_1 or city`)
  if (address.first_name.trim() === '' || address.last_name.trim() === '') throw new NotMappable(`${where} has no first_name or last_name`)
  return {
    firstName: address.first_name.trim(),
    lastName: address.last_name.trim(),
    email: optional(address.email !== '' ? address.email : (email ?? '')),
    phone: optional(address.phone),
    company: optional(address.company),
    address: {
      line1: address.address_1.trim(),
      line2: optional(address.address_2),
      city: address.city.trim(),
      region: optional(address.state),
      postalCode: optional(address.postcode),
      country
    }
  }
}

/** The pickup location a pickup shipping line names: its pickup_location meta, else method and instance. */
function pickupLocation (line: WcShippingLine): string {
  const meta = line.meta_data.find((m) => m.key === 'pickup_location' && typeof m.value === 'string' && m.value.trim() !== '')
  if (meta !== undefined) return String(meta.value).trim().slice(0, 255)
  const instance = line.instance_id === undefined || line.instance_id === null ? '' : String(line.instance_id)
  return instance === '' ? line.method_id : `${line.method_id}:${instance}`
}

function spread (amount: Decimal, weights: Decimal[], currency: string): Decimal[] {
  const nonZero = weights.some((weight) => weight.greaterThan(0)) ? weights : weights.map(() => money('1'))
  const shares = allocateLargestRemainder(amount, nonZero, currency)
  if (shares === undefined) throw new RangeError(`cannot spread ${amount.toFixed()} ${currency} over ${weights.length} lines`)
  return shares
}

/** Maps one WooCommerce order to a Normalized Order Event v1, or says why it cannot be. */
export function mapWooCommerceOrder (order: WcOrder, options: WooCommerceMappingOptions): WooCommerceMappingResult {
  try {
    return { ok: true, event: mapOrThrow(order, options) }
  } catch (error) {
    if (error instanceof NotMappable) return { ok: false, reason: `WooCommerce order ${order.id}: ${error.message}` }
    throw error
  }
}

function mapOrThrow (order: WcOrder, options: WooCommerceMappingOptions): OrderEventInput {
  const currency = order.currency.toUpperCase()
  if (minorUnits(currency) === undefined) {
    throw new NotMappable(`currency ${JSON.stringify(order.currency)} is not an ISO 4217 currency with a minor unit`)
  }
  const lines = order.line_items
  if (lines.length === 0) throw new NotMappable('the order has no line_items')
  for (const line of lines) if (line.quantity < 1) throw new NotMappable(`line_items ${line.id} has quantity ${line.quantity}`)
  const placedAt = gmtToRfc3339(order.date_created_gmt) ?? gmtToRfc3339(order.date_paid_gmt)
  if (placedAt === undefined) throw new NotMappable(`date_created_gmt ${JSON.stringify(order.date_created_gmt)} is not a date`)

  // ---- where the items go: shipped, collected (one pickup shipping line), or neither (virtual)
  const pickupLines = order.shipping_lines.filter((line) => (PICKUP_METHODS as readonly string[]).includes(line.method_id))
  const shipLines = order.shipping_lines.filter((line) => !pickupLines.includes(line))
  if (pickupLines.length > 0 && shipLines.length > 0) {
    throw new NotMappable('the order has both pickup and shipping lines; which items are collected is not in the order')
  }
  const locations = [...new Set(pickupLines.map(pickupLocation))]
  if (locations.length > 1) throw new NotMappable(`the order is collected from ${locations.length} locations; a Kibo import line names one`)
  const fulfillment =
    locations.length === 1
      ? { method: 'Pickup' as const, locationCode: locations[0] }
      : shipLines.length > 0
        ? { method: 'Ship' as const }
        : { method: 'Digital' as const }
  const shipping = order.shipping
  const shipTo =
    fulfillment.method !== 'Ship'
      ? undefined
      : shipping !== null && shipping !== undefined && shipping.address_1.trim() !== ''
        ? contact(shipping, 'shipping', order.billing.email)
        : contact(order.billing, 'billing (the order has no shipping address)')

  // ---- the order's figures, exact as WooCommerce sends them
  const lineDiscounts = lines.map((line) => money(line.subtotal).minus(money(line.total)))
  const raised = lines.findIndex((_, index) => lineDiscounts[index].isNegative())
  if (raised >= 0) {
    const line = lines[raised]
    throw new NotMappable(`line_items ${line.id} total ${line.total} is more than its subtotal ${line.subtotal}`)
  }
  const positive = (value: Decimal) => (value.isNegative() ? money('0') : value)
  const negative = (value: Decimal) => (value.isNegative() ? value.negated() : money('0'))
  const fees = order.fee_lines
  const feesTotal = sum(fees.map((fee) => positive(money(fee.total))))
  const feesTax = sum(fees.map((fee) => positive(money(fee.total_tax))))
  const feeCredits = sum(fees.flatMap((fee) => [negative(money(fee.total)), negative(money(fee.total_tax))]))
  const shippingTotal = sum(order.shipping_lines.map((line) => line.total))
  const shippingTax = sum(order.shipping_lines.map((line) => line.total_tax))
  const parts = [
    ...lines.map((line) => ({ amount: line.subtotal })),
    ...lineDiscounts.map((amount) => ({ amount, subtract: true })),
    ...lines.map((line) => ({ amount: line.total_tax })),
    { amount: shippingTotal },
    { amount: shippingTax },
    { amount: feesTotal },
    { amount: feesTax },
    { amount: feeCredits, subtract: true }
  ]
  const rounded = roundPartsToTotal(parts, order.total, currency)
  if (rounded === undefined) {
    const exact = sum(lines.map((line) => line.total))
      .plus(sum(lines.map((line) => line.total_tax)))
      .plus(shippingTotal)
      .plus(shippingTax)
      .plus(feesTotal)
      .plus(feesTax)
      .minus(feeCredits)
    throw new NotMappable(
      `its lines, shipping and fees add up to ${toDecimalString(exact)} ${currency}, ` +
        `not its total ${order.total}, even allowing for rounding`
    )
  }
  const n = lines.length
  const prices = rounded.slice(0, n)
  const discounts = rounded.slice(n, 2 * n)
  const taxes = rounded.slice(2 * n, 3 * n)
  const [shippingRounded, shippingTaxRounded, feesRounded, feesTaxRounded, creditsRounded] = rounded.slice(3 * n)
  const total = money(order.total)

  // ---- spread the order-level amounts over the lines, in whole minor units
  const lineTotals = prices.map((price, index) => price.minus(discounts[index]))
  const shippingShares = spread(shippingRounded, lineTotals, currency)
  const shippingTaxShares = spread(shippingTaxRounded, lineTotals, currency)
  const feeShares = spread(feesRounded, lineTotals, currency)
  const feeTaxShares = spread(feesTaxRounded, lineTotals, currency)
  const creditShares = spread(creditsRounded, lineTotals, currency)
  const text = (value: Decimal) => toDecimalString(value)
  const items = lines.map((line, index) => {
    const unitPrice = unitPriceCovering(prices[index], line.quantity, currency)
    const priceRemainder = unitPrice.times(line.quantity).minus(prices[index])
    const variation = line.variation_id !== undefined && line.variation_id !== null && line.variation_id > 0
    return {
      lineId: String(line.id),
      sku: optional(line.sku) ?? `woocommerce-product-${String(line.product_id ?? line.id)}`,
      ...(variation ? { variantSku: `woocommerce-variation-${line.variation_id!}` } : {}),
      name: optional(line.name.slice(0, 255)),
      quantity: line.quantity,
      unitPrice: text(unitPrice),
      discount: text(priceRemainder.plus(discounts[index])),
      orderDiscount: text(creditShares[index]),
      tax: text(taxes[index]),
      shipping: text(shippingShares[index]),
      shippingTax: text(shippingTaxShares[index]),
      handling: text(feeShares[index]),
      handlingTax: text(feeTaxShares[index]),
      fulfillment
    }
  })

  // ---- payment: one per order (WooCommerce records one payment_method and its transaction_id)
  const attributes: Record<string, string> = {
    'woocommerce.store': options.store.slice(0, 255),
    'woocommerce.orderId': String(order.id),
    ...(order.number !== undefined && order.number !== String(order.id) ? { 'woocommerce.orderNumber': order.number.slice(0, 255) } : {}),
    'woocommerce.pricesIncludeTax': String(order.prices_include_tax),
    ...(order.payment_method !== '' ? { 'woocommerce.paymentMethod': order.payment_method.slice(0, 255) } : {}),
    ...(order.transaction_id !== '' ? { 'woocommerce.transactionId': order.transaction_id.slice(0, 255) } : {}),
    ...((order.customer_id ?? 0) > 0 ? { 'woocommerce.customerId': String(order.customer_id) } : {}),
    ...Object.fromEntries(
      order.coupon_lines
        .slice(0, 10)
        .map((coupon, index) => [`woocommerce.coupon.${index}`, `${coupon.code} ${coupon.discount}`.slice(0, 255)])
    )
  }
  const payments: PaymentInput[] = []
  if (!total.isZero()) {
    const target = options.gateways[order.payment_method] ?? 'noop'
    if (target !== 'noop') {
      // WooCommerce's order keeps the gateway's transaction id only, not the fields Kibo's
      // CyberSource, Authorize.net and PayPal payments need (request token, auth code, EC token, payer id).
      attributes['woocommerce.gatewayNote'] =
        `${order.payment_method} → ${target}: the WooCommerce order does not carry the ${target} fields; imported as noop`
    }
    const transactionId = optional(order.transaction_id)
    const paidAt = gmtToRfc3339(order.date_paid_gmt)
    payments.push({
      gateway: 'noop',
      amount: text(total),
      authorizedAt: paidAt ?? placedAt,
      ...(transactionId === undefined ? {} : { transactionId }),
      ...(transactionId !== undefined && paidAt !== undefined
        ? { capture: { transactionId, amount: text(total), capturedAt: paidAt } }
        : {})
    })
  }

  const completed = order.status === 'completed'
  const email = optional(order.billing.email)
  return {
    type: completed ? 'order.completed' : 'order.created',
    id: `woocommerce-${options.store}-${order.id}`,
    timestamp: placedAt,
    source: 'woocommerce',
    data: {
      externalId: wooCommerceExternalId(options, order.id),
      placedAt,
      currency,
      ...(completed ? { status: 'Completed' as const } : {}),
      customer:
        email === undefined
          ? undefined
          : { email, firstName: optional(order.billing.first_name), lastName: optional(order.billing.last_name) },
      billTo: contact(order.billing, 'billing'),
      shipTo,
      shippingMethod:
        shipLines.length === 0
          ? undefined
          : { code: (shipLines[0].method_id || 'shipping').slice(0, 255), name: optional(shipLines[0].method_title.slice(0, 255)) },
      items,
      total: text(total),
      payments,
      attributes
    }
  }
}
