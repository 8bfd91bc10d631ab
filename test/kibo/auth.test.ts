import t from 'tap'
import pino from 'pino'
import { startKiboSimulator, DEFAULT_SHARED_SECRET, type KiboSimulator } from '../../src/kibo-simulator/index.ts'
import { createKiboTokenProvider } from '../../src/kibo/auth.ts'
import { KiboError } from '../../src/kibo/errors.ts'
import { connectionFor, logCapture } from './fixtures.ts'

let sim: KiboSimulator
t.before(async () => {
  sim = await startKiboSimulator()
})
t.teardown(() => sim.close())
t.beforeEach(() => sim.reset())

t.test('caches the token and logs no secret or token', async (t) => {
  const capture = logCapture()
  const logger = pino({ level: 'debug' }, capture.stream)
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000, logger })
  t.teardown(() => provider.close())
  const a = await provider.getToken()
  const b = await provider.getToken()
  t.equal(a, b)
  t.equal(sim.stats().oauthCalls, 1)
  t.equal(provider.stats.refreshes, 1)
  t.match(capture.text(), /kibo access token refreshed/)
  t.match(capture.text(), /expiresAt/)
  t.notMatch(capture.text(), a)
  t.notMatch(capture.text(), DEFAULT_SHARED_SECRET)
})

t.test('refreshes before expiry by the skew (injected clock)', async (t) => {
  let clock = Date.now()
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000, refreshSkewMs: 60_000, now: () => clock })
  t.teardown(() => provider.close())
  const first = await provider.getToken() // expires_in 3600
  clock += 3600_000 - 60_001
  t.equal(await provider.getToken(), first, 'still fresh just before the skew')
  clock += 2
  const second = await provider.getToken()
  t.not(second, first, 'refreshed inside the skew window, before expiry')
  t.equal(sim.stats().oauthCalls, 2)
})

t.test('a short TTL does not refresh on every call (skew capped at half the lifetime)', async (t) => {
  sim.setTokenTtlSeconds(2)
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000 })
  t.teardown(() => provider.close())
  await provider.getToken()
  await provider.getToken()
  t.equal(sim.stats().oauthCalls, 1)
  await new Promise((resolve) => setTimeout(resolve, 1100))
  await provider.getToken()
  t.equal(sim.stats().oauthCalls, 2, 'refreshed after half the lifetime')
})

t.test('200 concurrent getToken → exactly one OAuth call', async (t) => {
  sim.faults.setLatency({ fixedMs: 100, route: 'oauth' })
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000 })
  t.teardown(() => provider.close())
  const tokens = await Promise.all(Array.from({ length: 200 }, () => provider.getToken()))
  t.equal(new Set(tokens).size, 1)
  t.equal(sim.stats().oauthCalls, 1)
})

t.test('a failure reaches every waiting caller; the next call tries again', async (t) => {
  sim.faults.setLatency({ fixedMs: 50, route: 'oauth' })
  sim.faults.inject({ kind: '500', route: 'oauth' })
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000 })
  t.teardown(() => provider.close())
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => provider.getToken()))
  t.ok(results.every((r) => r.status === 'rejected'))
  const reason = (results[0] as PromiseRejectedResult).reason
  t.ok(reason instanceof KiboError)
  t.equal(reason.kind, 'unavailable')
  t.equal(reason.status, 500)
  t.equal(sim.stats().oauthCalls, 1)
  t.type(await provider.getToken(), 'string')
  t.equal(sim.stats().oauthCalls, 2)
})

t.test('wrong credentials → auth error without the secret in it', async (t) => {
  const capture = logCapture()
  const provider = createKiboTokenProvider({
    connection: connectionFor(sim, { sharedSecret: 'super-secret-wrong-value' }),
    timeoutMs: 2000,
    logger: pino({ level: 'debug' }, capture.stream)
  })
  t.teardown(() => provider.close())
  const error = await provider.getToken().catch((e: unknown) => e)
  t.ok(error instanceof KiboError)
  t.equal((error as KiboError).kind, 'auth')
  t.equal((error as KiboError).status, 401)
  t.equal((error as KiboError).errorCode, 'UNAUTHORIZED')
  t.ok((error as KiboError).correlationId)
  t.notMatch(JSON.stringify({ ...(error as object), message: (error as Error).message }), 'super-secret-wrong-value')
  t.notMatch(capture.text(), 'super-secret-wrong-value')
})

t.test('unreachable auth host → unavailable', async (t) => {
  const provider = createKiboTokenProvider({ connection: connectionFor(sim, { authBaseUrl: 'http://127.0.0.1:1' }), timeoutMs: 1000 })
  t.teardown(() => provider.close())
  const error = await provider.getToken().catch((e: unknown) => e)
  t.equal((error as KiboError).kind, 'unavailable')
})

t.test('invalidate drops only the token it names', async (t) => {
  const provider = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000 })
  t.teardown(() => provider.close())
  const first = await provider.getToken()
  provider.invalidate('some-other-token')
  t.equal(await provider.getToken(), first)
  provider.invalidate(first)
  t.not(await provider.getToken(), first)
  t.equal(sim.stats().oauthCalls, 2)
})
