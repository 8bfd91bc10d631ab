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
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  type AutocannonResult,
  type Child
} from './support.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    'no-postgres': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench/results.md') }
  }
})
const duration = Number(flags.duration)
const warmup = Number(flags.warmup)
const connections = Number(flags.connections)
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
  try {
    const url = new URL(postgresBase)
    url.pathname = `/${name}`
    return await fn(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end().catch(() => {})
  }
}

const kiboEnv = kiboSimulatorEnv({ apiBaseUrl: `${simulatorUrl}/api`, authBaseUrl: simulatorUrl })

async function startService (name: string, env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const port = await freePort()
  const logFd = openSync(path.join(work, `${name}.log`), 'a')
  // The service runs with the Node flags of `npm start`, as a user runs it.
  const args = [...startFlags(), ...(flags.profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'bench/profiles', name)] : [])]
  const child = startNode(
    path.join(root, 'src/server.ts'),
    { ...kiboEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    args,
    logFd
  )
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/health/live`, child, 120_000)
  return { child, url }
}

async function startHarness (): Promise<{ child: Child; url: string }> {
  const port = await freePort()
  const child = startNode(path.join(root, 'bench/limit-harness.ts'), {
    ...kiboEnv,
    KIBO_URL: simulatorUrl,
    PORT: String(port),
    TEMPLATE: kiboTemplate,
    KIBO_CONNECTIONS: '32'
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

// ------------------------------------------------------------------ 1. sync: harness vs service

say(`bench: ${duration} s runs after ${warmup} s warm-up, ${connections} connections; load ${load()}`)
const harness = await startHarness()
say('sync: limit harness…')
const harnessMax = await measure(harness.url, harness.child.pid, { path: '/', prefix: 'harness' })
say(
  `  ${round(harnessMax.rps)} req/s, p50 ${harnessMax.result.latency.p50} ms, ` +
    `p99 ${harnessMax.result.latency.p99} ms (load ${harnessMax.load})`
)
await resetSimulator()

const syncData = path.join(work, 'sync-data')
const service = await startService('sync', { DATA_DIR: syncData, WORKER_CONCURRENCY: '0' })
const oauthBefore = (await simulatorStats()).oauthCalls
const serviceStartRss = processStats(service.child.pid).rssMiB
say('sync: service…')
const serviceMax = await measure(service.url, service.child.pid, { path: '/v1/orders', prefix: 'sync' })
say(
  `  ${round(serviceMax.rps)} req/s, p50 ${serviceMax.result.latency.p50} ms, ` +
    `p99 ${serviceMax.result.latency.p99} ms (load ${serviceMax.load})`
)
const afterSync = await simulatorStats()
const oauthCalls = afterSync.oauthCalls - oauthBefore

// Latency at a fixed rate both can sustain: what the middleware adds when neither is saturated.
const fixedRate = Math.max(50, Math.floor(Math.min(harnessMax.rps, serviceMax.rps) * 0.5))
say(`latency at a fixed ${fixedRate} req/s…`)
const harnessFixed = await measure(harness.url, harness.child.pid, {
  path: '/',
  prefix: 'harness-fixed',
  overallRate: fixedRate,
  warm: false
})
const serviceFixed = await measure(service.url, service.child.pid, {
  path: '/v1/orders',
  prefix: 'sync-fixed',
  overallRate: fixedRate,
  warm: false
})
say(
  `  harness p50 ${harnessFixed.result.latency.p50} / p99 ${harnessFixed.result.latency.p99} ms; ` +
    `service p50 ${serviceFixed.result.latency.p50} / p99 ${serviceFixed.result.latency.p99} ms`
)
// One connection, one request at a time: the latency the middleware adds with no queueing at all.
say('latency with one connection…')
const harnessOne = await measure(harness.url, harness.child.pid, { path: '/', prefix: 'harness-one', connections: 1 })
const serviceOne = await measure(service.url, service.child.pid, { path: '/v1/orders', prefix: 'sync-one', connections: 1 })
say(
  `  harness p50 ${harnessOne.result.latency.p50} / p99 ${harnessOne.result.latency.p99} ms; ` +
    `service p50 ${serviceOne.result.latency.p50} / p99 ${serviceOne.result.latency.p99} ms`
)
const peakRssSync = processStats(service.child.pid).peakRssMiB
await service.child.stop()

// The same full-speed run with the database out of the process.
const serviceOnPostgres = await withPostgres('Sync on PostgreSQL', async (url) => {
  const onPostgres = await startService('sync-postgres', { DATABASE_URL: url, WORKER_CONCURRENCY: '0' })
  say('sync: service on PostgreSQL…')
  try {
    const measured = await measure(onPostgres.url, onPostgres.child.pid, { path: '/v1/orders', prefix: 'sync-pg' })
    say(
      `  ${round(measured.rps)} req/s, p50 ${measured.result.latency.p50} ms, p99 ${measured.result.latency.p99} ms (load ${measured.load})`
    )
    return { measured, peakRssMiB: processStats(onPostgres.child.pid).peakRssMiB }
  } finally {
    await onPostgres.child.stop()
  }
})
await harness.child.stop()
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
  const before = (await simulatorStats()).createCalls
  say(`  ${round(intake.rps)} accepted/s (load ${intake.load}); draining ${queued} with one worker process…`)
  const worker = await startService(`drain-${database}`, { ...env, WORKER_CONCURRENCY: '32', QUEUE_POLL_MS: '100' })
  const started = performance.now()
  let drained = 0
  const deadline = started + Math.max(60_000, duration * 18_000)
  while (performance.now() < deadline) {
    drained = (await simulatorStats()).createCalls - before
    if (drained >= queued) break
    await sleep(100)
  }
  const drainSeconds = (performance.now() - started) / 1000
  const drainLoad = load()
  await worker.child.stop()
  await resetSimulator()
  say(`  drained ${drained}/${queued} in ${drainSeconds.toFixed(1)} s (load ${drainLoad})`)
  return {
    database,
    accepted: queued,
    acceptedPerSecond: intake.rps,
    intake,
    drained,
    drainSeconds,
    drainPerSecond: drained / drainSeconds,
    complete: drained >= queued,
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
        const { record } = await store.claimImport({
          tenantId: DEFAULT_TENANT_ID,
          siteId: DEFAULT_SITE_ID,
          externalId: `${prefix}-${i}`,
          payloadHash: 'h',
          event,
          mode: 'sync',
          leaseOwner: 'bench',
          leaseMs: 60_000
        })
        const claimed = performance.now()
        await store.markImported(record.importId, 'bench', {
          kiboOrderId: `k-${prefix}-${i}`,
          kiboOrderNumber: i,
          correlationId: null,
          created: true
        })
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
say('store, one import at a time…')
const floors: StoreFloor[] = [await storeFloor('PGlite', { dataDir: path.join(work, 'floor-pglite') })]
const floorOnPostgres = await withPostgres('The store alone', (url) => storeFloor('PostgreSQL', { dataDir: 'unused', databaseUrl: url }))
if (floorOnPostgres !== undefined) floors.push(floorOnPostgres)
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

// ------------------------------------------------------------------ report

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

const added = {
  p50: serviceFixed.result.latency.p50 - harnessFixed.result.latency.p50,
  p99: serviceFixed.result.latency.p99 - harnessFixed.result.latency.p99,
  p50Max: serviceMax.result.latency.p50 - harnessMax.result.latency.p50,
  p99Max: serviceMax.result.latency.p99 - harnessMax.result.latency.p99
}
const peakRss = Math.max(serviceMax.peakRssMiB, serviceFixed.peakRssMiB, serviceOne.peakRssMiB)

const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString()} (commit ${gitCommit}, plus the working tree).`,
  '',
  `- Machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${round(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()}`,
  `- Node ${process.versions.node}; fastify ${version('fastify')}, undici ${version('undici')}, zod ${version('zod')}, ` +
    `pg-boss ${version('pg-boss')}, @electric-sql/pglite ${version('@electric-sql/pglite')}, pg ${version('pg')}, ` +
    `autocannon ${version('autocannon')}`,
  `- Runs: ${duration} s measured after ${warmup} s warm-up, ${connections} connections, keep-alive, ` +
    `one unique externalId per request (the ${'`cybersource-ship-usd`'} example, ${head.length + tail.length + 20} bytes); ` +
    'service at LOG_LEVEL=info (to a file), embedded PGlite unless said otherwise',
  '- Every server is its own process on the same machine (Kibo simulator, limit harness, service); ' +
    'the load generator runs in the bench process. The machine is shared: the load average (1/5/15 min) is given next to every figure.',
  '',
  '## Sync import path vs the limit harness',
  '',
  '| | limit harness | service | service / harness | target |',
  '|---|---|---|---|---|',
  `| throughput (full speed) | ${round(harnessMax.rps)} req/s | ${round(serviceMax.rps)} req/s | ` +
    `${ratio(serviceMax.rps, harnessMax.rps)} | ≥ 0.80× — ${check(serviceMax.rps >= 0.8 * harnessMax.rps)} |`,
  '| latency p50 / p99 at full speed | ' +
    `${ms(harnessMax.result.latency.p50)} / ${ms(harnessMax.result.latency.p99)} | ` +
    `${ms(serviceMax.result.latency.p50)} / ${ms(serviceMax.result.latency.p99)} | ` +
    `${ratio(serviceMax.result.latency.p50, harnessMax.result.latency.p50)} / ` +
    `${ratio(serviceMax.result.latency.p99, harnessMax.result.latency.p99)} | |`,
  `| latency p50 / p99 at a fixed ${fixedRate} req/s | ` +
    `${ms(harnessFixed.result.latency.p50)} / ${ms(harnessFixed.result.latency.p99)} | ` +
    `${ms(serviceFixed.result.latency.p50)} / ${ms(serviceFixed.result.latency.p99)} | ` +
    `${ratio(serviceFixed.result.latency.p50, harnessFixed.result.latency.p50)} / ` +
    `${ratio(serviceFixed.result.latency.p99, harnessFixed.result.latency.p99)} | |`,
  `| **added by the middleware** p50 / p99 (fixed rate) | | ${ms(added.p50)} / ${ms(added.p99)} | | ` +
    `p99 ≤ 2 ms at ${connections} connections — ${check(added.p99 <= 2)} |`,
  `| added p50 / p99 at full speed (queueing included) | | ${ms(added.p50Max)} / ${ms(added.p99Max)} | | |`,
  '| latency p50 / p99 with one connection (no queueing) | ' +
    `${ms(harnessOne.result.latency.p50)} / ${ms(harnessOne.result.latency.p99)} | ` +
    `${ms(serviceOne.result.latency.p50)} / ${ms(serviceOne.result.latency.p99)} | | |`,
  '| added p50 / p99 with one connection | | ' +
    `${ms(serviceOne.result.latency.p50 - harnessOne.result.latency.p50)} / ` +
    `${ms(serviceOne.result.latency.p99 - harnessOne.result.latency.p99)} | | |`,
  `| CPU per import (server process only) | ${harnessMax.cpuMsPerRequest.toFixed(3)} ms | ${serviceMax.cpuMsPerRequest.toFixed(3)} ms | ` +
    `${ratio(serviceMax.cpuMsPerRequest, harnessMax.cpuMsPerRequest)} | |`,
  `| server CPU during the run | ${harnessMax.cpuCores.toFixed(2)} cores | ${serviceMax.cpuCores.toFixed(2)} cores | | |`,
  `| peak RSS under load | ${round(harnessMax.peakRssMiB)} MiB | ` +
    `${round(peakRss)} MiB (${round(serviceStartRss)} MiB idle after start; VmHWM ${round(peakRssSync)} MiB) | | ` +
    `≤ 150 MB — ${check(peakRss * 1.048576 <= 150)} |`,
  '| OAuth calls to Kibo during the runs | 1 (at start) | ' +
    `${oauthCalls} for ${serviceMax.result['2xx'] + serviceFixed.result['2xx']} measured imports | | |`,
  `| failed requests | ${failures(harnessMax)} | ${failures(serviceMax)} | | |`,
  `| load average during the run | ${harnessMax.load} | ${serviceMax.load} | | |`,
  '',
  ...(serviceOnPostgres === undefined
    ? []
    : [
        'The same full-speed run with the service on PostgreSQL (127.0.0.1:5432, the database out of the process): ' +
          `${round(serviceOnPostgres.measured.rps)} req/s (${ratio(serviceOnPostgres.measured.rps, harnessMax.rps)} the harness), ` +
          `p50 / p99 ${ms(serviceOnPostgres.measured.result.latency.p50)} / ${ms(serviceOnPostgres.measured.result.latency.p99)}, ` +
          `CPU per import ${serviceOnPostgres.measured.cpuMsPerRequest.toFixed(3)} ms (service process only), ` +
          `peak RSS ${round(serviceOnPostgres.peakRssMiB)} MiB, failed requests: ${failures(serviceOnPostgres.measured)}; ` +
          `load ${serviceOnPostgres.measured.load}.`,
        ''
      ]),
  `Orders created in the simulator by the service runs: ${afterSync.createCalls} create calls ` +
    `for ${afterSync.orderCount} orders (warm-up included).`,
  '',
  '## Async intake (`Prefer: respond-async`) and drain',
  '',
  'Intake: the service with `WORKER_CONCURRENCY=0` (validate, reconcile, store the record and its pg-boss job in one transaction, ' +
    'answer 202). Drain: then one service process with `WORKER_CONCURRENCY=32`, `QUEUE_POLL_MS=100` imports everything accepted ' +
    '(warm-up included) into the simulator; the rate counts from its first answer to the last create.',
  '',
  '| database | accepted/s | intake p50 / p99 | intake CPU per accept | drain | drain rate | load | target |',
  '|---|---|---|---|---|---|---|---|',
  ...asyncResults.map(
    (r) =>
      `| ${r.database} | ${round(r.acceptedPerSecond)} | ` +
      `${ms(r.intake.result.latency.p50)} / ${ms(r.intake.result.latency.p99)} | ${r.intake.cpuMsPerRequest.toFixed(3)} ms | ` +
      `${r.drained}/${r.accepted} in ${r.drainSeconds.toFixed(1)} s${r.complete ? '' : ' (**timed out**)'} | ` +
      `${round(r.drainPerSecond)} imports/s | intake ${r.intake.load}; drain ${r.load} | ` +
      `${r.database === 'PGlite' ? `≥ 1,000 accepted/s — ${check(r.acceptedPerSecond >= 1000)}` : ''} |`
  ),
  ...(postgresSkipped.length > 0 ? ['', ...postgresSkipped] : []),
  '',
  '## The store alone, one import at a time',
  '',
  'The two writes every sync import makes, in the bench process with nothing else running: ' +
    'the claim (record + history row, one transaction) before the Kibo call and the outcome after it. ' +
    'Their sum is the least the middleware can add to a request on that database.',
  '',
  '| database | claim | outcome | both |',
  '|---|---|---|---|',
  ...floors.map((f) => `| ${f.database} | ${ms(f.claimMs)} | ${ms(f.outcomeMs)} | ${ms(f.claimMs + f.outcomeMs)} |`),
  '',
  '## Pure mapping (no I/O, one core)',
  '',
  '| what | events/s/core | target |',
  '|---|---|---|',
  `| map (already validated events, 4 examples round-robin) | ${round(mapOnly.perSecondPerCore)} | ` +
    `≥ 15,000 — ${check(mapOnly.perSecondPerCore >= 15_000)} |`,
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
