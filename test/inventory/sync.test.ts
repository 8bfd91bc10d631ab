// Adjust, refresh, job progress, per-item errors, idempotency and the availability query, over
// app.inject against the built-in Kibo simulator (real loopback HTTP) on a fresh PGlite.
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { json } from '../support/http.ts'
import { fastInventoryEnv, waitForJob } from '../support/inventory.ts'

t.test('a refresh sets absolute quantities in Kibo and the job completes', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  const sim = app.kibo.simulator!.inventory
  const response = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers: json,
    payload: {
      items: [
        { locationCode: 'WH-EAST', partNumber: 'TSHIRT-RED-M', quantity: 100 },
        { locationCode: 'WH-EAST', upc: '012345678929', quantity: 7 },
        { locationCode: 'WH-WEST', partNumber: 'TSHIRT-RED-M', quantity: 40 }
      ]
    }
  })
  t.equal(response.statusCode, 202, response.body)
  const accepted = response.json()
  t.match(accepted, { jobId: /^inv_[0-9A-Z]{26}$/, kind: 'refresh', status: 'queued', itemCount: 3, batchCount: 2 })
  t.equal(response.headers.location, `/v1/inventory/jobs/${accepted.jobId}`)
  const job = await waitForJob(app, accepted.jobId)
  t.equal(job.status, 'completed')
  t.same(job.progress.batches, { pending: 0, submitting: 0, submitted: 0, completed: 2, failed: 0, unknown: 0 })
  t.same(job.progress.items, { pending: 0, inKibo: 0, done: 3, failed: 0 })
  t.ok(job.batches.every((batch: any) => typeof batch.kiboJobId === 'number' && batch.kiboStatus === 'COMPLETED'))
  t.equal(sim.stock('WH-EAST', 'TSHIRT-RED-M')?.onHand, 100)
  t.equal(sim.stock('WH-EAST', 'MUG-BLUE')?.onHand, 7)
  t.equal(sim.stock('WH-WEST', 'TSHIRT-RED-M')?.onHand, 40)

  // Adjust on top: +5 received, -2 damaged.
  const adjust = await app.inject({
    method: 'POST',
    url: '/v1/inventory/adjustments',
    headers: json,
    payload: {
      items: [
        { locationCode: 'WH-EAST', partNumber: 'TSHIRT-RED-M', quantity: 5, reason: 'received' },
        { locationCode: 'WH-EAST', partNumber: 'TSHIRT-RED-M', quantity: -2, reason: 'damaged' }
      ]
    }
  })
  t.equal(adjust.statusCode, 202, adjust.body)
  const adjusted = await waitForJob(app, adjust.json().jobId)
  t.equal(adjusted.status, 'completed')
  t.equal(sim.stock('WH-EAST', 'TSHIRT-RED-M')?.onHand, 103)
  t.equal(sim.jobs().filter((j) => j.type === 'ADJUST').length, 1, 'one Kibo adjust call for one location')

  // The query: one Kibo call, onHand/available/allocated.
  sim.setAllocated('WH-EAST', 'TSHIRT-RED-M', 3)
  const query = await app.inject({
    method: 'POST',
    url: '/v1/inventory/query',
    headers: json,
    payload: {
      items: [{ partNumber: 'TSHIRT-RED-M' }, { upc: '012345678929' }, { partNumber: 'NOPE' }],
      locationCodes: ['WH-EAST', 'WH-WEST']
    }
  })
  t.equal(query.statusCode, 200, query.body)
  const levels = query.json()
  t.same(
    levels.items.map((level: any) => [level.locationCode, level.partNumber, level.onHand, level.available, level.allocated]),
    [
      ['WH-EAST', 'TSHIRT-RED-M', 103, 100, 3],
      ['WH-WEST', 'TSHIRT-RED-M', 40, 40, 0],
      ['WH-EAST', 'MUG-BLUE', 7, 7, 0]
    ]
  )
  t.same(levels.notFound, [{ partNumber: 'NOPE', code: 'ITEM_NOT_FOUND' }])
  const queries = app.kibo.simulator!.stats().requestsByRoute.inventory
  t.ok(queries >= 1)

  const unknownLocation = await app.inject({
    method: 'POST',
    url: '/v1/inventory/query',
    headers: json,
    payload: { items: [{ partNumber: 'MUG-BLUE' }], locationCodes: ['MOON-1'] }
  })
  t.equal(unknownLocation.statusCode, 422)
  t.match(unknownLocation.json(), { errorCode: 'LOCATION_NOT_FOUND', type: /inventory-location-not-found$/ })
})

t.test('per-item errors: unknown products and unknown locations are reported item by item', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  const response = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers: json,
    payload: {
      items: [
        { locationCode: 'WH-EAST', partNumber: 'TSHIRT-RED-M', quantity: 1 },
        { locationCode: 'WH-EAST', partNumber: 'GHOST-1', quantity: 1 },
        { locationCode: 'WH-EAST', upc: '000000000000', quantity: 1 },
        { locationCode: 'NOWHERE', partNumber: 'MUG-BLUE', quantity: 3 },
        { locationCode: 'NOWHERE', partNumber: 'POSTER-A2', quantity: 4 }
      ]
    }
  })
  t.equal(response.statusCode, 202, response.body)
  const job = await waitForJob(app, response.json().jobId)
  t.equal(job.status, 'completed_with_errors')
  t.same(job.progress.batches, { pending: 0, submitting: 0, submitted: 0, completed: 1, failed: 1, unknown: 0 })
  t.same(job.progress.items, { pending: 0, inKibo: 0, done: 1, failed: 4 })
  t.equal(job.itemErrorsTotal, 4)
  const errors = job.itemErrors.map((e: any) => [e.code, e.locationCode, e.partNumber, e.upc])
  t.same(
    errors.sort(),
    [
      ['ITEM_NOT_FOUND', 'WH-EAST', 'GHOST-1', null],
      ['ITEM_NOT_FOUND', 'WH-EAST', null, '000000000000'],
      ['LOCATION_NOT_FOUND', 'NOWHERE', 'MUG-BLUE', null],
      ['LOCATION_NOT_FOUND', 'NOWHERE', 'POSTER-A2', null]
    ].sort()
  )
  const failedBatch = job.batches.find((batch: any) => batch.locationCode === 'NOWHERE')
  t.equal(failedBatch.status, 'failed')
  t.equal(failedBatch.lastError.errorCode, 'LOCATION_NOT_FOUND')
  t.equal(app.kibo.simulator!.inventory.stock('WH-EAST', 'TSHIRT-RED-M')?.onHand, 1)

  const page = await app.inject({ method: 'GET', url: `/v1/inventory/jobs/${job.jobId}?errorsLimit=1&errorsOffset=1` })
  t.equal(page.json().itemErrors.length, 1)
  t.equal(page.json().itemErrorsTotal, 4)
})

t.test('idempotency: same key and items → the same job; same key, other items → 422', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  const items = [
    { locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: 12 },
    { locationCode: 'STORE-001', partNumber: 'MUG-BLUE', quantity: 2 }
  ]
  const headers = { ...json, 'idempotency-key': 'erp-sync-2026-11-23' }
  const first = await app.inject({ method: 'POST', url: '/v1/inventory/refresh', headers, payload: { items } })
  t.equal(first.statusCode, 202)
  // Key order and spacing do not matter: the items do.
  const reordered = items.map((item) => ({ quantity: item.quantity, partNumber: item.partNumber, locationCode: item.locationCode }))
  const again = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers,
    payload: JSON.stringify({ items: reordered }, null, 2)
  })
  t.equal(again.statusCode, 200)
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.equal(again.json().jobId, first.json().jobId)

  const different = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh',
    headers,
    payload: { items: [{ ...items[0], quantity: 13 }, items[1]] }
  })
  t.equal(different.statusCode, 422)
  t.match(different.headers['content-type'], /^application\/problem\+json/)
  t.match(different.json(), { type: /idempotency-conflict$/, jobId: first.json().jobId })

  // The same key for an adjustment is a different body too.
  const otherKind = await app.inject({ method: 'POST', url: '/v1/inventory/adjustments', headers, payload: { items } })
  t.equal(otherKind.statusCode, 422)

  // The same items over NDJSON with the same key: the same job.
  const ndjson = items.map((item) => JSON.stringify(item)).join('\n') + '\n'
  const upload = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh/upload',
    headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'erp-sync-2026-11-23' },
    payload: ndjson
  })
  t.equal(upload.statusCode, 200, upload.body)
  t.equal(upload.json().jobId, first.json().jobId)

  await waitForJob(app, first.json().jobId)
  t.equal(app.kibo.simulator!.inventory.jobs().length, 2, 'Kibo got one refresh per location, once')

  // Without a key every request is a new job.
  const a = await app.inject({ method: 'POST', url: '/v1/inventory/refresh', headers: json, payload: { items } })
  const b = await app.inject({ method: 'POST', url: '/v1/inventory/refresh', headers: json, payload: { items } })
  t.not(a.json().jobId, b.json().jobId)
})

t.test('validation: integers only, one identifier, signs that match the reason; problem+json', async (t) => {
  const app = await buildTestApp(t, fastInventoryEnv)
  const cases: Array<[string, unknown, RegExp]> = [
    ['/v1/inventory/refresh', { items: [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: 1.5 }] }, /whole number/],
    ['/v1/inventory/refresh', { items: [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: -1 }] }, /at least 0/],
    ['/v1/inventory/refresh', { items: [{ locationCode: 'WH-EAST', quantity: 1 }] }, /exactly one of partNumber and upc/],
    ['/v1/inventory/refresh', { items: [{ locationCode: 'WH-EAST', partNumber: 'A', upc: '1', quantity: 1 }] }, /exactly one/],
    [
      '/v1/inventory/adjustments',
      { items: [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: 3, reason: 'damaged' }] },
      /negative/
    ],
    ['/v1/inventory/adjustments', { items: [{ locationCode: 'WH-EAST', partNumber: 'MUG-BLUE', quantity: '3' }] }, /number/],
    ['/v1/inventory/adjustments', { items: [] }, /.+/]
  ]
  for (const [url, payload, message] of cases) {
    const response = await app.inject({ method: 'POST', url, headers: json, payload: payload as object })
    t.equal(response.statusCode, 400, `${JSON.stringify(payload)} → 400`)
    t.match(response.headers['content-type'], /^application\/problem\+json/)
    t.match(JSON.stringify(response.json().errors), message)
  }
  const badLines = await app.inject({
    method: 'POST',
    url: '/v1/inventory/adjustments/upload',
    headers: { 'content-type': 'text/csv' },
    payload: 'locationCode,partNumber,quantity\nWH-EAST,MUG-BLUE,2\nWH-EAST,MUG-BLUE,2.5\nWH-EAST,,1\n'
  })
  t.equal(badLines.statusCode, 400)
  t.same(
    badLines.json().errors.map((e: any) => e.path),
    ['line 3: quantity', 'line 4: partNumber']
  )
  const wrongType = await app.inject({
    method: 'POST',
    url: '/v1/inventory/refresh/upload',
    headers: { 'content-type': 'text/plain' },
    payload: 'x'
  })
  t.equal(wrongType.statusCode, 415)
  const missing = await app.inject({ method: 'GET', url: '/v1/inventory/jobs/inv_00000000000000000000000000' })
  t.equal(missing.statusCode, 404)
  t.equal(app.kibo.simulator!.inventory.jobs().length, 0, 'nothing reached Kibo')
})

t.test('the examples in examples/inventory are accepted and complete', async (t) => {
  const { readFileSync } = await import('node:fs')
  const path = await import('node:path')
  const { repoRoot } = await import('../support/examples.ts')
  const app = await buildTestApp(t, fastInventoryEnv)
  const file = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'inventory', name), 'utf8')
  const sends: Array<[string, string, string]> = [
    ['/v1/inventory/refresh', 'application/json', 'refresh.json'],
    ['/v1/inventory/refresh/upload', 'application/x-ndjson', 'refresh.ndjson'],
    ['/v1/inventory/refresh/upload', 'text/csv', 'refresh.csv'],
    ['/v1/inventory/adjustments', 'application/json', 'adjustments.json'],
    ['/v1/inventory/adjustments/upload', 'text/csv', 'adjustments.csv']
  ]
  const jobIds: string[] = []
  for (const [url, type, name] of sends) {
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': type, 'idempotency-key': `example-${name}` },
      payload: file(name)
    })
    t.equal(response.statusCode, 202, `${name}: ${response.body}`)
    jobIds.push(response.json().jobId)
  }
  for (const jobId of jobIds) t.equal((await waitForJob(app, jobId)).status, 'completed')
  const query = await app.inject({ method: 'POST', url: '/v1/inventory/query', headers: json, payload: file('query.json') })
  t.equal(query.statusCode, 200)
  t.ok(query.json().items.length >= 2)
})
