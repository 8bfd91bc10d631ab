// The composer: a validated Normalized Order Event v1 in, the Kibo import payload out.
// Pure: no I/O, no clock, no Fastify. Order of work:
//   1. reconcile the totals exactly (422 with a per-line breakdown when they do not add up);
//   2. map the fraud result (422 when Kount declined and declines are refused);
//   3. build the Kibo order: items, payments (one mapper per gateway), billing, fulfillment,
//      and order-level totals derived from the items (never copied from the sender).
import type { Contact, Item, OrderEvent } from '../../schemas/order-event.ts'
import type { KiboBillingInfo, KiboContact, KiboOrder, KiboOrderItem, KiboPayment } from '../../schemas/kibo-order.ts'
import type { Problem } from '../../schemas/problem.ts'
import { mapFraud, type FraudDeclineAction } from './fraud/index.ts'
import { mapPayment, type PaymentContext } from './gateways/index.ts'
import { type Decimal, sum, toKiboNumber } from './money.ts'
import { effectivePrice, lineTotal, reconcileTotals, totalsMismatchProblem, type Reconciliation } from './reconcile.ts'
import { compact, toKiboDate } from './shared.ts'
import { times } from './money.ts'

export type MappingOptions = {
  /** A Kount decline: import it into Pending Review ('review') or refuse it with a 422 ('reject'). */
  fraudDeclineAction: FraudDeclineAction
  /** channelCode when the event has no data.channel. */
  defaultChannelCode?: string
  tenantId?: number
  siteId?: number
}

export type MappingResult = { ok: true; kiboOrder: KiboOrder; reconciliation: Reconciliation } | { ok: false; problem: Problem }

/** Contact → Kibo contact (billingContact / fulfillmentContact). */
export function mapContact (contact: Contact): KiboContact {
  const address = contact.address
  return compact({
    firstName: contact.firstName,
    lastNameOrSurname: contact.lastName,
    email: contact.email,
    companyOrOrganization: contact.company,
    phoneNumbers: contact.phone === undefined || contact.phone === null ? undefined : { home: contact.phone },
    address: compact({
      address1: address.line1,
      address2: address.line2,
      address3: address.line3,
      address4: address.line4,
      cityOrTown: address.city,
      stateOrProvince: address.region,
      postalOrZipCode: address.postalCode,
      countryCode: address.country,
      addressType: address.type
    })
  })
}

/** One event item → one Kibo item; `lineId` is the 1-based position, the sender's id goes to data.externalLineId. */
export function mapItem (item: Item, index: number, currency: string, localeCode?: string): KiboOrderItem {
  const amount = (value: string | null | undefined) => toKiboNumber(value ?? '0', currency)
  const optionalAmount = (value: string | null | undefined) =>
    value === undefined || value === null ? undefined : toKiboNumber(value, currency)
  return compact({
    lineId: index + 1,
    quantity: item.quantity,
    fulfillmentMethod: item.fulfillment.method,
    fulfillmentLocationCode: item.fulfillment.locationCode,
    localeCode,
    product: compact({
      productCode: item.sku,
      variationProductCode: item.variantSku,
      upc: item.upc,
      name: item.name,
      price: compact({
        price: amount(item.unitPrice),
        salePrice: optionalAmount(item.salePrice),
        tenantOverridePrice: optionalAmount(item.overridePrice)
      })
    }),
    discountTotal: amount(item.discount),
    weightedOrderDiscount: amount(item.orderDiscount),
    itemTaxTotal: amount(item.tax),
    shippingTotal: amount(item.shipping),
    shippingTaxTotal: amount(item.shippingTax),
    handlingAmount: amount(item.handling),
    dutyAmount: amount(item.duty),
    weightedOrderHandlingFeeDiscount: amount(item.handlingDiscount),
    weightedOrderHandlingFeeTax: amount(item.handlingTax),
    data: { externalLineId: item.lineId }
  })
}

export type OrderTotals = {
  subtotal: Decimal
  discountTotal: Decimal
  itemTaxTotal: Decimal
  shippingTotal: Decimal
  shippingTaxTotal: Decimal
  handlingTotal: Decimal
  handlingTaxTotal: Decimal
  dutyTotal: Decimal
  taxTotal: Decimal
  total: Decimal
}

/**
 * Kibo order-level totals, each summed over the items (never copied from the sender):
 *   subtotal         = Σ price × quantity        (price = overridePrice ?? salePrice ?? unitPrice)
 *   discountTotal    = Σ discount + orderDiscount + handlingDiscount
 *   itemTaxTotal     = Σ tax
 *   shippingTotal    = Σ shipping
 *   shippingTaxTotal = Σ shippingTax
 *   handlingTotal    = Σ handling                 (before handling discounts, which are in discountTotal)
 *   handlingTaxTotal = Σ handlingTax
 *   dutyTotal        = Σ duty
 *   taxTotal         = itemTaxTotal + shippingTaxTotal + handlingTaxTotal   (duty stays in dutyTotal)
 *   total            = Σ lineTotal (the reconciliation formula)
 * so total = subtotal - discountTotal + taxTotal + shippingTotal + handlingTotal + dutyTotal.
 */
export function deriveOrderTotals (items: readonly Item[]): OrderTotals {
  const itemTaxTotal = sum(items.map((item) => item.tax))
  const shippingTaxTotal = sum(items.map((item) => item.shippingTax))
  const handlingTaxTotal = sum(items.map((item) => item.handlingTax))
  return {
    subtotal: sum(items.map((item) => times(effectivePrice(item), item.quantity))),
    discountTotal: sum(items.flatMap((item) => [item.discount, item.orderDiscount, item.handlingDiscount])),
    itemTaxTotal,
    shippingTotal: sum(items.map((item) => item.shipping)),
    shippingTaxTotal,
    handlingTotal: sum(items.map((item) => item.handling)),
    handlingTaxTotal,
    dutyTotal: sum(items.map((item) => item.duty)),
    taxTotal: sum([itemTaxTotal, shippingTaxTotal, handlingTaxTotal]),
    total: sum(items.map((item) => lineTotal(item)))
  }
}

/** order.completed: Kibo's historical import status ("Canceled" is accepted, Kibo spells it "Cancelled"). */
function historicalStatus (status: string | null | undefined): 'Completed' | 'Cancelled' {
  return status === 'Canceled' || status === 'Cancelled' ? 'Cancelled' : 'Completed'
}

export function mapEventToKiboOrder (event: OrderEvent, options: MappingOptions): MappingResult {
  const order = event.data
  const currency = order.currency

  const reconciliation = reconcileTotals(order)
  if (!reconciliation.ok) return { ok: false, problem: totalsMismatchProblem(reconciliation) }

  const placedAt = toKiboDate(order.placedAt)
  let validationResults: KiboOrder['validationResults']
  if (order.fraud !== undefined && order.fraud !== null) {
    const outcome = mapFraud(order.fraud, { placedAt, declineAction: options.fraudDeclineAction })
    if (!outcome.ok) return { ok: false, problem: outcome.problem }
    validationResults = [outcome.validationResult]
  }

  const billingContact = mapContact(order.billTo)
  const context: PaymentContext = { currency, placedAt, billingContact }
  const payments: KiboPayment[] = (order.payments ?? []).map((payment) => mapPayment(payment, context))
  // Split tender: the order's billingInfo is that of the first card payment (else the first payment).
  const primary = payments.find((payment) => payment.billingInfo.card !== undefined) ?? payments[0]
  const billingInfo: KiboBillingInfo = primary === undefined ? { billingContact } : primary.billingInfo

  const totals = deriveOrderTotals(order.items)
  const number = (value: Decimal) => toKiboNumber(value, currency)
  const historical = event.type === 'order.completed'
  const shipTo = order.shipTo ?? undefined
  const shippingMethod = order.shippingMethod ?? undefined
  const attributes = order.attributes ?? undefined

  const kiboOrder: KiboOrder = compact({
    isImport: true as const,
    isHistoricalImport: historical ? (true as const) : undefined,
    type: 'Offline' as const,
    status: historical ? historicalStatus(order.status) : undefined,
    externalId: order.externalId,
    tenantId: options.tenantId,
    siteId: options.siteId,
    channelCode: order.channel ?? options.defaultChannelCode,
    currencyCode: currency,
    submittedDate: placedAt,
    customerAccountId: order.customer?.accountId,
    // The schema guarantees one of the two (an order email is required).
    email: (order.customer?.email ?? order.billTo.email)!,
    items: order.items.map((item, index) => mapItem(item, index, currency, order.locale ?? undefined)),
    billingInfo,
    payments,
    fulfillmentInfo: compact({
      fulfillmentContact: shipTo === undefined ? undefined : mapContact(shipTo),
      shippingMethodCode: shippingMethod?.code,
      shippingMethodName: shippingMethod?.name
    }),
    validationResults,
    data: attributes === undefined ? undefined : { attributes: { ...attributes } },
    subtotal: number(totals.subtotal),
    discountTotal: number(totals.discountTotal),
    itemTaxTotal: number(totals.itemTaxTotal),
    shippingTotal: number(totals.shippingTotal),
    shippingTaxTotal: number(totals.shippingTaxTotal),
    handlingTotal: number(totals.handlingTotal),
    handlingTaxTotal: number(totals.handlingTaxTotal),
    dutyTotal: number(totals.dutyTotal),
    taxTotal: number(totals.taxTotal),
    total: number(totals.total)
  })
  return { ok: true, kiboOrder, reconciliation }
}
