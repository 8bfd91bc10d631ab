// Durability: a refresh accepted by an instance that stops before doing anything is done by the
// next instance on the same data directory (PGlite on disk), and one whose worker died in the
// middle of a submit is recovered (refresh: sent again; adjust: never sent twice).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { json } from '../support/http.ts'
import { fastInventoryEnv, waitForJob } from '../support/inventory.ts'

t.test('an accepted refresh survives a restart and completes', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inventory-restart-'))
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  const env = { ...fastInventoryEnv, DATA_DIR: dataDir }

  // First life: accepts (WORKER_CONCURRENCY=0: this instance stores but does not deliver), then stops.
  const first = await buildTestApp(t, { ...env, WORKER_CONCURRENCY: '0' })
  const response = await first.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers: { ...json, 'idempotency-key': 'restart-1' },
    payload: { items: [{ locationCode: 'WH-WEST', partNumber: 'POSTER-A2', quantity: 31 }] }
  })
  t.equal(response.statusCode, 202)
  const { jobId } = response.json()
  t.equal(first.kibo.simulator!.inventory.jobs().length, 0, 'nothing sent before the restart')
  await first.close()

  // Second life on the same directory: the queue reminder is still there and the job completes.
  const second = await buildTestApp(t, env)
  const job = await waitForJob(second, jobId)
  t.equal(job.status, 'completed')
  t.equal(second.kibo.simulator!.inventory.stock('WH-WEST', 'POSTER-A2')?.onHand, 31)
  const replay = await second.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers: { ...json, 'idempotency-key': 'restart-1' },
    payload: { items: [{ locationCode: 'WH-WEST', partNumber: 'POSTER-A2', quantity: 31 }] }
  })
  t.equal(replay.statusCode, 200)
  t.equal(replay.json().jobId, jobId, 'the key still names the same job after the restart')
})

t.test('a worker that died mid-submit: the refresh batch is sent again, the adjust batch is not', async (t) => {
  const app = await buildTestApp(t, { ...fastInventoryEnv, WORKER_CONCURRENCY: '0', WORKER_LEASE_MS: '1000' })
  const store = app.inventory.store
  const accept = async (url: string, items: object[]) =>
    (await app.inject({ method: 'POST', url, headers: json, payload: { items } })).json().jobId as string
  const refreshId = await accept('/v1/inventory/refresh', [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: 9 }])
  const adjustId = await accept('/v1/inventory/adjustments', [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: 4 }])
  // Simulate the dead worker: it leased each job and marked its batch submitting, then vanished.
  for (const jobId of [refreshId, adjustId]) {
    t.ok(await store.lease(jobId, 'dead-worker', 1000))
    await store.transitionBatch(jobId, 1, 'dead-worker', { from: 'pending', to: 'submitting', attemptsToAdd: 1 })
  }
  await new Promise((resolve) => setTimeout(resolve, 1100))
  for (let i = 0; i < 40; i++) {
    for (const jobId of [refreshId, adjustId]) await app.inventory.processJob(jobId)
    const jobs = await Promise.all([store.getJob(refreshId), store.getJob(adjustId)])
    if (jobs.every((job) => ['completed', 'completed_with_errors', 'failed'].includes(job!.status))) break
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  const refresh = (await app.inject({ method: 'GET', url: `/v1/inventory/jobs/${refreshId}` })).json()
  const adjust = (await app.inject({ method: 'GET', url: `/v1/inventory/jobs/${adjustId}` })).json()
  t.equal(refresh.status, 'completed')
  t.equal(refresh.batches[0].attempts, 2)
  t.equal(adjust.status, 'failed')
  t.equal(adjust.batches[0].status, 'unknown')
  t.match(adjust.batches[0].lastError, { type: /inventory-outcome-unknown$/ })
  const kiboJobs = app.kibo.simulator!.inventory.jobs()
  t.same(
    kiboJobs.map((job) => job.type),
    ['REFRESH'],
    'the adjust was never sent (it may have been applied)'
  )
  t.equal(app.kibo.simulator!.inventory.stock('WH-EAST', 'MUG-BLUE')?.onHand, 9)
})
