// Large uploads over real HTTP (the app listening on loopback): 50,000 NDJSON lines padded to
// ~100 MB are read line by line without the body ever being held in memory, cut into Kibo calls
// of at most 3,000 items, and the job completes in the simulator. The same for CSV.
import { Readable } from 'node:stream'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import t from 'tap'
import { request } from 'undici'
import { buildTestApp } from '../helper.ts'
import { bigCatalog, fastInventoryEnv, waitForJob } from './helpers.ts'

// A collector we can call: heap after a full GC is what is really held, not garbage not yet collected.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const retainedHeap = () => {
  gc()
  return process.memoryUsage().heapUsed
}

const LINES = 50_000
const LOCATIONS = ['WH-1', 'WH-2', 'WH-3', 'WH-4', 'WH-5']

function * ndjsonLines (padding: number): Generator<string> {
  // Whitespace after each object is still one JSON value per line: it makes the body large.
  const pad = ' '.repeat(padding)
  for (let n = 0; n < LINES; n++) {
    yield `{"locationCode":"${LOCATIONS[n % LOCATIONS.length]}",` +
      `"partNumber":"PART-${String(Math.floor(n / LOCATIONS.length)).padStart(5, '0')}","quantity":${n % 97}}${pad}\n`
  }
}

/** Groups lines into ~64 KiB chunks, as a client would send them. */
function chunked (lines: Iterable<string>): Readable {
  return Readable.from(
    (function * () {
      let chunk = ''
      for (const line of lines) {
        chunk += line
        if (chunk.length >= 65_536) {
          yield Buffer.from(chunk)
          chunk = ''
        }
      }
      if (chunk !== '') yield Buffer.from(chunk)
    })(),
    { objectMode: false }
  )
}

t.test('a 50,000-line NDJSON refresh (~50 MB) streams with bounded memory, in batches of at most 3,000', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  app.kibo.simulator!.inventory.setCatalog(bigCatalog(LINES / LOCATIONS.length, LOCATIONS))
  const address = await app.listen({ port: 0, host: '127.0.0.1' })

  const padding = 1000
  const bodyBytes = LINES * (padding + 60)
  const baseline = retainedHeap()
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, retainedHeap())
  }, 200)
  const started = Date.now()
  const response = await request(`${address}/v1/inventory/refresh/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'nightly-erp-refresh' },
    body: chunked(ndjsonLines(padding))
  })
  clearInterval(sampler)
  const text = await response.body.text()
  t.equal(response.statusCode, 202, text)
  const accepted = JSON.parse(text)
  t.equal(accepted.itemCount, LINES)
  const growthMb = (peak - baseline) / 1024 / 1024
  t.comment(
    `upload of ~${Math.round(bodyBytes / 1024 / 1024)} MB took ${Date.now() - started} ms; retained heap grew by at most ` +
      `${growthMb.toFixed(1)} MB`
  )
  t.ok(growthMb < 32, `heap growth ${growthMb.toFixed(1)} MB stays well below the ${Math.round(bodyBytes / 1024 / 1024)} MB body`)

  const job = await waitForJob(app, accepted.jobId, 60_000, '?errorsLimit=0')
  t.equal(job.status, 'completed', JSON.stringify(job.lastError))
  t.equal(job.itemErrorsTotal, 0)
  t.ok(
    job.batches.every((batch: any) => batch.itemCount <= 3000),
    'every batch ≤ 3,000 items'
  )
  t.equal(
    job.batches.reduce((sum: number, batch: any) => sum + batch.itemCount, 0),
    LINES
  )
  const kiboJobs = app.kibo.simulator!.inventory.jobs()
  t.equal(kiboJobs.length, job.batchCount, 'one Kibo refresh per batch')
  t.ok(kiboJobs.every((kiboJob) => kiboJob.type === 'REFRESH' && kiboJob.itemCount <= 3000 && kiboJob.status === 'COMPLETED'))
  t.equal(
    kiboJobs.reduce((sum, kiboJob) => sum + kiboJob.itemCount, 0),
    LINES
  )
  t.equal(app.kibo.simulator!.inventory.stock('WH-3', 'PART-00002')?.onHand, (2 * 5 + 2) % 97)

  // The same upload again with the same key: read and hashed, not stored again.
  const again = await request(`${address}/v1/inventory/refresh/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'nightly-erp-refresh' },
    body: chunked(ndjsonLines(0))
  })
  t.equal(again.statusCode, 200, 'padding is not part of the items: same items, same job')
  t.equal(((await again.body.json()) as any).jobId, accepted.jobId)
})

t.test('a 50,000-line CSV adjustment upload by upc completes in batches of at most 1,000', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  app.kibo.simulator!.inventory.setCatalog(bigCatalog(LINES / LOCATIONS.length, LOCATIONS))
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const rows = (function * () {
    yield 'locationCode,upc,quantity,reason\r\n'
    for (let n = 0; n < LINES; n++) {
      yield `${LOCATIONS[n % LOCATIONS.length]},${9_000_000_000_000 + Math.floor(n / LOCATIONS.length)},${(n % 9) + 1},received\r\n`
    }
  })()
  const response = await request(`${address}/v1/inventory/adjustments/upload`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body: chunked(rows)
  })
  const accepted = (await response.body.json()) as any
  t.equal(response.statusCode, 202, JSON.stringify(accepted))
  const job = await waitForJob(app, accepted.jobId, 60_000, '?errorsLimit=0')
  t.equal(job.status, 'completed')
  t.ok(job.batches.every((batch: any) => batch.itemCount <= 1000))
  const kiboJobs = app.kibo.simulator!.inventory.jobs()
  t.ok(kiboJobs.every((kiboJob) => kiboJob.type === 'ADJUST' && kiboJob.itemCount <= 1000))
  t.equal(
    kiboJobs.reduce((sum, kiboJob) => sum + kiboJob.itemCount, 0),
    LINES
  )
  t.equal(app.kibo.simulator!.inventory.stock('WH-1', 'PART-00000')?.onHand, 1)
})
