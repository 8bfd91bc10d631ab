// When to try an import again, and when to stop. Pure: the clock and the dice are passed in.
import type { KiboErrorKind } from '../kibo/errors.ts'

export interface RetryPolicy {
  maxAttempts: number
  maxAgeMs: number
  retryBaseMs: number
  retryMaxMs: number
}

export type FailureKind = KiboErrorKind | 'internal'

/**
 * Kibo refused the order itself (a 4xx other than 401/408/409/429, surfaced as `validation` or
 * `not_found`): trying again sends the same refused order, so it fails at once.
 */
export function isRetryable (kind: FailureKind): boolean {
  return kind !== 'validation'
}

/**
 * Exponential backoff with full jitter (AWS's "full jitter": a uniform draw in
 * [0, min(max, base·2^(n-1)))), never sooner than Kibo's Retry-After. `attempt` is the number of
 * attempts made so far (1 after the first).
 */
export function retryDelayMs (
  policy: RetryPolicy,
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)))
  return Math.max(Math.floor(random() * ceiling), (retryAfterSeconds ?? 0) * 1000)
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: 'not_retryable' | 'attempts_exhausted' | 'too_old' }

export function decideRetry (
  policy: RetryPolicy,
  input: { kind: FailureKind; attempts: number; createdAt: string; now: number; retryAfterSeconds?: number | undefined },
  random: () => number = Math.random
): RetryDecision {
  if (!isRetryable(input.kind)) return { retry: false, reason: 'not_retryable' }
  if (input.attempts >= policy.maxAttempts) return { retry: false, reason: 'attempts_exhausted' }
  const delayMs = retryDelayMs(policy, input.attempts, input.retryAfterSeconds, random)
  if (input.now + delayMs - Date.parse(input.createdAt) > policy.maxAgeMs) return { retry: false, reason: 'too_old' }
  return { retry: true, delayMs }
}
