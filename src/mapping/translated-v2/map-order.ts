// The translated-v2 composer: a validated Normalized Order Event v1 (plus the optional
// `data.translated` extension) and the tenant's target options in, the request(s) for Kibo's
// translated Create Order API out. Pure: no I/O, no clock. Order of work:
//   1. the extension is re-checked, totals reconcile exactly, Kount declines may refuse;
//   2. what the API cannot carry is refused (handling, duty, address line4, captures,
//      discounts that do not divide into a unit price), never silently dropped;
//   3. currency, locale, customerIP, customer phone and the shipping method are resolved;
//   4. lines are grouped by availability: mixing groups is a 422 naming the lines, unless
//      splitting was asked for (extension `splitByAvailability` or the target option), then
//      one request per group, payments allocated to the groups in order;
//   5. each request is checked against the schema and rules.ts before it is returned.
import type { Contact, Gateway, Item, OrderEvent } from '../../../schemas/order-event.ts'
import {
  TranslatedCreateOrderRequestSchema,
  type AvailabilityCode,
  type PaymentTypeCode,
  type TranslatedAddress,
  type TranslatedAuthorizeRequest,
  type TranslatedAuthorizeResponse,
  type TranslatedCreateOrderRequest,
  type TranslatedCustomer,
  type TranslatedLocale,
  type TranslatedOrderItem,
  type TranslatedShippingMethod
} from '../../../schemas/translated-order.ts'
import { ProblemTypes, problemType, type Problem } from '../../../schemas/problem.ts'
import { kountVerdict, mapFraud, type FraudDeclineAction } from '../fraud/index.ts'
import { allocateInOrder, difference, exactUnitPrice, money, sum, times, toKiboNumber, type Decimal } from '../money.ts'
import { effectivePrice, lineTotal, reconcileTotals, totalsMismatchProblem, type Reconciliation } from '../reconcile.ts'
import { compact, toKiboDate } from '../shared.ts'
import { TranslatedExtensionSchema, type TranslatedExtension, type TranslatedOrderEvent } from './extension.ts'
import { mapPaymentMethod, mapTranslatedPayment, maxAmountFor, type TranslatedPaymentContext } from './payments.ts'
import {
  AVAILABILITY_NAMES,
  checkTranslatedOrder,
  groupByAvailability,
  isTranslatedCurrency,
  translatedLocale,
  type AvailabilityGroup,
  type RuleViolation
} from './rules.ts'

/** A shipping method of the tenant, by the event's shippingMethod.code. */
export type TranslatedShippingMethodOption = {
  shippingType?: string
  shippingClass?: string
  deliveryMethod?: string
  /** carrier, carrierType and serviceType: all three or none (the API answers 400 otherwise). */
  carrier?: string
  carrierType?: string
  serviceType?: string
}

/** Per-tenant configuration of the translated-v2 target. */
export type TranslatedTargetOptions = {
  manufacturerId: number
  catalogId: number
  /** product.availability of a line the extension says nothing about. */
  defaultAvailability: AvailabilityCode
  /** By event shippingMethod.code. */
  shippingMethods: Readonly<Record<string, TranslatedShippingMethodOption>>
  /** For events without a shippingMethod (all-pickup or all-digital orders); else such an event is a 422. */
  defaultShippingMethod?: TranslatedShippingMethodOption
  /** Availability by SKU (variantSku ?? sku), between the extension and defaultAvailability. */
  availabilityBySku?: Readonly<Record<string, AvailabilityCode>>
  /** When the event has no locale. Default "en-US" (the API's default). */
  defaultLocale?: TranslatedLocale
  /** When the event has no data.translated.customerIP (historical feeds). The seed warns a wrong IP hinders fraud review. */
  defaultCustomerIP?: string
  /** sendEmail when the event does not say. Default true (the API's default). */
  sendEmail?: boolean
  /** allowSplit ("allowed to be split into multiple shipments"). Default false. */
  allowSplitShipments?: boolean
  /** Split mixed-availability orders instead of refusing them. Default false. */
  splitByAvailability?: boolean
  /** Payment type code per gateway (defaults in payments.ts). */
  paymentTypes?: Partial<Record<Gateway, PaymentTypeCode>>
  /** No-operation subtype for NO payments. Default KI. */
  noOperationType?: string
  /** Send the Kount result as fraudData ('kount', default) or not ('omit'). */
  fraudData?: 'kount' | 'omit'
  fraudDeclineAction: FraudDeclineAction
}

/** One order of a split: its availability group, the event lineIds it carries, its request. */
export type TranslatedChildOrder = { group: AvailabilityGroup; lineIds: string[]; request: TranslatedCreateOrderRequest }

export type TranslatedMappingResult =
  | { ok: true; split: false; request: TranslatedCreateOrderRequest; reconciliation: Reconciliation }
  | { ok: true; split: true; orders: TranslatedChildOrder[]; reconciliation: Reconciliation }
  | { ok: false; problem: Problem }

export const TranslatedProblemTypes = {
  /** 422: lines of availabilities that must be separate orders, and splitting was not asked for. */
  splitRequired: problemType('translated-split-required'),
  /** 422: the event carries something the translated API cannot express. */
  unsupported: problemType('translated-unsupported'),
  /** 422: a field the translated API requires has no source (event, extension or target option). */
  missingField: problemType('translated-missing-field'),
  /** 422: the built request breaks one of the API's documented rules. */
  ruleViolation: problemType('translated-rule-violation')
} as const

type ErrorEntry = { path: string; message: string }

function problem (
  type: string,
  title: string,
  detail: string,
  errors: ErrorEntry[],
  extra: Record<string, unknown> = {}
): { ok: false; problem: Problem } {
  return { ok: false, problem: { type, title, status: 422, detail, errors, ...extra } }
}

// ---------------------------------------------------------------- parts

/** Contact → translated address; billing addresses are `active: true`, shipping ones `false`, as in the guide's sample. */
export function mapTranslatedAddress (contact: Contact, role: 'billing' | 'shipping'): TranslatedAddress {
  const address = contact.address
  return compact({
    firstName: contact.firstName,
    lastName: contact.lastName,
    company: contact.company,
    addressLine1: address.line1,
    addressLine2: address.line2,
    addressLine3: address.line3,
    phone: contact.phone,
    city: address.city,
    postalCode: address.postalCode,
    state: address.region,
    countryCode: address.country,
    fraudLock: false,
    active: role === 'billing'
  }) as TranslatedAddress
}

export function mapTranslatedShippingMethod (option: TranslatedShippingMethodOption): TranslatedShippingMethod {
  return compact({ ...option }) as TranslatedShippingMethod
}

/** The unit price actually paid: (price × quantity − discount − orderDiscount) ÷ quantity, when exact. */
export function actualUnitPrice (item: Item, currency: string): string | undefined {
  const paid = difference(times(effectivePrice(item), item.quantity), sum([item.discount, item.orderDiscount]))
  if (paid.isNegative()) return undefined
  return exactUnitPrice(paid, item.quantity, currency)
}

export function lineAvailability (
  item: Item,
  extension: TranslatedExtension | null | undefined,
  options: TranslatedTargetOptions
): AvailabilityCode {
  return (
    extension?.lines?.[item.lineId]?.availability ?? options.availabilityBySku?.[item.variantSku ?? item.sku] ?? options.defaultAvailability
  )
}

export function mapTranslatedItem (
  item: Item,
  currency: string,
  availability: AvailabilityCode,
  extension: TranslatedExtension | null | undefined
): TranslatedOrderItem {
  const line = extension?.lines?.[item.lineId]
  const number = (value: string) => toKiboNumber(value, currency)
  const optional = (value: string | null | undefined) => (value === undefined || value === null ? undefined : number(value))
  const actual = actualUnitPrice(item, currency)
  if (actual === undefined) throw new RangeError(`line ${item.lineId} has no exact unit price`)
  return {
    product: compact({
      partNumber: item.variantSku ?? item.sku,
      availability,
      name: item.name,
      retailPrice: number(item.unitPrice),
      averageDealerMargin: line?.averageDealerMargin,
      upc: item.upc
    }) as TranslatedOrderItem['product'],
    itemSpecifics: compact({
      externalItemID: item.lineId,
      actualPrice: number(actual),
      quantity: item.quantity,
      shipping: optional(item.shipping),
      shippingTax: optional(item.shippingTax),
      // Tax is pre-calculated by the storefront: always sent, and forceItemTaxOverride is set.
      itemTaxOverride: number(item.tax ?? '0'),
      customItemData: line?.customItemData,
      options: line?.options
    }) as TranslatedOrderItem['itemSpecifics']
  }
}

/** Kount → one fraudData entry. The guides point to "the schema" for its shape; this one is unverified. */
export function mapTranslatedFraudData (event: OrderEvent): Record<string, unknown>[] | undefined {
  const fraud = event.data.fraud
  if (fraud === undefined || fraud === null) return undefined
  return [
    compact({
      provider: 'Kount',
      transactionID: fraud.transactionId,
      decision: fraud.decision,
      status: kountVerdict(fraud.decision).status,
      score: fraud.score,
      omniscore: fraud.omniscore,
      reasonCode: fraud.reasonCode,
      checkedAt: toKiboDate(fraud.checkedAt ?? event.data.placedAt)
    })
  ]
}

/**
 * The translated customer: names from data.customer, else billTo; email from data.customer,
 * else billTo (the event schema guarantees one); phone1 from customer, billTo, then shipTo.
 * Undefined when there is no phone at all (the API requires phone1).
 */
export function mapTranslatedCustomer (
  order: OrderEvent['data'],
  extension: TranslatedExtension | null | undefined
): TranslatedCustomer | undefined {
  const phone1 = order.customer?.phone ?? order.billTo.phone ?? order.shipTo?.phone
  if (phone1 === undefined || phone1 === null) return undefined
  return compact({
    firstName: order.customer?.firstName ?? order.billTo.firstName,
    lastName: order.customer?.lastName ?? order.billTo.lastName,
    email: (order.customer?.email ?? order.billTo.email)!,
    phone1,
    phone2: extension?.phone2
  }) as TranslatedCustomer
}

function violationsProblem (violations: RuleViolation[], prefix = ''): { ok: false; problem: Problem } {
  return problem(
    TranslatedProblemTypes.ruleViolation,
    "The order breaks a rule of Kibo's translated Create Order API",
    violations.map((v) => v.message).join('; '),
    violations.map((v) => ({ path: `${prefix}${v.path}`, message: `[${v.rule}] ${v.message}` }))
  )
}

// ---------------------------------------------------------------- composer

export function mapEventToTranslatedOrder (
  event: OrderEvent | TranslatedOrderEvent,
  options: TranslatedTargetOptions
): TranslatedMappingResult {
  const order = event.data
  const currency = order.currency

  // 1. extension, totals, fraud
  const parsedExtension = TranslatedExtensionSchema.nullish().safeParse((order as { translated?: unknown }).translated)
  if (!parsedExtension.success) {
    return {
      ok: false,
      problem: {
        type: ProblemTypes.invalidRequest,
        title: 'Invalid request',
        status: 400,
        detail: 'data.translated does not match the translated-v2 extension',
        errors: parsedExtension.error.issues.map((issue) => ({
          path: ['data', 'translated', ...issue.path].join('.'),
          message: issue.message
        }))
      }
    }
  }
  const extension = parsedExtension.data
  const reconciliation = reconcileTotals(order)
  if (!reconciliation.ok) return { ok: false, problem: totalsMismatchProblem(reconciliation) }
  if (order.fraud !== undefined && order.fraud !== null) {
    const outcome = mapFraud(order.fraud, { placedAt: toKiboDate(order.placedAt), declineAction: options.fraudDeclineAction })
    if (!outcome.ok) return { ok: false, problem: outcome.problem }
  }

  // 2. what the API cannot carry
  const unsupported: ErrorEntry[] = []
  if (event.type === 'order.completed') {
    // The translated API has no historical-import flag or status: a completed order sent to it
    // would be fulfilled again.
    unsupported.push({
      path: 'type',
      message:
        'order.completed (a historical import) cannot be sent to the translated Create Order API, which has no historical or ' +
          'status field; it would enter fulfillment'
    })
  }
  order.items.forEach((item, index) => {
    for (const field of ['handling', 'duty', 'handlingTax', 'handlingDiscount'] as const) {
      if (!money(item[field]).isZero()) {
        unsupported.push({
          path: `data.items[${index}].${field}`,
          message: `the translated Create Order API has no ${field} field; this line's ${field} cannot be sent`
        })
      }
    }
    if (actualUnitPrice(item, currency) === undefined) {
      unsupported.push({
        path: `data.items[${index}].discount`,
        message: `line ${JSON.stringify(item.lineId)}: the discounted line amount does not divide into an exact ${currency} ` +
          `unit price (actualPrice) for quantity ${item.quantity}`
      })
    }
  })
  for (const [name, contact] of [
    ['billTo', order.billTo],
    ['shipTo', order.shipTo]
  ] as const) {
    if (contact?.address.line4 !== undefined && contact?.address.line4 !== null) {
      unsupported.push({ path: `data.${name}.address.line4`, message: 'the translated API has addressLine1-3 only' })
    }
  }
  ;(order.payments ?? []).forEach((payment, index) => {
    if (payment.capture !== undefined && payment.capture !== null) {
      unsupported.push({
        path: `data.payments[${index}].capture`,
        message:
          'the translated Create Order API documents no capture fields; sending the payment as authorized only could capture it twice'
      })
    }
  })
  if (unsupported.length > 0) {
    return problem(
      TranslatedProblemTypes.unsupported,
      "The order cannot be expressed in Kibo's translated Create Order API",
      unsupported.map((e) => e.message).join('; '),
      unsupported
    )
  }

  // 3. order-level values
  if (!isTranslatedCurrency(currency)) {
    return violationsProblem(
      [
        {
          rule: 'currency',
          path: 'currency',
          message: `${currency} is not one of the 162 currencies Kibo lists for the translated Create Order API`
        }
      ],
      'data.'
    )
  }
  const locale = order.locale === undefined || order.locale === null ? (options.defaultLocale ?? 'en-US') : translatedLocale(order.locale)
  if (locale === undefined) {
    return violationsProblem(
      [
        {
          rule: 'locale',
          path: 'locale',
          message: `${order.locale} is not one of the IETF codes Kibo lists for the translated Create Order API`
        }
      ],
      'data.'
    )
  }
  const missing: ErrorEntry[] = []
  const customerIP = extension?.customerIP ?? options.defaultCustomerIP
  if (customerIP === undefined) {
    missing.push({
      path: 'data.translated.customerIP',
      message: "customerIP is required: the shopper's external IP address (the target has no defaultCustomerIP)"
    })
  }
  const customer = mapTranslatedCustomer(order, extension)
  if (customer === undefined) {
    missing.push({ path: 'data.customer.phone', message: 'customer.phone1 is required: give data.customer.phone (or billTo.phone)' })
  }
  let shippingOption: TranslatedShippingMethodOption | undefined
  if (order.shippingMethod === undefined || order.shippingMethod === null) {
    shippingOption = options.defaultShippingMethod
    if (shippingOption === undefined) {
      missing.push({
        path: 'data.shippingMethod',
        message: 'shippingMethod is required by the translated API and the target has no defaultShippingMethod'
      })
    }
  } else {
    shippingOption = options.shippingMethods[order.shippingMethod.code]
    if (shippingOption === undefined) {
      missing.push({
        path: 'data.shippingMethod.code',
        message: `shipping method ${JSON.stringify(order.shippingMethod.code)} is not configured for this tenant (known: ` +
          `${Object.keys(options.shippingMethods).join(', ') || 'none'})`
      })
    }
  }
  if (missing.length > 0 || shippingOption === undefined || customerIP === undefined || customer === undefined) {
    return problem(
      TranslatedProblemTypes.missingField,
      'A field the translated Create Order API requires has no value',
      missing.map((e) => e.message).join('; '),
      missing
    )
  }

  const billingAddress = mapTranslatedAddress(order.billTo, 'billing')
  // Pickup-only and digital-only orders have no shipTo; the API requires a shippingAddress.
  const shippingAddress = mapTranslatedAddress(order.shipTo ?? order.billTo, 'shipping')
  const paymentContext: TranslatedPaymentContext = compact({
    currency,
    billingAddress,
    paymentTypes: options.paymentTypes,
    noOperationType: options.noOperationType
  }) as TranslatedPaymentContext

  // 4. lines and groups
  const availabilities = order.items.map((item) => lineAvailability(item, extension, options))
  const items = order.items.map((item, index) => mapTranslatedItem(item, currency, availabilities[index], extension))
  const groups = groupByAvailability(availabilities)
  const split = groups.length > 1
  if (split && extension?.splitByAvailability !== true && options.splitByAvailability !== true) {
    return splitRequiredProblem(order.items, availabilities, groups)
  }

  const payments = order.payments ?? []
  const lineTotals = order.items.map((item) => lineTotal(item))
  const groupTotals = groups.map((g) => sum(g.indexes.map((i) => lineTotals[i])))
  const allocation =
    payments.length === 0
      ? groups.map(() => [] as Decimal[])
      : allocateInOrder(
        payments.map((p) => p.amount),
        groupTotals
      )
  if (allocation === undefined) throw new RangeError('payments do not cover the order after reconciliation')

  const requests = groups.map(({ group, indexes }, groupIndex) => {
    const shares = payments.map((payment, p) => ({ payment, share: allocation[groupIndex][p] })).filter(({ share }) => share.greaterThan(0))
    const orderPayments = shares.map(({ payment, share }, index) => {
      const type = mapPaymentMethod(payment, paymentContext).paymentMethod.paymentType
      return mapTranslatedPayment(payment, paymentContext, share, maxAmountFor(type, index, shares.length, share))
    })
    const attributes = order.attributes ?? undefined
    const request: TranslatedCreateOrderRequest = compact({
      externalOrderID: group === 'standard' || !split ? order.externalId : `${order.externalId}-${group}`,
      manufacturerID: options.manufacturerId,
      catalogID: options.catalogId,
      locale,
      currency,
      customer,
      orderItems: indexes.map((i) => items[i]),
      shippingMethod: mapTranslatedShippingMethod(shippingOption),
      shippingAddress,
      orderPayments,
      customerIP,
      sendEmail: extension?.sendEmail ?? options.sendEmail ?? true,
      cartID: extension?.cartId,
      orderGift: extension?.orderGift === undefined || extension.orderGift === null ? undefined : compact({ ...extension.orderGift }),
      forceItemTaxOverride: true,
      orderComment: extension?.orderComment,
      optInRetailer: extension?.optInRetailer,
      landingCode: extension?.landingCode,
      customOrderData: attributes === undefined ? undefined : { ...attributes },
      fraudData: options.fraudData === 'omit' ? undefined : mapTranslatedFraudData(event),
      allowSplit: options.allowSplitShipments ?? false,
      isTestOrder: extension?.isTestOrder,
      channel: order.channel
    }) as TranslatedCreateOrderRequest
    return { group, lineIds: indexes.map((i) => order.items[i].lineId), request }
  })

  // 5. schema and rules on what would be sent
  for (const [index, { request }] of requests.entries()) {
    const prefix = split ? `orders[${index}].` : ''
    if (request.externalOrderID.length > 100) {
      return violationsProblem(
        [
          {
            rule: 'availability-split',
            path: 'externalOrderID',
            message: `the split order id ${request.externalOrderID} is longer than 100 characters`
          }
        ],
        prefix
      )
    }
    const violations = checkTranslatedOrder(request)
    if (violations.length > 0) return violationsProblem(violations, prefix)
    const parsed = TranslatedCreateOrderRequestSchema.safeParse(request)
    if (!parsed.success) {
      return problem(
        TranslatedProblemTypes.ruleViolation,
        "The order does not fit Kibo's translated Create Order request",
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        parsed.error.issues.map((issue) => ({ path: `${prefix}${issue.path.join('.')}`, message: issue.message }))
      )
    }
  }
  if (!split) return { ok: true, split: false, request: requests[0].request, reconciliation }
  return { ok: true, split: true, orders: requests, reconciliation }
}

function splitRequiredProblem (
  items: readonly Item[],
  availabilities: readonly AvailabilityCode[],
  groups: { group: AvailabilityGroup; indexes: number[] }[]
): { ok: false; problem: Problem } {
  const describe = (indexes: number[]) => indexes.map((i) => JSON.stringify(items[i].lineId)).join(', ')
  const errors: ErrorEntry[] = []
  const sentences: string[] = []
  for (const { group, indexes } of groups) {
    if (group === 'standard') continue
    const others = groups.filter((g) => g.group !== group).flatMap((g) => g.indexes)
    sentences.push(
      `line${indexes.length === 1 ? '' : 's'} ${describe(indexes)} (${AVAILABILITY_NAMES[group]}, ${group}) must be a separate ` +
        `order from line${others.length === 1 ? '' : 's'} ${describe(others)}`
    )
    for (const index of indexes) {
      errors.push({
        path: `data.items[${index}]`,
        message: `lineId ${JSON.stringify(items[index].lineId)} (sku ${items[index].sku}) has availability ` +
          `${availabilities[index]} (${AVAILABILITY_NAMES[availabilities[index]]}), ` +
          `which Kibo's translated Create Order API refuses to mix with lines ${describe(others)}`
      })
    }
  }
  return problem(
    TranslatedProblemTypes.splitRequired,
    'The order must be split by availability',
    `${sentences.join('; ')}. Send them as separate orders, or set data.translated.splitByAvailability to true to have them split.`,
    errors,
    { groups: groups.map(({ group, indexes }) => ({ availability: group, lineIds: indexes.map((i) => items[i].lineId) })) }
  )
}

// ---------------------------------------------------------------- authorize

/**
 * The Create Order Authorize request for one payment of the event (Create Order Authorize guide): the cart id is
 * data.translated.cartId ?? externalId, the amount that payment's amount. "This call does not
 * support split orders ... each of the resulting orders must have a separate authorization
 * request": for a split, call it once per child with `{ externalCartID, amount }` overrides.
 */
export function buildTranslatedAuthorizeRequest (
  event: OrderEvent | TranslatedOrderEvent,
  options: TranslatedTargetOptions,
  choice: { paymentIndex?: number; externalCartID?: string; amount?: string } = {}
): { ok: true; request: TranslatedAuthorizeRequest } | { ok: false; problem: Problem } {
  const order = event.data
  const extension = (order as { translated?: TranslatedExtension | null }).translated ?? undefined
  const paymentIndex = choice.paymentIndex ?? 0
  const payment = (order.payments ?? [])[paymentIndex]
  if (payment === undefined) {
    return problem(TranslatedProblemTypes.missingField, 'No payment to authorize', `data.payments[${paymentIndex}] does not exist`, [
      { path: `data.payments[${paymentIndex}]`, message: 'no such payment' }
    ])
  }
  if (!isTranslatedCurrency(order.currency)) {
    return violationsProblem(
      [
        {
          rule: 'currency',
          path: 'currency',
          message: `${order.currency} is not one of the 162 currencies Kibo lists for the translated Create Order API`
        }
      ],
      'data.'
    )
  }
  const customer = mapTranslatedCustomer(order, extension)
  if (customer === undefined) {
    return problem(
      TranslatedProblemTypes.missingField,
      'A field the translated Create Order API requires has no value',
      'customer.phone1 is required',
      [{ path: 'data.customer.phone', message: 'customer.phone1 is required' }]
    )
  }
  const locale = order.locale === undefined || order.locale === null ? (options.defaultLocale ?? 'en-US') : translatedLocale(order.locale)
  const billingAddress = mapTranslatedAddress(order.billTo, 'billing')
  const context = compact({
    currency: order.currency,
    billingAddress,
    paymentTypes: options.paymentTypes,
    noOperationType: options.noOperationType
  }) as TranslatedPaymentContext
  const request = compact({
    externalCartID: choice.externalCartID ?? extension?.cartId ?? order.externalId,
    manufacturerID: options.manufacturerId,
    catalogID: options.catalogId,
    currency: order.currency,
    locale,
    customer,
    paymentMethod: mapPaymentMethod(payment, context).paymentMethod,
    amount: toKiboNumber(choice.amount ?? payment.amount, order.currency),
    testOrder: extension?.isTestOrder,
    shippingAddress: order.shipTo === undefined || order.shipTo === null ? undefined : mapTranslatedAddress(order.shipTo, 'shipping')
  }) as TranslatedAuthorizeRequest
  return { ok: true, request }
}

/**
 * Feeds an authorize response into a create request: "That token will then need to be passed
 * through the Create Order request as the 'Authorization ID' parameter." The payment at
 * `paymentIndex` gets authorizationID = authToken (and the payment method token); the
 * authorize call's cart becomes cartID. orderID is not set: the create guide says to treat it
 * as read-only.
 */
export function applyTranslatedAuthorization (
  request: TranslatedCreateOrderRequest,
  authorization: TranslatedAuthorizeResponse,
  choice: { paymentIndex?: number; externalCartID?: string } = {}
): TranslatedCreateOrderRequest {
  const paymentIndex = choice.paymentIndex ?? 0
  return {
    ...request,
    ...(choice.externalCartID !== undefined ? { cartID: choice.externalCartID } : {}),
    orderPayments: request.orderPayments.map((payment, index) =>
      index !== paymentIndex
        ? payment
        : {
            ...payment,
            authorizationID: authorization.authToken,
            paymentMethod: compact({
              ...payment.paymentMethod,
              paymentMethodToken: authorization.paymentMethodToken
            }) as typeof payment.paymentMethod
          }
    )
  }
}
