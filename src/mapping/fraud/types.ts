import type { KiboValidationResult } from '../../../schemas/kibo-order.ts'
import type { Problem } from '../../../schemas/problem.ts'

/** What to do with an order the fraud provider declined: import it for review, or refuse it (422). */
export type FraudDeclineAction = 'review' | 'reject'

export type FraudContext = {
  /** data.placedAt: the result's createdDate when the provider gave no checkedAt. */
  placedAt: string
  declineAction: FraudDeclineAction
}

export type FraudOutcome = { ok: true; validationResult: KiboValidationResult } | { ok: false; problem: Problem }
