// The simulator's side of Kibo's translated Create Order API v2 (Kibo's "Create Order" guide for
// translated APIs) and Create Order Authorize (Kibo's "Create Order Authorize" guide):
//
//   POST /api/v2/createOrder/            (also without the trailing slash)
//   POST /api/v2/createOrder/authorize
//
// Both need `Authorization: Bearer <token issued by this simulator>` and `x-vol-tenant` naming
// the token's tenant ("Remember to provide the x-vol-tenant key for authentication in the
// headers"); no x-vol-site, which the guides never mention.
//
// The referee is written independently of the service's mapping (it never imports
// src/mapping/): request shapes come from schemas/translated-order.ts, the whole-order
// rules are re-implemented here from the guide's wording. Errors use the body shape of the
// rest of the simulator ({ message, errorCode, applicationName, additionalErrorData, items });
// the guides document no error format, only "Bad Request" and "validation error".
//
// State: orders by tenant and externalOrderID (a second create with the same externalOrderID
// is refused with 409 ITEM_ALREADY_EXISTS: the guide calls it "A client-generated unique
// identifier"), and authorizations by authToken. A create whose authorizationID is a token
// issued here consumes it (1:1, "the payment token is associated 1:1 with an Order ID") and
// takes that authorization's orderID; any other authorizationID is an external gateway's and
// is accepted as is.
import type http from 'node:http'
import { randomBytes } from 'node:crypto'
import { Decimal as DecimalBase } from 'decimal.js'
import {
  CARD_ISSUERS,
  NO_OPERATION_SUBTYPES,
  TranslatedAuthorizeRequestSchema,
  TranslatedCreateOrderRequestSchema
} from '../../schemas/translated-order.ts'

const Decimal = DecimalBase.clone({ precision: 60, toExpNeg: -100, toExpPos: 100 })
// eslint-disable-next-line @typescript-eslint/no-redeclare -- the type of the values the Decimal constructor makes, named like it
type Decimal = InstanceType<typeof Decimal>

export const TRANSLATED_CREATE_PATH = '/api/v2/createOrder/'
export const TRANSLATED_AUTHORIZE_PATH = '/api/v2/createOrder/authorize'

export interface TranslatedAnswer {
  status: number
  body?: unknown
}

export interface StoredTranslatedOrder {
  tenantId: number
  orderID: number
  externalOrderID: string
  /** The authToken this order consumed, when its authorizationID was issued here. */
  authToken?: string
  request: Record<string, unknown>
}

export interface StoredAuthorization {
  tenantId: number
  orderID: number
  authToken: string
  paymentMethodToken: string
  externalCartID: string
  manufacturerID: number
  currency: string
  amount: number
  /** externalOrderID of the order that used it. */
  usedBy?: string
}

export interface TranslatedSimulatorOptions {
  /** The tenant of a valid (issued, unexpired) bearer token, else undefined. */
  tokenTenant(token: string): number | undefined
  log?: (line: string) => void
}

export interface TranslatedSimulator {
  /** The handler for a path, or undefined when the path is not a translated API path. */
  route(method: string, pathname: string): ((req: http.IncomingMessage, body: unknown) => TranslatedAnswer) | undefined
  orders(externalOrderID?: string): StoredTranslatedOrder[]
  authorizations(): StoredAuthorization[]
  stats(): { createCalls: number; authorizeCalls: number; orderCount: number; authorizationCount: number }
  reset(): void
}

type Problem = { path: string; message: string }

function errorAnswer (status: number, errorCode: string, message: string, problems: Problem[] = []): TranslatedAnswer {
  return {
    status,
    body: {
      message,
      errorCode,
      applicationName: 'OrderManagement',
      additionalErrorData: problems.map((p, i) => ({
        name: `Problem${i + 1}`,
        value: p.path === '' ? p.message : `${p.path}: ${p.message}`
      })),
      items: problems
    }
  }
}

function validationAnswer (problems: Problem[]): TranslatedAnswer {
  return errorAnswer(
    400,
    'VALIDATION_ERROR',
    `Validation Error: ${problems[0].path === '' ? '' : `${problems[0].path}: `}${problems[0].message}`,
    problems
  )
}

function issuesOf (error: { issues: { path: PropertyKey[]; message: string }[] }): Problem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

type Json = Record<string, any>

const dec = (value: unknown): Decimal => new Decimal(typeof value === 'number' && Number.isFinite(value) ? String(value) : '0')
const filled = (value: unknown): boolean => typeof value === 'string' && value !== ''

/** Availabilities the guide says must be their own order: P, D, J, I. */
const ALONE = new Set(['P', 'D', 'J', 'I'])
/** "null should be used particularly for the payment types TK, LV, VO, CC, CS, NO, TD, PZ, PL, NG, and ST" */
const NULL_MAX = new Set(['TK', 'LV', 'VO', 'CC', 'CS', 'NO', 'TD', 'PZ', 'PL', 'NG', 'ST'])
const GIFT = new Set(['GC', 'GT', 'GX', 'IM', 'M1', 'M2', 'M3', 'VA'])
const US_LIMIT = new Decimal('20.1')

/** The guide's whole-order rules, on a request that passed the schema. */
function orderRules (order: Json): Problem[] {
  const problems: Problem[] = []
  const items = order.orderItems as Json[]

  // "The Create Order API doesn't accept orders that mix preorder products and non-preorder
  // products"; D "cannot be combined with normal items"; J "and normal products ... must be
  // split"; I "bought in conjunction with products of another availability must be split".
  const classes = new Set(items.map((item) => (ALONE.has(item.product.availability) ? item.product.availability : 'other')))
  if (classes.size > 1) {
    items.forEach((item, index) => {
      const code = item.product.availability as string
      if (ALONE.has(code)) {
        problems.push({
          path: `orderItems.${index}.product.availability`,
          message: `Products with availability ${code} must be split into a separate order (partNumber ${item.product.partNumber}).`
        })
      }
    })
  }

  // "In the case of US orders, the tax rate must be no higher than 20.1% for both individual
  // line items and the overall order total."
  if (order.shippingAddress.countryCode === 'US') {
    let tax = new Decimal(0)
    let base = new Decimal(0)
    items.forEach((item, index) => {
      const lineBase = dec(item.itemSpecifics.actualPrice).times(item.itemSpecifics.quantity)
      const lineTax = dec(item.itemSpecifics.itemTaxOverride)
      tax = tax.plus(lineTax)
      base = base.plus(lineBase)
      if (lineTax.greaterThan(0) && (lineBase.isZero() || lineTax.times(100).dividedBy(lineBase).greaterThan(US_LIMIT))) {
        problems.push({
          path: `orderItems.${index}.itemSpecifics.itemTaxOverride`,
          message: 'The tax rate of a US line item must be no higher than 20.1%.'
        })
      }
    })
    if (tax.greaterThan(0) && (base.isZero() || tax.times(100).dividedBy(base).greaterThan(US_LIMIT))) {
      problems.push({ path: 'orderItems', message: 'The tax rate of a US order must be no higher than 20.1%.' })
    }
  }

  // "Whether to override the calculated item tax and force ... itemTaxOverride to be required."
  if (order.forceItemTaxOverride === true) {
    items.forEach((item, index) => {
      if (item.itemSpecifics.itemTaxOverride === undefined || item.itemSpecifics.itemTaxOverride === null) {
        problems.push({
          path: `orderItems.${index}.itemSpecifics.itemTaxOverride`,
          message: 'itemTaxOverride is required when forceItemTaxOverride is true.'
        })
      }
    })
  }

  const payments = order.orderPayments as Json[]
  payments.forEach((payment, index) => {
    problems.push(...paymentMethodRules(payment.paymentMethod, order.currency, `orderPayments.${index}.paymentMethod`))
    const type = payment.paymentMethod.paymentType as string
    const max = payment.maxAmount
    if (GIFT.has(type) && !(typeof max === 'number' && max > 0)) {
      problems.push({ path: `orderPayments.${index}.maxAmount`, message: 'A gift card payment needs maxAmount: the available balance.' })
    } else if (NULL_MAX.has(type) && max === -1) {
      problems.push({ path: `orderPayments.${index}.maxAmount`, message: `maxAmount must be null (not -1) for payment type ${type}.` })
    } else if (NULL_MAX.has(type) && payments.length === 1 && typeof max === 'number' && max > 0) {
      problems.push({
        path: `orderPayments.${index}.maxAmount`,
        message: `maxAmount must be null for the only payment of type ${type}; a positive value limits one of several payments.`
      })
    }
  })
  return problems
}

/** Rules on one payment method (create and authorize). */
function paymentMethodRules (method: Json, currency: string, path: string): Problem[] {
  const problems: Problem[] = []
  const type = method.paymentType as string
  if (type === 'CC' && !filled(method.cardNumber) && !filled(method.ccLastFour)) {
    problems.push({ path, message: 'A credit card payment needs cardNumber or ccLastFour.' })
  }
  if (type === 'NO') {
    if (!filled(method.cardNumber)) {
      problems.push({ path: `${path}.cardNumber`, message: 'The cardNumber field must be populated for a no-operation payment.' })
    }
    const currencies = filled(method.noOperationType) ? NO_OPERATION_SUBTYPES[method.noOperationType as string] : undefined
    if (currencies !== undefined && currencies !== '*' && !currencies.includes(currency)) {
      problems.push({
        path: `${path}.noOperationType`,
        message: `No-operation subtype ${method.noOperationType} does not support ${currency}.`
      })
    }
  }
  const issuer = method.cardIssuer
  if ((issuer === 'CL' || issuer === 'SV' || issuer === 'VL') && type !== 'GC') {
    problems.push({ path: `${path}.cardIssuer`, message: `Card issuer ${issuer} must use GC as the gift card type.` })
  }
  if (filled(issuer) && !(CARD_ISSUERS as readonly string[]).includes(issuer)) {
    problems.push({ path: `${path}.cardIssuer`, message: `Unknown card issuer ${issuer}.` })
  }
  return problems
}

export function createTranslatedSimulator (options: TranslatedSimulatorOptions): TranslatedSimulator {
  const log = options.log ?? (() => {})
  let orders: StoredTranslatedOrder[] = []
  let authorizations = new Map<string, StoredAuthorization>()
  let nextOrderID = 100000001
  const counters = { createCalls: 0, authorizeCalls: 0 }

  function authenticate (req: http.IncomingMessage): number | TranslatedAnswer {
    const match = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))
    const tenantId = match === null ? undefined : options.tokenTenant(match[1])
    if (tenantId === undefined) return errorAnswer(401, 'UNAUTHORIZED', 'Unauthorized: the access token is missing, invalid or expired.')
    const header = req.headers['x-vol-tenant']
    if (header === undefined || Number(header) !== tenantId) {
      return errorAnswer(401, 'UNAUTHORIZED', 'Unauthorized: the access token is not valid for this tenant (x-vol-tenant).')
    }
    return tenantId
  }

  function createOrder (req: http.IncomingMessage, body: unknown): TranslatedAnswer {
    counters.createCalls++
    const tenantId = authenticate(req)
    if (typeof tenantId !== 'number') return tenantId
    const parsed = TranslatedCreateOrderRequestSchema.safeParse(body)
    if (!parsed.success) return validationAnswer(issuesOf(parsed.error))
    const order = body as Json
    const problems = orderRules(order)
    if (problems.length > 0) return validationAnswer(problems)
    const externalOrderID = order.externalOrderID as string
    const existing = orders.find((o) => o.tenantId === tenantId && o.externalOrderID === externalOrderID)
    if (existing !== undefined) {
      return errorAnswer(409, 'ITEM_ALREADY_EXISTS', `An order with externalOrderID ${externalOrderID} already exists.`, [
        { path: 'externalOrderID', message: `already used by order ${existing.orderID}` }
      ])
    }
    // An authorizationID issued by /authorize is used once, by one order, for its tenant and terms.
    let authorization: StoredAuthorization | undefined
    for (const [index, payment] of (order.orderPayments as Json[]).entries()) {
      const auth = typeof payment.authorizationID === 'string' ? authorizations.get(payment.authorizationID) : undefined
      if (auth === undefined || auth.tenantId !== tenantId) continue
      const path = `orderPayments.${index}.authorizationID`
      if (auth.usedBy !== undefined && auth.usedBy !== externalOrderID) {
        return validationAnswer([
          { path, message: `The authorization is already used by order ${auth.usedBy}; each order needs its own authorization.` }
        ])
      }
      if (auth.currency !== order.currency || auth.manufacturerID !== order.manufacturerID) {
        return validationAnswer([{ path, message: 'The authorization was made for another currency or manufacturer.' }])
      }
      if (typeof payment.authAmount === 'number' && dec(payment.authAmount).greaterThan(dec(auth.amount))) {
        return validationAnswer([
          { path: `orderPayments.${index}.authAmount`, message: `authAmount is more than the authorized amount ${auth.amount}.` }
        ])
      }
      authorization = auth
    }
    const orderID = authorization?.orderID ?? nextOrderID++
    if (authorization !== undefined) authorization.usedBy = externalOrderID
    const stored: StoredTranslatedOrder = {
      tenantId,
      orderID,
      externalOrderID,
      ...(authorization !== undefined ? { authToken: authorization.authToken } : {}),
      request: structuredClone(order)
    }
    orders.push(stored)
    log(`translated order ${orderID} externalOrderID=${externalOrderID}`)
    return { status: 200, body: publicOrder(stored) }
  }

  function authorize (req: http.IncomingMessage, body: unknown): TranslatedAnswer {
    counters.authorizeCalls++
    const tenantId = authenticate(req)
    if (typeof tenantId !== 'number') return tenantId
    const parsed = TranslatedAuthorizeRequestSchema.safeParse(body)
    if (!parsed.success) return validationAnswer(issuesOf(parsed.error))
    const request = body as Json
    const problems = paymentMethodRules(request.paymentMethod, request.currency, 'paymentMethod')
    if (problems.length > 0) return validationAnswer(problems)
    const record: StoredAuthorization = {
      tenantId,
      orderID: nextOrderID++,
      authToken: `AUTH-${randomBytes(12).toString('hex')}`,
      paymentMethodToken: `PMT-${randomBytes(12).toString('hex')}`,
      externalCartID: request.externalCartID,
      manufacturerID: request.manufacturerID,
      currency: request.currency,
      amount: request.amount
    }
    authorizations.set(record.authToken, record)
    log(`translated authorization ${record.orderID} cart=${record.externalCartID}`)
    return { status: 200, body: { orderID: record.orderID, paymentMethodToken: record.paymentMethodToken, authToken: record.authToken } }
  }

  function publicOrder (order: StoredTranslatedOrder): Json {
    const request = structuredClone(order.request)
    let nextId = 1
    return {
      ...request,
      orderID: order.orderID,
      orderItems: (request.orderItems as Json[]).map((item) => ({ ...item, orderItemID: order.orderID * 100 + nextId++ })),
      orderPayments: (request.orderPayments as Json[]).map((payment, index) => ({
        ...payment,
        orderPaymentID: order.orderID * 100 + 50 + index
      }))
    }
  }

  return {
    route (method, pathname) {
      if (method !== 'POST') return undefined
      if (pathname === TRANSLATED_CREATE_PATH || pathname === '/api/v2/createOrder') return createOrder
      if (pathname === TRANSLATED_AUTHORIZE_PATH || pathname === `${TRANSLATED_AUTHORIZE_PATH}/`) return authorize
      return undefined
    },
    orders: (externalOrderID) =>
      structuredClone(externalOrderID === undefined ? orders : orders.filter((o) => o.externalOrderID === externalOrderID)),
    authorizations: () => structuredClone([...authorizations.values()]),
    stats: () => ({ ...counters, orderCount: orders.length, authorizationCount: authorizations.size }),
    reset () {
      orders = []
      authorizations = new Map()
      nextOrderID = 100000001
      counters.createCalls = 0
      counters.authorizeCalls = 0
    }
  }
}
