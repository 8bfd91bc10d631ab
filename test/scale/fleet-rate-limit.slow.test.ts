// Kibo's rate limit counts the whole fleet: a 429 + Retry-After seen by one instance pauses that
// Kibo tenant for every instance (a row in the shared database), not only for the worker that got it.
//
// Two app instances are built in this process on ONE throwaway PostgreSQL database, both talking
// to one Kibo simulator (run here, so its counters see both).
import { randomBytes } from 'node:crypto'
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { DEFAULT_TENANT_ID, startKiboSimulator } from '../../src/kibo-simulator/index.ts'
import { migrate } from '../../src/store/index.ts'
import { createKiboPauses } from '../../src/store/kibo-pauses.ts'
import { buildTestApp } from '../support/app.ts'
import { loadExample, withExternalId } from '../support/examples.ts'
import { sleep, waitFor } from '../support/wait.ts'
import { freshDatabase, postgresUnavailable } from '../support/databases.ts'
import { kiboSimulatorEnv } from '../support/server-process.ts'

const skip = (await postgresUnavailable()) ?? false
const RETRY_AFTER_SECONDS = 4
const tag = randomBytes(3).toString('hex')

interface ImportView {
  importId: string
  status: string
  importedAt: string | null
  history: Array<{ at: string; kind: string; detail: Record<string, unknown> }>
}

async function view (app: FastifyInstance, importId: string): Promise<ImportView> {
  return (await app.inject({ method: 'GET', url: `/v1/imports/${importId}` })).json() as ImportView
}

async function sendAsync (app: FastifyInstance, externalId: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { 'content-type': 'application/json', prefer: 'respond-async' },
    payload: withExternalId(loadExample('cybersource-ship-usd'), externalId)
  })
  if (response.statusCode !== 202) throw new Error(`expected 202, got ${response.statusCode}: ${response.body}`)
  return response.json().importId as string
}

t.test('the pause store: shared, never shortened, read through a short cache', { skip }, async (t) => {
  const fresh = await freshDatabase(t, 'postgres')
  await migrate(fresh.db)
  const first = createKiboPauses(fresh.db, { cacheMs: 1000 })
  const second = createKiboPauses(await fresh.connectAgain!(), { cacheMs: 1000 })
  t.equal(await second.remainingMs(DEFAULT_TENANT_ID), 0, 'no pause yet')
  const paused = await first.pause(DEFAULT_TENANT_ID, 5000, { status: 429 })
  t.ok(paused > 4000 && paused <= 5001, `paused for ${paused} ms`)
  t.equal(await second.remainingMs(DEFAULT_TENANT_ID), 0, 'the other instance still uses its reading of less than a second ago')
  await sleep(1100)
  const seen = await second.remainingMs(DEFAULT_TENANT_ID)
  t.ok(seen > 2500 && seen <= 4000, `after its cache expired, the other instance sees the pause (${seen} ms left)`)
  t.ok((await first.pause(DEFAULT_TENANT_ID, 1000)) > 2500, 'a shorter pause does not shorten a longer one')
  t.equal(await second.remainingMs(DEFAULT_TENANT_ID + 1), 0, 'other Kibo tenants are not paused')
  const { rows } = await fresh.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM kibo_bridge.kibo_pauses')
  t.equal(rows[0].n, 1, 'one row per Kibo tenant')
})

t.test('a 429 seen by one instance makes the other wait too', { skip }, async (t) => {
  const kibo = await startKiboSimulator({ seed: 11 })
  t.teardown(() => kibo.close())
  const fresh = await freshDatabase(t, 'postgres')
  const env = {
    DATABASE_URL: fresh.url!,
    ...kiboSimulatorEnv(kibo),
    WORKER_CONCURRENCY: '4',
    QUEUE_POLL_MS: '500',
    // Without the fleet-wide pause, B would retry at once: its own backoff is tiny.
    RETRY_BASE_MS: '50',
    RETRY_MAX_MS: '200'
  }
  const first = await buildTestApp(t, env)
  const second = await buildTestApp(t, env)

  // The first create is answered 429, Retry-After 4 s. Both instances work the one queue, so
  // either may be the one that gets it: call that one A, the other B.
  kibo.faults.inject({ kind: '429', route: 'createOrder', retryAfterSeconds: RETRY_AFTER_SECONDS, times: 1 })
  const x = await sendAsync(first, `FLEET-429-X-${tag}`)
  const pause = await waitFor('the pause to be recorded', async () => {
    const { rows } = await fresh.db.query<{ paused_until: string; reason: { by?: string } }>(
      'SELECT paused_until, reason FROM kibo_bridge.kibo_pauses'
    )
    return rows[0]
  }, 15_000)
  t.equal(kibo.stats().faultsTriggered['429'], 1, 'Kibo answered 429 once')
  const [a, b] = pause.reason.by === first.importWorker.workerId ? [first, second] : [second, first]
  t.equal(pause.reason.by, a.importWorker.workerId, 'the pause was recorded by the instance that got the 429 (A)')
  t.comment(`A is the instance built ${a === first ? 'first' : 'second'}`)
  const pausedUntil = Date.parse(pause.paused_until)
  t.ok(pausedUntil - Date.now() > (RETRY_AFTER_SECONDS - 1.5) * 1000, 'for about Retry-After')

  // From here on only B works: A stops (its import X waits in the queue for its retry).
  await a.close()
  const createsBefore = kibo.stats().createCalls
  const y = await sendAsync(b, `FLEET-429-Y-${tag}`)
  // B's workers take Y's job at once and must hand it back untouched until the pause ends.
  const handedBack = await waitFor(
    'B to hand Y back',
    async () => {
      const current = await view(b, y)
      return current.history.find((h) => h.kind === 'released' && h.detail.handedBack === true)
    },
    5000,
    50
  )
  t.ok(String(handedBack.detail.leaseOwner).startsWith(b.importWorker.workerId), 'B took Y and handed it back')
  await sleep(Math.max(0, pausedUntil - Date.now() - 300))
  t.equal(kibo.stats().createCalls, createsBefore, 'no Kibo create from B while the tenant is paused')
  t.equal((await view(b, y)).status, 'queued', 'Y is still queued at the end of the pause')
  t.equal((await view(b, y)).history.filter((h) => h.kind === 'leased').length, 1, 'B leased Y once, not in a loop')

  const imported = await waitFor(
    'Y and X to be imported by B',
    async () => {
      const [vy, vx] = await Promise.all([view(b, y), view(b, x)])
      return vy.status === 'imported' && vx.status === 'imported' ? { vy, vx } : undefined
    },
    15_000,
    100
  )
  const yDone = Date.parse(imported.vy.importedAt!)
  t.ok(yDone >= pausedUntil - 50, `Y was imported after the pause ended (${yDone - pausedUntil} ms after)`)
  t.ok(yDone - pausedUntil < 5000, 'and soon after it')
  t.same(
    [kibo.stats().ordersByExternalId[`FLEET-429-X-${tag}`], kibo.stats().ordersByExternalId[`FLEET-429-Y-${tag}`]],
    [1, 1],
    'each order created once'
  )
  const attemptsOfY = imported.vy.history.filter((h) => h.kind === 'leased').map((h) => h.detail.attempt)
  t.same(attemptsOfY, [1, 1], 'the hand-back did not count as an attempt')

  // Once the pause is over, B imports at once again.
  const z = await sendAsync(b, `FLEET-429-Z-${tag}`)
  const started = Date.now()
  await waitFor('Z to be imported', async () => (await view(b, z)).status === 'imported', 5000, 50)
  t.ok(Date.now() - started < 5000, `after the pause, an import takes ${Date.now() - started} ms`)
  t.comment(
    `pause ${RETRY_AFTER_SECONDS} s; Y imported ${yDone - pausedUntil} ms after the pause ended; Z (no pause) in ${Date.now() - started} ms`
  )
})
