// The API the console reads besides the list itself: counts per status with the oldest queued
// age (GET /v1/imports/summary), the received-time range of the list (from/to), and the Kibo
// payload of a stored import with its payment secrets redacted.
import t from 'tap'
import { buildTestApp, loadExample, withExternalId } from '../helper.ts'
import { json } from '../observability/support.ts'

t.test('summary counts per status; from/to narrow the list; the Kibo payload hides payment secrets', async (t) => {
  // No worker: queued imports stay queued, so their age can be read.
  const app = await buildTestApp(t, { WORKER_CONCURRENCY: '0' })
  const post = (externalId: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...json, ...headers },
      payload: withExternalId(loadExample('cybersource-ship-usd'), externalId)
    })

  const empty = await app.inject({ method: 'GET', url: '/v1/imports/summary' })
  t.equal(empty.statusCode, 200, empty.body)
  t.same(empty.json(), { counts: { queued: 0, importing: 0, imported: 0, failed: 0, dead: 0 }, oldestQueuedSeconds: null })

  const before = new Date(Date.now() - 1000).toISOString()
  t.equal((await post('SUM-1')).statusCode, 201)
  t.equal((await post('SUM-2')).statusCode, 201)
  app.kibo.simulator!.faults.inject({ kind: '400-validation', times: 1 })
  t.equal((await post('SUM-3')).statusCode, 422)
  const queued = await post('SUM-4', { prefer: 'respond-async' })
  t.equal(queued.statusCode, 202)
  await new Promise((resolve) => setTimeout(resolve, 50))

  const summary = (await app.inject({ method: 'GET', url: '/v1/imports/summary' })).json()
  t.same(summary.counts, { queued: 1, importing: 0, imported: 2, failed: 1, dead: 0 })
  t.ok(summary.oldestQueuedSeconds >= 0.04 && summary.oldestQueuedSeconds < 60, `oldest queued ${summary.oldestQueuedSeconds} s`)

  const after = new Date(Date.now() + 1000).toISOString()
  const list = async (query: string) => app.inject({ method: 'GET', url: `/v1/imports?${query}` })
  t.equal((await list(`from=${encodeURIComponent(before)}`)).json().items.length, 4, 'from a second before: all')
  t.equal((await list(`from=${encodeURIComponent(after)}`)).json().items.length, 0, 'from a second ahead: none')
  t.equal((await list(`to=${encodeURIComponent(before)}`)).json().items.length, 0, 'up to a second before: none')
  const failedInRange = (await list(`status=failed&from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}`)).json()
  t.same(
    failedInRange.items.map((item: { externalId: string }) => item.externalId),
    ['SUM-3']
  )
  const summaryAhead = (await app.inject({ method: 'GET', url: `/v1/imports/summary?from=${encodeURIComponent(after)}` })).json()
  t.same(summaryAhead.counts, { queued: 0, importing: 0, imported: 0, failed: 0, dead: 0 })

  const reversed = await list(`from=${encodeURIComponent(after)}&to=${encodeURIComponent(before)}`)
  t.equal(reversed.statusCode, 400)
  t.match(reversed.json(), { title: 'Invalid time range', errors: [{ path: 'from' }] })
  const notATime = await list('from=yesterday')
  t.equal(notATime.statusCode, 400)
  t.equal(notATime.headers['content-type'], 'application/problem+json; charset=utf-8')

  const failed = failedInRange.items[0]
  const payload = await app.inject({ method: 'GET', url: `/v1/imports/${failed.importId}/kibo-payload` })
  t.equal(payload.statusCode, 200, payload.body)
  const kiboOrder = payload.json().kiboOrder
  t.equal(kiboOrder.externalId, 'SUM-3')
  const event = loadExample('cybersource-ship-usd')
  const token: string = event.data.payments[0].card.token
  const requestToken: string = event.data.payments[0].requestToken
  t.notOk(payload.body.includes(token), 'no card token')
  t.notOk(payload.body.includes(requestToken), 'no gateway request token')
  t.equal(kiboOrder.billingInfo.card.cardNumberPartOrMask, '[redacted]')
  t.equal(kiboOrder.billingInfo.card.isTokenized, true, 'flags stay as they are')
  const data = kiboOrder.payments[0].interactions[0].gatewayResponseData as Array<{ key: string; value: string }>
  t.equal(data.find((entry) => entry.key === 'AuthorizationRequestToken')?.value, '[redacted]')

  const missing = await app.inject({ method: 'GET', url: '/v1/imports/imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P/kibo-payload' })
  t.equal(missing.statusCode, 404)

  // Bulk retry within a received-time range (what the console's "Retry all failed" sends).
  const bulk = (body: object) => app.inject({ method: 'POST', url: '/v1/imports/retry', headers: json, payload: body })
  const outside = await bulk({ status: 'failed', to: before })
  t.same(outside.json(), { requeued: 0, importIds: [] }, 'none received before the range')
  t.equal((await bulk({ status: 'failed', from: after, to: before })).statusCode, 400)
  const inside = await bulk({ status: 'failed', from: before, to: after })
  t.same(inside.json(), { requeued: 1, importIds: [failed.importId] })
})

t.test("another tenant's import: no summary counts, no payload", async (t) => {
  const app = await buildTestApp(t, { API_KEYS: 'key-a-0123456789abcdef' })
  const response = await app.inject({ method: 'GET', url: '/v1/imports/summary' })
  t.equal(response.statusCode, 401, 'the summary needs a key like every /v1 route')
  const wrong = await app.inject({ method: 'GET', url: '/v1/imports/summary', headers: { 'x-api-key': 'nope' } })
  t.equal(wrong.statusCode, 401)
})
