// The WooCommerce connector end to end, over HTTP: the stand-in store delivers signed webhooks to
// the listening app (and pings it), the app fetches each order from the stand-in's REST API and
// imports it into the built-in Kibo simulator. On PGlite and PostgreSQL:
//   - every fixture's Kibo order total is the WooCommerce order total to the cent;
//   - one Kibo order per WooCommerce order across duplicate deliveries and both topics;
//   - pending / checkout-draft orders are not imported; once processing, they are;
//   - an order whose webhook never arrived is found by the reconciliation;
//   - a delivery that fails verification (or names an unknown store) is 401 and stores nothing;
//   - the store API's 429, 5xx and dropped connections are retried without doubles.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, fastWorker } from '../../support/app.ts'
import { waitFor } from '../../support/wait.ts'
import { postgresUnavailable } from '../../support/databases.ts'
import { SCHEMA } from '../../../src/store/sql.ts'
import { startWooCommerceSimulator, type SimulatedOrder } from '../../../src/storefront-simulators/woocommerce/index.ts'
import { signWooCommerceBody } from '../../../src/connectors/woocommerce/webhook.ts'
import { fixtureNames, loadFixture } from './fixtures.ts'

const SECRET = 'woocommerce-webhook-secret-for-tests'

async function deliveriesStored (app: FastifyInstance): Promise<number> {
  const { rows } = await app.db.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM ${SCHEMA}.connector_deliveries WHERE platform = 'woocommerce'`
  )
  return Number(rows[0].n)
}

const kiboOrders = (app: FastifyInstance, orderId: number) => app.kibo.simulator!.orders(`WC-${orderId}`)

for (const kind of ['pglite', 'postgres'] as const) {
  t.test(kind, { skip: kind === 'postgres' ? ((await postgresUnavailable()) ?? false) : false }, async (t) => {
    const store = await startWooCommerceSimulator()
    t.teardown(() => store.close())
    const app = await buildTestApp(
      t,
      {
        ...fastWorker,
        WOOCOMMERCE_STORE_URL: store.url,
        WOOCOMMERCE_CONSUMER_KEY: store.consumerKey,
        WOOCOMMERCE_CONSUMER_SECRET: store.consumerSecret,
        WOOCOMMERCE_WEBHOOK_SECRETS: `old-secret-being-rotated-out,${SECRET}`,
        WOOCOMMERCE_RECONCILE_INTERVAL_MS: '0'
      },
      { databaseKind: kind }
    )
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' })
    const deliveryUrl = `${appUrl}/v1/connectors/woocommerce/webhooks`
    const storeId = store.url.replace('http://', '')

    // The hooks as a shop owner creates them: WooCommerce pings each, and needs exactly 200.
    store.addWebhook({ id: 11, topic: 'order.created', deliveryUrl, secret: SECRET })
    store.addWebhook({ id: 12, topic: 'order.updated', deliveryUrl, secret: SECRET })
    t.equal(await store.ping(11), true, 'the ping is answered 200')
    t.equal(await deliveriesStored(app), 0, 'a ping stores nothing')

    const fixtures = fixtureNames().map((name) => ({ name, order: loadFixture(name) }))
    const lost = fixtures.find((f) => f.name === 'split-tender-usd')!
    for (const { order } of fixtures) store.putOrder(order)

    // The store API misbehaves while the first deliveries are fetched.
    store.fault('429', 1, '/orders/')
    store.fault('500', 2, '/orders/')
    store.fault('reset', 1, '/orders/')

    for (const { order } of fixtures.filter((f) => f !== lost)) {
      const created = await store.fire('order.created', order.id)
      t.same(created.map((r) => r.status), [202], `order ${order.id}: order.created starts an import`)
      const updated = await store.fire('order.updated', order.id)
      t.same(updated.map((r) => r.status), [200], `order ${order.id}: order.updated of the same order is a duplicate`)
      const again = await store.fire('order.created', order.id)
      t.same(again.map((r) => r.status), [200], `order ${order.id}: a repeated delivery is a duplicate`)
    }

    // Not paid yet: recorded, not imported; imported once it is processing.
    const pending = { ...loadFixture('coupon-usd'), id: 801, number: '801', status: 'pending' } satisfies SimulatedOrder
    store.putOrder(pending)
    t.same((await store.fire('order.created', 801)).map((r) => r.status), [200], 'a pending order is answered 200 (skipped)')
    const draft = { ...loadFixture('coupon-usd'), id: 802, number: '802', status: 'checkout-draft' } satisfies SimulatedOrder
    store.putOrder(draft)
    t.same((await store.fire('order.created', 802)).map((r) => r.status), [200], 'a checkout-draft order is skipped')
    store.updateOrder(801, { status: 'processing', date_paid_gmt: '2017-03-22T19:30:00' })
    t.same((await store.fire('order.updated', 801)).map((r) => r.status), [202], 'processing now: imported')

    // Refused: wrong signature, unknown store; nothing stored.
    const before = await deliveriesStored(app)
    const body = JSON.stringify(store.order(727))
    const headers = {
      'content-type': 'application/json',
      'x-wc-webhook-source': `${store.url}/`,
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-id': '11',
      'x-wc-webhook-delivery-id': 'abc'
    }
    const forged = await app.inject({
      method: 'POST',
      url: '/v1/connectors/woocommerce/webhooks',
      headers: { ...headers, 'x-wc-webhook-signature': signWooCommerceBody(body, 'not-the-secret') },
      payload: body
    })
    t.equal(forged.statusCode, 401, forged.body)
    t.match(forged.json(), { type: /invalid-signature/, detail: /does not match/ })
    const tampered = await app.inject({
      method: 'POST',
      url: '/v1/connectors/woocommerce/webhooks',
      headers: { ...headers, 'x-wc-webhook-signature': signWooCommerceBody(body, SECRET) },
      payload: body.replace('"total":"29.35"', '"total":"0.01"')
    })
    t.equal(tampered.statusCode, 401, 'a body changed after signing is refused')
    const unsigned = await app.inject({ method: 'POST', url: '/v1/connectors/woocommerce/webhooks', headers, payload: body })
    t.equal(unsigned.statusCode, 401, 'no signature: refused')
    const stranger = await app.inject({
      method: 'POST',
      url: '/v1/connectors/woocommerce/webhooks',
      headers: { ...headers, 'x-wc-webhook-source': 'https://other.example.com/', 'x-wc-webhook-signature': signWooCommerceBody(body, SECRET) },
      payload: body
    })
    t.equal(stranger.statusCode, 401, 'an unknown store is refused')
    t.match(stranger.json(), { type: /unknown-store/ })
    t.equal(await deliveriesStored(app), before, 'refused deliveries store nothing')

    // Every delivered order is imported once, with WooCommerce's total to the cent.
    const delivered = fixtures.filter((f) => f !== lost).map((f) => f.order.id)
    await waitFor('every delivered order imported', () => [...delivered, 801].every((id) => kiboOrders(app, id).length === 1), 60_000)
    for (const { name, order } of fixtures.filter((f) => f !== lost)) {
      const [kibo] = kiboOrders(app, order.id)
      t.equal(Number(kibo.total).toFixed(2), String(order.total), `${name}: Kibo total = WooCommerce total`)
    }
    t.equal(kiboOrders(app, 802).length, 0, 'the checkout draft is not imported')
    t.ok(store.stats.faults >= 4, 'the 429, the 5xx and the reset were hit (and retried)')

    // The lost webhook: the reconciliation finds it.
    t.equal(kiboOrders(app, lost.order.id).length, 0)
    const reconcile = await app.connectors.reconcile('woocommerce', storeId)
    t.equal(reconcile.status, 'ok', JSON.stringify(reconcile))
    t.equal(reconcile.foundWithoutWebhook, 1, 'only the order no webhook brought is new')
    t.ok(reconcile.listed >= fixtures.length, 'the listing had every paid order')
    await waitFor('the lost order imported', () => kiboOrders(app, lost.order.id).length === 1, 60_000)
    t.equal(Number(kiboOrders(app, lost.order.id)[0].total).toFixed(2), String(lost.order.total), 'its total to the cent')
    const again = await app.connectors.reconcile('woocommerce', storeId)
    t.equal(again.foundWithoutWebhook, 0, 'a second run finds nothing new')

    // The preview: the event and Kibo payload of a WooCommerce order; a body that is not one is a 400 naming the field.
    const previewUrl = '/v1/connectors/woocommerce/preview'
    const preview = await app.inject({ method: 'POST', url: previewUrl, payload: loadFixture('tax-inclusive-gbp') })
    t.equal(preview.statusCode, 200, preview.body)
    t.equal(preview.json().event.data.total, '44.96')
    const notAnOrder = await app.inject({ method: 'POST', url: '/v1/connectors/woocommerce/preview', payload: { id: 1 } })
    t.equal(notAnOrder.statusCode, 400, notAnOrder.body)
    t.match(notAnOrder.json(), { detail: /status/ })

    // No doubles anywhere.
    const counts = app.kibo.simulator!.stats().ordersByExternalId
    t.ok(Object.values(counts).every((n) => n === 1), JSON.stringify(counts))
    const views = await app.inject({ method: 'GET', url: '/v1/imports?source=' + encodeURIComponent(`woocommerce:${storeId}`) })
    t.equal(views.statusCode, 200)
    const imports = views.json().items as Array<{ externalId: string; status: string }>
    t.equal(imports.length, fixtures.length + 1, 'every import is listed under the store\'s source')
    t.ok(imports.every((view) => view.status === 'imported'))
  })
}
