// Fraud provider registry: one pure mapper per provider (event fraud result in → Kibo
// validationResults entry out, or a 422 problem). Adding a provider = its schema in
// schemas/order-event.ts, one file here, one line below.
import type { Fraud } from '../../../schemas/order-event.ts'
import { mapKountFraud } from './kount.ts'
import type { FraudContext, FraudOutcome } from './types.ts'

export type { FraudContext, FraudDeclineAction, FraudOutcome } from './types.ts'
export { kountMessages, kountVerdict, mapKountFraud, type KountVerdict } from './kount.ts'

type Provider = Fraud['provider']
export type FraudMapper<P extends Provider> = (fraud: Extract<Fraud, { provider: P }>, context: FraudContext) => FraudOutcome

export const fraudMappers: { readonly [P in Provider]: FraudMapper<P> } = {
  kount: mapKountFraud
}

/** Maps one fraud result with its provider's mapper. */
export function mapFraud (fraud: Fraud, context: FraudContext): FraudOutcome {
  const mapper = fraudMappers[fraud.provider] as FraudMapper<typeof fraud.provider>
  return mapper(fraud as never, context)
}
