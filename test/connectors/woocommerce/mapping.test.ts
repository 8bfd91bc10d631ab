// WooCommerce order → Normalized Order Event v1 (pure), and the connector's own rules: every
// fixture's event is valid, reconciles and totals WooCommerce's `total` exactly; fulfillment,
// payments and discounts; orders that do not add up are refused with the figures; the store
// configuration (TENANTS_FILE entry, WOOCOMMERCE_*), the delivery signature and the ping.
import t from 'tap'
import { OrderEventSchema } from '../../../schemas/order-event.ts'
import { reconcileTotals } from '../../../src/mapping/reconcile.ts'
import { sum } from '../../../src/mapping/money.ts'
import { WcOrderSchema } from '../../../src/connectors/woocommerce/api-types.ts'
import { mapWooCommerceOrder } from '../../../src/connectors/woocommerce/map-order.ts'
import { loadConfig } from '../../../src/config/config.ts'
import { storeIdOf } from '../../../src/connectors/woocommerce/config.ts'
import {
  classifyWooCommerceDelivery,
  pingWebhookId,
  signWooCommerceBody,
  verifyWooCommerceDelivery
} from '../../../src/connectors/woocommerce/webhook.ts'
import { fixtureNames, loadFixture } from './fixtures.ts'

const options = { store: 'shop.example.com', externalIdPrefix: 'WC-', gateways: { 'ppcp-gateway': 'paypal' as const } }

const map = (raw: unknown) => {
  const mapped = mapWooCommerceOrder(WcOrderSchema.parse(raw), options)
  if (!mapped.ok) throw new Error(mapped.reason)
  return OrderEventSchema.parse(mapped.event)
}

for (const name of fixtureNames()) {
  t.test(`${name}: valid event, exact totals`, async (t) => {
    const raw = loadFixture(name)
    const event = map(raw)
    const reconciliation = reconcileTotals(event.data)
    t.ok(reconciliation.ok, `reconciles: ${JSON.stringify(reconciliation)}`)
    t.equal(event.data.currency, raw.currency)
    t.equal(Number(event.data.total).toFixed(2), raw.total, 'total = WooCommerce total')
    t.equal(sum((event.data.payments ?? []).map((p) => p.amount)).toFixed(2), Number(event.data.total).toFixed(2), 'payments add up')
    t.equal(event.data.externalId, `WC-${raw.id}`)
  })
}

t.test('fulfillment, discounts, tax-inclusive prices, payments', async (t) => {
  const docs = map(loadFixture('docs/order-retrieve.example'))
  t.same(docs.data.items.map((i) => [i.sku, i.variantSku, i.unitPrice, i.quantity, i.tax]), [
    ['woocommerce-product-93', undefined, '3', 2, '0.45'],
    ['Bar3', 'woocommerce-variation-23', '12', 1, '0.9']
  ])
  t.match(docs.data.shipTo, { address: { line1: '969 Market', country: 'US' } })
  t.match(docs.data.shippingMethod, { code: 'flat_rate', name: 'Flat Rate' })
  t.match(docs.data.payments, [{ gateway: 'noop', amount: '29.35' }])
  t.notOk((docs.data.payments![0] as { transactionId?: string }).transactionId, 'bacs: no transaction id')

  const coupon = map(loadFixture('coupon-usd'))
  t.same(coupon.data.items.map((i) => i.discount), ['0.6', '1.2'], 'subtotal − total: the coupon on each line')
  t.match(coupon.data.payments, [{ gateway: 'noop', transactionId: 'ch_3Oabc123DEF456', capture: { transactionId: 'ch_3Oabc123DEF456' } }])

  const gbp = map(loadFixture('tax-inclusive-gbp'))
  t.same(
    gbp.data.items.map((i) => [i.unitPrice, i.discount, i.tax]),
    [
      ['8.33', '0', '1.67'],
      ['8.33', '0.01', '4.99']
    ],
    '24.98 ex tax for 3: 8.33 each and 0.01 off, nothing rounded twice'
  )
  t.match(gbp.data.attributes, { 'woocommerce.pricesIncludeTax': 'true' })

  const pickup = map(loadFixture('pickup-usd'))
  t.same(pickup.data.items[0].fulfillment, { method: 'Pickup', locationCode: 'Downtown Store' })
  t.notOk(pickup.data.shipTo)

  const zero = map(loadFixture('zero-total-usd'))
  t.same(zero.data.payments, [], 'no payment for a zero total')

  const split = map(loadFixture('split-tender-usd'))
  t.equal(sum(split.data.items.map((i) => i.orderDiscount)).toFixed(2), '20.00', 'the gift card (a negative fee) is an order discount')

  const eur = map(loadFixture('multi-currency-eur'))
  t.match(eur.data.attributes, { 'woocommerce.gatewayNote': /ppcp-gateway → paypal/ })
  t.equal(sum(eur.data.items.map((i) => i.handling)).toFixed(2), '2.50', 'the fee is handling')

  const broken = { ...loadFixture('coupon-usd'), total: '99.99' }
  const refused = mapWooCommerceOrder(WcOrderSchema.parse(broken), options)
  t.match(refused, { ok: false, reason: /order 728: its lines, shipping and fees add up to 27.42 USD, not its total 99.99/ })
  const mixed = loadFixture('pickup-usd')
  mixed.shipping_lines.push({ id: 9, method_title: 'Flat', method_id: 'flat_rate', total: '1.00', total_tax: '0.00', meta_data: [] })
  t.match(mapWooCommerceOrder(WcOrderSchema.parse(mixed), options), { ok: false, reason: /both pickup and shipping lines/ })
})

t.test('configuration', async (t) => {
  t.equal(storeIdOf('https://Shop.Example.com/'), 'shop.example.com')
  t.equal(storeIdOf('https://example.com/shop/'), 'example.com/shop')
  const config = loadConfig({
    DATA_DIR: 'memory://',
    WOOCOMMERCE_STORE_URL: 'https://shop.example.com/',
    WOOCOMMERCE_WEBHOOK_SECRETS: 'one-secret, two-secret',
    WOOCOMMERCE_CONSUMER_KEY: 'ck_1',
    WOOCOMMERCE_CONSUMER_SECRET: 'cs_1',
    WOOCOMMERCE_GATEWAYS: '{"stripe":"noop"}',
    WOOCOMMERCE_IMPORT_STATUSES: 'processing,completed,ready-for-pickup'
  })
  t.match(config.tenants[0].woocommerce, [
    {
      store: 'shop.example.com',
      storeUrl: 'https://shop.example.com',
      webhookSecrets: ['one-secret', 'two-secret'],
      importStatuses: ['processing', 'completed', 'ready-for-pickup'],
      gateways: { stripe: 'noop' },
      externalIdPrefix: 'WC-',
      reconcileIntervalMs: 300_000
    }
  ])
  t.throws(
    () => loadConfig({ DATA_DIR: 'memory://', WOOCOMMERCE_STORE_URL: 'https://shop.example.com', WOOCOMMERCE_IMPORT_STATUSES: 'processing,pending' }),
    /pending orders are never imported/
  )
  t.throws(() => loadConfig({ DATA_DIR: 'memory://', WOOCOMMERCE_CONSUMER_KEY: 'ck' }), /need WOOCOMMERCE_STORE_URL/)
  t.throws(
    () => loadConfig({ DATA_DIR: 'memory://', NODE_ENV: 'production', WOOCOMMERCE_STORE_URL: 'http://shop.example.com' }),
    /webhookSecrets are required[\s\S]*consumerKey and consumerSecret are required[\s\S]*storeUrl must be https/
  )
})

t.test('signature, ping, classification', async (t) => {
  const store = loadConfig({
    DATA_DIR: 'memory://',
    WOOCOMMERCE_STORE_URL: 'https://shop.example.com',
    WOOCOMMERCE_WEBHOOK_SECRETS: 'old-secret,new-secret'
  }).tenants[0].woocommerce[0]
  const body = Buffer.from(JSON.stringify(loadFixture('docs/order-retrieve.example')))
  const headers = (secret: string) => ({
    'x-wc-webhook-signature': signWooCommerceBody(body, secret),
    'x-wc-webhook-topic': 'order.created'
  })
  t.same(verifyWooCommerceDelivery(body, headers('new-secret'), store), { ok: true })
  t.same(verifyWooCommerceDelivery(body, headers('old-secret'), store), { ok: true }, 'during a rotation, either secret')
  t.match(verifyWooCommerceDelivery(body, headers('other'), store), { ok: false })
  t.match(verifyWooCommerceDelivery(body, {}, store), { ok: false, reason: /missing/ })
  t.equal(pingWebhookId(Buffer.from('webhook_id=42'), {}), '42')
  t.equal(pingWebhookId(Buffer.from('webhook_id=42'), { 'x-wc-webhook-signature': 'x' }), undefined, 'a signed body is no ping')
  t.equal(pingWebhookId(body, {}), undefined)
  const order = JSON.parse(body.toString())
  t.match(classifyWooCommerceDelivery(order, headers('new-secret'), store), { importable: true, orderKey: '727', topic: 'order.created' })
  t.match(classifyWooCommerceDelivery({ ...order, status: 'checkout-draft' }, headers('new-secret'), store), {
    importable: false,
    reason: /checkout-draft is not importable/
  })
  t.match(classifyWooCommerceDelivery({ id: 727 }, { 'x-wc-webhook-topic': 'order.deleted' }, store), {
    importable: false,
    reason: /order.deleted does not import/
  })
})
