// The translated Create Order API's documented rules that need more than one field, checked
// on a built request before it is sent, so the caller gets a precise 422 instead of a late
// Kibo refusal. Each rule quotes the guide it comes from (Kibo's "Create Order" guide for translated APIs, the
// translated Create Order guide). Pure; amounts are compared through money.ts only.
import {
  CARD_ISSUERS,
  NO_OPERATION_SUBTYPES,
  PAYMENT_TYPES,
  TRANSLATED_CURRENCIES,
  TRANSLATED_LOCALES,
  type AvailabilityCode,
  type TranslatedCreateOrderRequest,
  type TranslatedOrderItem
} from '../../../schemas/translated-order.ts'
import { exceedsPercent, percentOf, sum, times } from '../money.ts'
import { GIFT_CARD_TYPES, NULL_MAX_AMOUNT_TYPES } from './payments.ts'

export type RuleName =
  | 'currency'
  | 'locale'
  | 'availability-split'
  | 'us-tax-rate'
  | 'force-item-tax-override'
  | 'shipping-carrier'
  | 'shipping-read-only'
  | 'payment-type'
  | 'card-issuer'
  | 'card-number'
  | 'no-operation'
  | 'max-amount'

export type RuleViolation = { rule: RuleName; path: string; message: string }

/** Money in the request is a JSON number already at the currency's scale; read it back exactly. */
const amount = (value: number | null | undefined): string => (value === undefined || value === null ? '0' : String(value))

// ---------------------------------------------------------------- currency, locale

const currencies: ReadonlySet<string> = new Set(TRANSLATED_CURRENCIES)

/** "The full list of ISO codes supported by Unified Commerce is provided below." (162 codes) */
export function isTranslatedCurrency (code: string): boolean {
  return currencies.has(code)
}

/** The guide's IETF code for a tag, matched case-insensitively ("en-us" → "en-US"), or undefined. */
export function translatedLocale (tag: string): (typeof TRANSLATED_LOCALES)[number] | undefined {
  return TRANSLATED_LOCALES.find((code) => code.toLowerCase() === tag.toLowerCase())
}

// ---------------------------------------------------------------- availability

/**
 * Availabilities that must be ordered on their own (Create Order guide, "there are some limitations on
 * how products can be combined in an order"):
 * - P: "The Create Order API doesn't accept orders that mix preorder products and
 *   non-preorder products. These products need to be separated into several payloads at
 *   checkout with separate externalOrderIDs"
 * - D: "Products with availability 'D' cannot be combined with normal items in a cart. These
 *   products must be split at the cart or checkout level into their own orders with distinct
 *   externalOrderIDs"
 * - J: "If an order has products with availability 'J' and normal products, then the order
 *   must be split into two orders."
 * - I: "Digital Content products that are bought in conjunction with products of another
 *   availability must be split into a separate order"
 * Every other code (Y, N, L, M, S, G, V, F) may share an order.
 */
export const SEPARATE_ORDER_AVAILABILITIES: readonly AvailabilityCode[] = ['P', 'D', 'J', 'I']
export const AVAILABILITY_NAMES: Readonly<Record<AvailabilityCode, string>> = {
  Y: 'Yes',
  N: 'No',
  L: 'Limited',
  M: 'Manufacturer Ship Only',
  J: 'Split to Merchant',
  P: 'Preorder',
  D: 'Discontinued',
  I: 'Digital Content',
  S: 'Ship to Store Only',
  G: 'Gift Card (Digital)',
  V: 'Service',
  F: 'Gift Card (Physical)'
}

/** A group of lines that may share one order: 'standard' or one of P, D, J, I. */
export type AvailabilityGroup = 'standard' | 'P' | 'D' | 'J' | 'I'
const GROUP_ORDER: readonly AvailabilityGroup[] = ['standard', 'P', 'D', 'J', 'I']

export function availabilityGroup (code: AvailabilityCode): AvailabilityGroup {
  return (SEPARATE_ORDER_AVAILABILITIES as readonly string[]).includes(code) ? (code as AvailabilityGroup) : 'standard'
}

/** Item indexes per group, groups in a fixed order (standard, P, D, J, I), empty ones left out. */
export function groupByAvailability (availabilities: readonly AvailabilityCode[]): { group: AvailabilityGroup; indexes: number[] }[] {
  const groups = new Map<AvailabilityGroup, number[]>()
  availabilities.forEach((code, index) => {
    const group = availabilityGroup(code)
    groups.set(group, [...(groups.get(group) ?? []), index])
  })
  return GROUP_ORDER.filter((group) => groups.has(group)).map((group) => ({ group, indexes: groups.get(group)! }))
}

function lineName (item: TranslatedOrderItem, index: number): string {
  const id = item.itemSpecifics.externalItemID
  return id === undefined || id === null
    ? `orderItems[${index}] (${item.product.partNumber})`
    : `line ${JSON.stringify(id)} (${item.product.partNumber})`
}

function checkAvailabilitySplit (request: TranslatedCreateOrderRequest): RuleViolation[] {
  const groups = groupByAvailability(request.orderItems.map((item) => item.product.availability))
  if (groups.length < 2) return []
  const violations: RuleViolation[] = []
  for (const { group, indexes } of groups) {
    if (group === 'standard') continue
    const others = groups.filter((g) => g.group !== group).flatMap((g) => g.indexes)
    for (const index of indexes) {
      violations.push({
        rule: 'availability-split',
        path: `orderItems[${index}].product.availability`,
        message: `${lineName(request.orderItems[index], index)} has availability ${group} (${AVAILABILITY_NAMES[group]}), which ` +
          `must be sent as a separate order from ${others.map((i) => lineName(request.orderItems[i], i)).join(', ')}`
      })
    }
  }
  return violations
}

// ---------------------------------------------------------------- tax

/**
 * "In the case of US orders, the tax rate must be no higher than 20.1% for both individual
 * line items and the overall order total. If even a single item has a rate greater than 20.1%
 * then the order creation will fail with a validation error – even if the total order rate
 * comes out to be under 20.1%."
 * Read here as: the order ships to countryCode US; a line's rate is itemTaxOverride ÷
 * (actualPrice × quantity) (the guide's own sample: tax 1 on 5 × 1.00 = 20%); the order's rate
 * is Σ itemTaxOverride ÷ Σ (actualPrice × quantity). Shipping and shipping tax are left out.
 */
export const US_MAX_TAX_RATE_PERCENT = '20.1'

export function isUsOrder (request: Pick<TranslatedCreateOrderRequest, 'shippingAddress'>): boolean {
  return request.shippingAddress.countryCode === 'US'
}

function checkUsTaxRate (request: TranslatedCreateOrderRequest): RuleViolation[] {
  if (!isUsOrder(request)) return []
  const violations: RuleViolation[] = []
  const bases = request.orderItems.map((item) => times(amount(item.itemSpecifics.actualPrice), item.itemSpecifics.quantity))
  const taxes = request.orderItems.map((item) => amount(item.itemSpecifics.itemTaxOverride))
  request.orderItems.forEach((item, index) => {
    if (exceedsPercent(taxes[index], bases[index], US_MAX_TAX_RATE_PERCENT)) {
      const rate = percentOf(taxes[index], bases[index])
      violations.push({
        rule: 'us-tax-rate',
        path: `orderItems[${index}].itemSpecifics.itemTaxOverride`,
        message: `${lineName(item, index)}: tax ${taxes[index]} on ${bases[index].toFixed()} is ` +
          `${rate === undefined ? 'an unbounded rate (tax on a zero amount)' : `${rate.toDecimalPlaces(3).toFixed()}%`}; ` +
          `US orders allow at most ${US_MAX_TAX_RATE_PERCENT}% per line`
      })
    }
  })
  const taxTotal = sum(taxes)
  const baseTotal = sum(bases)
  if (exceedsPercent(taxTotal, baseTotal, US_MAX_TAX_RATE_PERCENT)) {
    const rate = percentOf(taxTotal, baseTotal)
    violations.push({
      rule: 'us-tax-rate',
      path: 'orderItems',
      message: `the order's item tax ${taxTotal.toFixed()} on ${baseTotal.toFixed()} is ` +
        `${rate === undefined ? 'an unbounded rate' : `${rate.toDecimalPlaces(3).toFixed()}%`}; ` +
        `US orders allow at most ${US_MAX_TAX_RATE_PERCENT}% overall`
    })
  }
  return violations
}

/** forceItemTaxOverride: "force the orderItem -> itemSpecifics -> itemTaxOverride to be required". */
function checkForcedTaxOverride (request: TranslatedCreateOrderRequest): RuleViolation[] {
  if (request.forceItemTaxOverride !== true) return []
  return request.orderItems.flatMap((item, index) =>
    item.itemSpecifics.itemTaxOverride === undefined || item.itemSpecifics.itemTaxOverride === null
      ? [
          {
            rule: 'force-item-tax-override' as const,
            path: `orderItems[${index}].itemSpecifics.itemTaxOverride`,
            message: 'is required because forceItemTaxOverride is true'
          }
        ]
      : []
  )
}

// ---------------------------------------------------------------- shipping method

/**
 * "all three of these values must be used together in order to successfully submit the
 * request. Providing only one or two values will result in a Bad Request error." and "'name',
 * 'price' and 'description' ... are read-only fields ... Attempting to manually set these
 * fields will result in invalid input errors."
 */
function checkShippingMethod (request: TranslatedCreateOrderRequest): RuleViolation[] {
  const method = request.shippingMethod as Record<string, unknown>
  const violations: RuleViolation[] = []
  const given = ['carrier', 'carrierType', 'serviceType'].filter((key) => method[key] !== undefined && method[key] !== null)
  if (given.length > 0 && given.length < 3) {
    violations.push({
      rule: 'shipping-carrier',
      path: 'shippingMethod',
      message: `carrier, carrierType and serviceType must be given together; only ${given.join(', ')} given`
    })
  }
  for (const key of ['name', 'price', 'description']) {
    if (method[key] !== undefined && method[key] !== null) {
      violations.push({
        rule: 'shipping-read-only',
        path: `shippingMethod.${key}`,
        message: `${key} is read-only (populated by OMS) and must not be set`
      })
    }
  }
  return violations
}

// ---------------------------------------------------------------- payments

const paymentTypes: ReadonlySet<string> = new Set(PAYMENT_TYPES)
const cardIssuers: ReadonlySet<string> = new Set(CARD_ISSUERS)
/** "CL Clutch (use GC as the gift card type)", "SV SVS (use GC ...)", "VL ValueLink (use GC ...)". */
const GC_ONLY_ISSUERS: ReadonlySet<string> = new Set(['CL', 'SV', 'VL'])

function checkPayments (request: TranslatedCreateOrderRequest): RuleViolation[] {
  const violations: RuleViolation[] = []
  const count = request.orderPayments.length
  request.orderPayments.forEach((payment, index) => {
    const path = `orderPayments[${index}]`
    const method = payment.paymentMethod
    const type = method.paymentType
    if (!paymentTypes.has(type)) {
      violations.push({
        rule: 'payment-type',
        path: `${path}.paymentMethod.paymentType`,
        message: `${JSON.stringify(type)} is not one of the payment type codes ${PAYMENT_TYPES.join(', ')}`
      })
    }
    const issuer = method.cardIssuer
    if (issuer !== undefined && issuer !== null) {
      if (!cardIssuers.has(issuer)) {
        violations.push({
          rule: 'card-issuer',
          path: `${path}.paymentMethod.cardIssuer`,
          message: `${JSON.stringify(issuer)} is not one of the card issuer codes ${CARD_ISSUERS.join(', ')}`
        })
      } else if (GC_ONLY_ISSUERS.has(issuer) && type !== 'GC') {
        violations.push({
          rule: 'card-issuer',
          path: `${path}.paymentMethod.cardIssuer`,
          message: `card issuer ${issuer} is a gift card issuer: "use GC as the gift card type" (paymentType is ${type})`
        })
      }
    }
    // "Note that both a cardNumber and ccLastFour parameter is included here - you can include either one alone"
    if (type === 'CC' && !present(method.cardNumber) && !present(method.ccLastFour)) {
      violations.push({
        rule: 'card-number',
        path: `${path}.paymentMethod`,
        message: 'a credit card (CC) payment needs cardNumber or ccLastFour'
      })
    }
    if (type === 'NO') {
      // "If using a no-operation payment, note that the cardNumber field must still be populated"
      if (!present(method.cardNumber)) {
        violations.push({
          rule: 'no-operation',
          path: `${path}.paymentMethod.cardNumber`,
          message: 'a no-operation (NO) payment must still have cardNumber populated (a bogus number is allowed)'
        })
      }
      const subtype = method.noOperationType
      const supported = present(subtype) ? NO_OPERATION_SUBTYPES[subtype] : undefined
      if (supported !== undefined && supported !== '*' && !supported.includes(request.currency)) {
        violations.push({
          rule: 'no-operation',
          path: `${path}.paymentMethod.noOperationType`,
          message: `no-operation subtype ${subtype} supports ${supported.join(', ')} only, not ${request.currency}`
        })
      }
    }
    const max = payment.maxAmount
    // "The maxAmount parameter can be set to null, -1, or a positive number."
    if (max !== undefined && max !== null && max !== -1 && !(max > 0)) {
      violations.push({ rule: 'max-amount', path: `${path}.maxAmount`, message: 'must be null, -1 or a positive number' })
    } else if (GIFT_CARD_TYPES.has(type) && !(typeof max === 'number' && max > 0)) {
      // "or if the payment is a gift card (in which case, maxAmount should be the available balance)"
      violations.push({
        rule: 'max-amount',
        path: `${path}.maxAmount`,
        message: `a gift card (${type}) payment needs a positive maxAmount: its available balance`
      })
    } else if (NULL_MAX_AMOUNT_TYPES.has(type) && max === -1) {
      // "Both null and -1 specify that there is no maximum amount; null should be used particularly for the payment types
      // TK, LV, VO, CC, CS, NO, TD, PZ, PL, NG, and ST."
      violations.push({ rule: 'max-amount', path: `${path}.maxAmount`, message: `use null, not -1, for "no maximum" on a ${type} payment` })
    } else if (NULL_MAX_AMOUNT_TYPES.has(type) && count === 1 && typeof max === 'number' && max > 0) {
      // "Use a positive value if there are multiple payment methods and some of them should be limited"
      violations.push({
        rule: 'max-amount',
        path: `${path}.maxAmount`,
        message: `a ${type} payment that is the order's only payment takes null (no maximum); a positive maxAmount is for ` +
          'limiting one of several payments'
      })
    }
  })
  return violations
}

function present (value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value !== ''
}

// ---------------------------------------------------------------- all together

/** Every rule above, on one built request; an empty list means it may be sent. */
export function checkTranslatedOrder (request: TranslatedCreateOrderRequest): RuleViolation[] {
  const violations: RuleViolation[] = []
  if (!isTranslatedCurrency(request.currency)) {
    violations.push({
      rule: 'currency',
      path: 'currency',
      message: `${request.currency} is not one of the 162 currencies Kibo lists for this API`
    })
  }
  if (translatedLocale(request.locale) !== request.locale) {
    violations.push({
      rule: 'locale',
      path: 'locale',
      message: `${request.locale} is not one of the IETF codes Kibo lists: ${TRANSLATED_LOCALES.join(', ')}`
    })
  }
  violations.push(
    ...checkAvailabilitySplit(request),
    ...checkForcedTaxOverride(request),
    ...checkUsTaxRate(request),
    ...checkShippingMethod(request),
    ...checkPayments(request)
  )
  return violations
}
