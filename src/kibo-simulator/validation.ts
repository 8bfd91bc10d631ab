// The simulator's referee: checks an order import the way Kibo does (and a little stricter
// where Kibo's documented rules leave room), independently of the service's mapping code.
// Rules come from Kibo's OMS import guide: isImport, billingInfo on the order and on each
// payment, an Authorization/Authorized interaction, tokenized cards, the supported item-level
// pricing fields whose sum must equal the order total, validationResults, historical imports.
import { createRequire } from 'node:module'
import { Decimal as DecimalBase } from 'decimal.js'

// Enough precision that no sum or product of accepted amounts is ever rounded.
const Decimal = DecimalBase.clone({ precision: 60, toExpNeg: -100, toExpPos: 100 })
// eslint-disable-next-line @typescript-eslint/no-redeclare -- the type of the values the Decimal constructor makes, named like it
type Decimal = InstanceType<typeof Decimal>
const currencyCodes = createRequire(import.meta.url)('currency-codes') as typeof import('currency-codes')

/** ISO 4217 codes with minor unit "N.A." (metals, funds, test codes): not order currencies. */
const noMinorUnit = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX'])

export interface ValidationProblem {
  path: string
  message: string
}

export class OrderValidationError extends Error {
  readonly problems: ValidationProblem[]
  readonly details: Record<string, string>
  constructor (problems: ValidationProblem[], details: Record<string, string> = {}) {
    super(problems[0]?.message ?? 'Validation error')
    this.name = 'OrderValidationError'
    this.problems = problems
    this.details = details
  }
}

export const TOTALS_MISMATCH_MESSAGE = 'The order totals do not match the sum of the item totals.'

export const fulfillmentMethods = ['Ship', 'Pickup', 'Digital', 'Delivery'] as const
export const validationStatuses = ['Pass', 'Review', 'Fail', 'Error'] as const
export const historicalStatuses = ['Completed', 'Cancelled'] as const

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0

/** ISO 4217 minor units (not Intl's display digits). */
export function minorUnits (currencyCode: string): number | undefined {
  if (noMinorUnit.has(currencyCode)) return undefined
  return currencyCodes.code(currencyCode)?.digits
}

/** A 13-19 digit string starting with a card-network digit that passes Luhn: a real PAN. */
export function looksLikePan (value: string): boolean {
  if (!/^[2-6][0-9]{12,18}$/.test(value)) return false
  let sum = 0
  for (let i = 0; i < value.length; i++) {
    let digit = value.charCodeAt(value.length - 1 - i) - 48
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

class Checker {
  readonly problems: ValidationProblem[] = []
  readonly digits: number
  constructor (digits: number) {
    this.digits = digits
  }

  fail (path: string, message: string): void {
    this.problems.push({ path, message })
  }

  /** A money amount: a finite JSON number, >= 0 unless allowed, within the currency's minor units. */
  money (value: unknown, path: string, required = false): Decimal {
    if (value === undefined || value === null) {
      if (required) this.fail(path, `${path} is required.`)
      return new Decimal(0)
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, `${path} must be a number.`)
      return new Decimal(0)
    }
    const amount = new Decimal(value)
    if (amount.isNegative()) this.fail(path, `${path} must not be negative.`)
    if (amount.decimalPlaces() > this.digits) {
      this.fail(path, `${path} has more decimal places than the currency allows (${this.digits}).`)
    }
    return amount
  }
}

function checkContact (c: Checker, contact: unknown, path: string, needAddress: boolean): void {
  if (!isObject(contact)) {
    c.fail(path, `${path} is required.`)
    return
  }
  if (!isText(contact.email) && !isText(contact.firstName) && !isText(contact.lastNameOrSurname)) {
    c.fail(path, `${path} must name the contact (email or name).`)
  }
  const address = contact.address
  if (address === undefined || address === null) {
    if (needAddress) c.fail(`${path}.address`, `${path}.address is required.`)
    return
  }
  if (!isObject(address)) {
    c.fail(`${path}.address`, `${path}.address must be an object.`)
    return
  }
  for (const field of ['address1', 'cityOrTown', 'countryCode'] as const) {
    if (!isText(address[field])) c.fail(`${path}.address.${field}`, `${path}.address.${field} is required.`)
  }
  if (address.countryCode !== undefined && !/^[A-Z]{2}$/.test(String(address.countryCode))) {
    c.fail(`${path}.address.countryCode`, `${path}.address.countryCode must be an ISO 3166-1 alpha-2 code.`)
  }
}

function checkCard (c: Checker, card: unknown, path: string): void {
  if (card === undefined || card === null) return
  if (!isObject(card)) {
    c.fail(path, `${path} must be an object.`)
    return
  }
  if (card.isTokenized !== true) c.fail(`${path}.isTokenized`, 'Imported cards must be tokenized (card.isTokenized=true).')
  if (!isText(card.cardNumberPartOrMask)) {
    c.fail(`${path}.cardNumberPartOrMask`, `${path}.cardNumberPartOrMask must hold the gateway token.`)
  } else if (looksLikePan(card.cardNumberPartOrMask.replace(/[ -]/g, ''))) {
    // Never echo the number back.
    c.fail(`${path}.cardNumberPartOrMask`, 'cardNumberPartOrMask must be a gateway token, not a card number.')
  }
  if (card.ccLastFour !== undefined && card.ccLastFour !== null && !/^[0-9]{4}$/.test(String(card.ccLastFour))) {
    c.fail(`${path}.ccLastFour`, `${path}.ccLastFour must be 4 digits.`)
  }
}

function checkBillingInfo (c: Checker, billingInfo: unknown, path: string): void {
  if (!isObject(billingInfo)) {
    c.fail(path, `${path} is required: the billing contact must be set on the order and on every payment.`)
    return
  }
  checkContact(c, billingInfo.billingContact, `${path}.billingContact`, false)
  checkCard(c, billingInfo.card, `${path}.card`)
}

export interface ValidatedImport {
  /** The status the imported order gets. */
  status: string
}

/**
 * Validates an order import. Throws OrderValidationError (all problems found, the first one
 * being Kibo's message) or returns what the simulator needs to store the order.
 */
export function validateImportOrder (order: unknown): ValidatedImport {
  if (!isObject(order)) throw new OrderValidationError([{ path: '', message: 'The request body must be an order object.' }])

  const currency = order.currencyCode
  const digits = typeof currency === 'string' ? minorUnits(currency) : undefined
  const c = new Checker(digits ?? 2)
  if (digits === undefined) c.fail('currencyCode', 'currencyCode must be an ISO 4217 currency code.')

  if (order.isImport !== true) c.fail('isImport', 'isImport must be true for an order import.')
  if (!isText(order.externalId)) c.fail('externalId', 'externalId is required for an imported order.')
  else if (order.externalId.length > 100) c.fail('externalId', 'externalId must be at most 100 characters.')
  if (!isText(order.email)) c.fail('email', 'email is required.')
  if (order.customerAccountId !== undefined && order.customerAccountId !== null && !Number.isInteger(order.customerAccountId)) {
    c.fail('customerAccountId', 'customerAccountId must be an integer.')
  }
  checkBillingInfo(c, order.billingInfo, 'billingInfo')

  // Items and the per-line arithmetic.
  const items = order.items
  let lineSum = new Decimal(0)
  const sums = {
    subtotal: new Decimal(0),
    itemTaxTotal: new Decimal(0),
    shippingTotal: new Decimal(0),
    shippingTaxTotal: new Decimal(0),
    handlingTotal: new Decimal(0),
    dutyTotal: new Decimal(0)
  }
  let anyShip = false
  if (!Array.isArray(items) || items.length === 0) {
    c.fail('items', 'An order must have at least one item.')
  } else {
    items.forEach((item: unknown, index) => {
      const p = `items[${index}]`
      if (!isObject(item)) {
        c.fail(p, `${p} must be an object.`)
        return
      }
      const product = isObject(item.product) ? item.product : undefined
      if (product === undefined) c.fail(`${p}.product`, `${p}.product is required.`)
      if (!isText(product?.productCode)) c.fail(`${p}.product.productCode`, `${p}.product.productCode is required.`)
      const quantity = item.quantity
      if (!(typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1)) {
        c.fail(`${p}.quantity`, `${p}.quantity must be a whole number of at least 1.`)
      }
      const price = isObject(product?.price) ? product.price : undefined
      if (price === undefined) c.fail(`${p}.product.price`, `${p}.product.price is required.`)
      const listPrice = c.money(price?.price, `${p}.product.price.price`, true)
      const salePrice = price?.salePrice ?? null
      const overridePrice = price?.tenantOverridePrice ?? null
      const unit =
        overridePrice !== null
          ? c.money(overridePrice, `${p}.product.price.tenantOverridePrice`)
          : salePrice !== null
            ? c.money(salePrice, `${p}.product.price.salePrice`)
            : listPrice
      if (overridePrice !== null && salePrice !== null) c.money(salePrice, `${p}.product.price.salePrice`)
      const qty = new Decimal(typeof quantity === 'number' && Number.isFinite(quantity) ? quantity : 0)
      const extended = unit.times(qty)
      const f = (field: string) => c.money(item[field], `${p}.${field}`)
      const discountTotal = f('discountTotal')
      const weightedOrderDiscount = f('weightedOrderDiscount')
      const itemTaxTotal = f('itemTaxTotal')
      const shippingTotal = f('shippingTotal')
      const shippingTaxTotal = f('shippingTaxTotal')
      const handlingAmount = f('handlingAmount')
      const dutyAmount = f('dutyAmount')
      const handlingFeeTax = f('weightedOrderHandlingFeeTax')
      const handlingFeeDiscount = f('weightedOrderHandlingFeeDiscount')
      const lineTotal = extended
        .minus(discountTotal)
        .minus(weightedOrderDiscount)
        .plus(itemTaxTotal)
        .plus(shippingTotal)
        .plus(shippingTaxTotal)
        .plus(handlingAmount)
        .plus(dutyAmount)
        .plus(handlingFeeTax)
        .minus(handlingFeeDiscount)
      if (lineTotal.isNegative()) c.fail(p, `${p} has a negative line total (${lineTotal.toFixed()}).`)
      lineSum = lineSum.plus(lineTotal)
      sums.subtotal = sums.subtotal.plus(extended)
      sums.itemTaxTotal = sums.itemTaxTotal.plus(itemTaxTotal)
      sums.shippingTotal = sums.shippingTotal.plus(shippingTotal)
      sums.shippingTaxTotal = sums.shippingTaxTotal.plus(shippingTaxTotal)
      sums.handlingTotal = sums.handlingTotal.plus(handlingAmount)
      sums.dutyTotal = sums.dutyTotal.plus(dutyAmount)

      const method = item.fulfillmentMethod
      if (!fulfillmentMethods.includes(method as (typeof fulfillmentMethods)[number])) {
        c.fail(`${p}.fulfillmentMethod`, `${p}.fulfillmentMethod must be one of ${fulfillmentMethods.join(', ')}.`)
      }
      if (method === 'Pickup' && !isText(item.fulfillmentLocationCode)) {
        c.fail(`${p}.fulfillmentLocationCode`, `${p}.fulfillmentLocationCode is required for a Pickup item.`)
      }
      if (method === 'Ship') anyShip = true
    })
  }

  if (anyShip) {
    const info = order.fulfillmentInfo
    if (!isObject(info)) c.fail('fulfillmentInfo', 'fulfillmentInfo with a fulfillment contact is required when an item ships.')
    else checkContact(c, info.fulfillmentContact, 'fulfillmentInfo.fulfillmentContact', true)
  }

  const total = c.money(order.total, 'total', true)
  const details: Record<string, string> = {}
  if (Array.isArray(items) && items.length > 0 && !lineSum.equals(total)) {
    details.total = total.toFixed()
    details.sumOfItemTotals = lineSum.toFixed()
    c.problems.unshift({ path: 'total', message: TOTALS_MISMATCH_MESSAGE })
  }
  for (const [field, sum] of Object.entries(sums)) {
    const stated = order[field]
    if (stated === undefined || stated === null) continue
    const amount = c.money(stated, field)
    if (!amount.equals(sum)) {
      c.fail(field, `${field} (${amount.toFixed()}) does not match the sum of the item fields (${sum.toFixed()}).`)
    }
  }

  // Payments.
  const payments = order.payments
  if (payments !== undefined && payments !== null) {
    if (!Array.isArray(payments)) c.fail('payments', 'payments must be a list.')
    else if (payments.length > 0) {
      let requested = new Decimal(0)
      payments.forEach((payment: unknown, index) => {
        const p = `payments[${index}]`
        if (!isObject(payment)) {
          c.fail(p, `${p} must be an object.`)
          return
        }
        if (!isText(payment.paymentType)) c.fail(`${p}.paymentType`, `${p}.paymentType is required.`)
        checkBillingInfo(c, payment.billingInfo, `${p}.billingInfo`)
        requested = requested.plus(c.money(payment.amountRequested, `${p}.amountRequested`, true))
        const interactions = payment.interactions
        if (!Array.isArray(interactions)) {
          c.fail(`${p}.interactions`, `${p}.interactions must include the Authorization interaction.`)
        } else {
          interactions.forEach((interaction: unknown, i) => {
            if (isObject(interaction)) c.money(interaction.amount, `${p}.interactions[${i}].amount`)
          })
          const authorized = interactions.some(
            (interaction: unknown) =>
              isObject(interaction) && interaction.interactionType === 'Authorization' && interaction.status === 'Authorized'
          )
          if (!authorized) {
            c.fail(
              `${p}.interactions`,
              `${p}.interactions must include an interaction with interactionType "Authorization" and status "Authorized".`
            )
          }
        }
      })
      if (!requested.equals(total)) {
        details.amountRequested = requested.toFixed()
        c.fail(
          'payments',
          `The sum of the payments' amountRequested (${requested.toFixed()}) does not match the order total (${total.toFixed()}).`
        )
      }
    }
  }

  // Fraud / validator results.
  let review = false
  const results = order.validationResults
  if (results !== undefined && results !== null) {
    if (!Array.isArray(results)) c.fail('validationResults', 'validationResults must be a list.')
    else {
      results.forEach((result: unknown, index) => {
        const p = `validationResults[${index}]`
        if (!isObject(result)) {
          c.fail(p, `${p} must be an object.`)
          return
        }
        checkValidationResultInto(c, result, p)
        if (result.status === 'Review' || result.status === 'Fail') review = true
      })
    }
  }

  // Historical imports keep their final status; others get one from Kibo.
  let status = review ? 'PendingReview' : 'Accepted'
  if (order.isHistoricalImport === true) {
    if (!historicalStatuses.includes(order.status as (typeof historicalStatuses)[number])) {
      c.fail('status', 'A historical import (isHistoricalImport=true) must have status Completed or Cancelled.')
    }
    status = String(order.status)
  } else if (
    order.status !== undefined &&
    order.status !== null &&
    historicalStatuses.includes(order.status as (typeof historicalStatuses)[number])
  ) {
    c.fail('status', `status ${String(order.status)} requires isHistoricalImport=true.`)
  }

  if (c.problems.length > 0) throw new OrderValidationError(c.problems, details)
  return { status }
}

function checkValidationResultInto (c: Checker, result: Json, p: string): void {
  if (!validationStatuses.includes(result.status as (typeof validationStatuses)[number])) {
    c.fail(`${p}.status`, `${p}.status must be one of ${validationStatuses.join(', ')}.`)
  }
  if (!isText(result.validationId)) c.fail(`${p}.validationId`, `${p}.validationId is required.`)
  if (!isText(result.createdDate) || Number.isNaN(Date.parse(result.createdDate))) {
    c.fail(`${p}.createdDate`, `${p}.createdDate is required (a date-time).`)
  }
}

/** For PUT .../validationresults: one result. */
export function validateValidationResult (result: unknown): void {
  const c = new Checker(2)
  if (!isObject(result)) throw new OrderValidationError([{ path: '', message: 'The request body must be a validation result.' }])
  checkValidationResultInto(c, result, 'validationResult')
  if (c.problems.length > 0) throw new OrderValidationError(c.problems)
}
