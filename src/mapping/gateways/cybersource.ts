// CyberSource: a tokenized card authorized by CyberSource. Kibo needs the request id and
// request token of the authorization (gatewayResponseData) to capture or credit later.
import type { PaymentOf } from '../../../schemas/order-event.ts'
import type { KiboPayment } from '../../../schemas/kibo-order.ts'
import { authorizationInteraction, kiboPayment, mapCard, type PaymentContext } from './common.ts'

export function mapCybersourcePayment (payment: PaymentOf<'cybersource'>, context: PaymentContext): KiboPayment {
  return kiboPayment(payment, context, {
    paymentType: 'CreditCard',
    paymentWorkflow: 'Mozu',
    billingInfo: { paymentType: 'CreditCard', billingContact: context.billingContact, card: mapCard(payment.card, payment.card.token) },
    authorization: authorizationInteraction(payment, context, {
      gatewayTransactionId: payment.transactionId,
      gatewayAuthCode: payment.authCode,
      gatewayAVSCodes: payment.avsCode,
      gatewayCVV2Codes: payment.cvvCode,
      gatewayResponseCode: payment.responseCode,
      gatewayResponseText: payment.responseText,
      gatewayResponseData: [
        { key: 'AuthorizationRequestId', value: payment.requestId },
        { key: 'AuthorizationRequestToken', value: payment.requestToken },
        { key: 'currencyCode', value: context.currency }
      ]
    })
  })
}
