// The backfill CLI end to end: real files in a temp dir, the CLI as a child process (in-process
// mode against a Kibo simulator run by the test, so orders can be counted across runs), and the
// remote mode against a listening service.
// Slow (each run boots a CLI process with an on-disk database): the usage checks are in usage.test.ts.
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { startKiboSimulator } from '../../src/kibo-simulator/index.ts'
import { buildTestApp } from '../support/app.ts'
import { cliEnv, event, readReport, runCli, startCli, tempDir, writeNdjson } from '../support/cli.ts'

t.test('imports an NDJSON file, reports each failure with its reason, and a rerun imports nothing twice', async (t) => {
  const simulator = await startKiboSimulator()
  t.teardown(() => simulator.close())
  const dir = tempDir(t)
  const mismatch = event('BAD-TOTAL')
  mismatch.data.total = '1.00'
  const lines = [...Array.from({ length: 40 }, (_, i) => JSON.stringify(event(`ND-${i}`))), '', '{"not json', JSON.stringify(mismatch)]
  const file = writeNdjson(path.join(dir, 'orders.ndjson'), lines)
  const report = path.join(dir, 'report.ndjson')
  const env = cliEnv(simulator, dir)

  const first = await runCli(['import', file, '--report', report, '-c', '4'], env)
  t.equal(first.code, 1, `exit 1 when some events failed\n${first.stderr}`)
  t.match(first.stderr, /imported 40, already imported 0, failed 2/)
  const lines1 = readReport(report)
  t.same(
    lines1.filter((l) => l.type === 'failure').map((l) => [l.line, l.status]),
    [
      [42, 0],
      [43, 422]
    ]
  )
  t.match(lines1.find((l) => l.line === 42).reason, /not JSON/)
  t.match(lines1.find((l) => l.line === 43).reason, /reconcile/)
  t.match(lines1.at(-1), { type: 'summary', total: 42, imported: 40, alreadyImported: 0, failed: 2, interrupted: false })
  t.equal(simulator.stats().orderCount, 40)

  const second = await runCli(['import', file, '--report', report], env)
  t.equal(second.code, 1)
  t.match(readReport(report).at(-1), { type: 'summary', imported: 0, alreadyImported: 40, failed: 2 })
  t.equal(simulator.stats().orderCount, 40, 'the rerun created nothing')
  t.equal(simulator.stats().createCalls, 40)
})

t.test('resumes after the CLI was killed midway: everything imported once', async (t) => {
  const simulator = await startKiboSimulator()
  t.teardown(() => simulator.close())
  const dir = tempDir(t)
  const count = 300
  const file = writeNdjson(
    path.join(dir, 'orders.ndjson'),
    Array.from({ length: count }, (_, i) => JSON.stringify(event(`RES-${i}`)))
  )
  // A short lease so the imports the killed process held are taken over quickly on the rerun.
  const env = cliEnv(simulator, dir, { IMPORT_LEASE_MS: '1000' })
  // Slow Kibo a little so the kill lands while creates are in flight.
  simulator.faults.setLatency({ fixedMs: 5, route: 'createOrder' })
  const run = startCli(['import', file, '-c', '8', '--report', path.join(dir, 'r1.ndjson')], env)
  const deadline = Date.now() + 120_000
  while (simulator.stats().createCalls < 60 && Date.now() < deadline) await sleep(20)
  run.child.kill('SIGKILL')
  const killed = await run.done
  t.equal(killed.signal, 'SIGKILL')
  const before = simulator.stats().orderCount
  t.ok(before > 0 && before < count, `killed midway (${before} of ${count} imported)`)
  simulator.faults.setLatency(null)

  const rerun = await runCli(['import', file, '-c', '8', '--report', path.join(dir, 'r2.ndjson')], env)
  t.equal(rerun.code, 0, rerun.stderr)
  const summary = readReport(path.join(dir, 'r2.ndjson')).at(-1)
  t.equal(summary.imported + summary.alreadyImported, count)
  t.ok(summary.alreadyImported >= before - 8, 'what the first run finished is answered from the store')
  const stats = simulator.stats()
  t.equal(stats.orderCount, count, 'every order is in Kibo')
  t.same(
    Object.values(stats.ordersByExternalId).filter((n) => n !== 1),
    [],
    'no order was imported twice'
  )
})

t.test('--dry-run on a JSON array validates and reconciles, sending and storing nothing', async (t) => {
  const simulator = await startKiboSimulator()
  t.teardown(() => simulator.close())
  const dir = tempDir(t)
  const bad = event('DRY-BAD')
  bad.data.items[0].unitPrice = '10.001'
  const file = path.join(dir, 'orders.json')
  writeFileSync(file, JSON.stringify([event('DRY-1'), event('DRY-2'), bad, { type: 'order.created' }], null, 2))
  const report = path.join(dir, 'dry.ndjson')
  const result = await runCli(['import', file, '--dry-run', '--report', report], cliEnv(simulator, dir))
  t.equal(result.code, 1)
  t.match(result.stderr, /valid 2, refused 2/)
  const lines = readReport(report)
  t.same(
    lines.filter((l) => l.type === 'failure').map((l) => [l.element, l.status]),
    [
      [3, 400],
      [4, 400]
    ]
  )
  t.match(lines[0].reason, /unitPrice/)
  t.match(lines.at(-1), { type: 'summary', dryRun: true, valid: 2, failed: 2 })
  t.equal(simulator.stats().createCalls, 0, 'nothing sent to Kibo')
  t.equal(simulator.stats().oauthCalls >= 0, true)
  t.notOk(existsSync(path.join(dir, 'data')), 'a dry run opens no database: DATA_DIR is not even created')

  // Nothing stored either: a real import afterwards creates both.
  const real = await runCli(['import', file, '--report', report], cliEnv(simulator, dir))
  t.match(readReport(report).at(-1), { imported: 2, alreadyImported: 0 })
  t.equal(real.code, 1)
})

t.test('--target-url sends to a running service with the API key', async (t) => {
  const key = 'cli-test-key-0123456789'
  const app = await buildTestApp(t, { API_KEYS: key })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const dir = tempDir(t)
  const file = writeNdjson(path.join(dir, 'orders.ndjson'), [JSON.stringify(event('REM-1')), JSON.stringify(event('REM-2'))])
  const report = path.join(dir, 'remote.ndjson')
  const ok = await runCli(['import', file, '--target-url', address, '--api-key', key, '--report', report], {})
  t.equal(ok.code, 0, ok.stderr)
  t.match(readReport(report).at(-1), { mode: 'remote', imported: 2 })
  t.equal(app.kibo.simulator!.stats().orderCount, 2)

  const noKey = await runCli(['import', file, '--target-url', address, '--report', report], {})
  t.equal(noKey.code, 1)
  t.match(readReport(report)[0], { type: 'failure', status: 401 })
})
