// Kount → one Kibo validationResults entry. Kibo puts an imported order whose result is
// "Review" into Pending Review; "Pass" lets it flow to fulfillment.
import type { KountFraud } from '../../../schemas/order-event.ts'
import type { KiboValidationResult } from '../../../schemas/kibo-order.ts'
import { ProblemTypes } from '../../../schemas/problem.ts'
import { toKiboDate } from '../shared.ts'
import type { FraudContext, FraudOutcome } from './types.ts'

export type KountVerdict = { status: 'Pass' | 'Review'; declined: boolean; meaning: 'approve' | 'review' | 'escalate' | 'decline' }

/**
 * Kount RIS AUTO codes and Kount 360 decisions, case-insensitive:
 * A/APPROVE → Pass; R/REVIEW, E/ESCALATE → Review; D/DECLINE → Review (declined: true).
 */
export function kountVerdict (decision: string): KountVerdict {
  switch (decision.toUpperCase()) {
    case 'A':
    case 'APPROVE':
      return { status: 'Pass', declined: false, meaning: 'approve' }
    case 'R':
    case 'REVIEW':
      return { status: 'Review', declined: false, meaning: 'review' }
    case 'E':
    case 'ESCALATE':
      return { status: 'Review', declined: false, meaning: 'escalate' }
    case 'D':
    case 'DECLINE':
      return { status: 'Review', declined: true, meaning: 'decline' }
    default:
      throw new RangeError(`unknown Kount decision ${JSON.stringify(decision)}`)
  }
}

/** The messages Kibo shows with the result: decision, score, omniscore, reason code, rules. */
export function kountMessages (fraud: KountFraud): { message: string; messageType: 'Info' }[] {
  const verdict = kountVerdict(fraud.decision)
  const lines = [`Kount decision: ${fraud.decision} (${verdict.meaning})`]
  if (fraud.score !== undefined && fraud.score !== null) lines.push(`Kount score: ${fraud.score}`)
  if (fraud.omniscore !== undefined && fraud.omniscore !== null) lines.push(`Kount omniscore: ${fraud.omniscore}`)
  if (fraud.reasonCode !== undefined && fraud.reasonCode !== null) lines.push(`Kount reason code: ${fraud.reasonCode}`)
  for (const rule of fraud.rules ?? []) lines.push(`Kount rule ${rule.id}: ${rule.description}`)
  return lines.map((message) => ({ message, messageType: 'Info' as const }))
}

export function mapKountFraud (fraud: KountFraud, context: FraudContext): FraudOutcome {
  const verdict = kountVerdict(fraud.decision)
  if (verdict.declined && context.declineAction === 'reject') {
    return {
      ok: false,
      problem: {
        type: ProblemTypes.fraudDeclined,
        title: 'Kount declined this order',
        status: 422,
        detail: `Kount declined this order (decision ${JSON.stringify(fraud.decision)}, transaction ${fraud.transactionId}) and ` +
          'this service is configured to refuse declined orders instead of importing them for review.',
        errors: [
          { path: 'data.fraud.decision', message: `Kount decision ${JSON.stringify(fraud.decision)} is a decline; declines are refused` }
        ]
      }
    }
  }
  const validationResult: KiboValidationResult = {
    validationId: fraud.transactionId,
    validatorName: 'Kount',
    validatorType: 'Fraud',
    status: verdict.status,
    createdDate: toKiboDate(fraud.checkedAt ?? context.placedAt),
    messages: kountMessages(fraud)
  }
  return { ok: true, validationResult }
}
