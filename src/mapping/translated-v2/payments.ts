// Event payment → translated `orderPayments[]` entry, one function per gateway, plus the
// maxAmount policy. Pure; amounts leave through money.toKiboNumber only.
//
// Payment type codes (Create Order guide): CC Credit Card, PP PayPal, NO No-Operation, CS CyberSource...
// Defaults per gateway (overridable per tenant with `paymentTypes`): cybersource → CC,
// authorizenet → CC, paypal → PP, noop → NO (subtype `noOperationType`, default KI "Kibo",
// which the guide lists for "All Currencies").
import type { Card, CardBrand, Gateway, Payment, PaymentOf } from '../../../schemas/order-event.ts'
import {
  GIFT_CARD_PAYMENT_TYPES,
  type CardIssuerCode,
  type PaymentTypeCode,
  type TranslatedAddress,
  type TranslatedOrderPayment,
  type TranslatedPaymentMethod
} from '../../../schemas/translated-order.ts'
import { type Decimal, toKiboNumber } from '../money.ts'
import { compact } from '../shared.ts'

export const DEFAULT_PAYMENT_TYPES: Readonly<Record<Gateway, PaymentTypeCode>> = {
  cybersource: 'CC',
  authorizenet: 'CC',
  paypal: 'PP',
  noop: 'NO'
}

/** The no-op subtype used when the tenant configures none: KI "Kibo", all currencies. */
export const DEFAULT_NO_OPERATION_TYPE = 'KI'
/**
 * "If using a no-operation payment, note that the cardNumber field must still be populated
 * even if the card is not actually exposed – in this case, the field can be set to a bogus
 * number." Used when a no-op payment has no card token.
 */
export const NO_OPERATION_PLACEHOLDER_CARD_NUMBER = '0000000000000000'

/** Event card brand → translated card issuer code (VI Visa, MC Mastercard, AM American Express, ...). */
export const CARD_ISSUER_BY_BRAND: Readonly<Record<CardBrand, CardIssuerCode>> = {
  VISA: 'VI',
  MC: 'MC',
  AMEX: 'AM',
  DISCOVER: 'DC',
  JCB: 'JB',
  DINERS: 'DI',
  UNIONPAY: 'CU',
  MAESTRO: 'MS'
}

/**
 * maxAmount "should be used particularly" as null for these types (Create Order guide: "Both null and
 * -1 specify that there is no maximum amount; null should be used particularly for the
 * payment types TK, LV, VO, CC, CS, NO, TD, PZ, PL, NG, and ST").
 */
export const NULL_MAX_AMOUNT_TYPES: ReadonlySet<string> = new Set(['TK', 'LV', 'VO', 'CC', 'CS', 'NO', 'TD', 'PZ', 'PL', 'NG', 'ST'])
export const GIFT_CARD_TYPES: ReadonlySet<string> = new Set(GIFT_CARD_PAYMENT_TYPES)

export type TranslatedPaymentContext = {
  currency: string
  billingAddress: TranslatedAddress
  paymentTypes?: Partial<Record<Gateway, PaymentTypeCode>>
  noOperationType?: string
}

/** "MM/YYYY", as the guide's sample writes cardExpiration ("12/2020"). */
export function cardExpiration (card: Pick<Card, 'expMonth' | 'expYear'> | null | undefined): string | undefined {
  const month = card?.expMonth
  const year = card?.expYear
  if (month === undefined || month === null || year === undefined || year === null) return undefined
  return `${String(month).padStart(2, '0')}/${year}`
}

function cardFields (card: Pick<Card, 'brand' | 'last4' | 'expMonth' | 'expYear'> | null | undefined, cardNumber: string | undefined) {
  return {
    cardIssuer: card?.brand === undefined || card.brand === null ? undefined : CARD_ISSUER_BY_BRAND[card.brand],
    cardNumber,
    ccLastFour: card?.last4,
    cardExpiration: cardExpiration(card)
  }
}

function paymentMethod (
  type: PaymentTypeCode,
  context: TranslatedPaymentContext,
  fields: Record<string, unknown>
): TranslatedPaymentMethod {
  return compact({
    billingAddress: context.billingAddress,
    paymentType: type,
    ...fields,
    // The guide's credit card sample carries paymentClass "CreditCard"; no other class is documented.
    paymentClass: type === 'CC' || type === 'CS' ? 'CreditCard' : undefined
  }) as TranslatedPaymentMethod
}

function typeFor (gateway: Gateway, context: TranslatedPaymentContext): PaymentTypeCode {
  return context.paymentTypes?.[gateway] ?? DEFAULT_PAYMENT_TYPES[gateway]
}

type Parts = { paymentMethod: TranslatedPaymentMethod; transactionID?: string | null; authorizationID?: string | null }

/** CyberSource: the card token is cardNumber; transactionId → transactionID, authCode → authorizationID. */
export function mapCybersourceMethod (payment: PaymentOf<'cybersource'>, context: TranslatedPaymentContext): Parts {
  const type = typeFor('cybersource', context)
  return {
    paymentMethod: paymentMethod(type, context, cardFields(payment.card, payment.card.token)),
    transactionID: payment.transactionId,
    authorizationID: payment.authCode
  }
}

/** Authorize.net: the customer profile id is the card token (as in the OMS mapping). */
export function mapAuthorizeNetMethod (payment: PaymentOf<'authorizenet'>, context: TranslatedPaymentContext): Parts {
  const type = typeFor('authorizenet', context)
  return {
    paymentMethod: paymentMethod(type, context, cardFields(payment.card, payment.customerProfileId)),
    transactionID: payment.transactionId,
    authorizationID: payment.authCode
  }
}

/** PayPal: EC token → payPalToken, payer id → payPalPayerID, authorization id → authorizationID. */
export function mapPayPalMethod (payment: PaymentOf<'paypal'>, context: TranslatedPaymentContext): Parts {
  const type = typeFor('paypal', context)
  return {
    paymentMethod: paymentMethod(type, context, { payPalToken: payment.token, payPalPayerID: payment.payerId }),
    authorizationID: payment.authorizationId
  }
}

/** No-op: type NO with a subtype; cardNumber is the card token, or a bogus number as the guide allows. */
export function mapNoopMethod (payment: PaymentOf<'noop'>, context: TranslatedPaymentContext): Parts {
  const type = typeFor('noop', context)
  const card = payment.card ?? undefined
  return {
    paymentMethod: paymentMethod(type, context, {
      ...cardFields(card, card?.token ?? (type === 'NO' ? NO_OPERATION_PLACEHOLDER_CARD_NUMBER : undefined)),
      noOperationType: type === 'NO' ? (context.noOperationType ?? DEFAULT_NO_OPERATION_TYPE) : undefined
    }),
    transactionID: payment.transactionId
  }
}

export const translatedPaymentMappers: { readonly [G in Gateway]: (payment: PaymentOf<G>, context: TranslatedPaymentContext) => Parts } = {
  cybersource: mapCybersourceMethod,
  authorizenet: mapAuthorizeNetMethod,
  paypal: mapPayPalMethod,
  noop: mapNoopMethod
}

/** The payment method of one event payment (also the paymentMethod of an authorize request). */
export function mapPaymentMethod (payment: Payment, context: TranslatedPaymentContext): Parts {
  const mapper = translatedPaymentMappers[payment.gateway] as (payment: Payment, context: TranslatedPaymentContext) => Parts
  return mapper(payment, context)
}

/**
 * One orderPayments entry: authAmount is what this order takes from the payment (its amount,
 * or its share when the order was split); maxAmount per `maxAmountFor`.
 */
export function mapTranslatedPayment (
  payment: Payment,
  context: TranslatedPaymentContext,
  authAmount: Decimal | string,
  maxAmount: Decimal | string | null
): TranslatedOrderPayment {
  const parts = mapPaymentMethod(payment, context)
  return compact({
    paymentMethod: parts.paymentMethod,
    maxAmount: maxAmount === null ? undefined : toKiboNumber(maxAmount, context.currency),
    transactionID: parts.transactionID,
    authorizationID: parts.authorizationID,
    authAmount: toKiboNumber(authAmount, context.currency)
  }) as TranslatedOrderPayment
}

/**
 * maxAmount policy (Create Order guide): one payment → null ("no maximum amount"; null is what the guide
 * asks for CC, CS, NO, ...); several payments → every payment but the last is limited to its
 * amount ("Use a positive value if there are multiple payment methods and some of them should
 * be limited"), the last is unlimited (null); a gift card type is always limited to its
 * amount ("if the payment is a gift card ... maxAmount should be the available balance").
 */
export function maxAmountFor (type: string, index: number, count: number, amount: Decimal | string): Decimal | string | null {
  if (GIFT_CARD_TYPES.has(type)) return amount
  if (count > 1 && index < count - 1) return amount
  return null
}
