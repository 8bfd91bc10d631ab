// `npm run bench`: the service's import paths measured against a limit harness, in one run on one
// machine, written to bench/results.md (and printed).
//
//   sync      POST /v1/orders → Kibo simulator over loopback (unique externalIds, keep-alive), at
//             full speed, at a fixed rate and with one connection, against bench/limit-harness.ts
//             doing the same HTTP
//   async     Prefer: respond-async accepted/s (workers off), then the drain rate of a worker
//             process, on PGlite and on PostgreSQL
//   store     claim + outcome of one import at a time, in this process (the middleware's floor)
//   mapping   validate + map events in a loop, no I/O (events/s/core)
//
// Every server (simulator, harness, service) is a child process of its own, so its CPU time and
// memory are read from /proc; the load generator (autocannon) runs in this process.
// Flags: --duration S (each measured run, default 10), --warmup S (default 3), --connections N
// (default 50), --no-postgres, --profile (service runs with --cpu-prof into bench/profiles/<run>/,
// one file per thread), --out FILE (default bench/results.md).
import { execFileSync } from 'node:child_process'
import { DatabaseSync } from 'node:sqlite'
import { createWriteStream, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { OrderEventSchema } from '../schemas/order-event.ts'
import { mapEventToKiboOrder, type MappingOptions } from '../src/mapping/index.ts'
import { DEFAULT_SITE_ID, DEFAULT_TENANT_ID } from '../src/kibo-simulator/index.ts'
import { createImportStore, migrate, openDatabase } from '../src/store/index.ts'
import { kiboSimulatorEnv } from '../test/support/server-process.ts'
import { startFlags } from '../scripts/start-flags.ts'
import {
  freePort,
  getJson,
  processStats,
  runLoad,
  sampleRss,
  startNode,
  waitForHttp,
  watchPeakRss,
  oneConnection,
  type AutocannonResult,
  type Latencies,
  type Child
} from './support.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    'cli-events': { type: 'string', default: '100000' },
    drain: { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench/results.md') }
  }
})
const duration = Number(flags.duration)
const warmup = Number(flags.warmup)
const connections = Number(flags.connections)
const rounds = Number(flags.rounds)
const cliEvents = Number(flags['cli-events'])
const postgresBase = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

const say = (line: string) => process.stderr.write(`${line}\n`)
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
const round = (n: number, digits = 0) => Number(n.toFixed(digits))

const work = mkdtempSync(path.join(os.tmpdir(), 'kob-bench-'))
const children: Child[] = []
process.on('exit', () => {
  for (const child of children) child.process.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
})

// ------------------------------------------------------------------ the events

const example = JSON.parse(readFileSync(path.join(root, 'examples/cybersource-ship-usd.json'), 'utf8'))
const PLACEHOLDER = '__EXTERNAL_ID__'
const [head, tail] = JSON.stringify({ ...example, data: { ...example.data, externalId: PLACEHOLDER } }).split(`"${PLACEHOLDER}"`)
const runTag = Date.now().toString(36)
let sequence = 0
const nextBody = (prefix: string) => () => `${head}"${prefix}-${runTag}-${++sequence}"${tail}`

const mappingOptions: MappingOptions = { fraudDeclineAction: 'review', tenantId: DEFAULT_TENANT_ID, siteId: DEFAULT_SITE_ID }
const mapped = mapEventToKiboOrder(OrderEventSchema.parse(example), mappingOptions)
if (!mapped.ok) throw new Error('the bench example does not map')
const kiboTemplate = JSON.stringify(mapped.kiboOrder)

// ------------------------------------------------------------------ processes

const simulatorPort = await freePort()
const simulatorUrl = `http://127.0.0.1:${simulatorPort}`
const simulator = startNode(path.join(root, 'src/kibo-simulator/main.ts'), { PORT: String(simulatorPort), HOST: '127.0.0.1' })
children.push(simulator)
await waitForHttp(`${simulatorUrl}/_simulator/state`, simulator)
const simulatorStats = async () =>
  (await getJson(`${simulatorUrl}/_simulator/state`)).stats as { oauthCalls: number; createCalls: number; orderCount: number }
const resetSimulator = () => fetch(`${simulatorUrl}/_simulator/reset`, { method: 'POST' }).then((r) => r.arrayBuffer())

/** Why a PostgreSQL run did not happen, for the report. */
const postgresSkipped: string[] = []
let postgresDatabases = 0

/**
 * Runs `fn` with the URL of a new, empty PostgreSQL database, dropped afterwards. Undefined, with
 * the reason said and kept for the report, when --no-postgres is given or PostgreSQL is unreachable.
 */
async function withPostgres<T> (what: string, fn: (url: string) => Promise<T>): Promise<T | undefined> {
  const database = await createPostgresDatabase(what)
  if (database === undefined) return undefined
  try {
    return await fn(database.url)
  } finally {
    await database.drop()
  }
}

/** A new, empty PostgreSQL database and how to drop it; undefined (reason kept) as for withPostgres. */
async function createPostgresDatabase (what: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  if (flags['no-postgres']) {
    postgresSkipped.push(`${what} on PostgreSQL skipped (--no-postgres).`)
    return undefined
  }
  const name = `kob_bench_${runTag}_${++postgresDatabases}`
  const admin = new pg.Client({ connectionString: postgresBase, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (error) {
    await admin.end().catch(() => {})
    const reason = `${what} on PostgreSQL skipped: ${(error as Error).message}`
    postgresSkipped.push(reason)
    say(reason)
    return undefined
  }
  const url = new URL(postgresBase)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop () {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await admin.end().catch(() => {})
    }
  }
}

const kiboEnv = kiboSimulatorEnv({ apiBaseUrl: `${simulatorUrl}/api`, authBaseUrl: simulatorUrl })

/** Starts the service; readyMs: from the spawn to the first 200 from /health/ready. */
async function startService (name: string, env: Record<string, string>): Promise<{ child: Child; url: string; readyMs: number }> {
  const port = await freePort()
  const logFd = openSync(path.join(work, `${name}.log`), 'a')
  // The service runs with the Node flags of `npm start`, as a user runs it.
  const args = [...startFlags(), ...(flags.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'bench/profiles', name)] : [])]
  const spawned = performance.now()
  const child = startNode(
    path.join(root, 'src/server.ts'),
    { ...kiboEnv, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    args,
    logFd
  )
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/health/ready`, child, 120_000, 20)
  return { child, url, readyMs: performance.now() - spawned }
}

/** The raw forwarder, or with `claimFile` the durable one (bench/limit-harness.ts). */
async function startHarness (name: string, claimFile?: string): Promise<{ child: Child; url: string }> {
  const port = await freePort()
  const child = startNode(path.join(root, 'bench/limit-harness.ts'), {
    ...kiboEnv,
    KIBO_URL: simulatorUrl,
    PORT: String(port),
    TEMPLATE: kiboTemplate,
    KIBO_CONNECTIONS: '32',
    ...(claimFile === undefined ? {} : { CLAIM_FILE: claimFile })
  })
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(url, child)
  return { child, url }
}

interface Measured {
  result: AutocannonResult
  /** 2xx answers during the warm-up (async: these are queued too). */
  warm2xx: number
  rps: number
  /** Length of the measured run. */
  seconds: number
  cpuMsPerRequest: number
  /** CPU of the measured process as a share of one core during the run. */
  cpuCores: number
  peakRssMiB: number
  load: string
}

/** Warm-up, then one measured run; CPU and RSS of `pid` over the measured run only. */
async function measure (
  url: string,
  pid: number,
  options: { path: string; prefix: string; overallRate?: number; headers?: Record<string, string>; warm?: boolean; connections?: number }
): Promise<Measured> {
  const clients = options.connections ?? connections
  let warm2xx = 0
  if (options.warm !== false && warmup > 0) {
    warm2xx = (
      await runLoad({
        url,
        path: options.path,
        connections: clients,
        durationSeconds: warmup,
        body: nextBody(`${options.prefix}-warm`),
        headers: options.headers,
        overallRate: options.overallRate
      })
    )['2xx']
  }
  const before = processStats(pid)
  const rss = sampleRss(pid)
  const started = performance.now()
  const result = await runLoad({
    url,
    path: options.path,
    connections: clients,
    durationSeconds: duration,
    body: nextBody(options.prefix),
    headers: options.headers,
    overallRate: options.overallRate
  })
  const seconds = (performance.now() - started) / 1000
  const peak = rss.stop()
  const after = processStats(pid)
  const ok = result['2xx']
  return {
    result,
    warm2xx,
    rps: ok / seconds,
    seconds,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / Math.max(1, ok),
    cpuCores: (after.cpuMs - before.cpuMs) / 1000 / seconds,
    peakRssMiB: Math.max(peak, after.rssMiB),
    load: load()
  }
}

function failures (m: Measured): string {
  const r = m.result
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}×${s.count}`)
  return r.non2xx + r.errors + r.timeouts === 0
    ? 'none'
    : `non-2xx ${r.non2xx} (${codes.join(', ')}), errors ${r.errors}, timeouts ${r.timeouts}`
}

// ------------------------------------------------------------------ 1. sync: raw and durable forwarders vs the service

// All four servers run at once and are measured in turns (round 1 in one order, round 2 in the
// reverse, …), so a change in the machine's load falls on all of them alike.
say(`bench: ${duration} s runs after ${warmup} s warm-up, ${connections} connections, ${rounds} rounds; load ${load()}`)
const raw = await startHarness('raw')
const durable = await startHarness('durable', path.join(work, 'durable-claims.log'))
const syncData = path.join(work, 'sync-data')
const embedded = await startService('sync-embedded', { DATA_DIR: syncData, WORKER_CONCURRENCY: '0' })
say(`  embedded service ready in ${(embedded.readyMs / 1000).toFixed(1)} s (new DATA_DIR)`)
const syncDatabase = await createPostgresDatabase('Sync on PostgreSQL')
const onPostgres =
  syncDatabase === undefined ? undefined : await startService('sync-postgres', { DATABASE_URL: syncDatabase.url, WORKER_CONCURRENCY: '0' })
if (onPostgres !== undefined) say(`  PostgreSQL service ready in ${(onPostgres.readyMs / 1000).toFixed(1)} s (new database)`)
const oauthBefore = (await simulatorStats()).oauthCalls

interface SyncTarget {
  name: string
  url: string
  path: string
  pid: number
  runs: Measured[]
  one?: Latencies
}
const targets: SyncTarget[] = [
  { name: 'raw forwarder', url: raw.url, path: '/', pid: raw.child.pid, runs: [] },
  { name: 'durable forwarder', url: durable.url, path: '/', pid: durable.child.pid, runs: [] },
  { name: 'service, embedded PGlite', url: embedded.url, path: '/v1/orders', pid: embedded.child.pid, runs: [] },
  ...(onPostgres === undefined
    ? []
    : [{ name: 'service, PostgreSQL', url: onPostgres.url, path: '/v1/orders', pid: onPostgres.child.pid, runs: [] }])
]
// One connection, one request at a time: what each adds with no queueing at all. Measured before
// the 50-connection rounds, while the simulator and the databases are small and no server is still
// catching up on a round (measured after them, the first target got a quiet machine and the last
// one a simulator holding 100,000 orders).
const oneSeconds = Math.max(3, duration / 2)
for (const target of targets) {
  await oneConnection(target.url, target.path, 2, nextBody(`one-warm-${target.pid}`))
  target.one = await oneConnection(target.url, target.path, oneSeconds, nextBody(`one-${target.pid}`))
  say(`  one connection: ${target.name}: p50 ${target.one.p50.toFixed(2)} ms, p99 ${target.one.p99.toFixed(2)} ms (${target.one.count})`)
}
const oneLoad = load()
for (let turn = 0; turn < rounds; turn++) {
  for (const target of turn % 2 === 0 ? targets : [...targets].reverse()) {
    const measured = await measure(target.url, target.pid, { path: target.path, prefix: `sync-${turn}-${target.pid}` })
    target.runs.push(measured)
    say(
      `  round ${turn + 1}: ${target.name}: ${round(measured.rps)} req/s, ` +
        `p50 ${measured.result.latency.p50} ms, p99 ${measured.result.latency.p99} ms (load ${measured.load})`
    )
  }
}
const afterSync = await simulatorStats()
const oauthCalls = afterSync.oauthCalls - oauthBefore
const totalRate = (target: SyncTarget) =>
  target.runs.reduce((sum, m) => sum + m.result['2xx'], 0) / target.runs.reduce((sum, m) => sum + m.seconds, 0)
const servicePeaks = {
  embedded: Math.max(processStats(embedded.child.pid).peakRssMiB, ...targets[2].runs.map((m) => m.peakRssMiB)),
  postgres:
    onPostgres === undefined ? 0 : Math.max(processStats(onPostgres.child.pid).peakRssMiB, ...targets[3].runs.map((m) => m.peakRssMiB))
}
for (const child of [embedded.child, onPostgres?.child, raw.child, durable.child]) await child?.stop()

// Start to ready again on the data the first start created; idle RSS a few seconds after ready.
async function restart (name: string, env: Record<string, string>): Promise<{ readyMs: number; idleRssMiB: number }> {
  const again = await startService(name, { ...env, WORKER_CONCURRENCY: '0' })
  await sleep(3000)
  const idleRssMiB = processStats(again.child.pid).rssMiB
  await again.child.stop()
  return { readyMs: again.readyMs, idleRssMiB }
}
const embeddedAgain = await restart('sync-embedded-again', { DATA_DIR: syncData })
const postgresAgain = syncDatabase === undefined ? undefined : await restart('sync-postgres-again', { DATABASE_URL: syncDatabase.url })
say(
  `  ready on existing data: embedded ${(embeddedAgain.readyMs / 1000).toFixed(1)} s (idle ${round(embeddedAgain.idleRssMiB)} MiB)` +
    (postgresAgain === undefined
      ? ''
      : `, PostgreSQL ${(postgresAgain.readyMs / 1000).toFixed(1)} s (idle ${round(postgresAgain.idleRssMiB)} MiB)`)
)
await syncDatabase?.drop()
await resetSimulator()

// ------------------------------------------------------------------ 2. async intake and drain

interface AsyncFigures {
  database: string
  accepted: number
  acceptedPerSecond: number
  intake: Measured
  drained: number
  drainSeconds: number
  drainPerSecond: number
  complete: boolean
  /** Create calls the simulator received during the drain, and the distinct orders they made. */
  creates: number
  orders: number
  load: string
}

/** Intake with workers off (accepted/s), then one worker process drains what was accepted. */
async function asyncRun (database: 'PGlite' | 'PostgreSQL', env: Record<string, string>): Promise<AsyncFigures> {
  const intakeService = await startService(`async-${database}`, { ...env, WORKER_CONCURRENCY: '0' })
  say(`async intake on ${database}…`)
  const intake = await measure(intakeService.url, intakeService.child.pid, {
    path: '/v1/orders',
    prefix: `async-${database}`,
    headers: { prefer: 'respond-async' }
  })
  const queued = intake.result['2xx'] + intake.warm2xx
  await intakeService.child.stop()
  if (!flags.drain) {
    say(`  ${round(intake.rps)} accepted/s (load ${intake.load}); drain not measured (--drain)`)
    await resetSimulator()
    return {
      database,
      accepted: queued,
      acceptedPerSecond: intake.rps,
      intake,
      drained: 0,
      drainSeconds: 0,
      drainPerSecond: 0,
      complete: false,
      creates: 0,
      orders: 0,
      load: ''
    }
  }
  const before = await simulatorStats()
  say(`  ${round(intake.rps)} accepted/s (load ${intake.load}); draining ${queued} with one worker process…`)
  const worker = await startService(`drain-${database}`, { ...env, WORKER_CONCURRENCY: '32', QUEUE_POLL_MS: '100' })
  const started = performance.now()
  let drained = 0
  const deadline = started + Math.max(60_000, duration * 18_000)
  while (performance.now() < deadline) {
    drained = (await simulatorStats()).createCalls - before.createCalls
    if (drained >= queued) break
    await sleep(100)
  }
  const drainSeconds = (performance.now() - started) / 1000
  const drainLoad = load()
  // `queued` counts the 202s the load generator saw; the service also accepted what was in flight
  // when its window closed. Wait until the creates stop, then count them and the distinct orders:
  // equal counts mean nothing was created twice.
  let settled = await simulatorStats()
  for (let quiet = 0; quiet < 10 && performance.now() < deadline;) {
    await sleep(100)
    const now = await simulatorStats()
    quiet = now.createCalls === settled.createCalls ? quiet + 1 : 0
    settled = now
  }
  const creates = settled.createCalls - before.createCalls
  const orders = settled.orderCount - before.orderCount
  await worker.child.stop()
  await resetSimulator()
  say(`  drained ${drained}/${queued} in ${drainSeconds.toFixed(1)} s (load ${drainLoad}); in all ${creates} creates for ${orders} orders`)
  return {
    database,
    accepted: queued,
    acceptedPerSecond: intake.rps,
    intake,
    drained,
    drainSeconds,
    drainPerSecond: drained / drainSeconds,
    complete: drained >= queued,
    creates,
    orders,
    load: drainLoad
  }
}

const asyncResults: AsyncFigures[] = []
asyncResults.push(await asyncRun('PGlite', { DATA_DIR: path.join(work, 'async-pglite') }))

const asyncOnPostgres = await withPostgres('Async intake and drain', (url) => asyncRun('PostgreSQL', { DATABASE_URL: url }))
if (asyncOnPostgres !== undefined) asyncResults.push(asyncOnPostgres)

// ------------------------------------------------------------------ 3. the store, one import at a time

// What every sync import writes, with nothing else running: its claim (one transaction) and its
// outcome (another), one after the other — the least the middleware can add on each database.
interface StoreFloor {
  database: string
  claimMs: number
  outcomeMs: number
}
async function storeFloor (database: string, options: { dataDir: string; databaseUrl?: string }): Promise<StoreFloor> {
  const db = await openDatabase(options)
  try {
    await migrate(db)
    const store = createImportStore(db)
    const event = JSON.parse(nextBody('floor')())
    const run = async (prefix: string, n: number) => {
      let claimMs = 0
      let outcomeMs = 0
      for (let i = 0; i < n; i++) {
        const started = performance.now()
        // The service's path for a claim (group commit calls claimImports: one statement).
        const [claim] = await store.claimImports([
          {
            tenantId: DEFAULT_TENANT_ID,
            siteId: DEFAULT_SITE_ID,
            externalId: `${prefix}-${i}`,
            payloadHash: 'h',
            event,
            mode: 'sync',
            leaseOwner: 'bench',
            leaseMs: 60_000
          }
        ])
        if (claim.status === 'rejected') throw claim.reason
        const record = claim.value.record
        const claimed = performance.now()
        // The service's path for an outcome (group commit calls markImportedMany).
        const [marked] = await store.markImportedMany([
          {
            importId: record.importId,
            leaseOwner: 'bench',
            outcome: { kiboOrderId: `k-${prefix}-${i}`, kiboOrderNumber: i, correlationId: null, created: true }
          }
        ])
        if (marked.status === 'rejected') throw marked.reason
        claimMs += claimed - started
        outcomeMs += performance.now() - claimed
      }
      return { database, claimMs: claimMs / n, outcomeMs: outcomeMs / n }
    }
    await run('warm', 100)
    return await run('floor', 500)
  } finally {
    await db.close()
  }
}
/**
 * A data point, not an engine the service runs on: the same two writes on node:sqlite (built into
 * Node 24), WAL journal. The claim (record + history row, one transaction) is flushed at commit
 * (synchronous = FULL); the outcome (update + history row) is not waited for (synchronous = NORMAL:
 * flushed at the next checkpoint), as the outcome on PostgreSQL. Synchronous calls, in this thread.
 */
function sqliteFloor (dir: string): StoreFloor {
  mkdirSync(dir, { recursive: true })
  const db = new DatabaseSync(path.join(dir, 'imports.db'))
  db.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE imports (import_id TEXT PRIMARY KEY, tenant_id INTEGER, site_id INTEGER, external_id TEXT, payload_hash TEXT,
      event TEXT, status TEXT, lease_owner TEXT, lease_expires_at TEXT, kibo_order_id TEXT, kibo_order_number INTEGER,
      created_at TEXT, updated_at TEXT, UNIQUE (tenant_id, site_id, external_id));
    CREATE TABLE import_events (id INTEGER PRIMARY KEY, import_id TEXT REFERENCES imports, at TEXT, kind TEXT, detail TEXT);`)
  const insert = db.prepare(`INSERT INTO imports (import_id, tenant_id, site_id, external_id, payload_hash, event, status, lease_owner,
    lease_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'importing', ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
  const history = db.prepare('INSERT INTO import_events (import_id, at, kind, detail) VALUES (?, ?, ?, ?)')
  const mark = db.prepare(`UPDATE imports SET status = 'imported', kibo_order_id = ?, kibo_order_number = ?, lease_owner = NULL,
    updated_at = ? WHERE import_id = ? AND lease_owner = ?`)
  const body = nextBody('floor-sqlite')
  const run = (prefix: string, n: number) => {
    let claimMs = 0
    let outcomeMs = 0
    for (let i = 0; i < n; i++) {
      const started = performance.now()
      const now = new Date().toISOString()
      const id = `${prefix}-${i}`
      db.exec('PRAGMA synchronous = FULL; BEGIN IMMEDIATE')
      insert.run(id, DEFAULT_TENANT_ID, DEFAULT_SITE_ID, id, 'h', JSON.stringify(JSON.parse(body())), 'bench', now, now, now)
      history.run(id, now, 'received', JSON.stringify({ mode: 'sync', leaseOwner: 'bench' }))
      db.exec('COMMIT')
      const claimed = performance.now()
      db.exec('PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE')
      mark.run(`k-${id}`, i, now, id, 'bench')
      history.run(id, now, 'imported', JSON.stringify({ kiboOrderId: `k-${id}` }))
      db.exec('COMMIT')
      claimMs += claimed - started
      outcomeMs += performance.now() - claimed
    }
    return { database: 'node:sqlite (data point, WAL)', claimMs: claimMs / n, outcomeMs: outcomeMs / n }
  }
  try {
    run('warm', 100)
    return run('floor', 500)
  } finally {
    db.close()
  }
}
say('store, one import at a time…')
const floors: StoreFloor[] = [await storeFloor('PGlite', { dataDir: path.join(work, 'floor-pglite') })]
const floorOnPostgres = await withPostgres('The store alone', (url) => storeFloor('PostgreSQL', { dataDir: 'unused', databaseUrl: url }))
if (floorOnPostgres !== undefined) floors.push(floorOnPostgres)
floors.push(sqliteFloor(path.join(work, 'floor-sqlite')))
for (const f of floors) say(`  ${f.database}: claim ${f.claimMs.toFixed(2)} ms + outcome ${f.outcomeMs.toFixed(2)} ms`)

// ------------------------------------------------------------------ 4. pure mapping

function mappingRate (validate: boolean): { perSecondPerCore: number; events: number } {
  const names = ['cybersource-ship-usd', 'authorizenet-pickup-review', 'paypal-eur', 'historical-completed-jpy']
  const raws = names.map((name) => JSON.parse(readFileSync(path.join(root, 'examples', `${name}.json`), 'utf8')))
  const parsed = raws.map((raw) => OrderEventSchema.parse(raw))
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      const event = validate ? OrderEventSchema.parse(raws[i % raws.length]) : parsed[i % parsed.length]
      if (!mapEventToKiboOrder(event, mappingOptions).ok) throw new Error('mapping refused a valid example')
    }
  }
  run(2000) // warm-up
  const seconds = Math.max(2, Math.min(5, duration / 2))
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  let events = 0
  while (performance.now() - started < seconds * 1000) {
    run(500)
    events += 500
  }
  const cpu = process.cpuUsage(cpuBefore)
  return { perSecondPerCore: events / ((cpu.user + cpu.system) / 1e6), events }
}
say('mapping…')
const mapOnly = mappingRate(false)
const validateAndMap = mappingRate(true)
const mappingLoad = load()
say(
  `  map ${round(mapOnly.perSecondPerCore)} events/s/core, validate + map ${round(validateAndMap.perSecondPerCore)} (load ${mappingLoad})`
)

// ------------------------------------------------------------------ 5. the CLI's peak RSS

// `kibo-order-bridge import FILE` as a user runs it (bin/), embedded PGlite in a DATA_DIR of its own
// and the built-in simulator in the process: a dry run, then the in-process import of the same file.
// Peak = VmHWM of the CLI process (a new DATA_DIR's initdb runs in a child of its own, not counted).
interface CliRun {
  what: string
  peakRssMiB: number
  seconds: number
  summary: string
  load: string
}
async function cliRun (what: string, file: string, args: string[]): Promise<CliRun> {
  const started = performance.now()
  const env = { DATA_DIR: path.join(work, 'cli-data'), DATABASE_URL: '', LOG_LEVEL: 'warn' }
  const cli = startNode(path.join(root, 'bin/kibo-order-bridge.js'), env, [], undefined, [
    'import',
    file,
    '--no-progress',
    '--report',
    path.join(work, 'cli-report.ndjson'),
    ...args
  ])
  const peak = watchPeakRss(cli.pid)
  const code = await new Promise<number>((resolve) => cli.process.once('exit', (exitCode) => resolve(exitCode ?? -1)))
  const peakRssMiB = peak.stop()
  if (code !== 0) throw new Error(`CLI ${what} exited ${code}:\n${cli.output()}`)
  const summary = /Done: .*/.exec(cli.output())?.[0] ?? ''
  return { what, peakRssMiB, seconds: (performance.now() - started) / 1000, summary, load: load() }
}
const cliFile = path.join(work, 'cli-events.ndjson')
{
  const out = createWriteStream(cliFile)
  const body = nextBody('cli')
  for (let i = 0; i < cliEvents; i++) if (!out.write(`${body()}\n`)) await once(out, 'drain')
  out.end()
  await once(out, 'close')
}
say(`CLI, ${cliEvents} events…`)
const cliRuns: CliRun[] = []
for (const [what, args] of [['dry run', ['--dry-run']], ['in-process import', []]] as const) {
  const run = await cliRun(what, cliFile, [...args])
  cliRuns.push(run)
  say(`  ${what}: peak RSS ${round(run.peakRssMiB)} MiB, ${run.seconds.toFixed(0)} s — ${run.summary} (load ${run.load})`)
}

// ------------------------------------------------------------------ report

/* eslint-disable @stylistic/max-len -- the report's Markdown table rows: one row per line */

const version = (name: string) => {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version as string
  } catch {
    return '?'
  }
}
const gitCommit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  } catch {
    return '?'
  }
})()
const cpus = os.cpus()
const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`)
const ms = (n: number) => `${n.toFixed(2)} ms`
const check = (ok: boolean) => (ok ? 'met' : '**not met**')

const [rawTarget, durableTarget, embeddedTarget, postgresTarget] = targets
const durableRate = totalRate(durableTarget)
const addedOne = (target: SyncTarget) => ({
  p50: target.one!.p50 - rawTarget.one!.p50,
  p99: target.one!.p99 - rawTarget.one!.p99
})
const serviceRows = (target: SyncTarget | undefined, targets: { latencyP50: number; peakMiB: number; idleMiB?: number; peak: number }) => {
  if (target === undefined) return []
  const rate = totalRate(target)
  const one = addedOne(target)
  const idle = target === embeddedTarget ? embeddedAgain.idleRssMiB : postgresAgain?.idleRssMiB
  return [
    `| **${target.name}** | ${round(rate)} req/s (${target.runs.map((m) => round(m.rps)).join(', ')}) | ${ratio(rate, durableRate)} the durable forwarder | ≥ 0.50× (goal 0.80×) — ${check(rate >= 0.5 * durableRate)} |`,
    `| ↳ one connection p50 / p99 | ${ms(target.one!.p50)} / ${ms(target.one!.p99)} | added vs raw ${ms(one.p50)} / ${ms(one.p99)} | p50 ≤ ${targets.latencyP50} ms — ${check(one.p50 <= targets.latencyP50)}; p99 ≤ 5 ms — ${check(one.p99 <= 5)} |`,
    `| ↳ CPU per request, server process | ${target.runs[0].cpuMsPerRequest.toFixed(3)} ms (${target.runs[0].cpuCores.toFixed(2)} cores) | ${ratio(target.runs[0].cpuMsPerRequest, durableTarget.runs[0].cpuMsPerRequest)} the durable forwarder's | |`,
    `| ↳ peak RSS under ${connections} connections | ${round(targets.peak)} MiB | | ≤ ${targets.peakMiB} MiB — ${check(targets.peak <= targets.peakMiB)} |`,
    ...(idle === undefined
      ? []
      : [`| ↳ idle RSS (3 s after ready) | ${round(idle)} MiB | | ${targets.idleMiB === undefined ? '' : `≤ ${targets.idleMiB} MiB — ${check(idle <= targets.idleMiB)}`} |`])
  ]
}
const readyRow = (what: string, first: number, again: number | undefined) =>
  `| start to ready, ${what} | new: ${(first / 1000).toFixed(1)} s; existing: ${again === undefined ? '–' : `${(again / 1000).toFixed(1)} s`} | | new ≤ 4 s — ${check(first <= 4000)}; existing ≤ 2 s — ${check(again !== undefined && again <= 2000)} |`

const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()} (commit ${gitCommit}, plus the working tree).`,
  '',
  `- Machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${round(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()}`,
  `- Node ${process.versions.node}; fastify ${version('fastify')}, undici ${version('undici')}, zod ${version('zod')}, pg-boss ${version('pg-boss')}, @electric-sql/pglite ${version('@electric-sql/pglite')}, pg ${version('pg')}, autocannon ${version('autocannon')}`,
  `- Runs: ${rounds} rounds of ${duration} s measured after ${warmup} s warm-up per server, ${connections} connections, keep-alive, one unique externalId per request (the ${'`cybersource-ship-usd`'} example, ${head.length + tail.length + 20} bytes); service at LOG_LEVEL=info (to a file)`,
  '- Every server is its own process on the same machine (Kibo simulator, forwarders, services); the load generator runs in the bench process. The machine is shared: the load average (1/5/15 min) is given next to every figure; compare ratios within this run, not across runs.',
  '',
  '## Sync import path: the service against a raw and a durable forwarder (one interleaved run)',
  '',
  'Raw forwarder: node:http, JSON.parse, forward to the simulator, answer. Durable forwarder: the same, plus a claim line appended and fdatasync\'d before the forward (every claim waiting at that moment shares one write and one flush) and the outcome line appended after Kibo answers, not waited for (bench/limit-harness.ts). All four servers run at once and are measured in turns, rounds in alternating order; req/s is over all rounds (each round in brackets). One connection: one request at a time, timed in the bench process, ' + `${oneSeconds} s per server after 2 s of warm-up, before the 50-connection rounds.`,
  '',
  '| | figure | ratio | target |',
  '|---|---|---|---|',
  `| raw forwarder | ${round(totalRate(rawTarget))} req/s (${rawTarget.runs.map((m) => round(m.rps)).join(', ')}); one connection p50 / p99 ${ms(rawTarget.one!.p50)} / ${ms(rawTarget.one!.p99)} | | |`,
  `| durable forwarder | ${round(durableRate)} req/s (${durableTarget.runs.map((m) => round(m.rps)).join(', ')}); one connection p50 / p99 ${ms(durableTarget.one!.p50)} / ${ms(durableTarget.one!.p99)} | ${ratio(durableRate, totalRate(rawTarget))} the raw one; added p50 ${ms(addedOne(durableTarget).p50)} | |`,
  ...serviceRows(embeddedTarget, { latencyP50: 3, peakMiB: 256, peak: servicePeaks.embedded }),
  readyRow('embedded (DATA_DIR)', embedded.readyMs, embeddedAgain.readyMs),
  ...serviceRows(postgresTarget, { latencyP50: 2, peakMiB: 200, idleMiB: 100, peak: servicePeaks.postgres }),
  ...(onPostgres === undefined ? [] : [readyRow('PostgreSQL (database)', onPostgres.readyMs, postgresAgain?.readyMs)]),
  `| OAuth calls to Kibo during the runs | ${oauthCalls} | | |`,
  `| failed requests | ${targets.map((t) => `${t.name}: ${t.runs.map(failures).join(' / ')}`).join('; ')} | | |`,
  `| load average | ${targets.map((t) => `${t.name}: ${t.runs.map((m) => m.load).join(' / ')}`).join('; ')}; one-connection runs: ${oneLoad} | | |`,
  '',
  `Orders created in the simulator by these runs: ${afterSync.createCalls} create calls for ${afterSync.orderCount} orders (warm-up included).`,
  '',
  '## Async intake (`Prefer: respond-async`) and drain',
  '',
  'Intake: the service with `WORKER_CONCURRENCY=0` (validate, reconcile, store the record and its pg-boss job in one transaction, answer 202). Drain: then one service process with `WORKER_CONCURRENCY=32`, `QUEUE_POLL_MS=100` imports everything accepted (warm-up included) into the simulator; the rate counts from its first answer to the last create. "drained n/m": creates when the count of 202s the load generator saw (m) was reached; then, once the creates stop, all creates and the distinct orders they made (more creates than the 202s seen: requests in flight when the window closed were accepted too).',
  '',
  '| database | accepted/s | intake p50 / p99 | intake CPU per accept | drain | drain rate | load | target |',
  '|---|---|---|---|---|---|---|---|',
  ...asyncResults.map(
    (r) =>
      `| ${r.database} | ${round(r.acceptedPerSecond)} | ${ms(r.intake.result.latency.p50)} / ${ms(r.intake.result.latency.p99)} | ${r.intake.cpuMsPerRequest.toFixed(3)} ms | ${flags.drain ? `${r.drained}/${r.accepted} in ${r.drainSeconds.toFixed(1)} s${r.complete ? '' : ' (**timed out**)'}; ${r.creates} creates for ${r.orders} orders${r.creates === r.orders ? '' : ' (**duplicates**)'}` : 'not measured (--drain)'} | ${flags.drain ? `${round(r.drainPerSecond)} imports/s` : '–'} | intake ${r.intake.load}; drain ${r.load} | ${r.database === 'PGlite' ? `≥ 1,000 accepted/s — ${check(r.acceptedPerSecond >= 1000)}` : ''} |`
  ),
  ...(postgresSkipped.length > 0 ? ['', ...postgresSkipped] : []),
  '',
  '## The CLI (`kibo-order-bridge import`), embedded PGlite and the built-in simulator in the process',
  '',
  '| run | events | peak RSS (VmHWM) | time | target |',
  '|---|---|---|---|---|',
  ...cliRuns.map(
    (r) => `| ${r.what} | ${cliEvents} | ${round(r.peakRssMiB)} MiB | ${r.seconds.toFixed(0)} s (${r.summary}); load ${r.load} | ≤ 256 MiB — ${check(r.peakRssMiB <= 256)} |`
  ),
  '',
  '## The store alone, one import at a time',
  '',
  'The two writes every sync import makes, in the bench process, one import at a time: the claim (record + history row) before the Kibo call and the outcome after it (on PostgreSQL not waited for on disk: synchronous_commit = off). Their sum is the least the middleware can add to a request on that database. node:sqlite is a data point for the embedded engine (the same two writes, WAL, claim flushed, outcome not), not what the service runs on.',
  '',
  '| database | claim | outcome | both |',
  '|---|---|---|---|',
  ...floors.map((f) => `| ${f.database} | ${ms(f.claimMs)} | ${ms(f.outcomeMs)} | ${ms(f.claimMs + f.outcomeMs)} |`),
  '',
  '## Pure mapping (no I/O, one core)',
  '',
  '| what | events/s/core | target |',
  '|---|---|---|',
  `| map (already validated events, 4 examples round-robin) | ${round(mapOnly.perSecondPerCore)} | ≥ 15,000 — ${check(mapOnly.perSecondPerCore >= 15_000)} |`,
  `| validate (zod) + map | ${round(validateAndMap.perSecondPerCore)} | |`,
  '',
  `Load average during the mapping runs: ${mappingLoad}.`,
  ''
]
const report = lines.join('\n')
const existing = (() => {
  try {
    return readFileSync(flags.out, 'utf8')
  } catch {
    return ''
  }
})()
// Notes written by hand below the marker are kept across runs.
const marker = '<!-- notes: kept by npm run bench -->'
const notes = existing.includes(marker) ? existing.slice(existing.indexOf(marker)) : ''
writeFileSync(flags.out, `${report}\n${notes}`)
process.stdout.write(`${report}\n`)
say(`written to ${path.relative(process.cwd(), flags.out)}`)
for (const child of children) await child.stop()
await simulator.stop()
process.exit(0)
