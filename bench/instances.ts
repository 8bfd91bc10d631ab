// `npm run bench:instances`: async delivery throughput of one vs two server processes on one
// PostgreSQL database, printed and written to bench/results.md under its own heading.
//
// Each run: a fresh PostgreSQL database, the Kibo simulator in this process with a fixed latency
// on createOrder (so one instance is bound by WORKER_CONCURRENCY / latency, as against a real
// Kibo), N server processes started together, then EVENTS `Prefer: respond-async` orders sent
// round-robin to the instances; the rate counts from the first send to the last order in Kibo.
// Flags: --events N (default 1000), --latency-ms N (default 50), --concurrency N (WORKER_CONCURRENCY,
// default 8), --senders N (default 16), --out FILE (default bench/results.md), --no-write.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startKiboSimulator, type KiboSimulator } from '../src/kibo-simulator/index.ts'
import { kiboSimulatorEnv, sleep, startServer, waitFor, type ServerProcess } from '../test/support/server-process.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    'latency-ms': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8' },
    senders: { type: 'string', default: '16' },
    out: { type: 'string', default: path.join(root, 'bench/results.md') },
    'no-write': { type: 'boolean', default: false }
  }
})
const EVENTS = Number(flags.events)
const LATENCY_MS = Number(flags['latency-ms'])
const CONCURRENCY = Number(flags.concurrency)
const SENDERS = Number(flags.senders)
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const baseEvent = JSON.parse(readFileSync(path.join(root, 'examples/cybersource-ship-usd.json'), 'utf8'))
const HEADING = '## Horizontal scale: one vs two instances on PostgreSQL (`npm run bench:instances`)'

interface RunResult {
  instances: number
  intakeMs: number
  drainMs: number
  perSecond: number
  load: string
  creates: number
  oauthCalls: number
}

function loadAverage (): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
}

async function withDatabase<T> (fn: (url: string) => Promise<T>): Promise<T> {
  const name = `kb_bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  try {
    return await fn(url.toString())
  } finally {
    const dropper = new pg.Client({ connectionString: adminUrl })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await dropper.end()
  }
}

async function run (kibo: KiboSimulator, instances: number): Promise<RunResult> {
  kibo.reset()
  kibo.faults.setLatency({ route: 'createOrder', fixedMs: LATENCY_MS })
  return withDatabase(async (databaseUrl) => {
    const cleanups: Array<() => unknown> = []
    const owner = { teardown: (fn: () => unknown) => { cleanups.push(fn) }, comment: (message: string) => console.error(message) }
    try {
      const env = {
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        ...kiboSimulatorEnv(kibo),
        WORKER_CONCURRENCY: String(CONCURRENCY),
        QUEUE_POLL_MS: '500',
        LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0'
      }
      const servers: ServerProcess[] = await Promise.all(Array.from({ length: instances }, () => startServer(owner, env)))
      await sleep(1000) // let the start-up sweeps and queue caches settle
      const tag = randomBytes(3).toString('hex')
      const started = Date.now()
      let next = 0
      const sender = async () => {
        while (next < EVENTS) {
          const i = next++
          const event = structuredClone(baseEvent)
          event.data.externalId = `BENCH-N${instances}-${tag}-${i}`
          const server = servers[i % servers.length]
          for (;;) {
            const res = await fetch(`${server.base}/v1/orders`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', prefer: 'respond-async' },
              body: JSON.stringify(event)
            })
            await res.arrayBuffer()
            if (res.status === 202) break
            await sleep(100)
          }
        }
      }
      await Promise.all(Array.from({ length: SENDERS }, sender))
      const intakeMs = Date.now() - started
      await waitFor('every order in Kibo', 600_000, () => kibo.stats().orderCount >= EVENTS, 20)
      const drainMs = Date.now() - started
      const load = loadAverage()
      const stats = kibo.stats()
      for (const server of servers) process.kill(server.pid, 'SIGTERM')
      await Promise.all(servers.map((server) => server.exited))
      return {
        instances,
        intakeMs,
        drainMs,
        perSecond: EVENTS / (drainMs / 1000),
        load,
        creates: stats.createCalls,
        oauthCalls: stats.oauthCalls
      }
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup()
    }
  })
}

const kibo = await startKiboSimulator({ seed: 5 })
const results: RunResult[] = []
try {
  for (const instances of [1, 2]) {
    console.error(`running ${instances} instance(s), ${EVENTS} events …`)
    const result = await run(kibo, instances)
    console.error(
      `  ${result.perSecond.toFixed(1)} imports/s ` +
        `(intake ${result.intakeMs} ms, all in Kibo after ${result.drainMs} ms; load ${result.load})`
    )
    results.push(result)
  }
} finally {
  await kibo.close()
}

let commit = 'unknown'
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
} catch {
  // not a checkout
}
const [one, two] = results
const section = [
  HEADING,
  '',
  `Written on ${new Date().toISOString()} (commit ${commit}, plus the working tree); ${os.cpus().length} CPUs; ` +
    'the machine is shared (load average at the end of each run in the table).',
  '',
  `${EVENTS} \`Prefer: respond-async\` orders sent round-robin to the instances (${SENDERS} senders), ` +
    `each instance a server process with \`WORKER_CONCURRENCY=${CONCURRENCY}\`, ` +
    'all on one fresh PostgreSQL database (127.0.0.1:5432); the Kibo simulator answers every create ' +
    `after a fixed ${LATENCY_MS} ms, so one instance can deliver at most ${CONCURRENCY} / ${LATENCY_MS} ms = ` +
    `${Math.round((CONCURRENCY * 1000) / LATENCY_MS)} imports/s. ` +
    'The rate counts from the first send to the last order created in Kibo.',
  '',
  '| instances | intake done | all in Kibo | imports/s | Kibo creates | OAuth calls | load (1/5/15 min) at the end |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.instances} | ${(r.intakeMs / 1000).toFixed(1)} s | ${(r.drainMs / 1000).toFixed(1)} s | ` +
      `${r.perSecond.toFixed(1)} | ${r.creates} | ${r.oauthCalls} | ${r.load} |`
  ),
  '',
  `Two instances / one: **${(two.perSecond / one.perSecond).toFixed(2)}×**.`,
  ''
].join('\n')
console.log(section)

if (!flags['no-write']) {
  let text = ''
  try {
    text = readFileSync(flags.out!, 'utf8')
  } catch {
    text = '# Benchmark results\n'
  }
  // Replace this section if an earlier run wrote it; leave every other section alone.
  const at = text.indexOf(HEADING)
  if (at >= 0) {
    const after = text.indexOf('\n## ', at + HEADING.length)
    text = text.slice(0, at) + (after >= 0 ? text.slice(after + 1) : '')
  }
  text = `${text.trimEnd()}\n\n${section}`
  writeFileSync(flags.out!, text)
  console.error(`written to ${path.relative(process.cwd(), flags.out!)}`)
}
