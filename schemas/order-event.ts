// Normalized Order Event v1 (shared/contract/README.md), as a zod 4 schema.
//
// - Every object is strict: an unknown field is a 400, so a typo never silently drops data.
// - An optional field may be `null`, meaning absent (output keeps `null`; readers use `??`).
// - Money comes in as a JSON number or a decimal string and leaves as a normalized decimal
//   string ("19.990" → "19.99", 14.99 → "14.99"); nothing downstream ever sees a float.
//   Money is a zod codec, so the schema converts to JSON Schema in both directions.
// - Rules that need a sibling field (decimals per currency, duplicate lineId, shipTo for
//   shipped items, payments for a non-zero total, `status` only on order.completed) are
//   checked on the order / envelope once every field is individually valid, with exact paths.
import { z } from 'zod'
import { TranslatedExtensionSchema } from './translated-extension.ts'
import {
  checkScale,
  DECIMAL_STRING_PATTERN,
  MAX_AMOUNT_TEXT,
  MAX_MONEY_TEXT_LENGTH,
  minorUnits,
  money,
  normalizeMoney,
  orderCurrencyCodes,
  parseMoney
} from '../src/mapping/money.ts'
import { looksLikePan } from '../src/lib/pan.ts'
import { GATEWAY_LIST_TEXT, GATEWAYS, type GatewayName } from '../src/mapping/gateways/registry.ts'

// ---------------------------------------------------------------- rules JSON Schema cannot carry

/**
 * The rules of the event that its JSON Schema (openapi.yaml) cannot express, in one place. The
 * OrderEvent description lists them; a 400 names the broken one in `errors[].rule`, a 422 by its
 * problem `type`. A body valid against the published schema is refused only for one of these
 * (test/contract/generated-bodies.test.ts).
 */
export const NON_SCHEMA_RULES = [
  {
    rule: 'currency-decimals',
    status: 400,
    text: 'Amounts have no more fraction digits than the order currency allows (ISO 4217 minor units: JPY 0, ' +
      'USD 2, KWD 3; trailing zeros do not count).'
  },
  {
    rule: 'money-number',
    status: 400,
    text: 'An amount sent as a JSON number must be exact in decimal (no exponent form such as 1e-7); send a ' +
      'decimal string otherwise.'
  },
  {
    rule: 'unique-line-ids',
    status: 400,
    text: '`lineId` is unique within the order.'
  },
  {
    rule: 'translated-line-ids',
    status: 400,
    text: 'Every key of `translated.lines` is the `lineId` of an item.'
  },
  {
    rule: 'no-card-number',
    status: 400,
    text: 'A token field never holds a card number (13-19 digits passing the Luhn check).'
  },
  {
    rule: 'well-formed-locale',
    status: 400,
    text: '`locale` is a well-formed BCP 47 tag (Intl.getCanonicalLocales accepts it).'
  },
  {
    rule: 'totals-reconcile',
    status: 422,
    problemType: 'totals-mismatch',
    text: 'Line totals, payments and the stated total reconcile exactly in decimal (see the formula in the Order description).'
  },
  {
    rule: 'same-payload',
    status: 422,
    problemType: 'idempotency-conflict',
    text: 'An `externalId` already imported for this tenant and site is sent again only with the same payload.'
  },
  {
    rule: 'fraud-decline',
    status: 422,
    problemType: 'fraud-declined',
    text: 'A Kount decline is refused when FRAUD_DECLINE_ACTION=reject.'
  },
  {
    rule: 'translated-target',
    status: 422,
    problemType: 'translated-unsupported',
    text: 'For translated-v2 tenants, the fields that API requires (a customer phone, a mapped shipping method, …) are present.'
  }
] as const satisfies ReadonlyArray<{ rule: string; status: 400 | 422; problemType?: string; text: string }>

export type NonSchemaRule = (typeof NON_SCHEMA_RULES)[number]['rule']

/** A custom zod issue's params naming the rule it enforces (problems.ts copies it to `errors[].rule`). */
const ruleParams = (rule: NonSchemaRule) => ({ params: { rule } })

const nonSchemaRulesText =
  '\n\nRules the JSON Schema cannot carry (a 400 names the rule in `errors[].rule`, a 422 by its problem `type`):\n' +
  NON_SCHEMA_RULES.map((entry) => `- \`${entry.rule}\` (${entry.status}): ${entry.text}`).join('\n')

// ---------------------------------------------------------------- building blocks

/** Most items one order carries (large B2B orders have thousands of lines; storefront connectors read up to this). */
export const MAX_ORDER_ITEMS = 10_000

/** Required text: 1..max characters. */
const text = (max = 255) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
/** Optional text: may be null (absent) or empty. */
const optionalText = (max = 255) => z.string().max(max, `must be at most ${max} characters`).nullish()

/** A decimal string of at most 12 integer digits (leading zeros aside): the grammar and the 999999999999 bound. */
const MONEY_STRING_PATTERN = /^0*[0-9]{1,12}(\.[0-9]+)?$/

const moneyInput = z
  .union(
    [
      z.number().min(0, 'must not be negative').max(Number(MAX_AMOUNT_TEXT), `must be at most ${MAX_AMOUNT_TEXT}`),
      z
        .string()
        .max(MAX_MONEY_TEXT_LENGTH, `must be at most ${MAX_MONEY_TEXT_LENGTH} characters`)
        .regex(
          MONEY_STRING_PATTERN,
          'must be a decimal string of ASCII digits with an optional fraction, like "19.99" (no sign, exponent, spaces or ' +
            'thousands separators)'
        )
    ],
    {
      error: (issue) => {
        const parsed = parseMoney(issue.input)
        return parsed.ok ? 'must be a non-negative number or decimal string' : parsed.message
      }
    }
  )
  .superRefine((value, ctx) => {
    // Catches what the JSON Schema branches cannot express: decimal strings over the limit,
    // and numbers whose shortest text is an exponent form (1e-7).
    const parsed = parseMoney(value)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message, ...ruleParams('money-number') })
  })

/**
 * A money amount: JSON number or decimal string (`^[0-9]+(\.[0-9]+)?$`), not negative, at
 * most 999,999,999,999; decoded to a normalized decimal string. Fraction digits are checked
 * against the order currency by the order-level rules.
 */
export const MoneySchema = z
  .codec(moneyInput, z.string(), {
    decode: (value) => normalizeMoney(value),
    encode: (value) => value
  })
  .meta({
    description:
      'Money: a JSON number or a decimal string, never negative, at most 999999999999, with no more fraction digits than the ' +
        'order currency allows (trailing zeros do not count).',
    example: '19.99'
  })

const optionalMoney = () => MoneySchema.nullish()

/** RFC 3339 date-time with an offset (`Z` or `±hh:mm`) naming a real calendar instant. */
export const DateTimeSchema = z.iso
  .datetime({
    offset: true,
    error:
      'must be an RFC 3339 date-time with an offset, like 2026-11-20T15:04:05Z or 2026-11-20T16:04:05+01:00, naming a real ' +
        'calendar date and time'
  })
  .meta({ description: 'RFC 3339 date-time with an offset', example: '2026-11-20T15:04:05Z' })

const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in upper case, like "US"')
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'US' })

export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 alpha-3 currency code in upper case, like "USD"')
  .refine((code) => minorUnits(code) !== undefined, {
    error: (issue) =>
      `${String(issue.input)} is not an ISO 4217 currency with a minor unit (codes such as XAU, XDR or XXX are not order currencies)`
  })
  .meta({ description: 'ISO 4217 alpha-3 currency code with a minor unit', example: 'USD', enum: orderCurrencyCodes() })

// Intl.getCanonicalLocales is an ICU call costing more than the rest of a locale's validation
// (2 % of an import's CPU in the profile); orders carry a handful of distinct tags, so the answer
// per tag is kept (bounded: a flood of distinct tags only refills the cache).
const localeVerdicts = new Map<string, boolean>()
function isWellFormedLocale (tag: string): boolean {
  const known = localeVerdicts.get(tag)
  if (known !== undefined) return known
  let wellFormed: boolean
  try {
    wellFormed = Intl.getCanonicalLocales(tag).length === 1
  } catch {
    wellFormed = false
  }
  if (localeVerdicts.size >= 1000) localeVerdicts.clear()
  localeVerdicts.set(tag, wellFormed)
  return wellFormed
}

const LocaleSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag, like "en-US"')
  .refine(isWellFormedLocale, { message: 'must be a well-formed BCP 47 language tag, like "en-US"', ...ruleParams('well-formed-locale') })
  .meta({ description: 'BCP 47 language tag', example: 'en-US' })

/**
 * An e-mail address as a storefront may have taken it: `local@domain`, UTF-8 allowed on both
 * sides (RFC 6531), sent to Kibo unchanged. The order is paid already, so only what cannot be an
 * address is refused: no `@`, an empty local part or domain, spaces or control characters.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
export const EMAIL_PATTERN = /^[^\s\x00-\x1f\x7f]+@[^\s\x00-\x1f\x7f@]+$/
const EmailSchema = z
  .string()
  .max(255, 'must be at most 255 characters')
  .regex(EMAIL_PATTERN, 'must be an e-mail address: local@domain, without spaces (UTF-8 is fine)')
  .meta({ description: 'E-mail address `local@domain`; UTF-8 local parts and domains (RFC 6531) are accepted and sent to Kibo unchanged' })

// ---------------------------------------------------------------- contact

export const AddressSchema = z
  .strictObject({
    line1: text().meta({ description: '→ address1', example: '123 ABC St' }),
    line2: optionalText().meta({ description: '→ address2' }),
    line3: optionalText().meta({ description: '→ address3' }),
    line4: optionalText().meta({ description: '→ address4' }),
    city: text().meta({ description: '→ cityOrTown', example: 'Austin' }),
    region: optionalText().meta({ description: '→ stateOrProvince', example: 'TX' }),
    postalCode: optionalText().meta({ description: '→ postalOrZipCode', example: '78758' }),
    country: CountrySchema,
    type: z.enum(['Residential', 'Commercial']).nullish().meta({ description: '→ addressType' })
  })
  .meta({ id: 'Address' })

export const ContactSchema = z
  .strictObject({
    firstName: text().meta({ example: 'Ming' }),
    lastName: text().meta({ description: '→ lastNameOrSurname', example: 'Li' }),
    email: EmailSchema.nullish(),
    phone: optionalText().meta({ description: '→ phoneNumbers.home', example: '512-555-5555' }),
    company: optionalText().meta({ description: '→ companyOrOrganization' }),
    address: AddressSchema
  })
  .meta({ id: 'Contact' })

export const CustomerSchema = z
  .strictObject({
    accountId: z
      .int()
      .min(1)
      .max(2147483647)
      .nullish()
      .meta({ description: 'Kibo customer account id → customerAccountId', example: 1001 }),
    email: EmailSchema.meta({ description: '→ order email', example: 'ming@example.com' }),
    firstName: optionalText(),
    lastName: optionalText(),
    phone: optionalText()
  })
  .meta({ id: 'Customer' })

// ---------------------------------------------------------------- items

const PICKUP_NEEDS_LOCATION = 'a Pickup item needs fulfillment.locationCode (the pickup location)'
const locationCode = optionalText().meta({ description: '→ fulfillmentLocationCode', example: 'AUS' })

export const FulfillmentSchema = z
  .discriminatedUnion(
    'method',
    [
      z
        .strictObject({ method: z.literal('Ship').meta({ description: '→ fulfillmentMethod' }), locationCode })
        .meta({ id: 'ShipFulfillment' }),
      z
        .strictObject({
          method: z.literal('Pickup').meta({ description: '→ fulfillmentMethod' }),
          locationCode: z
            .string({
              error: (issue) => (issue.input === undefined || issue.input === null ? PICKUP_NEEDS_LOCATION : undefined)
            })
            .min(1, PICKUP_NEEDS_LOCATION)
            .max(255, 'must be at most 255 characters')
            .meta({ description: '→ fulfillmentLocationCode: the pickup location', example: 'AUS' })
        })
        .meta({ id: 'PickupFulfillment' }),
      z
        .strictObject({ method: z.literal('Digital').meta({ description: '→ fulfillmentMethod' }), locationCode })
        .meta({ id: 'DigitalFulfillment' })
    ],
    {
      error: (issue) => (issue.code === 'invalid_union' ? 'method must be one of "Ship", "Pickup", "Digital"' : undefined)
    }
  )
  .meta({ id: 'Fulfillment', description: 'How the line reaches the shopper, by `method`; a Pickup names its location' })

export const ItemSchema = z
  .strictObject({
    lineId: text().meta({ description: "The sender's line id, unique in the order → data.externalLineId", example: '1' }),
    sku: text().meta({ description: '→ product.productCode', example: 'sp_01' }),
    variantSku: optionalText().meta({ description: '→ product.variationProductCode' }),
    upc: optionalText().meta({ description: '→ product.upc' }),
    name: optionalText().meta({ description: '→ product.name' }),
    quantity: z
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1_000_000, 'must be at most 1000000')
      .meta({ description: 'Units on this line', example: 3 }),
    unitPrice: MoneySchema.meta({ description: 'Unit list price → product.price.price', example: '10.00' }),
    salePrice: optionalMoney().meta({ description: 'Unit sale price → product.price.salePrice' }),
    overridePrice: optionalMoney().meta({ description: 'Unit override price → product.price.tenantOverridePrice' }),
    discount: optionalMoney().meta({ description: 'Line product + shipping discounts, all units → discountTotal' }),
    orderDiscount: optionalMoney().meta({ description: "This line's share of order discounts → weightedOrderDiscount" }),
    tax: optionalMoney().meta({ description: 'Item tax, all units → itemTaxTotal' }),
    shipping: optionalMoney().meta({ description: '→ shippingTotal' }),
    shippingTax: optionalMoney().meta({ description: '→ shippingTaxTotal' }),
    handling: optionalMoney().meta({ description: '→ handlingAmount' }),
    duty: optionalMoney().meta({ description: '→ dutyAmount' }),
    handlingDiscount: optionalMoney().meta({ description: '→ weightedOrderHandlingFeeDiscount' }),
    handlingTax: optionalMoney().meta({ description: '→ weightedOrderHandlingFeeTax' }),
    fulfillment: FulfillmentSchema
  })
  .meta({ id: 'Item' })

// ---------------------------------------------------------------- payments

export const CARD_BRANDS = ['VISA', 'MC', 'AMEX', 'DISCOVER', 'JCB', 'DINERS', 'UNIONPAY', 'MAESTRO'] as const

/** A gateway token; a real card number (PAN) is refused, and the message never repeats it. */
const tokenText = (description: string) =>
  text()
    .refine(
      (token) => !looksLikePan(token),
      {
        message: 'looks like a card number (13-19 digits, passes the Luhn check); send the gateway token, never the PAN',
        ...ruleParams('no-card-number')
      }
    )
    .meta({ description })

const cardFields = {
  last4: z
    .string()
    .regex(/^[0-9]{4}$/, 'must be exactly 4 digits')
    .nullish()
    .meta({ description: '→ ccLastFour', example: '1111' }),
  brand: z.enum(CARD_BRANDS).nullish().meta({ description: '→ paymentOrCardType', example: 'VISA' }),
  expMonth: z
    .int('must be a whole number')
    .min(1, 'must be 1-12')
    .max(12, 'must be 1-12')
    .nullish()
    .meta({ description: '→ expireMonth', example: 12 }),
  expYear: z
    .int('must be a whole number')
    .min(1000, 'must be a four-digit year')
    .max(9999, 'must be a four-digit year')
    .nullish()
    .meta({ description: '→ expireYear', example: 2029 }),
  nameOnCard: optionalText()
}

export const CardSchema = z
  .strictObject({
    token: tokenText('Gateway card token → cardNumberPartOrMask (never a PAN)').meta({ example: '0160184007701111' }),
    ...cardFields
  })
  .meta({ id: 'Card' })

/** Authorize.net cards carry no token: the card is identified by customerProfileId. */
export const AuthorizeNetCardSchema = z.strictObject({ ...cardFields }).meta({ id: 'AuthorizeNetCard' })

export const CaptureSchema = z
  .strictObject({
    transactionId: text().meta({ description: 'Capture transaction id → second interaction gatewayTransactionId' }),
    amount: MoneySchema.meta({ description: 'Captured amount → amountCollected' }),
    capturedAt: DateTimeSchema.meta({ description: '→ capture interactionDate' })
  })
  .meta({ id: 'Capture' })

const commonPayment = {
  amount: MoneySchema.meta({ description: 'Authorized amount → amountRequested', example: '46.71' }),
  authorizedAt: DateTimeSchema.nullish().meta({ description: '→ interactionDate (default: placedAt)' }),
  capture: CaptureSchema.nullish()
}

export const CybersourcePaymentSchema = z
  .strictObject({
    gateway: z.literal('cybersource'),
    ...commonPayment,
    transactionId: text().meta({ description: '→ gatewayTransactionId' }),
    requestId: text().meta({ description: '→ gatewayResponseData AuthorizationRequestId' }),
    requestToken: text().meta({ description: '→ gatewayResponseData AuthorizationRequestToken' }),
    authCode: optionalText().meta({ description: '→ gatewayAuthCode' }),
    avsCode: optionalText().meta({ description: '→ gatewayAVSCodes' }),
    cvvCode: optionalText().meta({ description: '→ gatewayCVV2Codes' }),
    responseCode: optionalText().meta({ description: '→ gatewayResponseCode' }),
    responseText: optionalText().meta({ description: '→ gatewayResponseText' }),
    card: CardSchema
  })
  .meta({ id: 'CybersourcePayment' })

export const AuthorizeNetPaymentSchema = z
  .strictObject({
    gateway: z.literal('authorizenet'),
    ...commonPayment,
    transactionId: text().meta({ description: '→ gatewayTransactionId, gatewayResponseData TransactionId' }),
    authCode: text().meta({ description: '→ gatewayAuthCode, gatewayResponseData ApprovalCode' }),
    customerProfileId: tokenText('Authorize.net customer profile id → card.cardNumberPartOrMask'),
    customerPaymentProfileId: text().meta({ description: '→ payment.data.customerPaymentProfileId' }),
    avsCode: optionalText().meta({ description: '→ gatewayAVSCodes' }),
    cvvCode: optionalText().meta({ description: '→ gatewayCVV2Codes' }),
    card: AuthorizeNetCardSchema.nullish()
  })
  .meta({ id: 'AuthorizeNetPayment' })

export const PayPalPaymentSchema = z
  .strictObject({
    gateway: z.literal('paypal'),
    ...commonPayment,
    token: text().meta({ description: 'PayPal EC token → externalTransactionId', example: 'EC-74R44913L24993252' }),
    payerId: text().meta({ description: '→ billingInfo.data.paypal.payerId', example: 'B373JG5S4Y388' }),
    authorizationId: text().meta({ description: '→ gatewayTransactionId', example: '8AF73994TM546221D' })
  })
  .meta({ id: 'PayPalPayment' })

export const NoopPaymentSchema = z
  .strictObject({
    gateway: z.literal('noop'),
    ...commonPayment,
    transactionId: optionalText().meta({ description: '→ gatewayTransactionId' }),
    card: CardSchema.nullish()
  })
  .meta({ id: 'NoopPayment' })

export const PaymentSchema = z
  .discriminatedUnion('gateway', [CybersourcePaymentSchema, AuthorizeNetPaymentSchema, PayPalPaymentSchema, NoopPaymentSchema], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `gateway must be one of ${GATEWAY_LIST_TEXT}` : undefined
  })
  .meta({
    id: 'Payment',
    description:
      'A payment authorized outside Kibo, discriminated by `gateway`: ' +
      GATEWAYS.map((entry) => `\`${entry.gateway}\` (${entry.title})`).join(', ')
  })

// ---------------------------------------------------------------- fraud

export const KOUNT_DECISION_PATTERN = /^(A|R|E|D|APPROVE|REVIEW|ESCALATE|DECLINE)$/i

export const KountFraudSchema = z
  .strictObject({
    provider: z.literal('kount'),
    transactionId: text().meta({ description: 'Kount transaction id → validationId' }),
    decision: z
      .string()
      .regex(
        KOUNT_DECISION_PATTERN,
        'must be a Kount RIS AUTO code (A, R, E, D) or a Kount 360 decision (APPROVE, REVIEW, ESCALATE, DECLINE)'
      )
      .meta({ description: 'A/APPROVE → Pass; R/E/REVIEW/ESCALATE → Review; D/DECLINE → Review or refused (configurable)', example: 'A' }),
    score: z.number().nullish().meta({ description: 'Kount score' }),
    omniscore: z.number().nullish().meta({ description: 'Kount Omniscore' }),
    reasonCode: optionalText(),
    rules: z
      .array(z.strictObject({ id: text(), description: text() }))
      .max(100, 'must have at most 100 rules')
      .nullish()
      .meta({ description: 'Triggered rules' }),
    checkedAt: DateTimeSchema.nullish().meta({ description: '→ createdDate (default: placedAt)' })
  })
  .meta({ id: 'KountFraud' })

export const FraudSchema = z
  .discriminatedUnion('provider', [KountFraudSchema], {
    error: (issue) => (issue.code === 'invalid_union' ? 'provider must be "kount"' : undefined)
  })
  .meta({ id: 'Fraud', description: 'An external fraud check result' })

// ---------------------------------------------------------------- order

const AttributesSchema = z
  .record(z.string().max(255), z.string().max(255, 'must be at most 255 characters'))
  .refine((value) => Object.keys(value).length <= 50, 'must have at most 50 keys')
  .meta({ description: 'Free-form string attributes → data.attributes (at most 50)', maxProperties: 50 })

const orderShape = z.strictObject({
  externalId: z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .meta({ description: 'Storefront order number; with the Kibo tenant and site, the idempotency key', example: 'SO-100234' }),
  placedAt: DateTimeSchema.meta({ description: '→ submittedDate' }),
  currency: CurrencySchema.meta({ description: '→ currencyCode' }),
  channel: optionalText().meta({ description: '→ channelCode (default from config)', example: 'Online' }),
  locale: LocaleSchema.nullish(),
  status: z
    .enum(['Completed', 'Canceled', 'Cancelled'])
    .nullish()
    .meta({ description: 'Only for order.completed; sent to Kibo as Completed / Cancelled' }),
  customer: CustomerSchema.nullish().meta({ description: 'The shopper; without it the order email comes from billTo.email' }),
  billTo: ContactSchema.meta({ description: '→ billingInfo.billingContact on the order and on every payment' }),
  shipTo: ContactSchema.nullish().meta({ description: '→ fulfillmentInfo.fulfillmentContact; required when any item ships' }),
  shippingMethod: z
    .strictObject({ code: text().meta({ example: 'fedex_FEDEX_2_DAY' }), name: optionalText().meta({ example: 'FedEx 2Day' }) })
    .nullish()
    .meta({ description: '→ fulfillmentInfo.shippingMethodCode/Name' }),
  items: z.array(ItemSchema).min(1, 'must have at least 1 item').max(MAX_ORDER_ITEMS, `must have at most ${MAX_ORDER_ITEMS} items`),
  total: MoneySchema.meta({ description: 'Grand total the shopper paid', example: '46.71' }),
  payments: z.array(PaymentSchema).max(20, 'must have at most 20 payments').nullish().meta({ description: 'Required unless total is 0' }),
  fraud: FraudSchema.nullish(),
  attributes: AttributesSchema.nullish(),
  restrictions: z
    .strictObject({
      edit: z
        .boolean()
        .nullish()
        .meta({ description: 'true: only roles with "Override Order Update Restriction" may edit the order in Kibo' }),
      cancellation: z.boolean().nullish().meta({ description: 'true: only those roles may cancel it' })
    })
    .nullish()
    .meta({ description: "Kibo's edit and cancellation restrictions, applied after the import (updateorderrestrictions)" }),
  translated: TranslatedExtensionSchema.nullish()
})

type OrderShape = z.output<typeof orderShape>

const ITEM_MONEY_FIELDS = [
  'unitPrice',
  'salePrice',
  'overridePrice',
  'discount',
  'orderDiscount',
  'tax',
  'shipping',
  'shippingTax',
  'handling',
  'duty',
  'handlingDiscount',
  'handlingTax'
] as const

/** Order-level cross-field rules; they run once every field is individually valid. */
function checkOrder (order: OrderShape, ctx: z.RefinementCtx) {
  const currency = order.currency
  // Zod still runs this when a sibling has a non-aborting issue (a failed refinement), so
  // only amounts that decoded to a decimal string are looked at.
  const isAmount = (amount: unknown): amount is string => typeof amount === 'string' && DECIMAL_STRING_PATTERN.test(amount)
  const scale = (amount: unknown, path: (string | number)[]) => {
    if (!isAmount(amount)) return
    const problem = checkScale(amount, currency)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, path, ...ruleParams('currency-decimals') })
  }

  const seen = new Map<string, number>()
  let ships = false
  order.items.forEach((item, index) => {
    for (const field of ITEM_MONEY_FIELDS) scale(item[field], ['items', index, field])
    const first = seen.get(item.lineId)
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `lineId ${JSON.stringify(item.lineId)} is already used by items[${first}]; lineIds must be unique in the order`,
        path: ['items', index, 'lineId'],
        ...ruleParams('unique-line-ids')
      })
    } else seen.set(item.lineId, index)
    if (item.fulfillment.method === 'Ship') ships = true
  })
  if (ships && (order.shipTo === undefined || order.shipTo === null)) {
    ctx.addIssue({ code: 'custom', message: 'shipTo is required when any item has fulfillment method "Ship"', path: ['shipTo'] })
  }

  if ((order.customer === undefined || order.customer === null) && (order.billTo?.email ?? '') === '') {
    ctx.addIssue({
      code: 'custom',
      message: 'an order email is required: send data.customer.email (or at least data.billTo.email)',
      path: ['customer', 'email']
    })
  }

  for (const lineId of Object.keys(order.translated?.lines ?? {})) {
    if (!seen.has(lineId)) {
      ctx.addIssue({
        code: 'custom',
        message: `no item has lineId ${JSON.stringify(lineId)}`,
        path: ['translated', 'lines', lineId],
        ...ruleParams('translated-line-ids')
      })
    }
  }

  scale(order.total, ['total'])
  const payments = order.payments ?? []
  payments.forEach((payment, index) => {
    scale(payment.amount, ['payments', index, 'amount'])
    if (payment.capture !== undefined && payment.capture !== null) scale(payment.capture.amount, ['payments', index, 'capture', 'amount'])
  })
  if (payments.length === 0 && isAmount(order.total) && !money(order.total).isZero()) {
    ctx.addIssue({ code: 'custom', message: 'payments are required when total is not 0', path: ['payments'] })
  }
}

/**
 * JSON Schema for the cross-field rules it can carry (zod checks them in checkOrder). A `then` or
 * `else` says what must not be there with `not` rather than with `properties`: Redocly's example
 * check counts properties named in a `then` as unevaluated.
 */
const ZERO_AMOUNT = { anyOf: [{ const: 0 }, { type: 'string', pattern: '^0+(\\.0+)?$' }] }
const orderEmailRule = {
  anyOf: [
    {
      description: 'The order e-mail from data.customer.email',
      required: ['customer'],
      not: { properties: { customer: { type: 'null' } } }
    },
    {
      description: '… or from data.billTo.email',
      required: ['billTo'],
      not: { properties: { billTo: { anyOf: [{ not: { required: ['email'] } }, { properties: { email: { type: 'null' } } }] } } }
    }
  ]
}
const orderJsonSchemaRules = {
  // In allOf (not beside properties): generated clients (openapi-typescript) then keep the object type.
  allOf: [
    orderEmailRule,
    {
      description: 'shipTo is required when any item has fulfillment method Ship',
      if: {
        required: ['items'],
        properties: {
          items: {
            contains: {
              required: ['fulfillment'],
              properties: { fulfillment: { required: ['method'], properties: { method: { const: 'Ship' } } } }
            }
          }
        }
      },
      then: { required: ['shipTo'], not: { properties: { shipTo: { type: 'null' } } } }
    },
    {
      description: 'payments are required unless total is 0',
      if: { required: ['total'], properties: { total: ZERO_AMOUNT } },
      else: { required: ['payments'], not: { properties: { payments: { anyOf: [{ type: 'null' }, { type: 'array', maxItems: 0 }] } } } }
    }
  ]
}

export const OrderSchema = orderShape
  .superRefine(checkOrder)
  .meta({
    id: 'Order',
    description:
      'The order (Normalized Order Event v1 `data`). Totals reconcile exactly, in decimal: ' +
      '`lineTotal = price × quantity − discount − orderDiscount + tax + shipping + shippingTax + handling + duty + handlingTax ' +
      '− handlingDiscount` ' +
      '(`price = overridePrice ?? salePrice ?? unitPrice`), `Σ lineTotal = total`, `Σ payments.amount = total`.',
    ...orderJsonSchemaRules
  })

// ---------------------------------------------------------------- envelope

export const ORDER_EVENT_TYPES = ['order.created', 'order.completed'] as const

export const OrderEventSchema = z
  .strictObject({
    type: z.enum(ORDER_EVENT_TYPES).meta({ description: '"order.completed" imports a historical (completed or cancelled) order' }),
    id: optionalText().meta({ description: 'Delivery/event id, logged; not the idempotency key', example: 'evt_7d2c9f0e61a4' }),
    timestamp: DateTimeSchema.meta({ description: 'When the storefront emitted the event' }),
    source: optionalText().meta({ description: 'Which storefront', example: 'shopify' }),
    data: OrderSchema
  })
  .superRefine((event, ctx) => {
    const status = event.data.status
    if (status !== undefined && status !== null && event.type !== 'order.completed') {
      ctx.addIssue({ code: 'custom', message: 'status is only allowed when type is "order.completed"', path: ['data', 'status'] })
    }
  })
  .meta({
    id: 'OrderEvent',
    description: 'Normalized Order Event v1: one storefront order to import into Kibo OMS.' + nonSchemaRulesText,
    if: { required: ['type'], properties: { type: { const: 'order.created' } } },
    then: { not: { properties: { data: { required: ['status'], properties: { status: { not: { type: 'null' } } } } } } },
    example: {
      type: 'order.created',
      timestamp: '2026-11-20T15:04:07Z',
      data: {
        externalId: 'SO-1',
        placedAt: '2026-11-20T15:04:05Z',
        currency: 'USD',
        customer: { email: 'a@example.com' },
        billTo: { firstName: 'A', lastName: 'B', address: { line1: '1 Main St', city: 'Austin', country: 'US' } },
        items: [{ lineId: '1', sku: 'X', quantity: 1, unitPrice: '5.00', fulfillment: { method: 'Pickup', locationCode: 'AUS' } }],
        total: '5.00',
        payments: [{ gateway: 'noop', amount: '5.00' }]
      }
    }
  })

export type OrderEvent = z.output<typeof OrderEventSchema>
export type OrderEventInput = z.input<typeof OrderEventSchema>
export type Order = OrderEvent['data']
export type Item = Order['items'][number]
export type Contact = z.output<typeof ContactSchema>
export type Address = z.output<typeof AddressSchema>
export type Payment = z.output<typeof PaymentSchema>
export type PaymentInput = z.input<typeof PaymentSchema>
export type Gateway = Payment['gateway']
// The union above and src/mapping/gateways/registry.ts name the same gateways (or this fails to compile).
export const SAME_GATEWAYS: [Gateway, GatewayName] extends [GatewayName, Gateway] ? true : never = true
export type PaymentOf<G extends Gateway> = Extract<Payment, { gateway: G }>
export type Card = z.output<typeof CardSchema>
export type AuthorizeNetCard = z.output<typeof AuthorizeNetCardSchema>
export type Capture = z.output<typeof CaptureSchema>
export type Fraud = z.output<typeof FraudSchema>
export type KountFraud = z.output<typeof KountFraudSchema>
export type CardBrand = (typeof CARD_BRANDS)[number]
