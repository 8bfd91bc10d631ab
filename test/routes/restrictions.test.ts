// Kibo order restrictions (Orders API, "Edit and Cancellation Restrictions"): from the event after
// an import, and later through PUT /v1/orders/{externalId}/restrictions; retried, visible on the
// import record, never a second order.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../support/app.ts'
import { repoRoot, withExternalId } from '../support/examples.ts'
import { json } from '../support/http.ts'
import { waitFor } from '../support/wait.ts'

const restrictedExample = () =>
  JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'restrictions', 'cybersource-restricted-usd.json'), 'utf8'))
const fast = { QUEUE_POLL_MS: '500', RETRY_BASE_MS: '20' }

const kiboOrder = (app: FastifyInstance, externalId: string) =>
  app.kibo.simulator!.orders(externalId)[0] as { restrictEdit?: boolean; restrictCancellation?: boolean } | undefined

t.test('restrictions in the event are applied after a sync import and shown on the record', async (t) => {
  const app = await buildTestApp(t, fast)
  const event = restrictedExample()
  const created = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: event })
  t.equal(created.statusCode, 201, created.body)
  const { importId } = created.json()
  await waitFor('restrictions applied in Kibo', () => kiboOrder(app, 'SO-100235')?.restrictEdit === true)
  t.equal(kiboOrder(app, 'SO-100235')?.restrictCancellation, true)
  const view = await waitFor('record shows applied', async () => {
    const body = (await app.inject({ method: 'GET', url: `/v1/imports/${importId}` })).json()
    return body.restrictions?.status === 'applied' ? body : null
  })
  t.match(view.restrictions, { edit: true, cancellation: true, status: 'applied', attempts: 1, appliedAt: String })
  t.ok(view.history.some((entry: { kind: string }) => entry.kind === 'restrictions_applied'))
  const preview = await app.inject({ method: 'POST', url: '/v1/orders/preview', headers: json, payload: event })
  t.equal(preview.statusCode, 200, 'restrictions are accepted by the schema')
  t.notOk('restrictions' in preview.json().kiboOrder, 'and are not part of the create payload')
})

t.test('a failing restrictions call is retried and visible, never a second order', async (t) => {
  const app = await buildTestApp(t, fast)
  const simulator = app.kibo.simulator!
  simulator.faults.inject({ kind: '503-html', route: 'updateOrderRestrictions', times: 2 })
  const event = withExternalId(restrictedExample(), 'RESTRICT-RETRY')
  const accepted = await app.inject({ method: 'POST', url: '/v1/orders', headers: { ...json, prefer: 'respond-async' }, payload: event })
  t.equal(accepted.statusCode, 202)
  const { importId } = accepted.json()
  await waitFor('restrictions applied after failures', () => kiboOrder(app, 'RESTRICT-RETRY')?.restrictEdit === true, 60_000)
  const view = (await app.inject({ method: 'GET', url: `/v1/imports/${importId}` })).json()
  t.equal(view.status, 'imported')
  const kinds = view.history.map((entry: { kind: string }) => entry.kind)
  t.ok(kinds.includes('restrictions_failed'), kinds.join(' → '))
  t.equal(simulator.orders('RESTRICT-RETRY').length, 1, 'one order')
})

t.test('PUT /v1/orders/{externalId}/restrictions: applied now, or stored and retried', async (t) => {
  const app = await buildTestApp(t, fast)
  const simulator = app.kibo.simulator!
  const event = withExternalId(restrictedExample(), 'RESTRICT-PUT')
  delete event.data.restrictions
  t.equal((await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: event })).statusCode, 201)

  const put = (body: unknown, externalId = 'RESTRICT-PUT') =>
    app.inject({ method: 'PUT', url: `/v1/orders/${encodeURIComponent(externalId)}/restrictions`, headers: json, payload: body as object })
  const applied = await put({ cancellation: true })
  t.equal(applied.statusCode, 200, applied.body)
  t.match(applied.json(), { externalId: 'RESTRICT-PUT', restrictions: { cancellation: true, status: 'applied' } })
  t.equal(kiboOrder(app, 'RESTRICT-PUT')?.restrictCancellation, true)

  simulator.faults.inject({ kind: '503-html', route: 'updateOrderRestrictions', times: 3 })
  const pending = await put({ edit: true })
  t.equal(pending.statusCode, 202, 'Kibo down: stored and retried')
  t.match(pending.json(), { restrictions: { edit: true, cancellation: true, status: 'pending' }, statusUrl: String })
  await waitFor('the retried restrictions', () => kiboOrder(app, 'RESTRICT-PUT')?.restrictEdit === true, 60_000)
  t.equal(kiboOrder(app, 'RESTRICT-PUT')?.restrictCancellation, true, 'fields left out kept their value')

  t.equal((await put({ edit: true }, 'NO-SUCH-ORDER')).statusCode, 404)
  const empty = await put({})
  t.equal(empty.statusCode, 400)
  t.match(empty.headers['content-type'], /problem\+json/)
  t.equal((await put({ edit: 'yes' })).statusCode, 400)
  t.equal(simulator.orders('RESTRICT-PUT').length, 1)
})
