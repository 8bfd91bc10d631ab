// Type-level check (enforced by `npx tsc --noEmit`): our KiboOrder payload must be assignable
// to the official Kibo SDK's Commerce `Order` model, so every field we send exists there with
// a compatible type. The runtime part only keeps tap happy and checks a golden payload.
import t from 'tap'
import { readFileSync } from 'node:fs'
import type { Order, OrderItem, Payment, BillingInfo, OrderValidationResult } from '@kibocommerce/rest-sdk/clients/Commerce/index.js'
import {
  KiboOrderSchema,
  type KiboBillingInfo,
  type KiboOrder,
  type KiboOrderItem,
  type KiboPayment,
  type KiboValidationResult
} from '../../schemas/kibo-order.ts'

type Assignable<From, To> = [From] extends [To] ? true : false
const orderIsAssignable: Assignable<KiboOrder, Order> = true
const itemIsAssignable: Assignable<KiboOrderItem, OrderItem> = true
const paymentIsAssignable: Assignable<KiboPayment, Payment> = true
const billingIsAssignable: Assignable<KiboBillingInfo, BillingInfo> = true
const validationIsAssignable: Assignable<KiboValidationResult, OrderValidationResult> = true

/** Compile-time only: fails `tsc` if KiboOrder stops being a Kibo SDK Order. */
function asSdkOrder (order: KiboOrder): Order {
  return order
}

t.test('KiboOrder is assignable to @kibocommerce/rest-sdk Order (checked by tsc)', async (t) => {
  t.ok(orderIsAssignable && itemIsAssignable && paymentIsAssignable && billingIsAssignable && validationIsAssignable)
  const golden = KiboOrderSchema.parse(
    JSON.parse(readFileSync(new URL('../golden/cybersource-ship-usd.kibo.json', import.meta.url), 'utf8'))
  )
  const order = asSdkOrder(golden)
  t.equal(order.isImport, true)
  t.equal(order.externalId, 'SO-100234')
})
