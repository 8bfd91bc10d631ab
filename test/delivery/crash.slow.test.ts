// Crash safety of async delivery, end to end, with a real server process:
//
//   kill -9 at any moment, restart on the same database → every 202-accepted import is delivered
//   exactly once, and work in flight at the crash is picked up again within 30 s of the restart
//   (with the default WORKER_LEASE_MS);
//   SIGTERM → the process finishes what it holds and exits 0 within SHUTDOWN_TIMEOUT_MS (+ slack).
//
// The Kibo simulator runs in THIS process (latency on createOrder, so creates are in flight when
// the signal lands), so it outlives the server and counts orders across both of its lives. Each
// scenario runs on PGlite (a temp DATA_DIR) and on a throwaway PostgreSQL database.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import type { Test } from 'tap'
import { startKiboSimulator, type KiboSimulator } from '../../src/kibo-simulator/index.ts'
import { loadExample, withExternalId } from '../support/examples.ts'
import { sleep, waitFor } from '../support/wait.ts'
import { freshDatabase, postgresUnavailable, type DatabaseKind } from '../support/databases.ts'
import { kiboSimulatorEnv, startServer, type ServerProcess } from '../support/server-process.ts'
import { getJson, listByStatus, waitUntilImported, type ImportSummary } from '../support/imports-over-http.ts'

const EVENTS = 150
const SEND_CONCURRENCY = 6
/** Sends start at most this often, so the kill lands while some events are not yet accepted. */
const SEND_SPACING_MS = 15
const DRAIN_TIMEOUT_MS = 60_000
/** The promise under test: in-flight work picked up again and finished within 30 s of the restart. */
const PICKUP_BOUND_MS = 30_000
const SHUTDOWN_TIMEOUT_MS = 10_000 // the default, stated here to bound the graceful exit
const SHUTDOWN_SLACK_MS = 10_000

// Six scenarios of 15–40 s each, with real processes: more than tap's default per-file budget.
t.setTimeout(480_000)

const baseEvent = loadExample('cybersource-ship-usd')

function serverEnv (kibo: KiboSimulator, database: Record<string, string>): Record<string, string> {
  return {
    ...database,
    LOG_LEVEL: 'info',
    ...kiboSimulatorEnv(kibo),
    WORKER_CONCURRENCY: '8',
    QUEUE_POLL_MS: '500'
    // WORKER_LEASE_MS and SHUTDOWN_TIMEOUT_MS stay at their defaults: the defaults are what is promised.
  }
}

type SendResult = { ok: true; status: number; importId: string } | { ok: false; reason: string }

async function sendAsync (base: string, event: unknown): Promise<SendResult> {
  try {
    const res = await fetch(`${base}/v1/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'respond-async' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(20_000)
    })
    const body = (await res.json().catch(() => ({}))) as { importId?: string }
    // 202: accepted now (or a repeat of one still queued); 200: a repeat of one already imported.
    if ((res.status === 202 || res.status === 200) && typeof body.importId === 'string') {
      return { ok: true, status: res.status, importId: body.importId }
    }
    return { ok: false, reason: `HTTP ${res.status}` }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return { ok: false, reason: cause?.code ?? (error as Error).name }
  }
}

interface Run {
  events: Array<{ externalId: string; event: unknown }>
  /** externalId → importId, for every event the service acknowledged (202, or 200 on a repeat). */
  accepted: Map<string, string>
  /** How the events that were not acknowledged in the first life failed. */
  failures: Record<string, number>
  /** Set to stop starting new sends (the process is going down). */
  stop: boolean
}

function makeRun (label: string): Run {
  const tag = randomBytes(3).toString('hex')
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const externalId = `CRASH-${label}-${tag}-${String(i).padStart(3, '0')}`
    return { externalId, event: withExternalId(baseEvent, externalId) }
  })
  return { events, accepted: new Map(), failures: {}, stop: false }
}

/** Sends every event once (a few at a time, paced); records the acknowledged ones. Never throws. */
async function sendAll (base: string, run: Run): Promise<void> {
  let next = 0
  const lane = async () => {
    while (!run.stop && next < run.events.length) {
      const { externalId, event } = run.events[next++]
      const started = Date.now()
      const result = await sendAsync(base, event)
      if (result.ok) run.accepted.set(externalId, result.importId)
      else run.failures[result.reason] = (run.failures[result.reason] ?? 0) + 1
      await sleep(Math.max(0, SEND_SPACING_MS * SEND_CONCURRENCY - (Date.now() - started)))
    }
  }
  await Promise.all(Array.from({ length: SEND_CONCURRENCY }, lane))
}

/**
 * After the restart: sends again every event without an acknowledgement (it may have been stored
 * before the connection died: the idempotency makes that safe), retrying transient refusals.
 * Also repeats a few acknowledged ones: they must name the same import.
 */
async function resendUnacknowledged (t: Test, base: string, run: Run): Promise<{ resent: number; repeatsChecked: number }> {
  const missing = run.events.filter(({ externalId }) => !run.accepted.has(externalId))
  await Promise.all(
    missing.map(async ({ externalId, event }, i) => {
      await sleep((i % SEND_CONCURRENCY) * 5)
      const result = await waitFor(
        `an acknowledgement of ${externalId}`,
        async () => {
          const sent = await sendAsync(base, event)
          return sent.ok ? sent : undefined
        },
        30_000,
        250
      )
      run.accepted.set(externalId, result.importId)
    })
  )
  const repeats = [...run.accepted.entries()].filter(([externalId]) => !missing.some((m) => m.externalId === externalId)).slice(0, 10)
  const differing: unknown[] = []
  for (const [externalId, importId] of repeats) {
    const event = run.events.find((e) => e.externalId === externalId)!.event
    const again = await sendAsync(base, event)
    if (!again.ok || again.importId !== importId) differing.push({ externalId, importId, again })
  }
  t.same(differing, [], `a repeat of ${repeats.length} acknowledged events names the same imports`)
  return { resent: missing.length, repeatsChecked: repeats.length }
}

/** Waits until every accepted import is imported (none failed or dead); returns when that was. */
function drain (t: Test, server: ServerProcess, run: Run): Promise<number> {
  return waitUntilImported(t, server, run.accepted.values(), {
    what: 'every accepted import to be imported',
    timeoutMs: DRAIN_TIMEOUT_MS,
    serverName: 'server'
  })
}

/** Every accepted import is imported, checked one by one (while the server still runs). */
async function assertAllImported (t: Test, server: ServerProcess, run: Run): Promise<void> {
  t.equal(run.accepted.size, EVENTS, 'every event was acknowledged in the end')
  let notImported = 0
  for (const importId of run.accepted.values()) {
    const view = await getJson<ImportSummary>(`${server.base}/v1/imports/${importId}`)
    if (view.status !== 'imported') notImported++
  }
  t.equal(notImported, 0, 'GET /v1/imports/{id}: every accepted import is imported')
}

/** Kibo holds exactly one order per event sent (after the server stopped: nothing still running). */
function assertOncePerEvent (t: Test, kibo: KiboSimulator, run: Run): void {
  const { ordersByExternalId, orderCount } = kibo.stats()
  const missing = run.events.filter(({ externalId }) => ordersByExternalId[externalId] === undefined).map((e) => e.externalId)
  const doubles = Object.entries(ordersByExternalId).filter(([, count]) => count !== 1)
  t.same(missing, [], 'Kibo has an order for every event sent')
  t.same(doubles, [], 'no externalId was imported twice')
  t.equal(orderCount, EVENTS, `Kibo holds exactly ${EVENTS} orders`)
}

async function databaseFor (t: Test, kind: DatabaseKind): Promise<Record<string, string>> {
  if (kind === 'postgres') {
    const fresh = await freshDatabase(t, 'postgres')
    return { DATABASE_URL: fresh.url! }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kibo-bridge-crash-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return { DATA_DIR: dir }
}

async function simulator (t: Test): Promise<KiboSimulator> {
  const kibo = await startKiboSimulator({ seed: 7 })
  kibo.faults.setLatency({ route: 'createOrder', minMs: 50, maxMs: 150 })
  t.teardown(() => kibo.close())
  return kibo
}

/** Waits until Kibo has some but not all of the orders, and creates are in flight right now. */
async function midRun (kibo: KiboSimulator, atLeast: number): Promise<{ orders: number; createsInFlight: number }> {
  return waitFor(
    'imports to be under way',
    () => {
      const { orderCount, createCalls } = kibo.stats()
      const createsInFlight = createCalls - orderCount
      return orderCount >= atLeast && orderCount < EVENTS - 20 && createsInFlight > 0 ? { orders: orderCount, createsInFlight } : undefined
    },
    60_000,
    5
  )
}

async function crashScenario (t: Test, kind: DatabaseKind): Promise<void> {
  const kibo = await simulator(t)
  const env = serverEnv(kibo, await databaseFor(t, kind))
  const first = await startServer(t, env)
  const run = makeRun(`${kind}-kill`)
  const sending = sendAll(first.base, run)

  const atKill = await midRun(kibo, 25)
  process.kill(first.pid, 'SIGKILL')
  const killedAt = Date.now()
  run.stop = true
  const died = await first.exited
  t.equal(died.signal, 'SIGKILL', 'the first server died of SIGKILL')
  await sending
  const acceptedBeforeKill = run.accepted.size
  t.ok(acceptedBeforeKill > 0, 'some events were accepted before the kill')

  const second = await startServer(t, env)
  const restartedAt = second.readyAt
  // What the dead process held: imports still `importing` under a lease of its own.
  const importingNow = await listByStatus(second.base, 'importing')
  const stranded: string[] = []
  for (const item of importingNow) {
    const view = await getJson<ImportSummary>(`${second.base}/v1/imports/${item.importId}`)
    const lastLease = view.history?.filter((h) => h.kind === 'leased').at(-1)
    if (String(lastLease?.detail.leaseOwner ?? '').startsWith(`${first.pid}-`)) stranded.push(item.importId)
  }
  t.ok(stranded.length > 0, 'imports were in flight (importing under the dead process) at the crash')

  const { resent, repeatsChecked } = await resendUnacknowledged(t, second.base, run)
  const drainedAt = await drain(t, second, run)

  // The stranded imports: when they were taken over and when they were finished.
  let latestPickup = 0
  let latestDone = 0
  for (const importId of stranded) {
    const view = await getJson<ImportSummary>(`${second.base}/v1/imports/${importId}`)
    t.equal(view.status, 'imported', `stranded import ${importId} is imported`)
    const takeover = view.history?.find((h) => h.kind === 'leased' && !String(h.detail.leaseOwner).startsWith(`${first.pid}-`))
    if (takeover) latestPickup = Math.max(latestPickup, Date.parse(takeover.at))
    if (view.importedAt) latestDone = Math.max(latestDone, Date.parse(view.importedAt))
    t.ok(view.attempts >= 2, `stranded import ${importId} was tried again (attempts ${view.attempts})`)
  }
  t.ok(
    latestDone - restartedAt <= PICKUP_BOUND_MS,
    `work in flight at the crash was finished within ${PICKUP_BOUND_MS / 1000} s of the restart`,
    {
      finishedAfterRestartMs: latestDone - restartedAt
    }
  )

  await assertAllImported(t, second, run)
  // Stop it gracefully, so nothing is still running when Kibo is counted.
  process.kill(second.pid, 'SIGTERM')
  const stopped = await second.exited
  t.equal(stopped.code, 0, 'the second server exits 0 on SIGTERM')
  assertOncePerEvent(t, kibo, run)

  const s = kibo.stats()
  t.comment(
    [
      `${kind} kill -9: ${EVENTS} events; at the kill Kibo had ${atKill.orders} orders with ${atKill.createsInFlight} creates in flight; ` +
        `${acceptedBeforeKill} acknowledged before the kill (failures: ${JSON.stringify(run.failures)})`,
      `  restart: ready ${second.readyAt - killedAt} ms after the kill (process start ${second.readyAt - second.startedAt} ms); ` +
        `${stranded.length} imports stranded importing under the dead process; ${resent} events resent, ${repeatsChecked} repeats checked`,
      `  stranded imports taken over ${latestPickup - restartedAt} ms and finished ${latestDone - restartedAt} ms after the restart ` +
        `(${latestDone - killedAt} ms after the kill)`,
      `  everything imported ${drainedAt - restartedAt} ms after the restart; Kibo: ${s.orderCount} orders, ${s.createCalls} creates, ` +
        `${s.requestsByRoute.findOrders ?? 0} look-ups by externalId`
    ].join('\n')
  )
}

async function gracefulScenario (t: Test, kind: DatabaseKind): Promise<void> {
  const kibo = await simulator(t)
  const env = serverEnv(kibo, await databaseFor(t, kind))
  const first = await startServer(t, env)
  const run = makeRun(`${kind}-term`)
  const sending = sendAll(first.base, run)

  const atTerm = await midRun(kibo, 25)
  process.kill(first.pid, 'SIGTERM')
  const signalledAt = Date.now()
  const bound = SHUTDOWN_TIMEOUT_MS + SHUTDOWN_SLACK_MS
  const exit = await Promise.race([first.exited, sleep(bound).then(() => null)])
  run.stop = true
  await sending
  if (exit === null || exit.code !== 0) t.comment(`server output:\n${first.tail()}`)
  t.ok(exit !== null, `the server exits within ${bound / 1000} s of SIGTERM`)
  if (exit === null) return
  t.equal(exit.code, 0, 'it exits with code 0', { signal: exit.signal })
  const exitMs = exit.at - signalledAt
  const acceptedBeforeTerm = run.accepted.size
  const ordersAtExit = kibo.stats().orderCount

  const second = await startServer(t, env)
  // A graceful stop finishes or releases what it held: nothing may be left importing under it.
  const leftImporting = await listByStatus(second.base, 'importing')
  let heldByFirst = 0
  for (const item of leftImporting) {
    const view = await getJson<ImportSummary>(`${second.base}/v1/imports/${item.importId}`)
    const lastLease = view.history?.filter((h) => h.kind === 'leased').at(-1)
    if (String(lastLease?.detail.leaseOwner ?? '').startsWith(`${first.pid}-`)) heldByFirst++
  }
  t.equal(heldByFirst, 0, 'no import was left importing under the stopped process')

  const { resent } = await resendUnacknowledged(t, second.base, run)
  const drainedAt = await drain(t, second, run)
  await assertAllImported(t, second, run)
  process.kill(second.pid, 'SIGTERM')
  t.equal((await second.exited).code, 0, 'the second server exits 0 on SIGTERM')
  assertOncePerEvent(t, kibo, run)

  t.comment(
    `${kind} SIGTERM: at the signal Kibo had ${atTerm.orders} orders with ${atTerm.createsInFlight} creates in flight; ` +
      `exited (code ${exit.code}) ${exitMs} ms after SIGTERM with ${ordersAtExit} orders in Kibo; ` +
      `${acceptedBeforeTerm} acknowledged before (failures: ${JSON.stringify(run.failures)}); ` +
      `restart ready in ${second.readyAt - second.startedAt} ms; ${resent} resent; ` +
      `everything imported ${drainedAt - second.readyAt} ms after the restart`
  )
}

/**
 * SIGTERM while a Kibo create hangs longer than the shutdown budget (the order IS stored in Kibo,
 * the answer never comes): the process still exits within the budget (+ slack) with code 0; the
 * import keeps its lease, is taken over after the restart, found in Kibo by externalId, not created again.
 */
async function hungShutdownScenario (t: Test, kind: DatabaseKind): Promise<void> {
  const kibo = await simulator(t)
  const env = serverEnv(kibo, await databaseFor(t, kind))
  const first = await startServer(t, env)
  const run = makeRun(`${kind}-hang`)
  const sending = sendAll(first.base, run)

  await midRun(kibo, 10)
  kibo.faults.inject({ kind: 'timeout', route: 'createOrder', commit: true, hangMs: 120_000 })
  await waitFor('a create to hang', () => kibo.faults.list().faults.length === 0, 30_000, 5)
  process.kill(first.pid, 'SIGTERM')
  const signalledAt = Date.now()
  const bound = SHUTDOWN_TIMEOUT_MS + SHUTDOWN_SLACK_MS
  const exit = await Promise.race([first.exited, sleep(bound).then(() => null)])
  run.stop = true
  await sending
  if (exit === null || exit.code !== 0) t.comment(`server output:\n${first.tail()}`)
  t.ok(exit !== null, `the server exits within ${bound / 1000} s of SIGTERM although a Kibo call hangs`)
  if (exit === null) return
  t.equal(exit.code, 0, 'it exits with code 0', { signal: exit.signal })
  const exitMs = exit.at - signalledAt

  const second = await startServer(t, env)
  const { resent } = await resendUnacknowledged(t, second.base, run)
  const drainedAt = await drain(t, second, run)
  await assertAllImported(t, second, run)
  process.kill(second.pid, 'SIGTERM')
  t.equal((await second.exited).code, 0, 'the second server exits 0 on SIGTERM')
  assertOncePerEvent(t, kibo, run)
  t.comment(
    `${kind} SIGTERM with a hung Kibo create: exited (code ${exit.code}) ${exitMs} ms after SIGTERM; ` +
      `restart ready in ${second.readyAt - second.startedAt} ms; ${resent} resent; ` +
      `everything imported ${drainedAt - second.readyAt} ms after the restart (${drainedAt - signalledAt} ms after SIGTERM); ` +
      `Kibo: ${kibo.stats().orderCount} orders, ${kibo.stats().requestsByRoute.findOrders ?? 0} look-ups by externalId`
  )
}

const postgresSkip = await postgresUnavailable()
for (const kind of ['pglite', 'postgres'] as const) {
  const skip = kind === 'postgres' && postgresSkip !== null ? postgresSkip : false
  await t.test(`${kind}: kill -9 mid-run, restart on the same database`, { skip }, (t) => crashScenario(t, kind))
  await t.test(`${kind}: SIGTERM mid-run exits cleanly, restart`, { skip }, (t) => gracefulScenario(t, kind))
  await t.test(`${kind}: SIGTERM while a Kibo call hangs past the shutdown budget`, { skip }, (t) => hungShutdownScenario(t, kind))
}
