// BigCommerce order → Normalized Order Event v1: every fixture's event is valid, reconciles, and
// its total is BigCommerce's total_inc_tax rounded once; the docs' own (inconsistent) samples are
// refused with the figures, never imported with invented money.
import t from 'tap'
import { OrderEventSchema } from '../../../schemas/order-event.ts'
import { reconcileTotals } from '../../../src/mapping/reconcile.ts'
import { roundToMinorUnits, sum } from '../../../src/mapping/money.ts'
import { parseBundle } from '../../../src/connectors/bigcommerce/api-client.ts'
import { mapBigCommerceOrder } from '../../../src/connectors/bigcommerce/map-order.ts'
import { bundleNames, loadBundle, loadDocsSample } from './fixtures.ts'

const options = { storeHash: 'abc123', externalIdPrefix: 'BC-abc123-', gateways: { authorizenet: 'authorizenet' as const } }

for (const name of bundleNames()) {
  t.test(`${name}: valid event, exact totals`, async (t) => {
    const raw = loadBundle(name)
    const bundle = parseBundle(raw)
    const mapped = mapBigCommerceOrder(bundle, options)
    if (!mapped.ok) throw new Error(mapped.reason)
    const event = OrderEventSchema.parse(mapped.event)
    const reconciliation = reconcileTotals(event.data)
    t.ok(reconciliation.ok, `reconciles: ${JSON.stringify(reconciliation)}`)
    const currency = raw.order.default_currency_code
    t.equal(event.data.currency, currency)
    t.equal(event.data.total, roundToMinorUnits(raw.order.total_inc_tax, currency).toFixed(), 'total = total_inc_tax rounded once')
    t.equal(sum((event.data.payments ?? []).map((p) => p.amount)).toFixed(), event.data.total, 'payments add up to the total')
    t.equal(event.data.externalId, `BC-abc123-${raw.order.id}`)
  })
}

t.test('fulfillment, payments and attributes', async (t) => {
  const map = (name: string) => {
    const mapped = mapBigCommerceOrder(parseBundle(loadBundle(name)), options)
    if (!mapped.ok) throw new Error(mapped.reason)
    return OrderEventSchema.parse(mapped.event)
  }
  const pickup = map('pickup-usd')
  t.same(pickup.data.items[0].fulfillment, { method: 'Pickup', locationCode: 'LOCATION-1' }, 'pickups[].location (code, else id)')
  t.notOk(pickup.data.shipTo)
  t.match(pickup.data.payments, [{ gateway: 'noop', amount: '54.12', transactionId: '8535296650153317' }])
  t.notOk(pickup.data.payments![0].capture, 'an authorization is not a capture')

  const split = map('split-tender-usd')
  t.match(
    split.data.payments,
    [
      { gateway: 'noop', amount: '20' },
      { gateway: 'noop', amount: '111.22', transactionId: 'bt_auth_ok', capture: { transactionId: 'bt_capture_ok', amount: '111.22' } }
    ],
    'the gift certificate and the captured authorization; the declined try and the voided authorization do not count'
  )

  const cash = map('coupon-fees-cash-usd')
  t.equal(cash.data.total, '93.36')
  t.match(cash.data.payments, [{ gateway: 'noop', amount: '93.36' }], 'no transaction: one noop payment for the total')
  t.match(cash.data.attributes, { 'bigcommerce.unrecordedPayment': /93.36 USD/, 'bigcommerce.coupon.0': /S2549JM0Y/ })

  const card = map('multiple-items-usd')
  t.match(card.data.payments, [{ gateway: 'noop', transactionId: '60123456789', capture: { transactionId: '60123456789' } }])
  t.match(card.data.attributes, { 'bigcommerce.payment.7001': /authorizenet → authorizenet: BigCommerce does not provide/ })

  const vat = map('tax-inclusive-gbp')
  t.equal(vat.data.total, '70.96')
  t.equal(vat.data.items.length, 2)
})

t.test('shipped and completed orders are historical imports', async (t) => {
  const raw = loadBundle('multiple-items-usd')
  raw.order.status_id = 2
  const mapped = mapBigCommerceOrder(parseBundle(raw), options)
  t.ok(mapped.ok)
  if (mapped.ok) t.match(mapped.event, { type: 'order.completed', data: { status: 'Completed' } })
})

t.test('the docs samples put together are refused with the figures', async (t) => {
  const mapped = mapBigCommerceOrder(
    parseBundle({
      order: loadDocsSample('orders-v2-get.example.json'),
      products: loadDocsSample('orders-v2-products.example.json'),
      shippingAddresses: loadDocsSample('orders-v2-shipping_addresses.example.json'),
      consignments: null,
      coupons: loadDocsSample('orders-v2-coupons.example.json'),
      taxes: loadDocsSample('orders-v2-taxes.example.json'),
      transactions: []
    }),
    options
  )
  t.notOk(mapped.ok)
  if (!mapped.ok) t.match(mapped.reason, /BigCommerce order 218: .*total_ex_tax 64.53/)
})

t.test('an unexplained gap is refused, a rounding residue is not', async (t) => {
  const raw = loadBundle('multiple-items-usd')
  raw.order.total_inc_tax = '1009.7400'
  raw.order.total_ex_tax = '932.8600'
  const mapped = mapBigCommerceOrder(parseBundle(raw), options)
  t.notOk(mapped.ok)
  if (!mapped.ok) t.match(mapped.reason, /not accounted for/)
})
