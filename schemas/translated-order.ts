// Kibo's translated Create Order API v2 (the legacy OMS "createOrder" API behind
// https://{tenant}-translation[.sandbox].mozu.com/api/v2/createOrder/) and Create Order
// Authorize (POST /api/v2/createOrder/authorize), as zod 4 schemas. Source: the two guides
// Kibo's "Create Order" and "Create Order Authorize" guides for translated APIs.
//
// - Lengths, minimums, enums and required/optional are the guides' tables, quoted beside
//   each field. Where a guide says "see the schema" without giving it, the object is loose
//   (unknown members kept) rather than guessed.
// - An optional member may be null: the guides' own samples send null for absent values.
// - Only the rules a single field (or one small object) can check live here; the rules that
//   need the whole order (availability splits, the US tax rate limit, maxAmount by payment
//   type, no-op subtype currencies) are in src/mapping/translated-v2/rules.ts, and
//   the simulator re-implements them on its own (src/kibo-simulator/translated.ts).
import { z } from 'zod'

// ---------------------------------------------------------------- code lists (Create Order guide)

/** "The full list of ISO codes supported by Unified Commerce" (Create Order guide; totalCount 162). */
export const TRANSLATED_CURRENCIES = [
  'AED',
  'AFN',
  'ALL',
  'AMD',
  'ANG',
  'AOA',
  'ARS',
  'AUD',
  'AWG',
  'AZN',
  'BAM',
  'BBD',
  'BDT',
  'BGN',
  'BHD',
  'BIF',
  'BMD',
  'BND',
  'BOB',
  'BRL',
  'BSD',
  'BTN',
  'BWP',
  'BYR',
  'BZD',
  'CAD',
  'CDF',
  'CHF',
  'CLP',
  'CNY',
  'COP',
  'CRC',
  'CUC',
  'CUP',
  'CVE',
  'CZK',
  'DJF',
  'DKK',
  'DOP',
  'DZD',
  'EGP',
  'ERN',
  'ETB',
  'EUR',
  'FJD',
  'FKP',
  'GBP',
  'GEL',
  'GGP',
  'GHS',
  'GIP',
  'GMD',
  'GNF',
  'GTQ',
  'GYD',
  'HKD',
  'HNL',
  'HRK',
  'HTG',
  'HUF',
  'IDR',
  'ILS',
  'IMP',
  'INR',
  'IQD',
  'IRR',
  'ISK',
  'JEP',
  'JMD',
  'JOD',
  'JPY',
  'KES',
  'KGS',
  'KHR',
  'KMF',
  'KPW',
  'KRW',
  'KWD',
  'KYD',
  'KZT',
  'LAK',
  'LBP',
  'LKR',
  'LRD',
  'LSL',
  'LTL',
  'LVL',
  'LYD',
  'MAD',
  'MDL',
  'MGA',
  'MKD',
  'MMK',
  'MNT',
  'MOP',
  'MRO',
  'MUR',
  'MVR',
  'MWK',
  'MXN',
  'MYR',
  'MZN',
  'NAD',
  'NGN',
  'NIO',
  'NOK',
  'NPR',
  'NZD',
  'OMR',
  'PAB',
  'PEN',
  'PGK',
  'PHP',
  'PKR',
  'PLN',
  'PYG',
  'QAR',
  'RON',
  'RSD',
  'RUB',
  'RWF',
  'SAR',
  'SBD',
  'SCR',
  'SDG',
  'SEK',
  'SGD',
  'SHP',
  'SLL',
  'SOS',
  'SPL',
  'SRD',
  'STD',
  'SVC',
  'SYP',
  'SZL',
  'THB',
  'TJS',
  'TMT',
  'TND',
  'TOP',
  'TRY',
  'TTD',
  'TVD',
  'TWD',
  'TZS',
  'UAH',
  'UGX',
  'USD',
  'UYU',
  'UZS',
  'VEF',
  'VND',
  'VUV',
  'WST',
  'XDR',
  'XOF',
  'XPF',
  'YER',
  'ZAR',
  'ZMK',
  'ZWD'
] as const

/** "Kibo supports IETF codes to denote locales and languages for orders" (the Create Order guide's table). */
export const TRANSLATED_LOCALES = [
  'en-US',
  'en-GB',
  'en-HL',
  'en-IN',
  'es-ES',
  'es-MX',
  'ko-KR',
  'de-DE',
  'el-GR',
  'fr-CA',
  'fr-FR',
  'it-IT',
  'ja-JP',
  'nl-NL',
  'nb-NO',
  'no-NO',
  'ru-RU',
  'sv-SE',
  'zh-cmn-CN',
  'zh-HANT',
  'zh-yue-CN'
] as const

/**
 * Availability codes (Create Order guide): Y Yes, N No, L Limited, M Manufacturer Ship Only,
 * J Split to Merchant, P Preorder, D Discontinued, I Digital Content, S Ship to Store Only,
 * G Gift Card (Digital), V Service, F Gift Card (Physical).
 */
export const AVAILABILITY_CODES = ['Y', 'N', 'L', 'M', 'J', 'P', 'D', 'I', 'S', 'G', 'V', 'F'] as const

/** "The supported codes and definitions for non-gift card payment types" (Create Order guide). */
export const NON_GIFT_CARD_PAYMENT_TYPES = ['CC', 'LV', 'VO', 'CS', 'PZ', 'AD', 'PP', 'EB', 'TK', 'NG', 'PL', 'NO', 'TD', 'ST'] as const
/** "The supported codes and definitions for gift card payment types" (Create Order guide). */
export const GIFT_CARD_PAYMENT_TYPES = ['GC', 'GT', 'GX', 'IM', 'M1', 'M2', 'M3', 'VA'] as const
export const PAYMENT_TYPES = [...NON_GIFT_CARD_PAYMENT_TYPES, ...GIFT_CARD_PAYMENT_TYPES] as const

/** "The supported codes and definitions for card issuers" (Create Order guide). */
export const CARD_ISSUERS = ['AM', 'BC', 'CL', 'CU', 'DB', 'DI', 'DE', 'DC', 'JB', 'LS', 'MS', 'MC', 'ST', 'SV', 'SW', 'VI', 'VL'] as const

/**
 * No-operation payment subtypes and their supported currencies (Create Order guide); `'*'` is
 * "All Currencies". Implementation-specific custom subtypes exist but are not listed.
 */
export const NO_OPERATION_SUBTYPES: Readonly<Record<string, readonly string[] | '*'>> = {
  AM: ['USD'],
  AX: ['USD'],
  CA: ['USD'],
  DR: ['USD'],
  DS: ['USD'],
  FX: ['USD'],
  GC: '*',
  HI: ['USD'],
  KI: '*',
  KL: '*',
  MA: ['USD'],
  PC: ['USD'],
  PY: ['USD'],
  SR: '*',
  SV: ['USD'],
  TR: ['USD'],
  VI: ['USD']
}

export type TranslatedCurrency = (typeof TRANSLATED_CURRENCIES)[number]
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number]
export type AvailabilityCode = (typeof AVAILABILITY_CODES)[number]
export type PaymentTypeCode = (typeof PAYMENT_TYPES)[number]
export type CardIssuerCode = (typeof CARD_ISSUERS)[number]

// ---------------------------------------------------------------- building blocks

const len = (min: number | undefined, max: number | undefined) => {
  let schema = z.string()
  if (min !== undefined) schema = schema.min(min, `must be at least ${min} character${min === 1 ? '' : 's'}`)
  if (max !== undefined) schema = schema.max(max, `must be at most ${max} characters`)
  return schema
}
const nonNegative = () => z.number().min(0, 'must not be negative')
const customData = () => z.record(z.string(), z.string())

export const TranslatedCurrencySchema = z.enum(TRANSLATED_CURRENCIES, {
  error: 'must be one of the 162 currency codes Kibo lists for the Create Order API'
})
export const TranslatedLocaleSchema = z.enum(TRANSLATED_LOCALES, {
  error: `must be one of the IETF codes Kibo lists: ${TRANSLATED_LOCALES.join(', ')}`
})

// ---------------------------------------------------------------- addresses, customer

/**
 * An address (shippingAddress, billingAddress). The guides give no field table, only samples;
 * "the method will always include a valid billing address (which supports up to 250
 * characters per addressLine1, addressLine2, and addressLine3)".
 */
export const TranslatedAddressSchema = z
  .looseObject({
    addressID: z.union([z.number(), z.string()]).nullish(),
    customerID: z.union([z.number(), z.string()]).nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    company: z.string().nullish(),
    addressLine1: len(1, 250),
    addressLine2: len(undefined, 250).nullish(),
    addressLine3: len(undefined, 250).nullish(),
    phone: z.string().nullish(),
    city: len(1, undefined),
    postalCode: z.string().nullish(),
    state: z.string().nullish(),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code, like "US"'),
    latitude: z.number().nullish(),
    longitude: z.number().nullish(),
    fraudLock: z.boolean().nullish(),
    active: z.boolean().nullish(),
    taxID: z.string().nullish(),
    isBilling: z.boolean().nullish(),
    isShipping: z.boolean().nullish()
  })
  .meta({ id: 'TranslatedAddress' })

/**
 * The customer (the Create Order Authorize guide's table; the Create Order guide refers to the same Customer API): "Only
 * firstName, lastName, email, and phone1 are required." customerID "and customerCustomDataID
 * ... are read-only in practice ... if an API request includes either of these fields and
 * assigns a value to them instead of 'null', then it will be ignored by the API."
 */
export const TranslatedCustomerSchema = z
  .looseObject({
    customerID: z.union([len(1, undefined), z.number()]).nullish(),
    firstName: len(1, 300),
    lastName: len(1, 300),
    email: len(1, 250),
    password: z.string().nullish(),
    phone1: len(1, 20),
    phone2: len(undefined, 20).nullish(),
    accountCreated: z.iso.datetime({ offset: true }).nullish(),
    active: z.enum(['ACTIVE', 'INACTIVE', 'FROZEN']).nullish(),
    customData: z.array(z.unknown()).nullish()
  })
  .meta({ id: 'TranslatedCustomer' })

// ---------------------------------------------------------------- items

export const TranslatedProductSchema = z.looseObject({
  partNumber: len(1, undefined),
  productID: z.union([z.number(), z.string()]).nullish(),
  availability: z.enum(AVAILABILITY_CODES, { error: `must be one of the availability codes ${AVAILABILITY_CODES.join(', ')}` }),
  name: z.string().nullish(),
  retailPrice: nonNegative().nullish(),
  averageDealerMargin: z.number().nullish(),
  upc: z.string().nullish()
})

export const TranslatedItemSpecificsSchema = z.looseObject({
  externalItemID: z.string().nullish(),
  actualPrice: nonNegative(),
  quantity: z.int('must be a whole number').min(1, 'must be at least 1'),
  shipping: nonNegative().nullish(),
  shippingTax: nonNegative().nullish(),
  itemTaxOverride: nonNegative().nullish(),
  customItemData: customData().nullish(),
  options: customData().nullish(),
  customData: z.unknown().nullish()
})

export const TranslatedOrderItemSchema = z
  .looseObject({
    orderItemID: z.union([z.number(), z.string()]).nullish(),
    product: TranslatedProductSchema,
    itemSpecifics: TranslatedItemSpecificsSchema
  })
  .meta({ id: 'TranslatedOrderItem' })

// ---------------------------------------------------------------- shipping method

/**
 * "Additionally, all three of these values [carrier, carrierType and serviceType] must be
 * used together in order to successfully submit the request. Providing only one or two values
 * will result in a Bad Request error." and "in the configuration that includes 'name',
 * 'price' and 'description' parameters, these are read-only fields ... Attempting to manually
 * set these fields will result in invalid input errors." (Create Order guide; the prose says
 * "shipType" once, its example and every other mention say serviceType.)
 */
export const TranslatedShippingMethodSchema = z
  .looseObject({
    shippingType: z.string().nullish(),
    shippingClass: z.string().nullish(),
    deliveryMethod: z.string().nullish(),
    carrier: z.string().nullish(),
    carrierType: z.string().nullish(),
    serviceType: z.string().nullish(),
    name: z.unknown().optional(),
    price: z.unknown().optional(),
    description: z.unknown().optional()
  })
  .superRefine((method, ctx) => {
    const given = (['carrier', 'carrierType', 'serviceType'] as const).filter((key) => method[key] !== undefined && method[key] !== null)
    if (given.length > 0 && given.length < 3) {
      ctx.addIssue({
        code: 'custom',
        message: `carrier, carrierType and serviceType must be used together; only ${given.join(', ')} given`,
        path: []
      })
    }
    for (const key of ['name', 'price', 'description'] as const) {
      if (method[key] !== undefined && method[key] !== null) {
        ctx.addIssue({ code: 'custom', message: `${key} is read-only (populated by OMS) and must not be set`, path: [key] })
      }
    }
  })
  .meta({ id: 'TranslatedShippingMethod' })

// ---------------------------------------------------------------- payments

/** One of the "11 options for defining the payment method"; only the credit card one is shown in the guides. */
export const TranslatedPaymentMethodSchema = z
  .looseObject({
    billingAddress: TranslatedAddressSchema,
    paymentType: z.enum(PAYMENT_TYPES, { error: `must be one of the payment type codes ${PAYMENT_TYPES.join(', ')}` }),
    cardIssuer: z.enum(CARD_ISSUERS, { error: `must be one of the card issuer codes ${CARD_ISSUERS.join(', ')}` }).nullish(),
    noOperationType: z.string().nullish(),
    cardNumber: z.string().nullish(),
    ccLastFour: z
      .string()
      .regex(/^[0-9]{4}$/, 'must be the last four digits')
      .nullish(),
    cardSecurityCode: z.string().nullish(),
    cardExpiration: z.string().nullish(),
    paymentClass: z.string().nullish(),
    payPalToken: z.string().nullish(),
    payPalPayerID: z.string().nullish(),
    paymentMethodToken: z.string().nullish(),
    authToken: z.string().nullish(),
    cardToken: z.string().nullish(),
    creditPlan: z.unknown().nullish(),
    creditPlanType: z.unknown().nullish(),
    retailerRef: z.unknown().nullish(),
    financeCode: z.unknown().nullish(),
    paymentMethodID: z.unknown().nullish()
  })
  .meta({ id: 'TranslatedPaymentMethod' })

/** "The maxAmount parameter can be set to null, -1, or a positive number." */
export const MaxAmountSchema = z
  .number()
  .refine((value) => value === -1 || value > 0, 'must be null, -1 or a positive number')
  .nullish()

export const TranslatedOrderPaymentSchema = z
  .looseObject({
    orderPaymentID: z.union([z.number(), z.string()]).nullish(),
    paymentMethod: TranslatedPaymentMethodSchema,
    paymentMethodID: z.unknown().nullish(),
    maxAmount: MaxAmountSchema,
    transactionID: z.string().nullish(),
    authorizationID: z.string().nullish(),
    paymentType: z.unknown().nullish(),
    authAmount: nonNegative().nullish()
  })
  .meta({ id: 'TranslatedOrderPayment' })

// ---------------------------------------------------------------- create order

/** POST /api/v2/createOrder/ — the Create Order guide's "Required Parameters" and "Optional Parameters" tables. */
export const TranslatedCreateOrderRequestSchema = z
  .looseObject({
    // required
    externalOrderID: len(1, 100),
    manufacturerID: z.int('must be an integer').min(1, 'must be at least 1'),
    catalogID: z.int('must be an integer').min(0, 'must be at least 0'),
    locale: TranslatedLocaleSchema,
    currency: TranslatedCurrencySchema,
    customer: TranslatedCustomerSchema,
    orderItems: z.array(TranslatedOrderItemSchema).min(1, 'must have at least 1 item'),
    shippingMethod: TranslatedShippingMethodSchema,
    shippingAddress: TranslatedAddressSchema,
    orderPayments: z.array(TranslatedOrderPaymentSchema),
    customerIP: len(1, undefined),
    sendEmail: z.boolean(),
    // optional
    orderID: z.int().min(1).nullish(),
    cartID: len(undefined, 512).nullish(),
    currencyLocale: z.string().nullish(),
    orderGift: z.looseObject({ recipient: z.string().nullish(), message: z.string().nullish() }).nullish(),
    shippingTax: nonNegative().nullish(),
    shippingTaxRate: nonNegative().nullish(),
    forceItemTaxOverride: z.boolean().nullish(),
    orderComment: len(undefined, 1000).nullish(),
    optInRetailer: z.boolean().nullish(),
    landingCode: len(10, 200).nullish(),
    // The table calls it "customerOrderDate ... A hash of custom data"; the full sample sends customOrderData.
    customOrderData: customData().nullish(),
    fraudData: z.array(z.looseObject({})).nullish(),
    allowSplit: z.boolean().nullish(),
    isTestOrder: z.boolean().nullish(),
    expectedDeliveryDate: z.iso.datetime({ offset: true }).nullish(),
    promotions: z.array(z.unknown()).nullish(),
    discounts: z.array(z.unknown()).nullish(),
    channel: z.string().nullish()
  })
  .meta({ id: 'TranslatedCreateOrderRequest' })

/**
 * The create response: "The response will list all order details, including the OMS-assigned
 * Order ID". No response schema is given, so only orderID is relied on.
 */
export const TranslatedCreateOrderResponseSchema = z
  .looseObject({
    orderID: z.int().min(1),
    externalOrderID: z.string().nullish()
  })
  .meta({ id: 'TranslatedCreateOrderResponse' })

// ---------------------------------------------------------------- authorize

/**
 * POST /api/v2/createOrder/authorize (Create Order Authorize guide). The parameter table names the cart id
 * "externalCardID"; the guide's full request (and the idea: "External Cart ID 0123456") use
 * externalCartID, which is what this schema requires.
 */
export const TranslatedAuthorizeRequestSchema = z
  .looseObject({
    externalCartID: len(1, 255),
    manufacturerID: z.int('must be an integer').min(1, 'must be at least 1'),
    catalogID: z.int('must be an integer').min(0, 'must be at least 0'),
    currency: TranslatedCurrencySchema,
    paymentMethod: TranslatedPaymentMethodSchema,
    amount: nonNegative(),
    customer: TranslatedCustomerSchema,
    locale: TranslatedLocaleSchema.nullish(),
    testOrder: z.boolean().nullish(),
    shippingAddress: TranslatedAddressSchema.nullish()
  })
  .meta({ id: 'TranslatedAuthorizeRequest' })

/**
 * "The response will return the Order ID, Payment Method Token, and Auth Token. The
 * authorization token is what should be used in the Create Order request." The member names
 * are not given; these follow the request's own spelling (orderID, paymentMethodToken, authToken).
 */
export const TranslatedAuthorizeResponseSchema = z
  .looseObject({
    orderID: z.int().min(1),
    paymentMethodToken: z.string().nullish(),
    authToken: z.string().min(1)
  })
  .meta({ id: 'TranslatedAuthorizeResponse' })

export type TranslatedAddress = z.output<typeof TranslatedAddressSchema>
export type TranslatedCustomer = z.output<typeof TranslatedCustomerSchema>
export type TranslatedProduct = z.output<typeof TranslatedProductSchema>
export type TranslatedItemSpecifics = z.output<typeof TranslatedItemSpecificsSchema>
export type TranslatedOrderItem = z.output<typeof TranslatedOrderItemSchema>
export type TranslatedShippingMethod = z.output<typeof TranslatedShippingMethodSchema>
export type TranslatedPaymentMethod = z.output<typeof TranslatedPaymentMethodSchema>
export type TranslatedOrderPayment = z.output<typeof TranslatedOrderPaymentSchema>
export type TranslatedCreateOrderRequest = z.output<typeof TranslatedCreateOrderRequestSchema>
export type TranslatedCreateOrderResponse = z.output<typeof TranslatedCreateOrderResponseSchema>
export type TranslatedAuthorizeRequest = z.output<typeof TranslatedAuthorizeRequestSchema>
export type TranslatedAuthorizeResponse = z.output<typeof TranslatedAuthorizeResponseSchema>
