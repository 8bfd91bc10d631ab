// Pieces every gateway mapper shares: the card, the Authorization interaction, the optional
// Capture interaction and the payment envelope around them. Gateway files only say what is
// specific to their gateway.
import type { AuthorizeNetCard, Capture, Card } from '../../../schemas/order-event.ts'
import type {
  KiboBillingInfo,
  KiboCard,
  KiboContact,
  KiboGatewayResponseData,
  KiboPayment,
  KiboPaymentInteraction
} from '../../../schemas/kibo-order.ts'
import { toKiboNumber } from '../money.ts'
import { compact, toKiboDate } from '../shared.ts'

/** What a gateway mapper needs from the rest of the order. */
export type PaymentContext = {
  /** Order currency (ISO 4217). */
  currency: string
  /** data.placedAt: the interaction date when the payment has no authorizedAt. */
  placedAt: string
  /** data.billTo, already mapped: every payment carries its own billingInfo. */
  billingContact: KiboContact
}

/** Fields of a payment every gateway has (see the contract's "Common"). */
export type CommonPaymentFields = {
  amount: string
  authorizedAt?: string | null
  capture?: Capture | null
}

/** Card → Kibo billingInfo.card; `cardNumberPartOrMask` is the gateway's token, never a PAN. */
export function mapCard (card: Card | AuthorizeNetCard | null | undefined, cardNumberPartOrMask: string): KiboCard {
  return compact({
    paymentOrCardType: card?.brand,
    cardNumberPartOrMask,
    ccLastFour: card?.last4,
    isTokenized: true as const,
    expireMonth: card?.expMonth,
    expireYear: card?.expYear,
    nameOnCard: card?.nameOnCard
  })
}

export type AuthorizationFields = {
  gatewayTransactionId?: string | null
  gatewayAuthCode?: string | null
  gatewayAVSCodes?: string | null
  gatewayCVV2Codes?: string | null
  gatewayResponseCode?: string | null
  gatewayResponseText?: string | null
  gatewayResponseData?: KiboGatewayResponseData[]
}

/** The Authorization/Authorized interaction, dated authorizedAt ?? placedAt. */
export function authorizationInteraction (
  payment: CommonPaymentFields,
  context: PaymentContext,
  fields: AuthorizationFields
): KiboPaymentInteraction {
  return compact({
    interactionType: 'Authorization' as const,
    status: 'Authorized' as const,
    amount: toKiboNumber(payment.amount, context.currency),
    currencyCode: context.currency,
    interactionDate: toKiboDate(payment.authorizedAt ?? context.placedAt),
    gatewayTransactionId: fields.gatewayTransactionId,
    gatewayAuthCode: fields.gatewayAuthCode,
    gatewayAVSCodes: fields.gatewayAVSCodes,
    gatewayCVV2Codes: fields.gatewayCVV2Codes,
    gatewayResponseCode: fields.gatewayResponseCode,
    gatewayResponseText: fields.gatewayResponseText,
    gatewayResponseData: fields.gatewayResponseData
  })
}

/** The Capture/Captured interaction for a captured payment. */
export function captureInteraction (capture: Capture, context: PaymentContext): KiboPaymentInteraction {
  return {
    interactionType: 'Capture',
    status: 'Captured',
    amount: toKiboNumber(capture.amount, context.currency),
    currencyCode: context.currency,
    interactionDate: toKiboDate(capture.capturedAt),
    gatewayTransactionId: capture.transactionId
  }
}

export type PaymentParts = {
  paymentType: string
  paymentWorkflow: string
  billingInfo: KiboBillingInfo
  authorization: KiboPaymentInteraction
  externalTransactionId?: string
  data?: KiboPayment['data']
}

/**
 * The Kibo payment: Authorized with amountRequested = amount; with a capture it is Collected,
 * amountCollected is the captured amount and a second interaction records the capture.
 */
export function kiboPayment (payment: CommonPaymentFields, context: PaymentContext, parts: PaymentParts): KiboPayment {
  const capture = payment.capture ?? undefined
  const interactions = [parts.authorization]
  if (capture !== undefined) interactions.push(captureInteraction(capture, context))
  return compact({
    paymentType: parts.paymentType,
    paymentWorkflow: parts.paymentWorkflow,
    status: capture === undefined ? ('Authorized' as const) : ('Collected' as const),
    amountRequested: toKiboNumber(payment.amount, context.currency),
    amountCollected: capture === undefined ? 0 : toKiboNumber(capture.amount, context.currency),
    externalTransactionId: parts.externalTransactionId,
    billingInfo: parts.billingInfo,
    interactions,
    data: parts.data
  })
}
