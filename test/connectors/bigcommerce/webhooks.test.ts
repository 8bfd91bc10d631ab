// BigCommerce → Kibo through HTTP, against the BigCommerce API stand-in and the built-in Kibo
// simulator, on PGlite and PostgreSQL: signed deliveries, every fixture imported once with Kibo's
// total = total_inc_tax and Σ payments = total; duplicates (same body hash, both scopes); status
// rules (not importable yet, then imported on a later status update; never for Incomplete);
// refused deliveries storing nothing; a lost webhook found by the reconciliation; throttling and
// 5xx retried without doubles; an unmappable order failed, then retried; preview; custom header.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from '../../helper.ts'
import { fastDelivery, waitFor } from '../../observability/support.ts'
import { eachDatabase } from '../../support/databases.ts'
import { rfc2822, startBigCommerceSimulator, type BigCommerceSimulator, type Delivery } from '../../../src/storefront-simulators/bigcommerce/index.ts'
import { Decimal, roundToMinorUnits, sum } from '../../../src/mapping/money.ts'
import { bundleNames, loadBundle } from './fixtures.ts'

const STORE = { storeHash: 'abc123', accessToken: 'bc-access-token-for-tests-0001', clientSecret: 'bc-app-client-secret-for-tests' }
const SOURCE = `bigcommerce:${STORE.storeHash}`
const PREFIX = 'BC-'

function env (sim: BigCommerceSimulator, extra: Record<string, string> = {}) {
  return {
    ...fastDelivery,
    BIGCOMMERCE_STORE_HASH: STORE.storeHash,
    BIGCOMMERCE_ACCESS_TOKEN: STORE.accessToken,
    BIGCOMMERCE_CLIENT_SECRET: STORE.clientSecret,
    BIGCOMMERCE_API_URL: sim.apiUrl(STORE.storeHash),
    BIGCOMMERCE_GATEWAYS: JSON.stringify({ authorizenet: 'authorizenet' }),
    BIGCOMMERCE_RECONCILE_INTERVAL_MS: '0',
    ...extra
  }
}

const deliver = (app: FastifyInstance, delivery: Delivery) =>
  app.inject({ method: 'POST', url: '/v1/connectors/bigcommerce/webhooks', headers: delivery.headers, payload: delivery.body })

async function importsOf (app: FastifyInstance, externalId: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/v1/imports?source=${encodeURIComponent(SOURCE)}&externalId=${encodeURIComponent(externalId)}`
  })
  return response.json().items as Array<{ importId: string; status: string; source: string; lastError: any }>
}

const imported = (app: FastifyInstance, externalId: string, timeoutMs = 30_000) =>
  waitFor(
    `${externalId} imported`,
    async () => {
      const items = await importsOf(app, externalId)
      return items.length === 1 && items[0].status === 'imported' ? items[0] : null
    },
    timeoutMs
  )

const deliveries = async (app: FastifyInstance) =>
  (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM kibo_bridge.connector_deliveries')).rows[0].n

function checkKibo (t: Test, app: FastifyInstance, raw: any) {
  const externalId = `${PREFIX}${raw.order.id}`
  const orders = app.kibo.simulator!.orders(externalId)
  t.equal(orders.length, 1, `${externalId}: one Kibo order`)
  const order = orders[0] as any
  const total = roundToMinorUnits(raw.order.total_inc_tax, raw.order.default_currency_code)
  t.ok(new Decimal(String(order.total)).equals(total), `${externalId}: Kibo total ${order.total} = total_inc_tax ${raw.order.total_inc_tax}`)
  if (!total.isZero()) {
    const payments = (order.payments ?? []) as Array<{ amountRequested: number }>
    t.ok(sum(payments.map((payment) => String(payment.amountRequested))).equals(total), `${externalId}: Σ payments = total`)
  }
}

/** A fixture with another order id (tests that change an order do not touch the others). */
function fixtureAs (name: string, id: number, change: (raw: any) => void = () => {}) {
  const raw = loadBundle(name)
  raw.order.id = id
  raw.order.date_modified = rfc2822(new Date())
  for (const product of raw.products) product.order_id = id
  change(raw)
  return raw
}

t.test('BigCommerce connector over HTTP', async (t) => {
  await eachDatabase(t, async (t, fresh) => {
    // A short rate-limit window, so a 429's X-Rate-Limit-Time-Reset-Ms is waited out within the test.
    const sim = await startBigCommerceSimulator({ stores: [STORE], windowMs: 2000 })
    t.teardown(() => sim.close())
    const app = await buildTestApp(t, env(sim), { database: fresh.db })

    await t.test('every fixture: one Kibo order, total = total_inc_tax, Σ payments = total', async (t) => {
      const fixtures = bundleNames().map(loadBundle)
      for (const raw of fixtures) sim.putOrder(STORE.storeHash, raw)
      for (const raw of fixtures) {
        const response = await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', raw.order.id))
        t.equal(response.statusCode, 202, `${raw.order.id}: ${response.body}`)
        t.equal(response.json().status, 'accepted')
      }
      for (const raw of fixtures) {
        const view = await imported(app, `${PREFIX}${raw.order.id}`)
        t.equal(view.source, SOURCE)
        checkKibo(t, app, raw)
      }
    })

    await t.test('duplicates: the same body hash again, then statusUpdated for the order: one import', async (t) => {
      const raw = fixtureAs('multiple-items-usd', 5001)
      sim.putOrder(STORE.storeHash, raw)
      const createdAt = Math.floor(Date.now() / 1000)
      const first = await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5001, { createdAt }))
      t.equal(first.statusCode, 202)
      const again = await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5001, { createdAt }))
      t.equal(again.statusCode, 200)
      t.equal(again.json().status, 'duplicate')
      const updated = await deliver(
        app,
        sim.webhook(STORE.storeHash, 'store/order/statusUpdated', 5001, { status: { previous_status_id: 11, new_status_id: 9 } })
      )
      t.equal(updated.statusCode, 200)
      t.match(updated.json().reason, /already received/)
      await imported(app, `${PREFIX}5001`)
      checkKibo(t, app, raw)
    })

    await t.test('status rules: not importable yet, imported on the status update that makes it so; Incomplete never', async (t) => {
      const raw = fixtureAs('multiple-items-usd', 5002, (r) => {
        r.order.status_id = 7
        r.order.status = 'Awaiting Payment'
      })
      sim.putOrder(STORE.storeHash, raw)
      const created = await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5002))
      t.equal(created.statusCode, 202, 'created carries no status: the fetched order decides')
      await waitFor('the fetch skipped it', async () => {
        const { rows } = await app.db.query<{ last_error: any }>(
          "SELECT last_error FROM kibo_bridge.connector_orders WHERE platform = 'bigcommerce' AND order_key = '5002'"
        )
        return rows[0]?.last_error?.skipped === true ? rows[0] : null
      })
      t.same(await importsOf(app, `${PREFIX}5002`), [], 'Awaiting Payment: not imported')
      const toPending = await deliver(
        app,
        sim.webhook(STORE.storeHash, 'store/order/statusUpdated', 5002, { status: { previous_status_id: 0, new_status_id: 7 } })
      )
      t.equal(toPending.statusCode, 200)
      t.equal(toPending.json().status, 'skipped')
      t.match(toPending.json().reason, /Awaiting Payment \(7\) is not importable/)

      sim.setStatus(STORE.storeHash, 5002, 11)
      const paid = await deliver(
        app,
        sim.webhook(STORE.storeHash, 'store/order/statusUpdated', 5002, { status: { previous_status_id: 7, new_status_id: 11 } })
      )
      t.equal(paid.statusCode, 200)
      await imported(app, `${PREFIX}5002`)
      t.equal(app.kibo.simulator!.orders(`${PREFIX}5002`).length, 1)

      const incomplete = fixtureAs('pickup-usd', 5003, (r) => {
        r.order.status_id = 0
      })
      sim.putOrder(STORE.storeHash, incomplete)
      t.equal((await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5003))).statusCode, 202)
      const reconciled = await app.inject({ method: 'POST', url: `/v1/connectors/bigcommerce/${STORE.storeHash}/reconcile`, payload: {} })
      t.equal(reconciled.statusCode, 200, reconciled.body)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      t.same(await importsOf(app, `${PREFIX}5003`), [], 'Incomplete: never imported')
    })

    await t.test('refused, nothing stored: bad signature, unknown store, unsigned, stale timestamp, not JSON', async (t) => {
      const raw = fixtureAs('pickup-usd', 5004)
      sim.putOrder(STORE.storeHash, raw)
      const before = await deliveries(app)
      const good = sim.webhook(STORE.storeHash, 'store/order/created', 5004)
      const cases: Array<[string, Delivery]> = [
        ['bad signature', sim.webhook(STORE.storeHash, 'store/order/created', 5004, { signWith: 'another-apps-client-secret' })],
        ['unsigned', sim.webhook(STORE.storeHash, 'store/order/created', 5004, { unsigned: true })],
        ['body changed after signing', { headers: good.headers, body: good.body.replace('5004', '5005') }],
        ['unknown store', { headers: good.headers, body: good.body.replace(`stores/${STORE.storeHash}`, 'stores/zzz999') }],
        ['stale timestamp', { headers: { ...good.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) }, body: good.body }]
      ]
      for (const [what, delivery] of cases) {
        const response = await deliver(app, delivery)
        t.equal(response.statusCode, 401, `${what}: ${response.body}`)
        t.match(response.headers['content-type'], /application\/problem\+json/)
      }
      t.equal(await deliveries(app), before, 'no delivery stored')
      t.same(await importsOf(app, `${PREFIX}5004`), [])
    })

    await t.test('a lost webhook: the reconciliation finds the order, once', async (t) => {
      const raw = fixtureAs('split-tender-usd', 5006)
      sim.putOrder(STORE.storeHash, raw)
      const since = new Date(Date.now() - 3_600_000).toISOString()
      const run = await app.inject({ method: 'POST', url: `/v1/connectors/bigcommerce/${STORE.storeHash}/reconcile`, payload: { since } })
      t.equal(run.statusCode, 200, run.body)
      t.ok(run.json().foundWithoutWebhook >= 1)
      await imported(app, `${PREFIX}5006`)
      const again = await app.inject({ method: 'POST', url: `/v1/connectors/bigcommerce/${STORE.storeHash}/reconcile`, payload: { since } })
      t.equal(again.json().foundWithoutWebhook, 0, 'a second run finds nothing new')
      checkKibo(t, app, raw)
      const stores = await app.inject({ method: 'GET', url: '/v1/connectors' })
      t.match(stores.json().stores, [{ platform: 'bigcommerce', store: STORE.storeHash, reconcile: { lastRunStatus: 'ok' } }])
    })

    await t.test('throttling, 5xx and reset connections are retried: one import', async (t) => {
      const raw = fixtureAs('tax-inclusive-gbp', 5007)
      sim.putOrder(STORE.storeHash, raw)
      const faultsBefore = sim.stats.faults
      sim.fault('429', 1, '/orders/5007')
      sim.fault('500', 2, '/orders/5007')
      sim.fault('reset', 1, '/orders/5007/taxes')
      sim.fault('503', 1, '/orders/5007/transactions')
      const response = await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5007))
      t.equal(response.statusCode, 202)
      await imported(app, `${PREFIX}5007`)
      t.equal(sim.stats.faults - faultsBefore, 5, 'every fault was met')
      checkKibo(t, app, raw)
    })

    await t.test('an order that does not add up fails with the figures; fixed and retried, it imports', async (t) => {
      const raw = fixtureAs('multiple-items-usd', 5008, (r) => {
        r.order.total_ex_tax = '940.0000'
        r.order.total_inc_tax = '1016.8800'
      })
      sim.putOrder(STORE.storeHash, raw)
      t.equal((await deliver(app, sim.webhook(STORE.storeHash, 'store/order/created', 5008))).statusCode, 202)
      const failed = await waitFor('failed import', async () => {
        const items = await importsOf(app, `${PREFIX}5008`)
        return items.length === 1 && items[0].status === 'failed' ? items[0] : null
      })
      t.match(JSON.stringify(failed.lastError), /not accounted for/)
      sim.putOrder(STORE.storeHash, fixtureAs('multiple-items-usd', 5008))
      const retry = await app.inject({ method: 'POST', url: `/v1/imports/${failed.importId}/retry` })
      t.ok([200, 202].includes(retry.statusCode), retry.body)
      await imported(app, `${PREFIX}5008`)
      t.equal(app.kibo.simulator!.orders(`${PREFIX}5008`).length, 1)
    })

    await t.test('preview: the event and the Kibo payload, nothing stored', async (t) => {
      const raw = fixtureAs('coupon-fees-cash-usd', 5009)
      const response = await app.inject({ method: 'POST', url: '/v1/connectors/bigcommerce/preview', payload: raw })
      t.equal(response.statusCode, 200, response.body)
      t.equal(response.json().event.data.total, '93.36')
      t.equal(response.json().kiboOrder.total, 93.36)
      t.same(await importsOf(app, `${PREFIX}5009`), [], 'preview stores nothing')
    })
  })
})

t.test('an older hook with a secret custom header', async (t) => {
  const sim = await startBigCommerceSimulator({ stores: [STORE] })
  t.teardown(() => sim.close())
  const app = await buildTestApp(
    t,
    env(sim, { BIGCOMMERCE_WEBHOOK_HEADER_NAME: 'X-Bridge-Secret', BIGCOMMERCE_WEBHOOK_HEADER_VALUE: 'a-long-random-hook-secret-value' })
  )
  const raw = loadBundle('pickup-usd')
  sim.putOrder(STORE.storeHash, raw)
  const wrong = await deliver(
    app,
    sim.webhook(STORE.storeHash, 'store/order/created', raw.order.id, { unsigned: true, headers: { 'x-bridge-secret': 'wrong-value-wrong-value' } })
  )
  t.equal(wrong.statusCode, 401)
  const right = await deliver(
    app,
    sim.webhook(STORE.storeHash, 'store/order/created', raw.order.id, {
      unsigned: true,
      headers: { 'x-bridge-secret': 'a-long-random-hook-secret-value' }
    })
  )
  t.equal(right.statusCode, 202, right.body)
  await imported(app, `${PREFIX}${raw.order.id}`)
  checkKibo(t, app, raw)
})
