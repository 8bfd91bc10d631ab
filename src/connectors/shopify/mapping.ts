// Shopify order → Normalized Order Event v1, exactly, in the store's chosen currency. Pure: no I/O,
// no clock. Shopify's own amounts are taken as they are (never recomputed: US/CA per-line tax
// rounding and Markets FX cannot be reproduced), and the result must reconcile to the cent with
// Shopify's current total; otherwise it is refused with a problem naming the Shopify fields.
//
//   unitPrice   line_items[].price_set                 (originalUnitPriceSet)
//   discount    Σ line_items[].discount_allocations    (order-level codes are allocated there)
//   tax         Σ line_items[].tax_lines               (0 when taxes_included: prices contain it)
//   shipping    Σ shipping_lines[].discounted_price_set, allocated over the shipped lines by
//   shippingTax Σ shipping_lines[].tax_lines            largest remainder in minor units
//   total       current_total_price_set
//   payments    successful AUTHORIZATION / SALE transactions (a SALE or a captured authorization
//               is collected), gateway by the store's table, else noop with the Shopify ids recorded
import type { ShopifyStoreConfig } from '../../config/config.ts'
import { MAX_ORDER_ITEMS, OrderEventSchema, type OrderEvent } from '../../../schemas/order-event.ts'
import { ProblemTypes, problemType, type Problem } from '../../../schemas/problem.ts'
import { reconcileTotals } from '../../mapping/reconcile.ts'
import { allocateLargestRemainder, checkScale, Decimal, money, moneyText, sum, times } from '../../mapping/money.ts'
import {
  legacyId,
  type ShopifyAddress,
  type ShopifyMoneyBag,
  type ShopifyOrder,
  type ShopifyTaxLine,
  type ShopifyTransaction
} from './order.ts'

export type ShopifyMappingOptions = Pick<
  ShopifyStoreConfig,
  'shopDomain' | 'currency' | 'externalId' | 'externalIdPrefix' | 'gateways'
>

export type ShopifyMappingResult =
  | { ok: true; externalId: string; event: OrderEvent; notes: string[] }
  | { ok: false; externalId: string; problem: Problem }

/** A field of Shopify's order that made the mapping fail, named as the REST payload names it. */
interface FieldIssue {
  path: string
  message: string
}

class NotMappable extends Error {
  readonly issues: FieldIssue[]
  constructor (issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '))
    this.issues = issues
  }
}

const ATTRIBUTE_LIMIT = 50
const OURS = 8 // attributes the mapping adds itself (shopify.*)

/** The order's externalId as the store configures it (prefix + name | order_number | id). */
export function shopifyExternalId (
  order: Pick<ShopifyOrder, 'name' | 'orderNumber' | 'legacyResourceId'>,
  options: ShopifyMappingOptions
): string {
  let base: string
  switch (options.externalId) {
    case 'id':
      base = order.legacyResourceId
      break
    case 'order_number': {
      // GraphQL has no order_number: it is the number in `name` ("#1001" → 1001) unless the REST payload gave it.
      const digits = order.name.match(/\d+/g)
      base = order.orderNumber != null ? String(order.orderNumber) : digits !== null && digits.length === 1 ? digits[0] : order.name
      break
    }
    default:
      base = order.name
  }
  return `${options.externalIdPrefix}${base}`
}

function chosen (set: ShopifyMoneyBag, options: ShopifyMappingOptions) {
  return options.currency === 'shop' ? set.shopMoney : set.presentmentMoney
}

function taxSum (lines: readonly ShopifyTaxLine[], options: ShopifyMappingOptions): Decimal {
  return sum(lines.map((line) => chosen(line.priceSet, options).amount))
}

function contactOf (
  address: ShopifyAddress | null,
  where: 'billing_address' | 'shipping_address',
  order: ShopifyOrder,
  issues: FieldIssue[]
) {
  if (address === null) return null
  const firstName = address.firstName ?? order.customer?.firstName ?? null
  const lastName = address.lastName ?? order.customer?.lastName ?? firstName
  const missing: Array<[unknown, string]> = [
    [firstName ?? lastName, 'first_name'],
    [lastName, 'last_name'],
    [address.address1, 'address1'],
    [address.city, 'city'],
    [address.countryCodeV2, 'country_code']
  ]
  const absent = missing.filter(([value]) => value === null || value === undefined || value === '')
  if (absent.length > 0) {
    for (const [, field] of absent) issues.push({ path: `${where}.${field}`, message: 'is empty; Kibo needs it for the contact' })
    return null
  }
  return {
    firstName: (firstName ?? lastName)!.slice(0, 255),
    lastName: lastName!.slice(0, 255),
    email: order.email ?? order.customer?.email ?? null,
    phone: address.phone ?? null,
    company: address.company ?? null,
    address: {
      line1: address.address1!.slice(0, 255),
      line2: address.address2 ?? null,
      city: address.city!.slice(0, 255),
      region: address.provinceCode ?? address.province ?? null,
      postalCode: address.zip ?? null,
      country: address.countryCodeV2!.toUpperCase()
    }
  }
}

interface MappedPayment {
  payment: Record<string, unknown>
  note: string
}

/** Successful authorizations and sales, each with what was captured of it. */
function paymentsOf (order: ShopifyOrder, options: ShopifyMappingOptions, currency: string): MappedPayment[] {
  const ok = (tx: ShopifyTransaction) => tx.status === 'SUCCESS'
  const captures = order.transactions.filter((tx) => ok(tx) && tx.kind === 'CAPTURE')
  return order.transactions
    .filter((tx) => ok(tx) && (tx.kind === 'AUTHORIZATION' || tx.kind === 'SALE'))
    .map((tx) => {
      const amount = moneyText(chosen(tx.amountSet, options).amount)
      const at = tx.processedAt ?? tx.createdAt ?? null
      let capture: Record<string, unknown> | null = null
      if (tx.kind === 'SALE') {
        capture = { transactionId: legacyId(tx.id), amount, capturedAt: at ?? order.processedAt ?? order.createdAt }
      } else {
        const own = captures.filter((c) => c.parentTransaction?.id === tx.id)
        if (own.length > 0) {
          const last = own[own.length - 1]
          capture = {
            transactionId: legacyId(last.id),
            amount: moneyText(sum(own.map((c) => chosen(c.amountSet, options).amount))),
            capturedAt: last.processedAt ?? last.createdAt ?? order.processedAt ?? order.createdAt
          }
        }
      }
      const shopifyGateway = tx.gateway ?? 'unknown'
      const wanted = options.gateways[shopifyGateway]
      // Shopify's transaction carries no cybersource request token, Authorize.net customer profile or
      // PayPal payer id: those gateways' required fields cannot be filled, so the payment is noop with
      // the Shopify ids recorded (a paid order is never refused for that).
      const reason =
        wanted === undefined
          ? 'unmapped gateway'
          : wanted === 'noop'
            ? 'mapped to noop'
            : `${wanted} needs fields Shopify's transaction does not carry`
      const card = tx.paymentDetails?.number ? /(\d{4})\s*$/.exec(tx.paymentDetails.number)?.[1] : undefined
      return {
        payment: {
          gateway: 'noop',
          amount,
          authorizedAt: at,
          transactionId: legacyId(tx.id),
          capture
        },
        note:
          `gateway=${shopifyGateway};transaction=${legacyId(tx.id)};kind=${tx.kind};${currency}=${amount};` +
          `noop:${reason}${tx.authorizationCode ? `;authorization=${tx.authorizationCode}` : ''}` +
          `${tx.paymentDetails?.company ? `;brand=${tx.paymentDetails.company}` : ''}${card ? `;last4=${card}` : ''}`
      }
    })
}

function problemFor (externalId: string, issues: FieldIssue[], detail: string, extra: Partial<Problem> = {}): ShopifyMappingResult {
  return {
    ok: false,
    externalId,
    problem: {
      type: problemType('shopify-order-not-mappable'),
      title: 'The Shopify order cannot be mapped exactly',
      status: 422,
      detail,
      errors: issues,
      ...extra
    }
  }
}

/** The Shopify order as a Normalized Order Event v1 (validated and reconciled), or why not. */
export function mapShopifyOrder (order: ShopifyOrder, options: ShopifyMappingOptions): ShopifyMappingResult {
  const externalId = shopifyExternalId(order, options)
  try {
    return mapOrThrow(order, options, externalId)
  } catch (error) {
    if (!(error instanceof NotMappable)) throw error
    return problemFor(externalId, error.issues, `Shopify order ${order.name} (${order.legacyResourceId}): ${error.message}`)
  }
}

function mapOrThrow (order: ShopifyOrder, options: ShopifyMappingOptions, externalId: string): ShopifyMappingResult {
  const issues: FieldIssue[] = []
  const currency = options.currency === 'shop' ? order.currencyCode : order.presentmentCurrencyCode
  const currencyField = options.currency === 'shop' ? 'currency' : 'presentment_currency'
  if (externalId.length > 100) issues.push({ path: 'name', message: `externalId ${externalId} is longer than 100 characters` })

  // Every amount read must be in the chosen currency and exact at its minor units.
  const read = (set: ShopifyMoneyBag, path: string): string => {
    const value = chosen(set, options)
    if (value.currencyCode !== currency) {
      issues.push({ path, message: `is in ${value.currencyCode}, not the order's ${currencyField} ${currency}` })
    }
    const scaleProblem = checkScale(value.amount, currency)
    if (scaleProblem !== undefined) issues.push({ path, message: scaleProblem })
    return value.amount
  }

  // Pickup: the lines of fulfillment orders whose delivery method is PICK_UP, at their assigned location.
  const pickupAt = new Map<string, string>()
  for (const fulfillmentOrder of order.fulfillmentOrders) {
    if (fulfillmentOrder.deliveryMethod?.methodType !== 'PICK_UP') continue
    const location = fulfillmentOrder.assignedLocation?.location?.legacyResourceId ?? fulfillmentOrder.assignedLocation?.name ?? null
    if (location === null) {
      issues.push({ path: 'fulfillment_orders.assigned_location', message: 'a PICK_UP fulfillment order has no location' })
      continue
    }
    for (const line of fulfillmentOrder.lineItems) pickupAt.set(line.lineItem.id, location)
  }

  const lines = order.lineItems.filter((line) => line.quantity > 0)
  if (lines.length === 0) issues.push({ path: 'line_items', message: 'has no line with a quantity' })
  if (order.moreLineItemsThan !== undefined) {
    issues.push({
      path: 'line_items',
      message: `has more than ${order.moreLineItemsThan} lines; the connector reads at most ${order.moreLineItemsThan} lines of an order`
    })
  } else if (lines.length > MAX_ORDER_ITEMS) {
    issues.push({ path: 'line_items', message: `has ${lines.length} lines; an event carries at most ${MAX_ORDER_ITEMS}` })
  }

  const items = lines.map((line, index) => {
    const path = `line_items[${index}]`
    const sku = line.sku ?? line.variant?.legacyResourceId ?? null
    if (sku === null) issues.push({ path: `${path}.sku`, message: 'is empty and the line has no variant_id to fall back on' })
    const unitPrice = read(line.originalUnitPriceSet, `${path}.price_set`)
    const discount = sum(
      line.discountAllocations.map((allocation, n) => read(allocation.allocatedAmountSet, `${path}.discount_allocations[${n}].amount_set`))
    )
    line.taxLines.forEach((tax, n) => read(tax.priceSet, `${path}.tax_lines[${n}].price_set`))
    const tax = order.taxesIncluded ? new Decimal(0) : taxSum(line.taxLines, options)
    const pickup = pickupAt.get(line.id)
    const method: 'Ship' | 'Pickup' | 'Digital' = pickup !== undefined ? 'Pickup' : line.requiresShipping ? 'Ship' : 'Digital'
    return {
      lineId: legacyId(line.id),
      sku: (sku ?? 'unknown').slice(0, 255),
      name: line.name?.slice(0, 255) ?? null,
      quantity: line.quantity,
      unitPrice: moneyText(unitPrice),
      discount: discount.isZero() ? null : moneyText(discount),
      tax: tax.isZero() ? null : moneyText(tax),
      shipping: null as string | null,
      shippingTax: null as string | null,
      fulfillment: { method, locationCode: pickup ?? null },
      net: times(unitPrice, line.quantity).minus(discount)
    }
  })

  // Order-level shipping, exactly, over the shipped lines (all lines when none ships).
  const shippingLines = order.shippingLines.filter((line) => line.isRemoved !== true)
  const shipping = sum(shippingLines.map((line, n) => read(line.discountedPriceSet, `shipping_lines[${n}].discounted_price_set`)))
  shippingLines.forEach((line, n) =>
    line.taxLines.forEach((tax, m) => read(tax.priceSet, `shipping_lines[${n}].tax_lines[${m}].price_set`))
  )
  const shippingTax = order.taxesIncluded ? new Decimal(0) : sum(shippingLines.map((line) => taxSum(line.taxLines, options)))
  const shipped = items.filter((item) => item.fulfillment.method === 'Ship')
  const carriers = shipped.length > 0 ? shipped : items
  if (issues.length > 0) throw new NotMappable(issues)
  if (carriers.length > 0 && (!shipping.isZero() || !shippingTax.isZero())) {
    const weights = carriers.map((item) => Decimal.max(item.net, 0))
    const shares = allocateLargestRemainder(shipping, weights, currency)
    const taxShares = allocateLargestRemainder(shippingTax, weights, currency)
    if (shares === undefined || taxShares === undefined) {
      throw new NotMappable([{ path: 'shipping_lines', message: `cannot be split in whole ${currency} minor units` }])
    }
    carriers.forEach((item, index) => {
      item.shipping = shares[index].isZero() ? null : moneyText(shares[index])
      item.shippingTax = taxShares[index].isZero() ? null : moneyText(taxShares[index])
    })
  }

  const total = read(order.currentTotalPriceSet, 'current_total_price_set')
  const billingField = order.billingAddress ? 'billing_address' : 'shipping_address'
  const billTo = contactOf(order.billingAddress ?? order.shippingAddress, billingField, order, issues)
  if (billTo === null && issues.length === 0) issues.push({ path: 'billing_address', message: 'is missing (and so is shipping_address)' })
  const shipTo = shipped.length > 0 ? contactOf(order.shippingAddress, 'shipping_address', order, issues) : null
  if (shipped.length > 0 && shipTo === null && order.shippingAddress === null) {
    issues.push({ path: 'shipping_address', message: 'is missing but lines require shipping' })
  }
  const email = order.email ?? order.customer?.email ?? null
  if (email === null) issues.push({ path: 'email', message: 'is empty (and so is customer.email); Kibo needs an order email' })
  if (issues.length > 0) throw new NotMappable(issues)

  const payments = paymentsOf(order, options, currency)
  if (!money(total).isZero() && payments.length === 0) {
    throw new NotMappable([
      { path: 'transactions', message: `no successful AUTHORIZATION or SALE, but current_total_price_set is ${total} ${currency}` }
    ])
  }
  const shippingMethod = shippingLines[0]
  const attributes: Record<string, string> = {}
  for (const attribute of order.customAttributes.slice(0, ATTRIBUTE_LIMIT - OURS - payments.length)) {
    if (attribute.key === '') continue
    attributes[attribute.key.slice(0, 255)] = (attribute.value ?? '').slice(0, 255)
  }
  attributes['shopify.shop'] = options.shopDomain
  attributes['shopify.orderId'] = order.legacyResourceId
  attributes['shopify.name'] = order.name.slice(0, 255)
  attributes['shopify.currency'] = `${options.currency}:${currency}`
  if (order.taxesIncluded) {
    attributes['shopify.taxesIncluded'] = `prices include ${moneyText(sum([
      ...lines.map((line) => taxSum(line.taxLines, options)),
      ...shippingLines.map((line) => taxSum(line.taxLines, options))
    ]))} ${currency} tax`
  }
  payments.forEach((payment, index) => {
    attributes[`shopify.payment.${index + 1}`] = payment.note.slice(0, 255)
  })
  const placedAt = order.processedAt ?? order.createdAt
  const locale = order.customerLocale && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(order.customerLocale) ? order.customerLocale : null
  const customer = order.customer ?? null
  const candidate = {
    type: 'order.created',
    id: order.id,
    timestamp: placedAt,
    source: 'shopify',
    data: {
      externalId,
      placedAt,
      currency,
      locale,
      customer: {
        email,
        firstName: customer?.firstName ?? billTo!.firstName,
        lastName: customer?.lastName ?? billTo!.lastName,
        phone: customer?.phone ?? order.phone ?? null
      },
      billTo: billTo!,
      shipTo,
      shippingMethod: shippingMethod
        ? {
            code: (shippingMethod.code ?? shippingMethod.title ?? 'shipping').slice(0, 255),
            name: shippingMethod.title?.slice(0, 255) ?? null
          }
        : null,
      items: items.map(({ net: _net, ...item }) => item),
      total: moneyText(total),
      payments: payments.map((payment) => payment.payment),
      attributes
    }
  }
  const parsed = OrderEventSchema.safeParse(candidate)
  if (!parsed.success) {
    return problemFor(
      externalId,
      parsed.error.issues.map((issue) => ({ path: `event.${issue.path.join('.')}`, message: issue.message })),
      `Shopify order ${order.name}: the mapped event is not a valid Normalized Order Event: ${parsed.error.issues[0]?.message ?? ''}`,
      { type: ProblemTypes.invalidRequest }
    )
  }
  const reconciliation = reconcileTotals(parsed.data.data)
  if (!reconciliation.ok) {
    const sentences: string[] = []
    const errors: FieldIssue[] = []
    if (reconciliation.mismatches.includes('lines')) {
      const message =
        `line_items (price_set × quantity − discount_allocations${order.taxesIncluded ? '' : ' + tax_lines'}) + shipping_lines ` +
        `(discounted_price_set${order.taxesIncluded ? '' : ' + tax_lines'}) sum to ${reconciliation.lineSum} ${currency} ` +
        `but current_total_price_set is ${reconciliation.total} ${currency}`
      sentences.push(message)
      errors.push({ path: 'current_total_price_set', message })
    }
    if (reconciliation.mismatches.includes('payments')) {
      const message =
        `successful AUTHORIZATION/SALE transactions sum to ${reconciliation.paymentSum ?? '0'} ${currency} ` +
        `but current_total_price_set is ${reconciliation.total} ${currency}`
      sentences.push(message)
      errors.push({ path: 'transactions[].amount_set', message })
    }
    return problemFor(
      externalId,
      errors,
      `Shopify order ${order.name} (${order.legacyResourceId}) does not add up in Shopify's own data: ${sentences.join('; ')}.`,
      { type: ProblemTypes.totalsMismatch, reconciliation: { ...reconciliation, ok: false } as Problem['reconciliation'] }
    )
  }
  return { ok: true, externalId, event: parsed.data, notes: payments.map((payment) => payment.note) }
}
