// Shopify → Kibo through HTTP, against the Shopify Admin API stand-in and the built-in Kibo
// simulator, on PGlite and PostgreSQL: signed deliveries, every fixture imported once with Kibo's
// total = current_total_price and Σ payments = total, duplicates (same event, create + paid, old
// retries), refused deliveries storing nothing, a lost webhook found by the reconciler, throttling
// and 5xx retried without doubles, an unmappable order failed then retried, a 600-line order paged
// in whole, a 2 MiB delivery under WEBHOOK_BODY_LIMIT, an order past the 10,000-line bound failed
// naming it, preview, GET /v1/connectors.
import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { randomUUID } from 'node:crypto'
import { buildTestApp, fastWorker } from '../../support/app.ts'
import { waitFor } from '../../support/wait.ts'
import { eachDatabase } from '../../support/databases.ts'
import { startShopifySimulator, type ShopifySimulator } from '../../../src/storefront-simulators/shopify/index.ts'
import { shopifySignature } from '../../../src/connectors/shopify/webhook.ts'
import { Decimal, sum } from '../../../src/mapping/money.ts'
import { MAX_ORDER_ITEMS } from '../../../schemas/order-event.ts'
import { derive, largeOrder, sample, SAMPLE_TEXT, testOrder, variants, type Fixture } from './fixtures.ts'

const SHOP = 'acme.myshopify.com'
const SECRETS = ['old-client-secret-being-rotated', 'new-client-secret']
const TOKEN = 'shpat_test_token_0123456789'
const SOURCE = `shopify:${SHOP}`

function env (sim: ShopifySimulator, extra: Record<string, string> = {}) {
  return {
    ...fastWorker,
    SHOPIFY_SHOP_DOMAIN: SHOP,
    SHOPIFY_WEBHOOK_SECRETS: SECRETS.join(','),
    SHOPIFY_ACCESS_TOKEN: TOKEN,
    SHOPIFY_ADMIN_API_URL: sim.adminApiUrl(SHOP),
    SHOPIFY_GATEWAYS: JSON.stringify({ shopify_payments: 'cybersource', gift_card: 'noop' }),
    SHOPIFY_RECONCILE_INTERVAL_MS: '0',
    ...extra
  }
}

interface DeliveryOptions {
  topic?: string
  eventId?: string
  secret?: string
  shop?: string
  triggeredAt?: string
  hmac?: string
}

function deliver (app: FastifyInstance, body: string, options: DeliveryOptions = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/connectors/shopify/webhooks',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': options.topic ?? 'orders/paid',
      'x-shopify-shop-domain': options.shop ?? SHOP,
      'x-shopify-hmac-sha256': options.hmac ?? shopifySignature(options.secret ?? SECRETS[1], body),
      'x-shopify-event-id': options.eventId ?? randomUUID(),
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-api-version': '2025-07',
      'x-shopify-triggered-at': options.triggeredAt ?? new Date().toISOString()
    },
    payload: body
  })
}

async function importsOf (app: FastifyInstance, externalId: string) {
  const query = `source=${encodeURIComponent(SOURCE)}&externalId=${encodeURIComponent(externalId)}`
  const response = await app.inject({ method: 'GET', url: `/v1/imports?${query}` })
  return response.json().items as Array<{ importId: string; status: string; source: string; lastError: any }>
}

const imported = (app: FastifyInstance, externalId: string, timeoutMs = 30_000) =>
  waitFor(`${externalId} imported`, async () => {
    const items = await importsOf(app, externalId)
    return items.length === 1 && items[0].status === 'imported' ? items[0] : null
  }, timeoutMs)

function checkKibo (t: Test, app: FastifyInstance, fixture: Fixture) {
  const orders = app.kibo.simulator!.orders(fixture.rest.name)
  t.equal(orders.length, 1, `${fixture.name}: one Kibo order`)
  const order = orders[0] as any
  const expected = fixture.total.presentment
  t.ok(new Decimal(String(order.total)).equals(expected), `${fixture.name}: Kibo total ${order.total} = ${expected}`)
  const payments = (order.payments ?? []) as Array<{ amountRequested: number }>
  if (!new Decimal(fixture.total.presentment).isZero()) {
    const paid = sum(payments.map((payment) => String(payment.amountRequested)))
    t.ok(paid.equals(expected), `${fixture.name}: Σ payments ${paid.toString()} = total`)
  }
}

t.test('Shopify connector over HTTP', async (t) => {
  await eachDatabase(t, async (t, fresh) => {
    const sim = await startShopifySimulator({ shops: { [SHOP]: TOKEN } })
    t.teardown(() => sim.close())
    const app = await buildTestApp(t, env(sim), { database: fresh.db })

    await t.test('every fixture: one Kibo order, total = current_total_price, Σ payments = total', async (t) => {
      const fixtures = variants()
      for (const fixture of fixtures) sim.putOrder(SHOP, fixture.rest, fixture)
      for (const fixture of fixtures) {
        const response = await deliver(app, JSON.stringify(fixture.rest))
        t.equal(response.statusCode, 202, `${fixture.name}: ${response.body}`)
        t.equal(response.json().status, 'accepted')
      }
      for (const fixture of fixtures) {
        const view = await imported(app, fixture.rest.name)
        t.equal(view.source, SOURCE)
        checkKibo(t, app, fixture)
      }
    })

    await t.test('duplicates: same event, create then paid, an old retry: one import', async (t) => {
      const fixture = variants()[0]
      sim.putOrder(SHOP, fixture.rest, fixture)
      const body = JSON.stringify(fixture.rest)
      const eventId = randomUUID()
      const first = await deliver(app, body, { topic: 'orders/create', eventId })
      t.equal(first.statusCode, 202)
      const again = await deliver(app, body, { topic: 'orders/create', eventId })
      t.equal(again.statusCode, 200)
      t.equal(again.json().status, 'duplicate')
      const paid = await deliver(app, body, { topic: 'orders/paid' })
      t.equal(paid.statusCode, 200)
      t.match(paid.json().reason, /already received/)
      const old = await deliver(app, body, { eventId, topic: 'orders/create', triggeredAt: new Date(Date.now() - 3_600_000).toISOString() })
      t.equal(old.json().status, 'duplicate')
      await imported(app, fixture.rest.name)
      checkKibo(t, app, fixture)
    })

    await t.test('refused, nothing stored: bad HMAC, unknown shop, stale; skipped with a reason: test, unpaid, other topic', async (t) => {
      const fixture = variants()[0]
      const body = JSON.stringify(fixture.rest)
      const count = async () =>
        (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM kibo_bridge.connector_deliveries')).rows[0].n
      const before = await count()
      const bad = await deliver(app, body, { secret: 'not-the-secret' })
      t.equal(bad.statusCode, 401)
      t.match(bad.headers['content-type'], /application\/problem\+json/)
      t.equal((await deliver(app, body, { shop: 'other.myshopify.com' })).statusCode, 401)
      t.equal((await deliver(app, body, { triggeredAt: new Date(Date.now() - 13 * 3_600_000).toISOString() })).statusCode, 401)
      const changed = await deliver(app, body.replace('"paid"', '"pending"'), { hmac: shopifySignature(SECRETS[1], body) })
      t.equal(changed.statusCode, 401, 'a changed body fails')
      t.equal(await count(), before, 'nothing stored')
      t.equal((await deliver(app, body, { secret: SECRETS[0] })).statusCode, 202, 'the old secret still verifies during a rotation')

      const test = testOrder()
      const skipped = await deliver(app, JSON.stringify(test.rest))
      t.equal(skipped.statusCode, 200)
      t.match(skipped.json(), { status: 'skipped', reason: /test order/ })
      const unpaid = variants()[1]
      unpaid.rest.financial_status = 'pending'
      const unpaidAnswer = await deliver(app, JSON.stringify(unpaid.rest), { topic: 'orders/create' })
      t.match(unpaidAnswer.json(), { status: 'skipped', reason: /not paid/ })
      t.match((await deliver(app, '{"id":1}', { topic: 'products/update' })).json(), { status: 'skipped', reason: /not an order topic/ })
      t.equal((await deliver(app, SAMPLE_TEXT, { topic: 'orders/create' })).json().status, 'skipped', "Shopify's own sample: a test order")
    })

    await t.test('a lost webhook is found by the reconciler; throttling and 5xx are retried without doubles', async (t) => {
      const lost = variants().slice(2, 5)
      for (const fixture of lost) sim.putOrder(SHOP, fixture.rest, fixture)
      // Shopify's smallest bucket (1,000 points) against queries of up to 789 points: every other query
      // is throttled; a fast restore rate keeps the waits short.
      sim.throttle({ maximumAvailable: 1000, restoreRate: 2000 })
      sim.failNext(2, 503)
      const response = await app.inject({
        method: 'POST',
        url: `/v1/connectors/shopify/${SHOP}/reconcile`,
        payload: { since: new Date(Date.now() - 3_600_000).toISOString() }
      })
      t.equal(response.statusCode, 200, response.body)
      t.ok(response.json().foundWithoutWebhook >= lost.length, `found ${response.json().foundWithoutWebhook}`)
      for (const fixture of lost) {
        await imported(app, fixture.rest.name)
        checkKibo(t, app, fixture)
      }
      t.ok(sim.stats.throttled > 0, `throttled ${sim.stats.throttled} times`)
      sim.throttle(null)
      const again = await app.inject({ method: 'POST', url: `/v1/connectors/shopify/${SHOP}/reconcile`, payload: {} })
      t.equal(again.json().foundWithoutWebhook, 0, 'a second run finds nothing new')
      for (const fixture of lost) {
        const late = await deliver(app, JSON.stringify(fixture.rest))
        t.equal(late.json().status, 'duplicate', 'the webhook arriving after the reconciler is a duplicate')
      }
      const stores = (await app.inject({ method: 'GET', url: '/v1/connectors' })).json()
      t.equal(stores.stores.length, 1)
      t.match(stores.stores[0], { platform: 'shopify', store: SHOP, reconcile: { lastRunStatus: 'ok' } })
      t.ok(stores.stores[0].lastWebhookAt)
      t.ok(stores.stores[0].reconcile.foundWithoutWebhook >= lost.length)
    })

    await t.test('an order that does not add up is failed, visible in GET /v1/imports, and retried after it is fixed', async (t) => {
      const broken = derive({ id: 7_000_000_000 + Math.floor(Math.random() * 1e6), name: '#BROKEN-1', lines: [{ qty: 1, price: '10.00' }] })
      broken.rest.current_total_price_set.presentment_money.amount = '10.01'
      broken.rest.current_total_price_set.shop_money.amount = '10.01'
      sim.putOrder(SHOP, broken.rest, { ...broken, transactions: broken.transactions })
      t.equal((await deliver(app, JSON.stringify(broken.rest))).statusCode, 202)
      const failed = await waitFor('#BROKEN-1 failed', async () =>
        (await importsOf(app, '#BROKEN-1')).find((item) => item.status === 'failed'))
      t.match(JSON.stringify(failed.lastError), /current_total_price_set/)
      // Shopify's data is corrected (or the configuration changed): the operator retries.
      sim.putOrder(SHOP, derive({ id: Number(broken.orderKey), name: '#BROKEN-1', lines: [{ qty: 1, price: '10.00' }] }).rest, broken)
      const retry = await app.inject({ method: 'POST', url: `/v1/imports/${failed.importId}/retry` })
      t.equal(retry.statusCode, 202, retry.body)
      await imported(app, '#BROKEN-1')
      t.equal(app.kibo.simulator!.orders('#BROKEN-1').length, 1)
    })

    await t.test('a 600-line order: every line, paged to fit the query cost, reaches Kibo; total and payments to the cent', async (t) => {
      const fixture = largeOrder(600, 520)
      sim.putOrder(SHOP, fixture.rest, fixture)
      const before = { ...sim.stats.byOperation }
      const body = JSON.stringify(fixture.rest)
      const response = await deliver(app, body)
      t.equal(response.statusCode, 202, response.body)
      await imported(app, fixture.rest.name)
      checkKibo(t, app, fixture)
      const asked = Object.fromEntries(
        Object.entries(sim.stats.byOperation).map(([operation, n]) => [operation, n - (before[operation] ?? 0)])
      )
      t.match(
        asked,
        { OrderForImport: 1, OrderLineItems: 10, FulfillmentOrderLineItems: 3 },
        'one query per page: 20 + 9 × 60 + 40 lines, 10 + 250 + 250 + 10 pickup lines'
      )
      const kibo = app.kibo.simulator!.orders(fixture.rest.name)[0] as any
      const items = kibo.items as Array<{ quantity: number; fulfillmentMethod: string; product: { productCode: string } }>
      t.equal(items.length, 600, 'every line in the Kibo payload')
      t.same(items.map((item) => item.product.productCode), fixture.rest.line_items.map((line: any) => line.sku), 'in Shopify order')
      t.same(items.map((item) => item.quantity), fixture.rest.line_items.map((line: any) => line.quantity))
      t.same(
        items.map((item) => item.fulfillmentMethod),
        items.map((_, index) => (index < 520 ? 'Pickup' : 'Ship')),
        'the pickup lines from every page of the fulfillment order'
      )
    })

    await t.test('a 2 MiB delivery (1,800 lines) is accepted under WEBHOOK_BODY_LIMIT; /v1/orders keeps BODY_LIMIT', async (t) => {
      t.equal(app.config.bodyLimit, 1024 * 1024, 'BODY_LIMIT at its default, 1 MiB')
      t.equal(app.config.webhookBodyLimit, 16 * 1024 * 1024, 'WEBHOOK_BODY_LIMIT at its default, 16 MiB')
      const fixture = largeOrder(1_800)
      sim.putOrder(SHOP, fixture.rest, fixture)
      const body = JSON.stringify(fixture.rest)
      t.ok(Buffer.byteLength(body) > 2 * 1024 * 1024, `the body is ${Buffer.byteLength(body)} bytes`)
      const response = await deliver(app, body)
      t.equal(response.statusCode, 202, response.body.slice(0, 500))
      await imported(app, fixture.rest.name, 60_000)
      t.equal((app.kibo.simulator!.orders(fixture.rest.name)[0] as any).items.length, 1_800, 'every line imported')

      const orders = await app.inject({ method: 'POST', url: '/v1/orders', headers: { 'content-type': 'application/json' }, payload: body })
      t.equal(orders.statusCode, 413, 'the order API keeps BODY_LIMIT')
      t.match(orders.json().detail, /limit of 1048576 bytes \(BODY_LIMIT\)/)
      const huge = await deliver(app, 'x'.repeat(16 * 1024 * 1024 + 1))
      t.equal(huge.statusCode, 413, 'over WEBHOOK_BODY_LIMIT')
      t.match(huge.json().detail, /limit of 16777216 bytes \(WEBHOOK_BODY_LIMIT\)/)
    })

    await t.test(`an order past ${MAX_ORDER_ITEMS} lines: a failed import naming the order and the bound`, async (t) => {
      const fixture = largeOrder(MAX_ORDER_ITEMS + 1)
      sim.putOrder(SHOP, fixture.rest, fixture)
      // Found by the reconciler (as if its webhook had been lost): fetched, paged to the bound, refused.
      const response = await app.inject({
        method: 'POST',
        url: `/v1/connectors/shopify/${SHOP}/reconcile`,
        payload: { since: new Date(Date.now() - 3_600_000).toISOString() }
      })
      t.equal(response.statusCode, 200, response.body)
      const failed = await waitFor(`${fixture.rest.name} failed`, async () =>
        (await importsOf(app, fixture.rest.name)).find((item) => item.status === 'failed'))
      const error = JSON.stringify(failed.lastError)
      t.match(error, `Shopify order ${fixture.rest.name} (${fixture.orderKey})`)
      t.match(error, `has more than ${MAX_ORDER_ITEMS} lines; the connector reads at most ${MAX_ORDER_ITEMS}`)
      t.equal(app.kibo.simulator!.orders(fixture.rest.name).length, 0, 'nothing sent to Kibo')
    })

    await t.test('preview: event and Kibo payload, nothing stored', async (t) => {
      const fixture = variants()[5]
      const payload = { ...fixture.rest, transactions: fixture.transactions }
      const response = await app.inject({ method: 'POST', url: '/v1/connectors/shopify/preview', payload })
      t.equal(response.statusCode, 200, response.body)
      t.ok(new Decimal(response.json().event.data.total).equals(fixture.total.presentment), 'preview total = current_total_price')
      t.ok(response.json().kiboOrder)
      t.equal((await importsOf(app, fixture.rest.name)).length, 0)
      const assumed = await app.inject({ method: 'POST', url: '/v1/connectors/shopify/preview', payload: fixture.rest })
      t.equal(assumed.statusCode, 200)
      t.equal(assumed.json().assumptions.length, 1)
      const sampleResponse = await app.inject({ method: 'POST', url: '/v1/connectors/shopify/preview', payload: sample() })
      t.equal(sampleResponse.statusCode, 200, "Shopify's sample previews (a SALE of its current total assumed)")
      t.equal(sampleResponse.json().event.data.externalId, '#9999')
      const unpaid = await app.inject({ method: 'POST', url: '/v1/connectors/shopify/preview', payload: { ...sample(), transactions: [] } })
      t.equal(unpaid.statusCode, 422)
      t.equal(unpaid.json().errors[0].path, 'transactions')
    })
  })
})
