// Authorize.net: the card is a customer payment profile. Kibo's adapter reads the customer
// profile id from card.cardNumberPartOrMask, the payment profile id from payment.data, and
// TransactionId / ApprovalCode from the interaction's gatewayResponseData.
import type { PaymentOf } from '../../../schemas/order-event.ts'
import type { KiboPayment } from '../../../schemas/kibo-order.ts'
import { authorizationInteraction, kiboPayment, mapCard, type PaymentContext } from './common.ts'

export function mapAuthorizeNetPayment (payment: PaymentOf<'authorizenet'>, context: PaymentContext): KiboPayment {
  return kiboPayment(payment, context, {
    paymentType: 'CreditCard',
    paymentWorkflow: 'Mozu',
    billingInfo: {
      paymentType: 'CreditCard',
      billingContact: context.billingContact,
      card: mapCard(payment.card, payment.customerProfileId)
    },
    data: { customerPaymentProfileId: payment.customerPaymentProfileId },
    authorization: authorizationInteraction(payment, context, {
      gatewayTransactionId: payment.transactionId,
      gatewayAuthCode: payment.authCode,
      gatewayAVSCodes: payment.avsCode,
      gatewayCVV2Codes: payment.cvvCode,
      gatewayResponseData: [
        { key: 'TransactionId', value: payment.transactionId },
        { key: 'ApprovalCode', value: payment.authCode }
      ]
    })
  })
}
