// Load shedding (@fastify/under-pressure): over a threshold new requests get 503 problem+json
// with Retry-After at once; /health/live and /metrics still answer.
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { loadExample } from '../support/examples.ts'
import { json } from '../support/http.ts'
import { waitFor } from '../support/wait.ts'
import { loadConfig } from '../../src/config/config.ts'

t.test('over a (tiny) memory threshold: 503 problem+json with Retry-After; liveness and metrics exempt', async (t) => {
  const app = await buildTestApp(t, { LOAD_SHED_MAX_HEAP_USED_BYTES: '1', LOAD_SHED_RETRY_AFTER_SECONDS: '7' })
  // under-pressure samples once per second.
  await waitFor('the first pressure sample', async () => app.memoryUsage().heapUsed > 0, 5000)
  const response = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: loadExample('paypal-eur') })
  t.equal(response.statusCode, 503)
  t.equal(response.headers['retry-after'], '7')
  t.match(response.headers['content-type'], /^application\/problem\+json/)
  t.match(response.json(), {
    type: /\/problems\/overloaded$/,
    status: 503,
    detail: /heap memory is over its limit\); retry after 7 seconds/
  })
  t.equal(app.kibo.simulator!.stats().createCalls, 0, 'nothing was sent to Kibo')
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'liveness is exempt')
  t.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200, 'metrics are exempt')
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 503, 'readiness sheds too, so a balancer backs off')
})

t.test('defaults: only the event-loop delay check (1000 ms) is on; normal traffic passes', async (t) => {
  t.same(loadConfig({}).loadShedding, {
    maxEventLoopDelayMs: 1000,
    maxEventLoopUtilization: 0,
    maxHeapUsedBytes: 0,
    maxRssBytes: 0,
    retryAfterSeconds: 10
  })
  // (test/support/app.ts turns the delay check off for the other tests; here it is on, as in production.)
  const app = await buildTestApp(t, { LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '1000' })
  await new Promise((resolve) => setTimeout(resolve, 1100))
  t.equal(app.isUnderPressure(), false)
  const response = await app.inject({ method: 'POST', url: '/v1/orders/preview', headers: json, payload: loadExample('paypal-eur') })
  t.equal(response.statusCode, 200)
})
