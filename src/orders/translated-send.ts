// Sending an import to a tenant's translated Create Order API v2, shared by the sync path
// (order-import.ts) and the worker (import-worker.ts). That API has no look-up by externalOrderID, so
// a create whose answer was lost (KiboError kind 'ambiguous', or a process that died mid-send)
// can never be reconciled by the service: it is not sent again until an operator has checked
// Kibo and asked for it with POST /v1/imports/{id}/retry (the `retry_requested` history event).
import type { Problem } from '../../schemas/problem.ts'
import { problemType } from '../../schemas/problem.ts'
import type { TranslatedCreateOrderRequest } from '../../schemas/translated-order.ts'
import type { TranslatedTarget } from '../kibo/tenants.ts'
import { applyTranslatedAuthorization, type TranslatedMappingResult } from '../mapping/translated-v2/index.ts'
import type { ImportedOutcome, ImportEvent, ImportRecord, ImportStore, TranslatedAuthorization } from '../store/index.ts'

/** The `attempt` history outcome written after each translated order Kibo confirmed. */
export const TRANSLATED_CREATED = 'translated_created'

const errorKind = (error: unknown): unknown =>
  error !== null && typeof error === 'object' ? (error as { kind?: unknown }).kind : undefined

/**
 * Whether the attempt that just started (the last `leased` or `reclaimed` history event) may
 * follow a create whose outcome is unknown: the previous attempt died without recording how it
 * ended, or ended ambiguous, and no `retry_requested` came after it. Events oldest first.
 */
export function translatedOutcomeUnknown (events: readonly ImportEvent[]): boolean {
  let current = -1
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].kind === 'leased' || events[i].kind === 'reclaimed') {
      current = i
      break
    }
  }
  if (current < 0) return false
  if (events[current].kind === 'reclaimed' && events[current].detail.previousStatus === 'importing') return true
  let handedBack = false
  for (let i = current - 1; i >= 0; i--) {
    const event = events[i]
    switch (event.kind) {
      case 'retry_requested': // the operator checked Kibo
      case 'received': // the first attempt
        return false
      case 'failed':
      case 'dead':
        return errorKind(event.detail.error) === 'ambiguous'
      case 'released':
        if (event.detail.handedBack === true) {
          handedBack = true // that lease sent nothing: look before it
          continue
        }
        return errorKind(event.detail.error) === 'ambiguous'
      case 'leased':
        if (handedBack) {
          handedBack = false
          continue
        }
        return true // a worker took it and never said how it ended
      case 'reclaimed':
        if (event.detail.previousStatus === 'importing') return true
        continue
      default:
        continue
    }
  }
  return false
}

/**
 * Whether a resend of this import must not be sent: it failed with an unknown outcome, or its
 * owner died mid-create (importing under an expired lease).
 */
export function translatedResendBlocked (
  record: Pick<ImportRecord, 'status' | 'lastError' | 'leaseExpiresAt'>,
  now: number = Date.now()
): boolean {
  if (record.status === 'failed' || record.status === 'dead') return errorKind(record.lastError) === 'ambiguous'
  if (record.status === 'importing') return record.leaseExpiresAt !== null && Date.parse(record.leaseExpiresAt) <= now
  return false
}

/** 409 for a resend of an import whose translated create may have reached Kibo. */
export function outcomeUnknownProblem (record: Pick<ImportRecord, 'importId' | 'externalId'>): Problem {
  return {
    type: problemType('translated-outcome-unknown'),
    title: 'The outcome of an earlier create is unknown',
    status: 409,
    detail:
      `An earlier attempt to create externalId ${JSON.stringify(record.externalId)} (import ${record.importId}) ` +
      'may have reached Kibo, and the translated Create Order API offers no way to look it up, ' +
      'so it is not sent again automatically. Check in Kibo whether the order exists; ' +
      `if it does not, call POST /v1/imports/${record.importId}/retry.`,
    importId: record.importId
  }
}

export type TranslatedSendResult = { orderIds: string[]; correlationId: string | null; reused: number }

type Child = { key: string; request: TranslatedCreateOrderRequest; group?: string; lineIds?: string[] }

function childrenOf (
  mapped: Extract<TranslatedMappingResult, { ok: true }>,
  authorizations: readonly TranslatedAuthorization[] = []
): Child[] {
  if (!mapped.split) {
    // Create Order Authorize results for this order: each payment's authorizationID is its authToken.
    let request = mapped.request
    for (const authorization of authorizations) {
      request = applyTranslatedAuthorization(
        request,
        { orderID: authorization.orderId, authToken: authorization.authToken, paymentMethodToken: authorization.paymentMethodToken },
        { paymentIndex: authorization.paymentIndex }
      )
    }
    return [{ key: 'order', request }]
  }
  return mapped.orders.map((order) => ({
    key: `${order.group}:${order.lineIds.join(',')}`,
    request: order.request,
    group: order.group,
    lineIds: order.lineIds
  }))
}

/**
 * Sends the request(s) in order (a split: each child). A child Kibo already confirmed for this
 * import (an earlier attempt that failed on a later child) is not sent again. Each confirmed
 * create is written to the history at once. Throws the client's KiboError on the first failure.
 */
export async function sendTranslated (
  store: Pick<ImportStore, 'getImportEvents' | 'recordAttempt'>,
  target: TranslatedTarget,
  record: Pick<ImportRecord, 'importId' | 'attempts'>,
  mapped: Extract<TranslatedMappingResult, { ok: true }>,
  authorizations: readonly TranslatedAuthorization[] = []
): Promise<TranslatedSendResult> {
  const done = new Map<string, string>()
  for (const event of await store.getImportEvents(record.importId)) {
    if (
      event.kind === 'attempt' &&
      event.detail.outcome === TRANSLATED_CREATED &&
      typeof event.detail.child === 'string' &&
      typeof event.detail.orderId === 'string'
    ) {
      done.set(event.detail.child, event.detail.orderId)
    }
  }
  const orderIds: string[] = []
  let correlationId: string | null = null
  let reused = 0
  for (const child of childrenOf(mapped, authorizations)) {
    const existing = done.get(child.key)
    if (existing !== undefined) {
      orderIds.push(existing)
      reused++
      continue
    }
    const result = await target.createOrder(child.request)
    const orderId = String(result.order.orderID)
    orderIds.push(orderId)
    correlationId ??= result.correlationId ?? null
    await store.recordAttempt(record.importId, {
      outcome: TRANSLATED_CREATED,
      detail: {
        attempt: record.attempts,
        child: child.key,
        orderId,
        ...(child.group === undefined ? {} : { group: child.group, lineIds: child.lineIds }),
        ...(result.correlationId === undefined ? {} : { correlationId: result.correlationId })
      }
    })
  }
  return { orderIds, correlationId, reused }
}

/** What markImported records for a translated import: the first order's id, every order id of a split. */
export function translatedImportedOutcome (sent: TranslatedSendResult): ImportedOutcome {
  return {
    kiboOrderId: sent.orderIds[0],
    kiboOrderNumber: null,
    correlationId: sent.correlationId,
    created: true,
    detail: { target: 'translated-v2', orderIds: sent.orderIds }
  }
}
