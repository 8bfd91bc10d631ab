// No-op gateway: a credit card payment recorded against the tenant's no-op gateway, which
// answers success to every later capture or credit without calling a real processor.
import type { PaymentOf } from '../../../schemas/order-event.ts'
import type { KiboPayment } from '../../../schemas/kibo-order.ts'
import { authorizationInteraction, kiboPayment, mapCard, type PaymentContext } from './common.ts'

export function mapNoopPayment (payment: PaymentOf<'noop'>, context: PaymentContext): KiboPayment {
  const card = payment.card ?? undefined
  return kiboPayment(payment, context, {
    paymentType: 'CreditCard',
    paymentWorkflow: 'Mozu',
    billingInfo:
      card === undefined
        ? { paymentType: 'CreditCard', billingContact: context.billingContact }
        : { paymentType: 'CreditCard', billingContact: context.billingContact, card: mapCard(card, card.token) },
    authorization: authorizationInteraction(payment, context, { gatewayTransactionId: payment.transactionId })
  })
}
