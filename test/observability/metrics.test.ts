// GET /metrics: Prometheus text from this app's own registry, moving with what the app does.
import t from 'tap'
import { buildTestApp, fastWorker, waitForStatus } from '../support/app.ts'
import { exampleNames, loadExample, withExternalId } from '../support/examples.ts'
import { json } from '../support/http.ts'
import { scrape } from '../support/metrics.ts'

t.test('after sync, async, failing, retried and dead imports the series say exactly what happened', async (t) => {
  const app = await buildTestApp(t, { ...fastWorker, IMPORT_MAX_ATTEMPTS: '2', CIRCUIT_FAILURE_THRESHOLD: '1000' })
  const simulator = app.kibo.simulator!
  const tenant = app.tenants.all[0].name
  const gateways: Record<string, string> = {}

  // Sync: every contract example, then a repeat.
  for (const name of exampleNames()) {
    const event = loadExample(name)
    gateways[name] = event.data.payments[0].gateway
    const response = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: event })
    t.equal(response.statusCode, 201, `${name} imported`)
  }
  const replay = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: loadExample('cybersource-ship-usd') })
  t.equal(replay.statusCode, 200)

  // Sync, refused by Kibo.
  simulator.faults.inject({ kind: '400-validation', times: 1 })
  const refused = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: json,
    payload: withExternalId(loadExample('cybersource-ship-usd'), 'M-FAIL')
  })
  t.equal(refused.statusCode, 422)

  // Async, imported at once.
  const queued = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...json, prefer: 'respond-async' },
    payload: withExternalId(loadExample('paypal-eur'), 'M-ASYNC')
  })
  t.equal(queued.statusCode, 202)
  await waitForStatus(app, queued.json().importId, 'imported')

  // Async, one 500 then imported on the retry.
  simulator.faults.inject({ kind: '500', times: 1 })
  const retried = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...json, prefer: 'respond-async' },
    payload: withExternalId(loadExample('historical-completed-jpy'), 'M-RETRY')
  })
  const retriedView = await waitForStatus(app, retried.json().importId, 'imported')
  t.equal(retriedView.attempts, 2)

  // Async, dead after IMPORT_MAX_ATTEMPTS (2) failures.
  simulator.faults.inject({ kind: '500', times: 2 })
  const doomed = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...json, prefer: 'respond-async' },
    payload: withExternalId(loadExample('authorizenet-pickup-review'), 'M-DEAD')
  })
  await waitForStatus(app, doomed.json().importId, 'dead')
  simulator.faults.clear()

  const { response, value, series } = await scrape(app)
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  t.equal(response.headers['cache-control'], 'no-store')
  const imports = (outcome: string, mode: string, gateway: string) => value('kibo_bridge_imports_total', { outcome, mode, gateway })

  for (const name of exampleNames()) t.equal(imports('imported', 'sync', gateways[name]), 1, `${name}: one sync import (${gateways[name]})`)
  t.equal(imports('replayed', 'sync', 'cybersource'), 1, 'the repeat counted as replayed')
  t.equal(imports('failed', 'sync', 'cybersource'), 1, 'the refused order counted as failed')
  t.equal(imports('queued', 'async', 'paypal'), 1)
  t.equal(imports('imported', 'async', 'paypal'), 1)
  t.equal(imports('queued', 'async', 'noop'), 1)
  t.equal(imports('retry_scheduled', 'async', 'noop'), 1)
  t.equal(imports('imported', 'async', 'noop'), 1)
  t.equal(imports('retry_scheduled', 'async', 'authorizenet'), 1)
  t.equal(imports('dead', 'async', 'authorizenet'), 1)
  t.equal(value('kibo_bridge_import_retries_total', { gateway: 'noop', kind: 'unavailable' }), 1, 'retries by kind')
  t.equal(value('kibo_bridge_import_retries_total', { gateway: 'authorizenet', kind: 'unavailable' }), 1)
  t.equal(value('kibo_bridge_import_dead_letters_total', { gateway: 'authorizenet', kind: 'unavailable' }), 1, 'dead counter')
  t.equal(value('kibo_bridge_dead_letters'), 1, 'dead letters now')
  t.equal(value('kibo_bridge_import_records', { status: 'dead' }), 1)
  t.equal(value('kibo_bridge_import_records', { status: 'failed' }), 1)
  t.equal(value('kibo_bridge_import_records', { status: 'imported' }), exampleNames().length + 2)
  t.equal(value('kibo_bridge_queue_depth'), 0, 'queue drained')
  t.equal(value('kibo_bridge_queue_oldest_age_seconds'), 0)

  // End-to-end latency: one observation per imported order, sync and async apart.
  t.equal(value('kibo_bridge_import_end_to_end_seconds_count', { mode: 'sync', gateway: 'cybersource' }), 1)
  t.equal(value('kibo_bridge_import_end_to_end_seconds_count', { mode: 'async', gateway: 'paypal' }), 1)
  t.equal(value('kibo_bridge_import_end_to_end_seconds_count', { mode: 'async', gateway: 'noop' }), 1)
  t.ok(value('kibo_bridge_import_end_to_end_seconds_sum', { mode: 'async', gateway: 'noop' })! > 0)
  t.equal(value('kibo_bridge_import_end_to_end_seconds_bucket', { mode: 'async', gateway: 'noop', le: '+Inf' }), 1)

  // Kibo calls: 4 sync + 1 async + 1 retried created; 1 refused; 1 + 2 answered 500.
  const kibo = (operation: string, status: string) => value('kibo_bridge_kibo_responses_total', { tenant, operation, status })
  t.equal(kibo('createOrder', '201'), exampleNames().length + 2, 'creates answered 201')
  t.equal(kibo('createOrder', '400'), 1, 'create refused with 400')
  t.equal(kibo('createOrder', '500'), 3, 'creates answered 500')
  t.ok(kibo('findOrders', '200')! >= 3, 'look-ups after 5xx and before retries')
  const simulated = simulator.stats().requestsByRoute
  t.equal(
    value('kibo_bridge_kibo_request_duration_seconds_count', { tenant, operation: 'createOrder' }),
    simulated.createOrder,
    'one latency observation per create the simulator saw'
  )
  t.equal(value('kibo_bridge_kibo_token_refreshes_total', { tenant }), 1, 'one token for all of it')
  t.equal(value('kibo_bridge_kibo_token_refresh_failures_total', { tenant }), 0)
  t.equal(value('kibo_bridge_kibo_circuit_state', { tenant }), 0, 'circuit closed')

  // Node process defaults.
  for (const name of [
    'process_cpu_user_seconds_total',
    'process_resident_memory_bytes',
    'nodejs_heap_size_used_bytes',
    'nodejs_eventloop_lag_seconds'
  ]) {
    t.ok(series.has(name), `${name} exported`)
  }
})

t.test('the circuit state and token refreshes are read at scrape time', async (t) => {
  const app = await buildTestApp(t, {
    ...fastWorker,
    CIRCUIT_FAILURE_THRESHOLD: '1',
    CIRCUIT_HALF_OPEN_AFTER_MS: '60000',
    KIBO_RETRY_BUDGET_MS: '0'
  })
  const tenant = app.tenants.all[0].name
  t.equal((await scrape(app)).value('kibo_bridge_kibo_token_refreshes_total', { tenant }), 0, 'no token before the first call')
  app.kibo.simulator!.faults.inject({ kind: '503-html', times: 1 })
  const failed = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: json,
    payload: withExternalId(loadExample('paypal-eur'), 'CIRCUIT-M')
  })
  t.equal(failed.statusCode, 503)
  const after = await scrape(app)
  t.equal(after.value('kibo_bridge_kibo_circuit_state', { tenant }), 2, 'open after one outage (threshold 1)')
  t.equal(after.value('kibo_bridge_kibo_token_refreshes_total', { tenant }), 1)
  t.equal(after.value('kibo_bridge_kibo_responses_total', { tenant, operation: 'createOrder', status: '503' }), 1)
})

t.test('each app has its own registry', async (t) => {
  const first = await buildTestApp(t)
  const second = await buildTestApp(t)
  await first.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: loadExample('paypal-eur') })
  t.equal((await scrape(first)).value('kibo_bridge_imports_total', { outcome: 'imported', mode: 'sync', gateway: 'paypal' }), 1)
  t.equal(
    (await scrape(second)).value('kibo_bridge_imports_total', { outcome: 'imported', mode: 'sync', gateway: 'paypal' }),
    undefined,
    'the other app counted nothing'
  )
  t.not(first.metrics.registry, second.metrics.registry)
})

t.test('/metrics needs no API key, can be protected with METRICS_TOKEN, or turned off', async (t) => {
  const open = await buildTestApp(t, { API_KEYS: 'k'.repeat(32) })
  t.equal((await open.inject({ method: 'GET', url: '/metrics' })).statusCode, 200, 'no API key needed')
  t.equal(
    (await open.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: loadExample('paypal-eur') })).statusCode,
    401,
    'while /v1 needs one'
  )
  const documented = (await open.inject({ method: 'GET', url: '/openapi.json' })).json()
  t.notOk(documented.paths['/metrics'], '/metrics is not part of the API document')

  const token = 'scrape-token-0123456789'
  const guarded = await buildTestApp(t, { METRICS_TOKEN: token })
  const refused = await guarded.inject({ method: 'GET', url: '/metrics' })
  t.equal(refused.statusCode, 401)
  t.match(refused.headers['content-type'], /^application\/problem\+json/)
  t.equal(
    (await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode,
    401
  )
  t.equal((await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })).statusCode, 200)

  const off = await buildTestApp(t, { METRICS_ENABLED: 'false' })
  const missing = await off.inject({ method: 'GET', url: '/metrics' })
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
})
