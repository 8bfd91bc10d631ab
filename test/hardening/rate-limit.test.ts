// RATE_LIMIT_PER_MINUTE: a budget per API key (or per client IP without one), 429 problem+json
// with Retry-After over it; health, metrics and docs are never limited.
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { loadExample } from '../support/examples.ts'
import { json } from '../support/http.ts'

const keyA = 'key-a-0123456789abcdef'
const keyB = 'key-b-0123456789abcdef'

t.test('each API key has its own budget; over it: 429 problem+json with Retry-After', async (t) => {
  const app = await buildTestApp(t, { API_KEYS: `${keyA},${keyB}`, RATE_LIMIT_PER_MINUTE: '3' })
  const event = loadExample('paypal-eur')
  const preview = (key: string) =>
    app.inject({ method: 'POST', url: '/v1/orders/preview', headers: { ...json, authorization: `Bearer ${key}` }, payload: event })

  for (let i = 1; i <= 3; i++) {
    const response = await preview(keyA)
    t.equal(response.statusCode, 200, `key A call ${i} within the limit`)
    t.equal(response.headers['x-ratelimit-limit'], '3')
    t.equal(response.headers['x-ratelimit-remaining'], String(3 - i))
  }
  const limited = await preview(keyA)
  t.equal(limited.statusCode, 429, 'key A over its limit')
  t.match(limited.headers['content-type'], /^application\/problem\+json/)
  const retryAfter = Number(limited.headers['retry-after'])
  t.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${limited.headers['retry-after']}`)
  t.match(limited.json(), {
    type: /\/problems\/rate-limited$/,
    title: 'Too Many Requests',
    status: 429,
    detail: /3 requests per minute for this API key; retry after \d+ seconds/
  })
  t.ok(limited.headers['x-request-id'], 'the request id is still returned')

  t.equal((await preview(keyB)).statusCode, 200, 'key B is not affected by key A')
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'health is never limited')
  for (let i = 0; i < 5; i++) t.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200, 'metrics are never limited')

  const wrongKey = await preview('not-a-key-0123456789')
  t.equal(wrongKey.statusCode, 401, 'an invalid key is refused before it spends a budget')
})

t.test('without a key (open development mode, webhooks) the budget is per client IP', async (t) => {
  const app = await buildTestApp(t, { RATE_LIMIT_PER_MINUTE: '2' })
  const event = loadExample('paypal-eur')
  const from = (remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/v1/orders/preview', headers: json, payload: event, remoteAddress })
  t.equal((await from('10.0.0.1')).statusCode, 200)
  t.equal((await from('10.0.0.1')).statusCode, 200)
  const limited = await from('10.0.0.1')
  t.equal(limited.statusCode, 429)
  t.match(limited.json().detail, /for this client address/)
  t.ok(limited.headers['retry-after'])
  t.equal((await from('10.0.0.2')).statusCode, 200, 'another address has its own budget')
})

t.test('no RATE_LIMIT_PER_MINUTE: no limit and no rate-limit headers', async (t) => {
  const app = await buildTestApp(t)
  const response = await app.inject({ method: 'POST', url: '/v1/orders/preview', headers: json, payload: loadExample('paypal-eur') })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['x-ratelimit-limit'], undefined)
})
