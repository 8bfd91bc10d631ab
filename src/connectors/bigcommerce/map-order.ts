// BigCommerce order (V2 order, products, shipping addresses, pickup consignments, coupons, taxes,
// V3 transactions) → Normalized Order Event v1. Pure: no I/O, no clock.
//
// Money. BigCommerce sends four-decimal strings with _ex_tax/_inc_tax pairs. Every amount the
// event needs is built from BigCommerce's own order-level figures, each rounded to the currency's
// minor units exactly once (money.ts roundPartsToTotal), with the rounding residue moved, one
// minor unit at a time, so that the lines add up to the order's total_inc_tax exactly:
//   items       Σ products.total_ex_tax                       (each line: unitPrice × quantity)
//   item tax    total_tax − shipping/handling/wrapping/fee tax (spread over lines by /taxes)
//   discounts   Σ items + shipping + handling + wrapping + fees (ex tax) − total_ex_tax
//               (what BigCommerce's own ex-tax total took off; at most the order's discount_amount +
//               coupon_discount; spread over lines by their applied_discounts)
//   shipping, handling, wrapping, fees (ex tax and tax)        (spread over lines by price)
// A line whose rounded amount is not a whole multiple of its quantity gets the smallest unit price
// above it and the difference as a line discount, so nothing is rounded a second time.
// Amounts are in the transactional currency (default_currency_code): what the shopper paid.
import type { CardBrand, Gateway, OrderEventInput, PaymentInput } from '../../../schemas/order-event.ts'
import {
  allocateLargestRemainder,
  checkScale,
  type Decimal,
  minorUnits,
  money,
  roundPartsToTotal,
  roundToMinorUnits,
  sum,
  toDecimalString,
  unitPriceCovering
} from '../../mapping/money.ts'
import type { BcAddress, BcOrderBundle, BcProduct, BcShippingAddress, BcTransaction } from './api-types.ts'
import { FULFILLED_STATUSES, statusName } from './statuses.ts'

export interface BigCommerceMappingOptions {
  storeHash: string
  /** Prepended to the BigCommerce order id to make the externalId. */
  externalIdPrefix: string
  /** BigCommerce transaction gateway (authorizenet, paypalexpress, braintree, …) → our gateway; unmapped → noop. */
  gateways: Readonly<Record<string, Gateway>>
}

export type BigCommerceMappingResult = { ok: true; event: OrderEventInput } | { ok: false; reason: string }

class NotMappable extends Error {}

const CARD_BRANDS: Record<string, CardBrand> = {
  visa: 'VISA',
  master: 'MC',
  american_express: 'AMEX',
  discover: 'DISCOVER',
  jcb: 'JCB',
  diners_club: 'DINERS',
  unionpay: 'UNIONPAY',
  maestro: 'MAESTRO'
}

/** The externalId of a BigCommerce order. */
export function bigCommerceExternalId (options: Pick<BigCommerceMappingOptions, 'externalIdPrefix'>, orderId: number): string {
  return `${options.externalIdPrefix}${orderId}`
}

/** BigCommerce dates are RFC 2822 ("Tue, 05 Mar 2019 21:40:11 +0000") on V2, ISO 8601 on V3 → RFC 3339 UTC. */
export function toRfc3339 (value: string): string | undefined {
  const time = Date.parse(value)
  if (Number.isNaN(time)) return undefined
  return new Date(time).toISOString().replace('.000Z', 'Z')
}

const optional = (value: string) => (value === '' ? undefined : value)

function contact (address: BcAddress, where: string) {
  const country = address.country_iso2.toUpperCase()
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new NotMappable(`${where} has no ISO country code (country_iso2 ${JSON.stringify(address.country_iso2)})`)
  }
  return {
    firstName: address.first_name,
    lastName: address.last_name,
    email: optional(address.email),
    phone: optional(address.phone),
    company: optional(address.company),
    address: {
      line1: address.street_1,
      line2: optional(address.street_2),
      city: address.city,
      region: optional(address.state),
      postalCode: optional(address.zip),
      country
    }
  }
}

/** Product ids in each pickup consignment → the location code it is collected from (code, else the location id). */
function pickupLocations (bundle: BcOrderBundle): Map<number, string> {
  const byProduct = new Map<number, string>()
  for (const pickup of bundle.consignments?.pickups ?? []) {
    const location = pickup.location
    const code =
      location?.code !== undefined && location.code !== '' ? location.code : location?.id !== undefined ? String(location.id) : ''
    if (code === '') continue
    for (const item of pickup.line_items ?? []) {
      const productId = item.id ?? Number(/\/products\/([0-9]+)$/.exec(item.resource ?? '')?.[1] ?? Number.NaN)
      if (Number.isInteger(productId)) byProduct.set(productId, code)
    }
  }
  return byProduct
}

type Fulfillment = { method: 'Ship' | 'Pickup' | 'Digital'; locationCode?: string }

function fulfillmentOf (product: BcProduct, pickups: Map<number, string>, onlyPickupCode: string | undefined): Fulfillment {
  const pickupCode = pickups.get(product.id)
  if (pickupCode !== undefined) return { method: 'Pickup', locationCode: pickupCode }
  if ((product.order_pickup_method_id ?? 0) > 0) {
    if (onlyPickupCode === undefined) {
      throw new NotMappable(
        `product ${product.id} is collected (order_pickup_method_id ${product.order_pickup_method_id}) ` +
          'but no pickup consignment names its location'
      )
    }
    return { method: 'Pickup', locationCode: onlyPickupCode }
  }
  if (product.type === 'digital' || product.type === 'giftcertificate') return { method: 'Digital' }
  return { method: 'Ship' }
}

/** `amount` (whole minor units) over the lines by weight: Σ shares = amount (money.ts allocateLargestRemainder). */
function spread (amount: Decimal, weights: Decimal[], currency: string): Decimal[] {
  const shares = allocateLargestRemainder(amount, weights, currency)
  if (shares === undefined) throw new RangeError(`cannot spread ${amount.toFixed()} ${currency} over ${weights.length} lines`)
  return shares
}

/** Weights that are all zero fall back to the next list (the last one is the lines' prices). */
function firstNonZero (...lists: Decimal[][]): Decimal[] {
  return lists.find((list) => list.some((weight) => weight.greaterThan(0))) ?? lists[lists.length - 1]
}

interface PaymentDraft {
  transaction: BcTransaction
  capture?: BcTransaction
}

/** ok purchases and authorizations, with their captures; voided authorizations dropped. */
function paymentDrafts (transactions: readonly BcTransaction[]): PaymentDraft[] {
  const ok = transactions.filter((t) => t.status === 'ok' || t.status === '')
  const drafts: PaymentDraft[] = ok
    .filter((t) => t.event === 'purchase' || t.event === 'authorization')
    .map((transaction) => ({ transaction }))
  const matching = (t: BcTransaction, wantUncaptured: boolean) =>
    drafts.find((d) => t.reference_transaction_id !== undefined && d.transaction.id === t.reference_transaction_id) ??
    drafts.find(
      (d) => d.transaction.event === 'authorization' && d.transaction.gateway === t.gateway && (!wantUncaptured || d.capture === undefined)
    )
  for (const t of ok.filter((x) => x.event === 'capture')) {
    const draft = matching(t, true)
    if (draft !== undefined && draft.capture === undefined) draft.capture = t
    else drafts.push({ transaction: { ...t, event: 'purchase' } })
  }
  for (const t of ok.filter((x) => x.event === 'void')) {
    const draft = matching(t, false)
    if (draft !== undefined) drafts.splice(drafts.indexOf(draft), 1)
  }
  return drafts
}

function card (t: BcTransaction) {
  const cc = t.credit_card
  if (cc === undefined || cc === null || t.payment_instrument_token === undefined) return undefined
  return {
    token: t.payment_instrument_token,
    last4: /^[0-9]{4}$/.test(cc.card_last4) ? cc.card_last4 : undefined,
    brand: CARD_BRANDS[cc.card_type],
    expMonth: cc.card_expiry_month ?? undefined,
    expYear: cc.card_expiry_year ?? undefined
  }
}

/**
 * One BigCommerce payment → one event payment. BigCommerce's transactions carry the gateway's
 * transaction id, the amount and a card summary, but not the fields Kibo's Authorize.net,
 * CyberSource and PayPal payments need (authorization code, customer profile, request token, EC
 * token, payer id): a payment is imported as noop with its gateway transaction id, and when the
 * store's table maps its gateway to one of those, the attributes say which and why it is noop.
 */
function payment (draft: PaymentDraft, target: Gateway, placedAt: string, notes: Record<string, string>): PaymentInput {
  const t = draft.transaction
  const amount = t.amount
  const authorizedAt = toRfc3339(t.date_created) ?? placedAt
  const captured = draft.capture ?? (t.event === 'purchase' ? t : undefined)
  const capture =
    captured === undefined
      ? undefined
      : {
          transactionId:
            captured.gateway_transaction_id !== '' ? captured.gateway_transaction_id : `bigcommerce-${String(captured.id ?? 'capture')}`,
          amount: captured.amount,
          capturedAt: toRfc3339(captured.date_created) ?? placedAt
        }
  const transactionId = optional(t.gateway_transaction_id)
  if (target !== 'noop') {
    notes[`bigcommerce.payment.${String(t.id ?? transactionId ?? 'unknown')}`] =
      `${t.gateway} → ${target}: BigCommerce does not provide the ${target} fields; imported as noop`
  }
  return { gateway: 'noop', amount, authorizedAt, capture, transactionId, card: card(t) }
}

/** Maps one fetched BigCommerce order to a Normalized Order Event v1, or says why it cannot be. */
export function mapBigCommerceOrder (bundle: BcOrderBundle, options: BigCommerceMappingOptions): BigCommerceMappingResult {
  try {
    return { ok: true, event: mapOrThrow(bundle, options) }
  } catch (error) {
    if (error instanceof NotMappable) return { ok: false, reason: `BigCommerce order ${bundle.order.id}: ${error.message}` }
    throw error
  }
}

function mapOrThrow (bundle: BcOrderBundle, options: BigCommerceMappingOptions): OrderEventInput {
  const { order, products } = bundle
  const currency = order.default_currency_code !== '' ? order.default_currency_code : order.currency_code
  if (minorUnits(currency) === undefined) {
    throw new NotMappable(`currency ${JSON.stringify(currency)} is not an ISO 4217 currency with a minor unit`)
  }
  if (products.length === 0) throw new NotMappable('the order has no products')
  const placedAt = toRfc3339(order.date_created)
  if (placedAt === undefined) throw new NotMappable(`date_created ${JSON.stringify(order.date_created)} is not a date`)

  // ---- lines and where they go
  const pickups = pickupLocations(bundle)
  const pickupCodes = [...new Set(pickups.values())]
  const fulfillments = products.map((product) => fulfillmentOf(product, pickups, pickupCodes.length === 1 ? pickupCodes[0] : undefined))
  const shipped = products.filter((_, index) => fulfillments[index].method === 'Ship')
  let shipTo: BcShippingAddress | undefined
  if (shipped.length > 0) {
    const addressIds = [
      ...new Set(shipped.map((product) => product.order_address_id).filter((value) => value !== undefined && value !== null && value > 0))
    ]
    if (addressIds.length > 1) {
      throw new NotMappable(`the order ships to ${addressIds.length} addresses; a Kibo import has one fulfillment contact`)
    }
    shipTo = bundle.shippingAddresses.find((address) => address.id === addressIds[0]) ?? bundle.shippingAddresses[0]
    if (shipTo === undefined) throw new NotMappable('the order ships items but has no shipping address')
  }

  // ---- the order's own figures, exact (four decimals)
  const fees = order.fees ?? []
  const feesExTax = sum(fees.map((fee) => fee.costExTax))
  const feesTax = sum(fees.map((fee) => fee.cost_tax))
  const itemsExTax = sum(products.map((product) => product.total_ex_tax))
  const chargesExTax = money(order.shipping_cost_ex_tax)
    .plus(money(order.handling_cost_ex_tax))
    .plus(money(order.wrapping_cost_ex_tax))
    .plus(feesExTax)
  const chargesTax = money(order.shipping_cost_tax).plus(money(order.handling_cost_tax)).plus(money(order.wrapping_cost_tax)).plus(feesTax)
  const itemTax = money(order.total_tax).minus(chargesTax)
  const discount = itemsExTax.plus(chargesExTax).minus(money(order.total_ex_tax))
  const statedDiscount = money(order.discount_amount).plus(money(order.coupon_discount))
  const unit = money('1').dividedBy(money('10').pow(minorUnits(currency)!))
  const slack = unit.times(products.length + 1)
  const figures = () =>
    `products Σ total_ex_tax ${toDecimalString(itemsExTax)}, shipping/handling/wrapping/fees ex tax ${toDecimalString(chargesExTax)}, ` +
    `total_ex_tax ${order.total_ex_tax}, total_tax ${order.total_tax}, total_inc_tax ${order.total_inc_tax}, ` +
    `discount_amount + coupon_discount ${toDecimalString(statedDiscount)}`
  if (itemTax.lessThan(slack.negated())) {
    throw new NotMappable(`total_tax is less than the tax on shipping, handling, wrapping and fees (${figures()})`)
  }
  if (discount.lessThan(slack.negated())) {
    throw new NotMappable(`the order's ex-tax total is more than its products and charges: an amount is not accounted for (${figures()})`)
  }
  if (discount.greaterThan(statedDiscount.plus(slack))) {
    throw new NotMappable(`the order's ex-tax total is less than its products and charges minus its discounts (${figures()})`)
  }
  if (!money(order.total_ex_tax).plus(money(order.total_tax)).minus(money(order.total_inc_tax)).abs().lessThan(unit)) {
    throw new NotMappable(`total_ex_tax + total_tax is not total_inc_tax (${figures()})`)
  }

  // ---- round each figure once, residue to the total
  const total = roundToMinorUnits(order.total_inc_tax, currency)
  const zeroIfNegative = (value: Decimal) => (value.isNegative() ? money('0') : value)
  const parts = [
    ...products.map((product) => ({ amount: product.total_ex_tax })),
    { amount: zeroIfNegative(itemTax) },
    { amount: zeroIfNegative(discount), subtract: true },
    { amount: order.shipping_cost_ex_tax },
    { amount: order.shipping_cost_tax },
    { amount: money(order.handling_cost_ex_tax).plus(money(order.wrapping_cost_ex_tax)).plus(feesExTax) },
    { amount: money(order.handling_cost_tax).plus(money(order.wrapping_cost_tax)).plus(feesTax) }
  ]
  const rounded = roundPartsToTotal(parts, total, currency)
  if (rounded === undefined) throw new NotMappable(`its amounts do not add up to total_inc_tax even allowing for rounding (${figures()})`)
  const n = products.length
  const linePrices = rounded.slice(0, n)
  const [taxTotal, discountTotal, shippingTotal, shippingTaxTotal, handlingTotal, handlingTaxTotal] = rounded.slice(n)

  // ---- spread the order-level amounts over the lines, in whole minor units
  const taxByProduct = new Map<number, Decimal>()
  for (const tax of bundle.taxes) {
    const productId = tax.order_product_id
    if (productId === undefined || productId === null || (tax.line_item_type !== '' && tax.line_item_type !== 'item')) continue
    taxByProduct.set(productId, (taxByProduct.get(productId) ?? money('0')).plus(money(tax.line_amount)))
  }
  const taxShares = spread(
    taxTotal,
    firstNonZero(
      products.map((product) => taxByProduct.get(product.id) ?? money('0')),
      products.map((product) => money(product.total_tax)),
      linePrices
    ),
    currency
  )
  const discountShares = spread(
    discountTotal,
    firstNonZero(
      products.map((product) => sum((product.applied_discounts ?? []).map((d) => d.amount))),
      linePrices
    ),
    currency
  )
  const shippedWeights = linePrices.map((price, index) => (fulfillments[index].method === 'Ship' ? price : money('0')))
  const shippingShares = spread(shippingTotal, firstNonZero(shippedWeights, linePrices), currency)
  const shippingTaxShares = spread(shippingTaxTotal, firstNonZero(shippedWeights, linePrices), currency)
  const handlingShares = spread(handlingTotal, linePrices, currency)
  const handlingTaxShares = spread(handlingTaxTotal, linePrices, currency)

  const text = (value: Decimal) => toDecimalString(value)
  const items = products.map((product, index) => {
    const unitPrice = unitPriceCovering(linePrices[index], product.quantity, currency)
    const priceRemainder = unitPrice.times(product.quantity).minus(linePrices[index])
    return {
      lineId: String(product.id),
      sku: product.sku !== '' ? product.sku : `bigcommerce-product-${String(product.product_id ?? product.id)}`,
      upc: optional(product.upc),
      name: optional(product.name.slice(0, 255)),
      quantity: product.quantity,
      unitPrice: text(unitPrice),
      discount: text(priceRemainder),
      orderDiscount: text(discountShares[index]),
      tax: text(taxShares[index]),
      shipping: text(shippingShares[index]),
      shippingTax: text(shippingTaxShares[index]),
      handling: text(handlingShares[index]),
      handlingTax: text(handlingTaxShares[index]),
      fulfillment: fulfillments[index]
    }
  })

  // ---- payments
  const notes: Record<string, string> = {}
  const payments: PaymentInput[] = []
  for (const draft of paymentDrafts(bundle.transactions)) {
    const t = draft.transaction
    if (t.currency !== '' && t.currency !== currency) {
      throw new NotMappable(`transaction ${String(t.id)} is in ${t.currency}, the order in ${currency}`)
    }
    for (const amount of [t.amount, draft.capture?.amount]) {
      const problem = amount === undefined ? undefined : checkScale(amount, currency)
      if (problem !== undefined) throw new NotMappable(`transaction ${String(t.id)} amount ${problem}`)
    }
    if (money(t.amount).isZero()) continue
    payments.push(payment(draft, options.gateways[t.gateway] ?? 'noop', placedAt, notes))
  }
  const paid = sum(payments.map((p) => String(p.amount)))
  if (paid.greaterThan(total)) {
    throw new NotMappable(`its transactions add up to ${text(paid)} ${currency}, more than the order total ${text(total)}`)
  }
  if (paid.lessThan(total)) {
    // No transaction for this part (offline methods: cash, cheque, bank deposit, …): a noop payment
    // for the rest, so the payments still add up to the total.
    payments.push({ gateway: 'noop', amount: text(total.minus(paid)), authorizedAt: placedAt })
    notes['bigcommerce.unrecordedPayment'] =
      `${text(total.minus(paid))} ${currency} without a transaction (payment_method ${JSON.stringify(order.payment_method)})`
  }

  const attributes: Record<string, string> = {
    'bigcommerce.storeHash': options.storeHash,
    'bigcommerce.orderId': String(order.id),
    ...(order.payment_method !== '' ? { 'bigcommerce.paymentMethod': order.payment_method.slice(0, 255) } : {}),
    ...(order.customer_id !== undefined && order.customer_id > 0 ? { 'bigcommerce.customerId': String(order.customer_id) } : {}),
    ...Object.fromEntries(
      bundle.coupons.slice(0, 10).map((coupon, index) => [`bigcommerce.coupon.${index}`, `${coupon.code} ${coupon.discount}`])
    ),
    ...Object.fromEntries(Object.entries(notes).slice(0, 30))
  }
  const fulfilled = FULFILLED_STATUSES.includes(order.status_id)
  const email = order.billing_address.email !== '' ? order.billing_address.email : (shipTo?.email ?? '')
  return {
    type: fulfilled ? 'order.completed' : 'order.created',
    id: `bigcommerce-${options.storeHash}-${order.id}`,
    timestamp: placedAt,
    source: 'bigcommerce',
    data: {
      externalId: bigCommerceExternalId(options, order.id),
      placedAt,
      currency,
      ...(fulfilled ? { status: 'Completed' as const } : {}),
      customer:
        email === ''
          ? undefined
          : { email, firstName: optional(order.billing_address.first_name), lastName: optional(order.billing_address.last_name) },
      billTo: contact(order.billing_address, 'billing_address'),
      shipTo: shipTo === undefined ? undefined : contact(shipTo, `shipping address ${shipTo.id}`),
      shippingMethod: shipTo === undefined || shipTo.shipping_method === '' ? undefined : { code: shipTo.shipping_method.slice(0, 255) },
      items,
      total: text(total),
      payments,
      attributes
    }
  }
}

/** For messages: "Awaiting Fulfillment (11)". */
export function describeStatus (statusId: number): string {
  return `${statusName(statusId)} (${statusId})`
}
