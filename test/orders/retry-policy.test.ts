// The retry policy on its own (src/orders/retry-policy.ts): which failures are retried, the
// backoff's ceiling and jitter, Retry-After, and when to stop. Pure: the clock and the dice are
// passed in, so every case is exact.
import t from 'tap'
import { decideRetry, isRetryable, retryDelayMs, type RetryPolicy } from '../../src/orders/retry-policy.ts'

const policy: RetryPolicy = { maxAttempts: 5, maxAgeMs: 60_000, retryBaseMs: 100, retryMaxMs: 1000 }
const highest = () => 0.999_999
const lowest = () => 0

t.test('only a refusal of the order itself is not retried', async (t) => {
  t.equal(isRetryable('validation'), false)
  for (const kind of ['auth', 'unavailable', 'rate_limited', 'ambiguous', 'not_found', 'internal'] as const) {
    t.equal(isRetryable(kind), true, kind)
  }
})

t.test('full jitter: a draw below base·2^(attempt-1), capped at retryMaxMs', async (t) => {
  t.same(
    [1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(policy, attempt, undefined, highest)),
    [99, 199, 399, 799, 999, 999],
    'the ceiling doubles per attempt up to the cap'
  )
  t.same([1, 2, 5].map((attempt) => retryDelayMs(policy, attempt, undefined, lowest)), [0, 0, 0], 'and the draw may be 0')
  t.equal(retryDelayMs(policy, 3, undefined, () => 0.5), 200, 'uniform in between')
  t.equal(retryDelayMs(policy, 0, undefined, highest), 99, 'attempt 0 counts as the first')
  t.equal(retryDelayMs(policy, 10_000, undefined, highest), 999, 'a huge attempt count neither overflows nor passes the cap')
})

t.test("never sooner than Kibo's Retry-After", async (t) => {
  t.equal(retryDelayMs(policy, 1, 3, lowest), 3000, 'Retry-After wins over a short backoff')
  t.equal(retryDelayMs(policy, 1, 3, highest), 3000, 'even above retryMaxMs')
  t.equal(retryDelayMs({ ...policy, retryMaxMs: 10_000 }, 8, 1, highest), 9999, 'a longer backoff wins over Retry-After')
  t.equal(retryDelayMs(policy, 1, 0, lowest), 0, 'Retry-After: 0 adds nothing')
})

t.test('decideRetry: not retryable, attempts exhausted, too old, else a delay', async (t) => {
  const now = Date.parse('2026-12-01T00:00:00Z')
  const createdAt = new Date(now - 1000).toISOString()
  t.same(decideRetry(policy, { kind: 'validation', attempts: 1, createdAt, now }, highest), { retry: false, reason: 'not_retryable' })
  t.same(decideRetry(policy, { kind: 'unavailable', attempts: 5, createdAt, now }, highest), { retry: false, reason: 'attempts_exhausted' })
  t.same(decideRetry(policy, { kind: 'unavailable', attempts: 4, createdAt, now }, highest), { retry: true, delayMs: 799 })
  t.same(
    decideRetry(policy, { kind: 'rate_limited', attempts: 1, createdAt, now, retryAfterSeconds: 2 }, lowest),
    { retry: true, delayMs: 2000 },
    'the delay honours Retry-After'
  )
  const old = new Date(now - 59_950).toISOString()
  t.same(
    decideRetry(policy, { kind: 'unavailable', attempts: 1, createdAt: old, now }, lowest),
    { retry: true, delayMs: 0 },
    'due within maxAgeMs'
  )
  t.same(
    decideRetry(policy, { kind: 'unavailable', attempts: 1, createdAt: old, now }, highest),
    { retry: false, reason: 'too_old' },
    'the next try would fall after maxAgeMs'
  )
  t.same(
    decideRetry(policy, { kind: 'validation', attempts: 99, createdAt: old, now }, highest),
    { retry: false, reason: 'not_retryable' },
    'a refusal is reported as such, whatever else holds'
  )
})

t.test('with the default dice the delay stays within its bounds', async (t) => {
  for (let i = 0; i < 200; i++) {
    const delay = retryDelayMs(policy, 3, undefined)
    if (delay < 0 || delay >= 400 || !Number.isInteger(delay)) t.fail(`delay ${delay} out of [0, 400)`)
  }
  t.pass('200 draws in [0, 400)')
})
