// The Shopify mapping, pure: every fixture maps to a valid event whose Kibo totals equal Shopify's
// current_total_price to the cent (shop and presentment currency) and whose payments sum to it.
import t from 'tap'
import { mapShopifyOrder, shopifyExternalId, type ShopifyMappingOptions } from '../../../src/connectors/shopify/mapping.ts'
import { fromRestOrder } from '../../../src/connectors/shopify/order.ts'
import { mapEventToKiboOrder } from '../../../src/mapping/index.ts'
import { allocateLargestRemainder, Decimal, sum } from '../../../src/mapping/money.ts'
import { derive, sample, testOrder, variants } from './fixtures.ts'

const options: ShopifyMappingOptions = {
  shopDomain: 'acme.myshopify.com',
  currency: 'presentment',
  externalId: 'name',
  externalIdPrefix: '',
  gateways: { shopify_payments: 'cybersource', gift_card: 'noop' }
}

t.test('largest remainder allocation never loses a minor unit', async (t) => {
  const shares = allocateLargestRemainder('10.00', ['1', '1', '1'], 'USD')!
  t.same(shares.map(String), ['3.34', '3.33', '3.33'])
  t.equal(allocateLargestRemainder('7', ['2', '1'], 'JPY')!.map(String).join(','), '5,2')
  t.equal(sum(allocateLargestRemainder('0.05', ['0', '0'], 'USD')!).toString(), '0.05')
  t.equal(allocateLargestRemainder('0.005', ['1'], 'USD'), undefined)
})

for (const currency of ['presentment', 'shop'] as const) {
  t.test(`every fixture reconciles in ${currency} money`, async (t) => {
    for (const fixture of [...variants(), testOrder()]) {
      const order = fromRestOrder(fixture.rest, fixture)
      const mapped = mapShopifyOrder(order, { ...options, currency })
      if (!mapped.ok) {
        t.fail(`${fixture.name}: ${JSON.stringify(mapped.problem)}`)
        continue
      }
      const expected = currency === 'shop' ? fixture.total.shop : fixture.total.presentment
      const data = mapped.event.data
      t.ok(new Decimal(data.total).equals(expected), `${fixture.name}: event total ${data.total} = current_total_price ${expected}`)
      const paid = sum((data.payments ?? []).map((payment) => payment.amount))
      if (!new Decimal(expected).isZero()) t.ok(paid.equals(expected), `${fixture.name}: Σ payments ${paid.toString()} = ${expected}`)
      const kibo = mapEventToKiboOrder(mapped.event, { fraudDeclineAction: 'review' })
      t.ok(kibo.ok, `${fixture.name}: Kibo mapping`)
      if (kibo.ok) t.ok(new Decimal(kibo.kiboOrder.total!).equals(expected), `${fixture.name}: Kibo total ${kibo.kiboOrder.total} = ${expected}`)
      t.equal(data.externalId, fixture.rest.name)
      t.equal(data.attributes?.['shopify.orderId'], fixture.orderKey)
    }
  })
}

t.test('details: currency, discounts, taxes_included, pickup, split tender, gateways, attributes', async (t) => {
  const all = variants()
  const byName = (name: string) => all.find((fixture) => fixture.name.includes(`-${name}-`))!
  const map = (name: string, extra: Partial<ShopifyMappingOptions> = {}) => {
    const fixture = byName(name)
    const mapped = mapShopifyOrder(fromRestOrder(fixture.rest, fixture), { ...options, ...extra })
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.problem))
    return mapped.event.data
  }
  t.equal(map('presentment-eur').currency, 'EUR')
  t.equal(map('presentment-eur', { currency: 'shop' }).currency, 'USD')
  t.equal(map('discount-code').items[0].discount, '10')
  const vat = map('vat-eu')
  t.equal(vat.items[0].tax ?? null, null, 'taxes_included: the tax stays inside the price')
  t.match(vat.attributes?.['shopify.taxesIncluded'], /prices include 28.75 EUR tax/)
  t.equal(vat.attributes?.gift_message, 'Alles Gute!')
  const pickup = map('pickup')
  t.same(pickup.items[0].fulfillment, { method: 'Pickup', locationCode: '655441491' })
  const split = map('gift-card-and-card')
  t.equal(split.payments?.length, 2)
  t.same(split.payments?.map((payment) => payment.amount), ['25', '66.6'])
  t.equal(split.payments?.[1].capture?.amount, '66.6', 'a captured authorization is collected')
  t.match(split.attributes?.['shopify.payment.2'], /gateway=shopify_payments;.*noop:cybersource needs fields/)
  t.match(split.attributes?.['shopify.payment.1'], /gateway=gift_card;.*noop:mapped to noop/)
  const shipped = map('several-shipping-lines')
  t.equal(sum(shipped.items.map((item) => item.shipping)).toString(), '12.01', 'both shipping lines, not a cent lost')
  t.equal(sum(shipped.items.map((item) => item.shippingTax)).toString(), '0.99')
  const docs = map('docs-transactions')
  t.equal(docs.payments?.length, 1, 'the failed and awaiting transactions are not payments')
  t.equal(docs.payments?.[0].capture?.transactionId, '999225631')
  const jpy = map('jpy')
  t.equal(jpy.currency, 'JPY')
  t.notOk(jpy.items.some((item) => /\./.test(String(item.shipping ?? ''))), 'JPY shipping in whole yen')
})

t.test('externalId: name, order_number or id, with a prefix', async (t) => {
  const order = { name: '#1001', orderNumber: null, legacyResourceId: '450789469' }
  t.equal(shopifyExternalId(order, { ...options, externalIdPrefix: 'EU-' }), 'EU-#1001')
  t.equal(shopifyExternalId(order, { ...options, externalId: 'order_number' }), '1001')
  t.equal(shopifyExternalId(order, { ...options, externalId: 'id' }), '450789469')
})

t.test("the verbatim sample does not add up in Shopify's own data: refused naming the fields", async (t) => {
  const order = fromRestOrder(sample(), { transactions: [] })
  const mapped = mapShopifyOrder(order, options)
  t.notOk(mapped.ok)
  if (!mapped.ok) {
    t.equal(mapped.externalId, '#9999')
    t.match(JSON.stringify(mapped.problem), /current_total_price_set|transactions/)
  }
  const fixed = derive({ id: 42, name: '#42', lines: [{ qty: 1, price: '1.00', sku: null, variantId: null }] })
  const noSku = mapShopifyOrder(fromRestOrder(fixed.rest, fixed), options)
  t.notOk(noSku.ok)
  if (!noSku.ok) t.match(noSku.problem.errors?.[0].path, 'line_items[0].sku')
})
