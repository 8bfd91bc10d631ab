// Horizontal scale, end to end: two real server processes on ONE PostgreSQL database, one Kibo.
//
//   - both start at the same moment (their migrations run concurrently; one applies them);
//   - every event is sent to BOTH instances at once (duplicates across instances), as
//     `Prefer: respond-async` orders and signed webhooks mixed; both must name the same import;
//   - instance A is killed (SIGKILL) mid-run; the rest (and whatever was not acknowledged) goes to B;
//   - every acknowledged event is imported exactly once, none is lost, and what A held when it died
//     is finished by B within 30 s of the kill (default WORKER_LEASE_MS);
//   - each process fetched one Kibo token (OAuth calls = instances), the migrations ran once.
//
// And: an "old" instance refuses to start against a database migrated by a newer build.
//
// The Kibo simulator runs in THIS process (latency on createOrder, so creates are in flight at the
// kill) and counts orders and OAuth calls across both servers.
import { randomBytes } from 'node:crypto'
import t from 'tap'
import type { Test } from 'tap'
import { Webhook } from 'standardwebhooks'
import { startKiboSimulator, type KiboSimulator } from '../../src/kibo-simulator/index.ts'
import { latestVersion, migrate } from '../../src/store/index.ts'
import { loadExample, withExternalId } from '../helper.ts'
import { freshDatabase, postgresUnavailable } from '../support/databases.ts'
import { kiboSimulatorEnv, sleep, startServer, waitFor, type ServerProcess } from '../support/server-process.ts'
import { getJson, listByStatus, waitUntilImported, type ImportSummary } from '../support/imports-over-http.ts'

const EVENTS = 200
const LANES = 8
/** An event (to both instances) starts at most this often, so the kill lands mid-run. */
const SPACING_MS = 15
/** The promise under test: what a dead instance held is finished by another within 30 s. */
const PICKUP_BOUND_MS = 30_000
const DRAIN_TIMEOUT_MS = 90_000

t.setTimeout(300_000)

const skip = (await postgresUnavailable()) ?? false
const baseEvent = loadExample('cybersource-ship-usd')
const secret = `whsec_${randomBytes(24).toString('base64')}`

type Route = 'async' | 'webhook'

interface Planned {
  externalId: string
  webhookId: string
  body: string
  /** How it is sent to A and to B. */
  routes: [Route, Route]
  /** The importId each instance answered with (202, or 200 on a repeat once imported). */
  ackA?: string
  ackB?: string
}

type SendResult = { ok: true; status: number; importId: string } | { ok: false; reason: string }

async function send (base: string, event: Planned, route: Route): Promise<SendResult> {
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (route === 'async') headers.prefer = 'respond-async'
    else {
      const at = new Date()
      Object.assign(headers, {
        'webhook-id': event.webhookId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(event.webhookId, at, event.body)
      })
    }
    const res = await fetch(`${base}${route === 'async' ? '/v1/orders' : '/v1/webhooks/orders'}`, {
      method: 'POST',
      headers,
      body: event.body,
      signal: AbortSignal.timeout(20_000)
    })
    const body = (await res.json().catch(() => ({}))) as { importId?: string; detail?: string }
    if ((res.status === 202 || res.status === 200) && typeof body.importId === 'string') {
      return { ok: true, status: res.status, importId: body.importId }
    }
    return { ok: false, reason: `HTTP ${res.status}${body.detail ? ` ${body.detail}` : ''}` }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return { ok: false, reason: cause?.code ?? (error as Error).name }
  }
}

function serverEnv (kibo: KiboSimulator, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    ...kiboSimulatorEnv(kibo),
    WEBHOOK_SECRETS: secret,
    WORKER_CONCURRENCY: '8',
    QUEUE_POLL_MS: '500'
    // WORKER_LEASE_MS and SHUTDOWN_TIMEOUT_MS stay at their defaults: the defaults are what is promised.
  }
}

function plan (tag: string): Planned[] {
  const routes: Array<[Route, Route]> = [
    ['async', 'async'],
    ['webhook', 'webhook'],
    ['async', 'webhook'],
    ['webhook', 'async']
  ]
  return Array.from({ length: EVENTS }, (_, i) => {
    const externalId = `SCALE-${tag}-${String(i).padStart(3, '0')}`
    return {
      externalId,
      webhookId: `msg_${tag}_${i}`,
      body: JSON.stringify(withExternalId(baseEvent, externalId)),
      routes: routes[i % routes.length]
    }
  })
}

function ownerIsProcess (owner: unknown, server: ServerProcess): boolean {
  return String(owner ?? '').startsWith(`${server.pid}-`)
}

t.test('two instances on one PostgreSQL: concurrent duplicates, one killed mid-run', { skip }, async (t: Test) => {
  const kibo = await startKiboSimulator({ seed: 21 })
  kibo.faults.setLatency({ route: 'createOrder', minMs: 50, maxMs: 150 })
  t.teardown(() => kibo.close())
  const fresh = await freshDatabase(t, 'postgres')
  const env = serverEnv(kibo, fresh.url!)

  // Both at the same moment: their migrations (ours and pg-boss's) race on an empty database.
  const [a, b] = await Promise.all([startServer(t, env), startServer(t, env)])
  t.ok(Math.max(a.startedAt, b.startedAt) < Math.min(a.readyAt, b.readyAt), 'both processes were started before either was ready', {
    spawnedApartMs: Math.abs(a.startedAt - b.startedAt),
    readyAfterMs: [a.readyAt - a.startedAt, b.readyAt - b.startedAt]
  })
  const versions = await fresh.db.query<{ version: number; n: number }>(
    'SELECT version, count(*)::integer AS n FROM kibo_bridge.schema_migrations GROUP BY version ORDER BY version'
  )
  t.same(
    versions.rows,
    Array.from({ length: latestVersion() }, (_, i) => ({ version: i + 1, n: 1 })),
    'the migrations ran once: one schema_migrations row per version'
  )

  const tag = randomBytes(3).toString('hex')
  const events = plan(tag)
  const failures: Record<string, number> = {}
  const fail = (who: string, reason: string) => {
    const key = `${who}: ${reason.slice(0, 120)}`
    failures[key] = (failures[key] ?? 0) + 1
  }
  let aDown = false
  let next = 0
  const lane = async () => {
    while (next < events.length) {
      const event = events[next++]
      const started = Date.now()
      const toA = aDown ? null : send(a.base, event, event.routes[0])
      const toB = send(b.base, event, event.routes[1])
      const [ra, rb] = await Promise.all([toA, toB])
      if (ra !== null) {
        if (ra.ok) event.ackA = ra.importId
        else fail('A', ra.reason)
      }
      if (rb.ok) event.ackB = rb.importId
      else fail('B', rb.reason)
      await sleep(Math.max(0, SPACING_MS * LANES - (Date.now() - started)))
    }
  }
  const sending = Promise.all(Array.from({ length: LANES }, lane))

  // Kill A while both are importing: Kibo has some orders, creates are in flight, events remain.
  // Wait until A itself holds leases (creates in flight could all be B's): the kill must strand work.
  const atKill = await waitFor(
    'imports to be under way',
    60_000,
    async () => {
      const { orderCount, createCalls } = kibo.stats()
      const inFlight = createCalls - orderCount
      if (!(orderCount >= 50 && next < EVENTS - 40 && inFlight > 0)) return undefined
      const held = await fresh.db.query<{ n: number }>(
        "SELECT count(*)::integer AS n FROM kibo_bridge.imports WHERE status = 'importing' AND lease_owner LIKE $1",
        [`${a.pid}-%`]
      )
      return held.rows[0].n > 0 ? { orders: orderCount, inFlight, sent: next, heldByA: held.rows[0].n } : undefined
    },
    5
  )
  process.kill(a.pid, 'SIGKILL')
  const killedAt = Date.now()
  aDown = true
  t.equal((await a.exited).signal, 'SIGKILL', 'instance A died of SIGKILL')

  // What A held when it died: imports still importing under a lease of A's (B cannot take them
  // before the lease expires, WORKER_LEASE_MS = 15 s, so this is what A held at the kill).
  const stranded: string[] = []
  for (const item of await listByStatus(b.base, 'importing')) {
    const view = await getJson<ImportSummary>(`${b.base}/v1/imports/${item.importId}`)
    const lastLease = view.history?.filter((h) => h.kind === 'leased').at(-1)
    if (ownerIsProcess(lastLease?.detail.leaseOwner, a)) stranded.push(item.importId)
  }
  t.ok(stranded.length > 0, `A held imports in flight when it died (${stranded.length})`)

  await sending
  // Whatever neither instance acknowledged (A died under it, B refused it): to B until it is.
  const unacknowledged = events.filter((e) => e.ackA === undefined && e.ackB === undefined)
  for (const event of unacknowledged) {
    const result = await waitFor(
      `an acknowledgement of ${event.externalId}`,
      30_000,
      async () => {
        const sent = await send(b.base, event, event.routes[1])
        return sent.ok ? sent : undefined
      },
      250
    )
    event.ackB = result.importId
  }

  // Both instances named the same import for the same order.
  const differing = events.filter((e) => e.ackA !== undefined && e.ackB !== undefined && e.ackA !== e.ackB)
  const both = events.filter((e) => e.ackA !== undefined && e.ackB !== undefined).length
  t.same(
    differing.map((e) => ({ externalId: e.externalId, a: e.ackA, b: e.ackB })),
    [],
    `both instances answered with the same importId (${both} events acknowledged by both)`
  )
  const importIds = new Map(events.map((e) => [e.externalId, (e.ackB ?? e.ackA)!]))
  t.equal(new Set(importIds.values()).size, EVENTS, 'one import per event')

  // Drain: every acknowledged import imported (none failed or dead).
  const drainedAt = await waitUntilImported(t, b, importIds.values(), {
    what: 'every acknowledged import to be imported',
    timeoutMs: DRAIN_TIMEOUT_MS,
    serverName: 'B'
  })

  // A's in-flight work: taken over and finished by B within 30 s of the kill.
  let latestPickup = 0
  let latestDone = 0
  for (const importId of stranded) {
    const view = await getJson<ImportSummary>(`${b.base}/v1/imports/${importId}`)
    t.equal(view.status, 'imported', `stranded import ${importId} is imported`)
    const takeover = view.history?.find((h) => h.kind === 'leased' && ownerIsProcess(h.detail.leaseOwner, b))
    t.ok(takeover !== undefined, `B took ${importId} over`)
    if (takeover) latestPickup = Math.max(latestPickup, Date.parse(takeover.at))
    if (view.importedAt) latestDone = Math.max(latestDone, Date.parse(view.importedAt))
  }
  t.ok(latestDone - killedAt <= PICKUP_BOUND_MS, `what A held was finished by B within ${PICKUP_BOUND_MS / 1000} s of the kill`, {
    finishedAfterKillMs: latestDone - killedAt
  })

  // Repeats to B name the same imports (now 200, replayed), for both routes.
  const repeats = events.filter((_, i) => i % 25 === 0)
  const repeatDiffers: unknown[] = []
  for (const event of repeats) {
    for (const route of ['async', 'webhook'] as const) {
      const again = await send(b.base, event, route)
      if (!again.ok || again.importId !== importIds.get(event.externalId) || again.status !== 200) {
        repeatDiffers.push({ externalId: event.externalId, route, again })
      }
    }
  }
  t.same(repeatDiffers, [], `repeats of ${repeats.length} events by both routes name the same imports (200)`)

  // Stop B gracefully, so nothing is still running when Kibo is counted.
  process.kill(b.pid, 'SIGTERM')
  t.equal((await b.exited).code, 0, 'instance B exits 0 on SIGTERM')

  const stats = kibo.stats()
  const missing = events.filter((e) => stats.ordersByExternalId[e.externalId] === undefined).map((e) => e.externalId)
  const doubles = Object.entries(stats.ordersByExternalId).filter(([, count]) => count !== 1)
  t.same(missing, [], 'Kibo has an order for every event: none lost')
  t.same(doubles, [], 'no externalId was imported twice')
  t.equal(stats.orderCount, EVENTS, `Kibo holds exactly ${EVENTS} orders`)
  t.equal(stats.oauthCalls, 2, 'one OAuth call per instance process (each caches its token)')

  const acknowledgedByA = events.filter((e) => e.ackA !== undefined).length
  t.comment(
    [
      `${EVENTS} events to both instances (${LANES} lanes, async and signed webhooks mixed); started together: ready in ` +
        `${a.readyAt - a.startedAt} / ${b.readyAt - b.startedAt} ms (spawned ${Math.abs(a.startedAt - b.startedAt)} ms apart)`,
      `  at the kill: ${atKill.sent} events sent, Kibo had ${atKill.orders} orders with ${atKill.inFlight} creates in flight; ` +
        `A acknowledged ${acknowledgedByA}, both ${both}; ${unacknowledged.length} resent to B; refusals: ${JSON.stringify(failures)}`,
      `  ${stranded.length} imports importing under A at the kill: taken over by B ${latestPickup - killedAt} ms and finished ` +
        `${latestDone - killedAt} ms after the kill`,
      `  everything imported ${drainedAt - killedAt} ms after the kill; Kibo: ${stats.orderCount} orders, ${stats.createCalls} creates, ` +
        `${stats.requestsByRoute.findOrders ?? 0} look-ups by externalId, ${stats.oauthCalls} OAuth calls`
    ].join('\n')
  )
})

t.test('an old instance refuses a database migrated by a newer build', { skip }, async (t: Test) => {
  const fresh = await freshDatabase(t, 'postgres')
  await migrate(fresh.db)
  const newer = latestVersion() + 1
  await fresh.db.query('INSERT INTO kibo_bridge.schema_migrations (version, name) VALUES ($1, $2)', [newer, 'from a newer build'])
  // No Kibo needed: the store refuses before anything else starts (the built-in simulator is fine).
  const server = await startServer(t, { DATABASE_URL: fresh.url!, LOG_LEVEL: 'info' }, { waitReady: false })
  const exit = await Promise.race([server.exited, sleep(60_000).then(() => null)])
  t.ok(exit !== null, 'it exits by itself')
  if (exit === null) return
  t.not(exit.code, 0, `it exits non-zero (code ${exit.code})`)
  const output = server.tail(200)
  t.match(
    output,
    `database schema version ${newer} is newer than this build supports (${latestVersion()}); upgrade the service`,
    'with the clear message'
  )
  const { rows } = await fresh.db.query<{ version: number }>('SELECT max(version)::integer AS version FROM kibo_bridge.schema_migrations')
  t.equal(rows[0].version, newer, 'and leaves the schema alone')
})
