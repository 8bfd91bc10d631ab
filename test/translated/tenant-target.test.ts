// The translated Create Order API v2 as a per-tenant target: one deployment, an oms tenant and a
// translated-v2 tenant (both on the built-in simulator), the same kind of event going to each
// tenant's API; an unknown outcome is never sent again until the operator retries it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { ConfigError, loadConfig } from '../../src/config/config.ts'
import { buildTestApp } from '../support/app.ts'
import { loadTranslatedExample, withExternalId } from '../support/examples.ts'
import { goldenTranslatedOptions } from '../support/translated.ts'

const omsKey = 'oms-tenant-key-0123456789abcdef'
const trKey = 'translated-key-0123456789abcdef'
const { fraudDeclineAction: _fraud, ...translatedBlock } = goldenTranslatedOptions

function tenantsFile (t: { teardown(fn: () => unknown): void }, content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kob-target-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'tenants.json')
  writeFileSync(file, JSON.stringify(content))
  return file
}

const tenants = [
  { name: 'oms-shop', tenantId: 100001, siteId: 100002, apiKeys: [omsKey] },
  { name: 'translated-shop', tenantId: 44444, siteId: 54444, target: 'translated-v2', translated: translatedBlock, apiKeys: [trKey] }
]

async function appWithTwoTargets (t: Parameters<typeof buildTestApp>[0]): Promise<FastifyInstance> {
  return buildTestApp(t, {
    TENANTS_FILE: tenantsFile(t, { tenants }),
    RETRY_BASE_MS: '20',
    RETRY_MAX_MS: '50',
    QUEUE_POLL_MS: '200',
    WORKER_LEASE_MS: '2000'
  })
}

const post = (app: FastifyInstance, key: string, url: string, payload: unknown) => {
  const async = url.endsWith('?mode=async')
  return app.inject({
    method: 'POST',
    url: url.replace('?mode=async', ''),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...(async ? { prefer: 'respond-async' } : {}) },
    payload: payload as object
  })
}

async function settled (app: FastifyInstance, key: string, importId: string, statuses = ['imported', 'failed', 'dead']) {
  for (let i = 0; i < 200; i++) {
    const response = await app.inject({ method: 'GET', url: `/v1/imports/${importId}`, headers: { authorization: `Bearer ${key}` } })
    const body = response.json()
    if (statuses.includes(body.status)) return body
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`import ${importId} did not settle`)
}

t.test('config: target translated-v2 needs its translated block; env single tenant stays oms', async (t) => {
  const bad = tenantsFile(t, { tenants: [{ name: 'tr', tenantId: 1, siteId: 2, target: 'translated-v2' }] })
  t.throws(() => loadConfig({ TENANTS_FILE: bad }), ConfigError)
  try {
    loadConfig({ TENANTS_FILE: bad })
  } catch (error) {
    t.match((error as ConfigError).problems.join('\n'), /target translated-v2 needs a translated block/)
  }
  const stray = tenantsFile(t, { tenants: [{ name: 'oms', tenantId: 1, siteId: 2, translated: translatedBlock }] })
  t.throws(() => loadConfig({ TENANTS_FILE: stray }), /only apply with target: translated-v2/)
  const wrong = tenantsFile(t, {
    tenants: [{ name: 'tr', tenantId: 1, siteId: 2, target: 'translated-v2', translated: { ...translatedBlock, defaultAvailability: 'Q' } }]
  })
  t.throws(() => loadConfig({ TENANTS_FILE: wrong }), /translated\.defaultAvailability/)
  const good = loadConfig({ TENANTS_FILE: tenantsFile(t, { tenants }) })
  t.same(
    good.tenants.map((tenant) => tenant.target),
    ['oms', 'translated-v2']
  )
  t.equal(good.tenants[1].translated?.manufacturerId, 1010)
  t.equal(loadConfig({}).tenants[0].target, 'oms')
})

t.test('sync and async imports reach each tenant’s own API; preview shows the translated request', async (t) => {
  const app = await appWithTwoTargets(t)
  const sim = app.kibo.simulator!
  t.same(
    app.tenants.all.map((tenant) => [tenant.name, tenant.target]),
    [
      ['oms-shop', 'oms'],
      ['translated-shop', 'translated-v2']
    ]
  )

  const event = loadTranslatedExample('seed-sample-usd')
  const tr = await post(app, trKey, '/v1/orders', withExternalId(event, 'TT-SYNC-1'))
  t.equal(tr.statusCode, 201, tr.body)
  const stored = sim.translated.orders('TT-SYNC-1')
  t.equal(stored.length, 1, 'the translated API got the order')
  t.equal(stored[0].tenantId, 44444)
  t.equal(tr.json().kiboOrderId, String(stored[0].orderID))
  t.equal(sim.orders('TT-SYNC-1').length, 0, 'nothing went to the OMS API')

  const oms = await post(app, omsKey, '/v1/orders', withExternalId(event, 'TT-SYNC-1'))
  t.equal(oms.statusCode, 201, oms.body)
  t.equal(sim.orders('TT-SYNC-1').length, 1, 'the oms tenant’s order went to the OMS API')
  t.equal(sim.translated.orders('TT-SYNC-1').length, 1, 'and not to the translated API')

  const replay = await post(app, trKey, '/v1/orders', withExternalId(event, 'TT-SYNC-1'))
  t.equal(replay.statusCode, 200, 'a resend of an imported order is a replay')
  t.equal(sim.translated.stats().createCalls, 1)

  const events = await app.imports.getImportEvents(tr.json().importId)
  t.same(events.find((e) => e.kind === 'imported')?.detail.orderIds, [tr.json().kiboOrderId], 'the imported event lists every orderID')

  const accepted = await post(app, trKey, '/v1/orders?mode=async', withExternalId(event, 'TT-ASYNC-1'))
  t.equal(accepted.statusCode, 202, accepted.body)
  const done = await settled(app, trKey, accepted.json().importId)
  t.equal(done.status, 'imported')
  t.equal(sim.translated.orders('TT-ASYNC-1').length, 1)

  const preview = await post(app, trKey, '/v1/orders/preview', withExternalId(event, 'TT-PREVIEW'))
  t.equal(preview.statusCode, 200, preview.body)
  t.equal(preview.json().translatedOrders.length, 1)
  t.equal(preview.json().translatedOrders[0].request.externalOrderID, 'TT-PREVIEW')
  t.notOk(preview.json().kiboOrder)
  const omsPreview = await post(app, omsKey, '/v1/orders/preview', withExternalId(event, 'TT-PREVIEW'))
  t.ok(omsPreview.json().kiboOrder)
})

t.test('a split order sends each child in order and records every orderID', async (t) => {
  const app = await appWithTwoTargets(t)
  const sim = app.kibo.simulator!
  const response = await post(app, trKey, '/v1/orders', withExternalId(loadTranslatedExample('preorder-split-usd'), 'TT-SPLIT'))
  t.equal(response.statusCode, 201, response.body)
  const events = await app.imports.getImportEvents(response.json().importId)
  const orderIds = events.find((e) => e.kind === 'imported')?.detail.orderIds as string[]
  t.ok(orderIds.length >= 2, 'several orders')
  t.equal(response.json().kiboOrderId, orderIds[0])
  t.equal(sim.translated.stats().createCalls, orderIds.length)
})

t.test('sync: an ambiguous create is failed, a resend is 409 and not sent, the manual retry sends it', async (t) => {
  const app = await appWithTwoTargets(t)
  const sim = app.kibo.simulator!
  const event = withExternalId(loadTranslatedExample('seed-sample-usd'), 'TT-AMB-SYNC')
  sim.faults.inject([{ kind: 'commit-then-fail', route: 'createOrder', then: 500 }])
  const first = await post(app, trKey, '/v1/orders', event)
  t.equal(first.statusCode, 502, first.body)
  t.match(first.json().detail, /no way to look it up/)
  const { importId } = first.json()
  t.equal(sim.translated.orders('TT-AMB-SYNC').length, 1, 'Kibo created it, the answer was lost')
  t.match(await app.imports.getImport(importId), { status: 'failed', lastError: { kind: 'ambiguous', reason: 'outcome_unknown' } })

  const resend = await post(app, trKey, '/v1/orders', event)
  t.equal(resend.statusCode, 409, resend.body)
  t.match(resend.json(), { type: /translated-outcome-unknown$/, importId })
  t.match(resend.json().detail, new RegExp(`/v1/imports/${importId}/retry`))
  const asyncResend = await post(app, trKey, '/v1/orders?mode=async', event)
  t.equal(asyncResend.statusCode, 409, 'an async resend is refused too')
  t.equal(sim.translated.stats().createCalls, 1, 'never sent a second time')

  // The operator found it in Kibo… here: deletes it, and asks for the retry.
  sim.translated.reset()
  const retry = await app.inject({ method: 'POST', url: `/v1/imports/${importId}/retry`, headers: { authorization: `Bearer ${trKey}` } })
  t.equal(retry.statusCode, 202, retry.body)
  const done = await settled(app, trKey, importId)
  t.equal(done.status, 'imported', JSON.stringify(done))
  t.equal(sim.translated.orders('TT-AMB-SYNC').length, 1, 'the retry sent it')
})

t.test('async: an ambiguous create is dead outcome_unknown, never sent again until the manual retry', async (t) => {
  const app = await appWithTwoTargets(t)
  const sim = app.kibo.simulator!
  const event = withExternalId(loadTranslatedExample('seed-sample-usd'), 'TT-AMB-ASYNC')
  sim.faults.inject([{ kind: 'commit-then-fail', route: 'createOrder', then: 'reset' }])
  const accepted = await post(app, trKey, '/v1/orders?mode=async', event)
  t.equal(accepted.statusCode, 202, accepted.body)
  const { importId } = accepted.json()
  const dead = await settled(app, trKey, importId)
  t.equal(dead.status, 'dead')
  const record = await app.imports.getImport(importId)
  t.match(record?.lastError, { kind: 'ambiguous', reason: 'outcome_unknown' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.equal(sim.translated.orders('TT-AMB-ASYNC').length, 1, 'one order, never a second')
  t.equal(sim.translated.stats().createCalls, 1)

  const resend = await post(app, trKey, '/v1/orders', event)
  t.equal(resend.statusCode, 409)
  t.equal(sim.translated.stats().createCalls, 1)

  const retry = await app.inject({ method: 'POST', url: `/v1/imports/${importId}/retry`, headers: { authorization: `Bearer ${trKey}` } })
  t.equal(retry.statusCode, 202, retry.body)
  const after = await settled(app, trKey, importId)
  t.equal(sim.translated.stats().createCalls, 2, 'the manual retry sent it again')
  t.equal(after.status, 'failed', 'the simulator refuses the duplicate externalOrderID (409): Kibo has it')
})

t.test('a worker that died mid-send: the next lease does not send', async (t) => {
  const app = await appWithTwoTargets(t)
  const sim = app.kibo.simulator!
  const tenant = app.tenants.byName('translated-shop')!
  const event = withExternalId(loadTranslatedExample('seed-sample-usd'), 'TT-DIED')
  // A worker takes the import and dies before recording anything.
  const claim = await app.imports.claimImport({
    tenantId: tenant.tenantId,
    siteId: tenant.siteId,
    externalId: 'TT-DIED',
    payloadHash: 'h',
    event,
    mode: 'async',
    leaseOwner: 'x',
    leaseMs: 1000
  })
  t.equal(claim.outcome, 'claimed')
  const leased = await app.imports.leaseImport(claim.record.importId, 'dead-worker', 1)
  t.ok(leased)
  await new Promise((resolve) => setTimeout(resolve, 20))
  await app.importWorker.processImport(claim.record.importId)
  const record = await app.imports.getImport(claim.record.importId)
  t.equal(record?.status, 'dead')
  t.match(record?.lastError, { reason: 'outcome_unknown' })
  t.equal(sim.translated.stats().createCalls, 0, 'not sent')
})

t.test('restrictions are refused for a translated-v2 tenant (the translated API has none)', async (t) => {
  const app = await appWithTwoTargets(t)
  const event = withExternalId(loadTranslatedExample('seed-sample-usd'), 'TR-RESTRICT')
  event.data.restrictions = { edit: true }
  for (const url of ['/v1/orders', '/v1/orders?mode=async', '/v1/orders/preview']) {
    const refused = await post(app, trKey, url, event)
    t.equal(refused.statusCode, 422, `${url}: ${refused.body}`)
    t.match(refused.json(), { type: /translated-unsupported/, errors: [{ path: 'data.restrictions' }] })
  }
  t.equal(app.kibo.simulator!.translated.orders().length, 0, 'nothing was sent')
})

t.test('Create Order Authorize: authorized once per payment, its authToken feeds the create', async (t) => {
  const app = await appWithTwoTargets(t)
  const simulator = app.kibo.simulator!
  const event = withExternalId(loadTranslatedExample('seed-sample-usd'), 'TR-AUTH-1')
  const authorized = await post(app, trKey, '/v1/orders/authorize', event)
  t.equal(authorized.statusCode, 201, authorized.body)
  const auth = authorized.json()
  t.match(auth, { externalId: 'TR-AUTH-1', paymentIndex: 0, orderID: Number, authToken: String })
  const again = await post(app, trKey, '/v1/orders/authorize', event)
  t.equal(again.statusCode, 200, 'a repeat answers from the store')
  t.equal(again.headers['idempotent-replayed'], 'true')
  t.same(again.json(), auth)
  t.equal(simulator.translated.authorizations().length, 1, 'the payment was authorized once')

  const imported = await post(app, trKey, '/v1/orders', event)
  t.equal(imported.statusCode, 201, imported.body)
  const [order] = simulator.translated.orders().filter((stored) => stored.externalOrderID === 'TR-AUTH-1')
  t.equal(order.authToken, auth.authToken, "the create sent the authorization's token as authorizationID")
  t.equal(order.orderID, auth.orderID, "and the order took the authorization's orderID")
  t.equal(imported.json().kiboOrderId, String(auth.orderID))

  const late = await post(app, trKey, '/v1/orders/authorize?paymentIndex=1', event)
  t.equal(late.statusCode, 409, 'no authorization after the import')
  const oms = await post(app, omsKey, '/v1/orders/authorize', event)
  t.equal(oms.statusCode, 409, 'OMS tenants take pre-authorized payments')
  t.match(oms.json(), { type: /not-translated-target/ })
})
