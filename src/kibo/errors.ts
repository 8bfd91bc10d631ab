// What can go wrong when talking to Kibo, as one error type (KiboError, by kind) and its RFC 9457
// problem for our callers. Safe to show: no token, secret or credential ever reaches a message.
import { problemType, type Problem } from '../../schemas/problem.ts'

export type KiboErrorKind = 'validation' | 'auth' | 'unavailable' | 'rate_limited' | 'ambiguous' | 'not_found'

export interface KiboErrorInit {
  kind: KiboErrorKind
  message: string
  status?: number
  errorCode?: string
  kiboMessage?: string
  correlationId?: string
  retryAfterSeconds?: number
  body?: string
  operation?: string
  additionalErrorData?: Array<{ name?: string; value?: unknown }>
}

export class KiboError extends Error {
  readonly kind: KiboErrorKind
  readonly status?: number
  readonly errorCode?: string
  readonly kiboMessage?: string
  readonly correlationId?: string
  readonly retryAfterSeconds?: number
  /** The response body, truncated (never contains our credentials: Kibo does not echo them). */
  readonly body?: string
  readonly operation?: string
  readonly additionalErrorData?: Array<{ name?: string; value?: unknown }>
  constructor (init: KiboErrorInit) {
    super(init.message)
    this.name = 'KiboError'
    this.kind = init.kind
    if (init.status !== undefined) this.status = init.status
    if (init.errorCode !== undefined) this.errorCode = init.errorCode
    if (init.kiboMessage !== undefined) this.kiboMessage = init.kiboMessage
    if (init.correlationId !== undefined) this.correlationId = init.correlationId
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds
    if (init.body !== undefined) this.body = init.body
    if (init.operation !== undefined) this.operation = init.operation
    if (init.additionalErrorData !== undefined) this.additionalErrorData = init.additionalErrorData
  }
}

export type KiboProblem = Problem & { retryAfter?: number }

export const KIBO_PROBLEM_TYPES = {
  validation: problemType('kibo-validation'),
  auth: problemType('kibo-credentials-rejected'),
  unavailable: problemType('kibo-unavailable'),
  rate_limited: problemType('kibo-unavailable'),
  ambiguous: problemType('kibo-outcome-unknown'),
  not_found: problemType('kibo-not-found'),
  internal: problemType('internal')
} as const

const DEFAULT_RETRY_AFTER_SECONDS = 30

/** RFC 9457 problem for a Kibo failure; safe to show the caller (no secrets, no tokens). */
export function kiboErrorToProblem (err: unknown): KiboProblem {
  if (!(err instanceof KiboError)) {
    return {
      type: KIBO_PROBLEM_TYPES.internal,
      title: 'Internal Server Error',
      status: 500,
      detail: 'Talking to Kibo failed unexpectedly.'
    }
  }
  const ids = {
    ...(err.errorCode !== undefined ? { errorCode: err.errorCode } : {}),
    ...(err.correlationId !== undefined ? { correlationId: err.correlationId } : {})
  }
  const retryAfter = Math.max(1, Math.ceil(err.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS))
  switch (err.kind) {
    case 'validation':
      return {
        type: KIBO_PROBLEM_TYPES.validation,
        title: 'Kibo refused the order',
        status: 422,
        detail: err.kiboMessage ?? `Kibo answered HTTP ${err.status ?? 400} without a message.`,
        ...ids
      }
    case 'auth':
      return { type: KIBO_PROBLEM_TYPES.auth, title: 'Bad Gateway', status: 502, detail: 'Kibo rejected our credentials.', ...ids }
    case 'rate_limited':
    case 'unavailable':
      return {
        type: KIBO_PROBLEM_TYPES.unavailable,
        title: 'Kibo unavailable',
        status: 503,
        detail: `Kibo is unavailable${err.status !== undefined ? ` (HTTP ${err.status})` : ''}; retry after ${retryAfter} seconds.`,
        ...ids,
        retryAfter
      }
    case 'ambiguous':
      return {
        type: KIBO_PROBLEM_TYPES.ambiguous,
        title: 'Bad Gateway',
        status: 502,
        detail:
          'Kibo did not confirm the order and could not be asked whether it exists; retrying is safe ' +
          `(the order is looked up before it is created again). Retry after ${retryAfter} seconds.`,
        ...ids,
        retryAfter
      }
    case 'not_found':
      return {
        type: KIBO_PROBLEM_TYPES.not_found,
        title: 'Bad Gateway',
        status: 502,
        detail: err.kiboMessage ?? 'Kibo did not find the requested resource.',
        ...ids
      }
  }
}
