// Gateway registry: one pure mapper per gateway (event payment in → Kibo payment out).
// Adding a gateway: the recipe is in README.md here (registry.ts, the schema, one file here and one line below).
import type { Gateway, Payment, PaymentOf } from '../../../schemas/order-event.ts'
import type { KiboPayment } from '../../../schemas/kibo-order.ts'
import type { PaymentContext } from './common.ts'
import { mapAuthorizeNetPayment } from './authorizenet.ts'
import { mapCybersourcePayment } from './cybersource.ts'
import { mapNoopPayment } from './noop.ts'
import { mapPayPalPayment } from './paypal.ts'

export type { PaymentContext } from './common.ts'
export type GatewayMapper<G extends Gateway> = (payment: PaymentOf<G>, context: PaymentContext) => KiboPayment

export const gatewayMappers: { readonly [G in Gateway]: GatewayMapper<G> } = {
  cybersource: mapCybersourcePayment,
  authorizenet: mapAuthorizeNetPayment,
  paypal: mapPayPalPayment,
  noop: mapNoopPayment
}

/** Maps one event payment with its gateway's mapper. */
export function mapPayment (payment: Payment, context: PaymentContext): KiboPayment {
  const mapper = gatewayMappers[payment.gateway] as GatewayMapper<typeof payment.gateway>
  return mapper(payment as never, context)
}

export { mapAuthorizeNetPayment, mapCybersourcePayment, mapNoopPayment, mapPayPalPayment }
