// PayPal Express 2 (a Kibo third-party payment application): the EC token is the payment's
// externalTransactionId, the payer id lives in billingInfo.data.paypal, and the
// authorization id is the interaction's gatewayTransactionId.
import type { PaymentOf } from '../../../schemas/order-event.ts'
import type { KiboPayment } from '../../../schemas/kibo-order.ts'
import { authorizationInteraction, kiboPayment, type PaymentContext } from './common.ts'

export function mapPayPalPayment (payment: PaymentOf<'paypal'>, context: PaymentContext): KiboPayment {
  return kiboPayment(payment, context, {
    paymentType: 'PayPalExpress2',
    paymentWorkflow: 'PayPalExpress2',
    externalTransactionId: payment.token,
    billingInfo: {
      paymentType: 'PayPalExpress2',
      paymentWorkflow: 'PayPalExpress2',
      billingContact: context.billingContact,
      data: { paypal: { payerId: payment.payerId } }
    },
    authorization: authorizationInteraction(payment, context, { gatewayTransactionId: payment.authorizationId })
  })
}
