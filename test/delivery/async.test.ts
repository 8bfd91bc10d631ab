// Async intake and delivery against the built-in Kibo simulator over HTTP: signed webhooks,
// Prefer: respond-async, retries with backoff, dead letters and replay, the circuit breaker. The
// 1,000-event soak is in soak.slow.test.ts.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, fastWorker, waitForStatus } from '../support/app.ts'
import { loadExample, withExternalId } from '../support/examples.ts'
import { json, newWebhookSecret as newSecret, signedHeaders as signed } from '../support/http.ts'
import { waitFor } from '../support/wait.ts'

async function importOf (app: FastifyInstance, importId: string) {
  const response = await app.inject({ method: 'GET', url: `/v1/imports/${importId}` })
  return response.json()
}

t.test('Prefer: respond-async: 202 at once, imported by a worker, followed at statusUrl', async (t) => {
  const app = await buildTestApp(t, fastWorker)
  const event = withExternalId(loadExample('cybersource-ship-usd'), 'ASYNC-1')
  const accepted = await app.inject({ method: 'POST', url: '/v1/orders', headers: { ...json, prefer: 'respond-async' }, payload: event })
  t.equal(accepted.statusCode, 202, accepted.body)
  t.equal(accepted.headers['preference-applied'], 'respond-async')
  const body = accepted.json()
  t.match(body, { importId: /^imp_/, externalId: 'ASYNC-1', status: 'queued', statusUrl: `/v1/imports/${body.importId}` })

  const view = await waitForStatus(app, body.importId, 'imported')
  t.equal(app.kibo.simulator!.orders('ASYNC-1').length, 1)
  t.equal(view.kiboOrderId, app.kibo.simulator!.orders('ASYNC-1')[0].id)
  t.equal(view.mode, 'async')
  const kinds = view.history.map((entry: { kind: string }) => entry.kind)
  t.equal(kinds[0], 'received', kinds.join(' → '))
  t.equal(kinds.at(-1), 'imported')
  t.ok(kinds.includes('leased'), 'a worker took it')
  t.ok(
    view.history.every((entry: { at: string }) => !Number.isNaN(Date.parse(entry.at))),
    'every state change is timestamped'
  )

  const again = await app.inject({ method: 'POST', url: '/v1/orders', headers: { ...json, prefer: 'respond-async' }, payload: event })
  t.equal(again.statusCode, 200, 'a repeat once imported is 200')
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.equal(again.json().kiboOrderId, view.kiboOrderId)
  const sync = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: event })
  t.equal(sync.statusCode, 200, 'and the sync path replays it too')
  t.equal(app.kibo.simulator!.orders('ASYNC-1').length, 1)
})

t.test('signed webhooks: valid, wrong secret, tampered, stale, missing headers, rotation, replayed id', async (t) => {
  const oldSecret = newSecret()
  const newSecretValue = newSecret()
  const app = await buildTestApp(t, { ...fastWorker, WEBHOOK_SECRETS: `${newSecretValue},${oldSecret}` })
  const simulator = app.kibo.simulator!
  const body = JSON.stringify(withExternalId(loadExample('paypal-eur'), 'WH-1'))
  const post = (headers: Record<string, string>, payload = body) =>
    app.inject({ method: 'POST', url: '/v1/webhooks/orders', headers, payload })

  const wrong = await post(signed(newSecret(), body))
  t.equal(wrong.statusCode, 401, 'wrong secret')
  t.match(wrong.headers['content-type'], /problem\+json/)

  const headers = signed(oldSecret, body)
  const tampered = await post(headers, body.replace('"quantity":2', '"quantity":3'))
  t.equal(tampered.statusCode, 401, 'tampered body')

  const stale = await post(signed(oldSecret, body, { at: new Date(Date.now() - 6 * 60_000) }))
  t.equal(stale.statusCode, 401, 'timestamp 6 minutes old')
  t.match(stale.json().detail, /timestamp/i)
  const future = await post(signed(oldSecret, body, { at: new Date(Date.now() + 6 * 60_000) }))
  t.equal(future.statusCode, 401, 'timestamp 6 minutes ahead')

  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const partial: Record<string, string> = { ...headers }
    delete partial[name]
    const missing = await post(partial)
    t.equal(missing.statusCode, 401, `missing ${name}`)
    t.match(missing.json().detail, new RegExp(name))
  }
  t.equal((await app.imports.listImports({ limit: 10 })).items.length, 0, 'nothing was stored for any refused delivery')

  const accepted = await post(headers)
  t.equal(accepted.statusCode, 202, `signed with the old (rotated) secret: ${accepted.body}`)
  const { importId } = accepted.json()

  const replayed = await post(headers)
  t.equal(replayed.statusCode, 202, 'the same delivery again is acknowledged')
  t.equal(replayed.json().importId, importId, 'with the same importId')

  const view = await waitForStatus(app, importId, 'imported')
  t.equal(view.webhookId, headers['webhook-id'])
  const afterImport = await post(signed(newSecretValue, body, { id: headers['webhook-id'] }))
  t.equal(afterImport.statusCode, 200, 'a redelivery once imported is 200 (signed with the new secret)')
  t.equal(afterImport.json().importId, importId)

  const other = JSON.stringify(withExternalId(loadExample('paypal-eur'), 'WH-2'))
  const reusedId = await post(signed(newSecretValue, other, { id: headers['webhook-id'] }), other)
  t.equal(reusedId.statusCode, 422, 'the same webhook-id for a different order is refused')
  t.equal(simulator.orders('WH-1').length, 1)
  t.equal(simulator.orders('WH-2').length, 0)
})

t.test('retries: transient faults are retried with backoff until imported, each attempt recorded', async (t) => {
  const app = await buildTestApp(t, fastWorker)
  const simulator = app.kibo.simulator!
  simulator.faults.inject([
    { kind: '503-html', times: 1 },
    { kind: '429', retryAfterSeconds: 1, times: 1 },
    { kind: 'commit-then-fail', then: 500, times: 1 }
  ])
  const started = Date.now()
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...json, prefer: 'respond-async' },
    payload: withExternalId(loadExample('historical-completed-jpy'), 'RETRY-1')
  })
  const { importId } = accepted.json()
  const view = await waitForStatus(app, importId, 'imported')
  t.equal(simulator.orders('RETRY-1').length, 1, 'one order although the last create was committed and its answer lost')
  t.ok(Date.now() - started >= 1000, 'the 429 Retry-After of 1 s was honoured')
  const attempts = view.history.filter((entry: { kind: string }) => entry.kind === 'attempt')
  t.same(
    attempts.map((a: { detail: { outcome?: string } }) => a.detail.outcome),
    ['unavailable', 'rate_limited'],
    'each failed try is recorded with its outcome'
  )
  const imported = view.history.find((entry: { kind: string }) => entry.kind === 'imported')
  t.match(imported.detail, { created: false }, 'the committed-but-lost create was found in Kibo, not repeated')
  t.equal(view.attempts, 3)
  t.ok(
    view.history.some((entry: { kind: string }) => entry.kind === 'released'),
    'released to the queue between tries'
  )
})

t.test("Kibo validation errors are not retried: failed at once with Kibo's error stored", async (t) => {
  const app = await buildTestApp(t, fastWorker)
  // Kibo refuses what our contract cannot know about (here: a location code unknown to the
  // tenant); the simulator's 400-validation fault answers as Kibo does.
  const second = withExternalId(loadExample('cybersource-ship-usd'), 'KIBO-REFUSES-2')
  app.kibo.simulator!.faults.inject({ kind: '400-validation', times: 1 })
  const refused = await app.inject({ method: 'POST', url: '/v1/orders', headers: { ...json, prefer: 'respond-async' }, payload: second })
  const view = await waitForStatus(app, refused.json().importId, 'failed')
  t.equal(view.attempts, 1, 'tried once')
  t.match(view.lastError, { status: 422, errorCode: 'VALIDATION_ERROR', kind: 'validation', correlationId: String })
  t.equal(app.kibo.simulator!.orders('KIBO-REFUSES-2').length, 0)
})

t.test('dead letters: retries exhausted → dead; single and bulk retry import them once', async (t) => {
  const app = await buildTestApp(t, { ...fastWorker, IMPORT_MAX_ATTEMPTS: '2', CIRCUIT_FAILURE_THRESHOLD: '1000' })
  const simulator = app.kibo.simulator!
  simulator.faults.inject({ kind: '500', times: 1000 })
  const ids: string[] = []
  for (const externalId of ['DEAD-1', 'DEAD-2', 'DEAD-3']) {
    const accepted = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...json, prefer: 'respond-async' },
      payload: withExternalId(loadExample('paypal-eur'), externalId)
    })
    ids.push(accepted.json().importId)
  }
  for (const id of ids) {
    const dead = await waitForStatus(app, id, 'dead')
    t.equal(dead.attempts, 2, 'stopped after IMPORT_MAX_ATTEMPTS')
    t.match(dead.lastError, { status: 503, reason: 'attempts_exhausted' })
    t.ok(dead.failedAt)
  }
  const listed = await app.inject({ method: 'GET', url: '/v1/imports?status=dead&limit=2' })
  t.equal(listed.statusCode, 200)
  t.equal(listed.json().items.length, 2)
  t.type(listed.json().nextCursor, 'string')
  const rest = await app.inject({
    method: 'GET',
    url: `/v1/imports?status=dead&limit=2&cursor=${encodeURIComponent(listed.json().nextCursor)}`
  })
  t.equal(rest.json().items.length, 1)
  t.equal(rest.json().nextCursor, null)
  const byExternalId = await app.inject({ method: 'GET', url: '/v1/imports?externalId=DEAD-2' })
  t.same(
    byExternalId.json().items.map((item: { importId: string }) => item.importId),
    [ids[1]]
  )

  simulator.faults.clear()
  const single = await app.inject({ method: 'POST', url: `/v1/imports/${ids[0]}/retry` })
  t.equal(single.statusCode, 202)
  t.equal(single.json().status, 'queued')
  await waitForStatus(app, ids[0], 'imported')
  const notRetryable = await app.inject({ method: 'POST', url: `/v1/imports/${ids[0]}/retry` })
  t.equal(notRetryable.statusCode, 409, 'an imported import cannot be retried')

  const bulk = await app.inject({ method: 'POST', url: '/v1/imports/retry', headers: json, payload: { status: 'dead' } })
  t.equal(bulk.statusCode, 202)
  t.equal(bulk.json().requeued, 2)
  for (const id of ids) await waitForStatus(app, id, 'imported')
  for (const externalId of ['DEAD-1', 'DEAD-2', 'DEAD-3']) t.equal(simulator.orders(externalId).length, 1, `${externalId} imported once`)
  const history = (await importOf(app, ids[1])).history.map((entry: { kind: string }) => entry.kind)
  t.ok(history.includes('dead') && history.includes('retry_requested') && history.at(-1) === 'imported', history.join(' → '))

  const unknown = await app.inject({ method: 'GET', url: '/v1/imports/imp_00000000000000000000000000' })
  t.equal(unknown.statusCode, 404)
  const malformed = await app.inject({ method: 'GET', url: '/v1/imports/nope' })
  t.equal(malformed.statusCode, 404, 'an id of another shape is an unknown id: 404, not 400')
})

t.test('circuit breaker: Kibo keeps failing → open (readiness says so), intake keeps accepting, then closes', async (t) => {
  // Half-open after 3 s: long enough that a busy machine does not reach it within the checks below.
  const app = await buildTestApp(t, { ...fastWorker, CIRCUIT_FAILURE_THRESHOLD: '3', CIRCUIT_HALF_OPEN_AFTER_MS: '3000' })
  const simulator = app.kibo.simulator!
  simulator.faults.inject({ kind: '503-html', times: 1000 })
  const ids: string[] = []
  for (let i = 0; i < 5; i++) {
    const accepted = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...json, prefer: 'respond-async' },
      payload: withExternalId(loadExample('paypal-eur'), `CIRCUIT-${i}`)
    })
    t.equal(accepted.statusCode, 202)
    ids.push(accepted.json().importId)
  }
  await waitFor('the circuit to open', async () => app.kibo.circuit.state() === 'open')
  const createsWhenOpen = simulator.stats().createCalls
  const ready = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(ready.statusCode, 200, 'still ready: intake works while Kibo is down')
  t.match(ready.json().checks.kibo, { status: 'degraded', detail: /circuit open/ })
  const intake = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...json, prefer: 'respond-async' },
    payload: withExternalId(loadExample('paypal-eur'), 'CIRCUIT-LATE')
  })
  t.equal(intake.statusCode, 202, 'intake keeps accepting')
  ids.push(intake.json().importId)
  const sync = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: json,
    payload: withExternalId(loadExample('paypal-eur'), 'CIRCUIT-SYNC')
  })
  t.equal(sync.statusCode, 503, 'a sync import fails fast while the circuit is open')
  t.ok(Number(sync.headers['retry-after']) >= 1)
  await new Promise((resolve) => setTimeout(resolve, 1000))
  t.equal(simulator.stats().createCalls, createsWhenOpen, 'no create reached Kibo while the circuit was open')

  simulator.faults.clear()
  for (const id of ids) await waitForStatus(app, id, 'imported', 60_000)
  t.equal(app.kibo.circuit.state(), 'closed')
  t.ok(
    Object.values(simulator.stats().ordersByExternalId).every((count) => count === 1),
    'no doubles'
  )
})
