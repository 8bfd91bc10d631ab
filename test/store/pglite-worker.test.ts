// Embedded PGlite in its own thread (src/store/pglite-worker.ts + pglite-thread.ts): the
// service's thread keeps running while a statement runs; errors, transactions, notifications and
// closing behave as they do on an in-process PGlite; and the thread keeps the process alive exactly
// while a call waits for it.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { fromPglite } from 'pg-boss'
import { PgliteError, startPgliteWorker } from '../../src/store/pglite-worker.ts'
import { pristineDump } from '../support/databases.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

async function openWorker (t: Test) {
  const pglite = await startPgliteWorker({ dataDir: 'memory://', settings: [], loadDataDir: await pristineDump() })
  t.teardown(() => pglite.close())
  return pglite
}

t.test('a long statement does not hold up this thread', async (t) => {
  const pglite = await openWorker(t)
  let ticks = 0
  const timer = setInterval(() => ticks++, 5)
  const started = performance.now()
  const { rows } = await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM generate_series(1, 1000000)')
  const elapsed = performance.now() - started
  clearInterval(timer)
  t.same(rows, [{ n: 1000000 }])
  // In-process, WebAssembly runs the statement synchronously: zero ticks until it returns.
  t.ok(ticks >= Math.min(5, Math.floor(elapsed / 50)), `${ticks} timer ticks during a ${Math.round(elapsed)} ms statement`)
  t.ok(elapsed > 50, 'the statement took long enough to tell')
})

t.test('errors keep their class and PostgreSQL fields', async (t) => {
  const pglite = await openWorker(t)
  await pglite.exec('CREATE TABLE t (id int PRIMARY KEY)')
  await pglite.query('INSERT INTO t VALUES ($1)', [1])
  const duplicate = await pglite.query('INSERT INTO t VALUES ($1)', [1]).catch((error: unknown) => error)
  t.type(duplicate, PgliteError)
  t.match(duplicate, { code: '23505', constraint: 't_pkey', message: /duplicate key/ })
  t.notOk(Object.hasOwn(duplicate as object, 'params'), 'the parameters (whole orders) stay in the thread')
  const tooBig = await pglite.query('SELECT 9007199254740993::int8 AS n', [], { serviceTypes: true }).catch((error: unknown) => error)
  t.type(tooBig, RangeError, "the service's int8 parser runs in the thread and its RangeError comes back")
  t.same(
    (await pglite.query('SELECT 9007199254740993::int8 AS n')).rows,
    [{ n: 9007199254740993n }],
    "without serviceTypes: PGlite's own parsers"
  )
})

t.test('a transaction holds everyone else back until it ends', async (t) => {
  const pglite = await openWorker(t)
  await pglite.exec('CREATE TABLE t (id int)')
  const order: string[] = []
  let outsideSaw: unknown
  await pglite.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES (1)')
    // Not awaited: it can only run once the transaction has committed.
    pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((result) => {
      order.push('outside')
      outsideSaw = result.rows[0].n
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await tx.query('INSERT INTO t VALUES (2)')
    order.push('inside done')
  })
  await new Promise((resolve) => setTimeout(resolve, 20))
  t.same(order, ['inside done', 'outside'])
  t.equal(outsideSaw, 2, 'the outside query ran after COMMIT')

  const failed = await pglite
    .transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (3)')
      throw new Error('changed my mind')
    })
    .catch((error: Error) => error.message)
  t.equal(failed, 'changed my mind')
  t.same((await pglite.query('SELECT count(*)::int AS n FROM t')).rows, [{ n: 2 }], 'rolled back')

  await pglite.exec('CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (pid int REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)')
  const commitFails = await pglite
    .transaction(async (tx) => {
      await tx.query('INSERT INTO c VALUES (99)') // checked only at COMMIT
    })
    .catch((error: unknown) => error)
  t.match(commitFails, { code: '23503' }, 'a failing COMMIT rejects the transaction')
  t.same((await pglite.query('SELECT count(*)::int AS n FROM c')).rows, [{ n: 0 }])
  t.same((await pglite.query('SELECT 1 AS one')).rows, [{ one: 1 }], 'and the database goes on')
})

t.test("pg-boss's fromPglite adapter: statements, multi-statement exec and LISTEN/NOTIFY", async (t) => {
  const pglite = await openWorker(t)
  const boss = fromPglite(pglite)
  const exec = await boss.executeSql('CREATE TABLE q (v text); INSERT INTO q VALUES ($$a$$) RETURNING v; SELECT 2 AS two')
  t.same(exec.rows, [{ v: 'a' }, { two: 2 }])
  const heard: string[] = []
  const subscription = await boss.listen!(
    'news',
    (payload) => heard.push(payload),
    () => {}
  )
  await pglite.query("SELECT pg_notify('news', 'hello')")
  await new Promise((resolve) => setTimeout(resolve, 50))
  t.same(heard, ['hello'])
  await subscription.close()
  await pglite.query("SELECT pg_notify('news', 'again')")
  await new Promise((resolve) => setTimeout(resolve, 50))
  t.same(heard, ['hello'], 'nothing after unlisten')
})

t.test('close ends the thread; later calls reject', async (t) => {
  const pglite = await openWorker(t)
  t.notOk(pglite.closed)
  await Promise.all([pglite.close(), pglite.close()])
  t.ok(pglite.closed)
  await t.rejects(pglite.query('SELECT 1'), /closed/)
})

t.test('a data directory that cannot be opened fails the start, and the thread is gone', async (t) => {
  await t.rejects(
    startPgliteWorker({ dataDir: 'memory://', settings: [], loadDataDir: new TextEncoder().encode('not a tar') }),
    /embedded database thread|tar|invalid/i
  )
})

t.test('a thread that dies is reported once, and every call after it rejects', async (t) => {
  const failures: Error[] = []
  // A JS heap cap the thread cannot keep under while it turns a ~400 MB result into rows.
  const pglite = await startPgliteWorker({
    dataDir: 'memory://',
    settings: [],
    loadDataDir: await pristineDump(),
    resourceLimits: { maxOldGenerationSizeMb: 128 },
    onFailure: (error) => failures.push(error)
  })
  t.teardown(() => pglite.close())
  t.same((await pglite.query('SELECT 1 AS one')).rows, [{ one: 1 }])
  await t.rejects(pglite.query("SELECT repeat('x', 1000000) AS big FROM generate_series(1, 400)"), /embedded database thread/)
  t.equal(failures.length, 1, 'onFailure was called once')
  t.match(failures[0]?.message, /embedded database thread/)
  await t.rejects(pglite.query('SELECT 1'), /embedded database thread/, 'later calls reject at once')
  await t.rejects(
    pglite.transaction(async () => {}),
    /embedded database thread/
  )
  t.ok(pglite.closed)
  await pglite.close() // still safe
})

t.test('an idle thread does not keep the process alive; a waiting call does', async (t) => {
  // A process that never closes the database: it must still end by itself after its last call, and
  // not before that call's answer (an unsettled top-level await would exit with code 13).
  const script = `import { startPgliteWorker } from './src/store/pglite-worker.ts'
const pglite = await startPgliteWorker({ dataDir: 'memory://', settings: [] })
const { rows } = await pglite.query('SELECT pg_sleep(0.3), 41 + 1 AS answer')
console.log(rows[0].answer)`
  const child = spawn(process.execPath, ['--liftoff-only', '--input-type=module', '--eval', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearTimeout(killer)
  t.equal(code, 0, stderr.slice(-2000))
  t.equal(stdout.trim(), '42')
})

// In-process PGlite, for contrast: the same statement stops this thread's timers entirely.
t.test('(contrast) in-process PGlite blocks the thread for the whole statement', async (t) => {
  const pglite = await PGlite.create({ dataDir: 'memory://', loadDataDir: new Blob([(await pristineDump()) as Uint8Array<ArrayBuffer>]) })
  t.teardown(() => pglite.close())
  let ticks = 0
  const timer = setInterval(() => ticks++, 5)
  const started = performance.now()
  await pglite.query('SELECT count(*) FROM generate_series(1, 1000000)')
  const elapsed = performance.now() - started
  clearInterval(timer)
  t.ok(ticks <= 1, `${ticks} ticks during a ${Math.round(elapsed)} ms statement`)
})
