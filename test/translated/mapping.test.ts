// The translated-v2 mapping, field by field and rule by rule (goldens: golden.test.ts).
import t from 'tap'
import { problemType } from '../../schemas/problem.ts'
import type { TranslatedCreateOrderRequest } from '../../schemas/translated-order.ts'
import {
  applyTranslatedAuthorization,
  buildTranslatedAuthorizeRequest,
  checkTranslatedOrder,
  groupByAvailability,
  mapEventToTranslatedOrder,
  parseTranslatedOrderEvent,
  type TranslatedTargetOptions
} from '../../src/mapping/translated-v2/index.ts'
import { goldenTranslatedOptions as options, parseEvent, readGolden, readTranslatedExample } from './helpers.ts'

const raw = (name = 'seed-sample-usd'): any => structuredClone(readTranslatedExample(name))
const map = (input: any, opts: TranslatedTargetOptions = options) => mapEventToTranslatedOrder(parseEvent(input), opts)
function request (input: any, opts: TranslatedTargetOptions = options): TranslatedCreateOrderRequest {
  const result = map(input, opts)
  if (!result.ok || result.split) throw new Error(JSON.stringify(result))
  return result.request
}
function refusal (input: any, opts: TranslatedTargetOptions = options) {
  const result = map(input, opts)
  if (result.ok) throw new Error('expected a refusal')
  return result.problem
}
const seedRequest = (): TranslatedCreateOrderRequest => structuredClone(readGolden('translated-seed-sample.json'))

t.test('order-level fields', async (t) => {
  const r = request(raw())
  t.equal(r.externalOrderID, '8885456-98658-12215', 'externalOrderID ← data.externalId')
  t.equal(r.manufacturerID, 1010, 'manufacturerID ← options.manufacturerId')
  t.equal(r.catalogID, 0, 'catalogID ← options.catalogId')
  t.equal(r.locale, 'en-US')
  t.equal(r.currency, 'USD')
  t.equal(r.customerIP, '88.152.11.125', 'customerIP ← data.translated.customerIP')
  t.equal(r.sendEmail, true)
  t.equal(r.forceItemTaxOverride, true, 'tax is pre-calculated: always forced')
  t.equal(r.allowSplit, false)
  t.same(
    r.customOrderData,
    { 'Custom Data Key 2': 'Custom Data Value 2', 'Custom Data Key 3': 'Custom Data Value 3', 'Custom Data Key 1': 'Custom Data Value 1' },
    'customOrderData ← data.attributes'
  )
  t.same(r.customer, {
    firstName: 'Test',
    lastName: 'Customer',
    email: 'testemail@kibotest.com',
    phone1: '852-658-4578x124',
    phone2: '8885552147'
  })
  t.same(r.shippingMethod, { shippingType: 'standard', shippingClass: 'Standard' }, 'shippingMethod ← options.shippingMethods[code]')
  t.equal(r.shippingAddress.active, false)
  t.equal(r.orderPayments[0].paymentMethod.billingAddress.active, true)

  const locale = raw()
  locale.data.locale = 'de-de'
  t.equal(request(locale).locale, 'de-DE', 'locale matched case-insensitively to the seed list')
  delete locale.data.locale
  t.equal(request(locale).locale, 'en-US', 'no locale: the API default')
  t.equal(request(locale, { ...options, defaultLocale: 'fr-CA' }).locale, 'fr-CA', 'no locale: the target default')
  locale.data.locale = 'pt-BR'
  const problem = refusal(locale)
  t.equal(problem.type, problemType('translated-rule-violation'))
  t.match(problem.errors, [{ path: 'data.locale' }])

  const noCustomer = raw()
  delete noCustomer.data.customer
  noCustomer.data.billTo.email = 'bill@example.com'
  t.same(
    request(noCustomer).customer,
    { firstName: 'Test', lastName: 'Customer', email: 'bill@example.com', phone1: '111-222-3333', phone2: '8885552147' },
    'customer from billTo'
  )
})

t.test('items: partNumber, availability, prices, quantity, shipping, tax, options', async (t) => {
  const input = raw()
  input.data.items[0].variantSku = 'Product0001-BLK'
  input.data.items[0].upc = '012345678905'
  const item = request(input).orderItems[0]
  t.same(item.product, {
    partNumber: 'Product0001-BLK',
    availability: 'Y',
    name: 'Test Product 0001',
    retailPrice: 2,
    averageDealerMargin: 0.3,
    upc: '012345678905'
  })
  t.same(item.itemSpecifics, {
    externalItemID: '1',
    actualPrice: 1,
    quantity: 5,
    itemTaxOverride: 1,
    customItemData: {
      'Custom Data Key 2': 'Custom Data Value 2',
      'Custom Data Key 3': 'Custom Data Value 3',
      'Custom Data Key 1': 'Custom Data Value 1'
    },
    options: { size: '12', color: 'black' }
  })
  const second = request(raw()).orderItems[1].itemSpecifics
  t.equal(second.shipping, 1)
  t.equal(second.shippingTax, 0.1)

  const availability = raw()
  delete availability.data.translated.lines
  t.equal(request(availability, { ...options, defaultAvailability: 'L' }).orderItems[0].product.availability, 'L', 'defaultAvailability')
  t.equal(
    request(availability, { ...options, availabilityBySku: { Product0002: 'M' } }).orderItems[1].product.availability,
    'M',
    'availabilityBySku'
  )
})

t.test('discounts fold into actualPrice when exact, else 422', async (t) => {
  const input = raw()
  // 5 × 1.00 − 0.50 discount − 0.50 order discount = 4.00 → 0.80 a unit
  input.data.items[0].discount = '0.50'
  input.data.items[0].orderDiscount = '0.50'
  input.data.total = '12.10'
  input.data.payments[0].amount = '12.10'
  input.data.items[0].tax = '0.80'
  input.data.total = '11.90'
  input.data.payments[0].amount = '11.90'
  t.equal(request(input).orderItems[0].itemSpecifics.actualPrice, 0.8)
  input.data.items[0].discount = '0.51'
  input.data.total = '11.89'
  input.data.payments[0].amount = '11.89'
  const problem = refusal(input)
  t.equal(problem.type, problemType('translated-unsupported'))
  t.match(problem.errors, [{ path: 'data.items[0].discount' }])
})

t.test('what the API cannot carry is refused, never dropped', async (t) => {
  const handling = raw()
  handling.data.items[0].handling = '1.00'
  handling.data.total = '14.10'
  handling.data.payments[0].amount = '14.10'
  t.match(refusal(handling), { status: 422, type: problemType('translated-unsupported'), errors: [{ path: 'data.items[0].handling' }] })
  const completed = raw()
  completed.type = 'order.completed'
  t.match(refusal(completed), { type: problemType('translated-unsupported'), errors: [{ path: 'type' }] })
  const captured = raw()
  captured.data.payments[0].capture = { transactionId: 'c1', amount: '13.10', capturedAt: '2026-11-20T15:05:00Z' }
  t.match(refusal(captured), { errors: [{ path: 'data.payments[0].capture' }] })
  const line4 = raw()
  line4.data.shipTo.address.line4 = 'c/o reception'
  t.match(refusal(line4), { errors: [{ path: 'data.shipTo.address.line4' }] })
})

t.test('missing sources: customerIP, phone1, shipping method', async (t) => {
  const input = raw()
  delete input.data.translated.customerIP
  delete input.data.customer.phone
  delete input.data.billTo.phone
  delete input.data.shipTo.phone
  input.data.shippingMethod.code = 'teleport'
  const problem = refusal(input)
  t.equal(problem.type, problemType('translated-missing-field'))
  t.same(
    problem.errors!.map((e) => e.path),
    ['data.translated.customerIP', 'data.customer.phone', 'data.shippingMethod.code']
  )
  const fallback = raw()
  delete fallback.data.translated.customerIP
  t.equal(request(fallback, { ...options, defaultCustomerIP: '192.0.2.1' }).customerIP, '192.0.2.1', 'target defaultCustomerIP')
  const none = raw()
  delete none.data.shippingMethod
  t.same(request(none).shippingMethod, options.defaultShippingMethod)
  t.match(refusal(none, { ...options, defaultShippingMethod: undefined }), { errors: [{ path: 'data.shippingMethod' }] })
  const badIp = raw()
  badIp.data.translated.customerIP = '0.1.2.3.'
  t.notOk(parseTranslatedOrderEvent(badIp).success, "the seed's own snippet IP 0.1.2.3. is not an address")
})

t.test('shipping method: carrier, carrierType and serviceType together', async (t) => {
  const input = raw()
  input.data.shippingMethod.code = 'fedex_intl'
  t.match(request(input).shippingMethod, {
    carrier: 'FEDEX_CROSS_BORDER',
    carrierType: 'INTERNATIONAL',
    serviceType: 'INTERNATIONAL_ECONOMY',
    deliveryMethod: 'SHIP_TO_HOME'
  })
  const partial = { ...options, shippingMethods: { ...options.shippingMethods, standard: { shippingType: 'standard', carrier: 'UPS' } } }
  const problem = refusal(raw(), partial)
  t.equal(problem.type, problemType('translated-rule-violation'))
  t.match(problem.errors, [
    {
      path: 'shippingMethod',
      message: /\[shipping-carrier\] carrier, carrierType and serviceType must be given together; only carrier given/
    }
  ])
})

t.test('availability: mixing refused with the lines named, split on request', async (t) => {
  const input = raw('preorder-split-usd')
  delete input.data.translated.splitByAvailability
  const problem = refusal(input)
  t.equal(problem.status, 422)
  t.equal(problem.type, problemType('translated-split-required'))
  t.match(problem.detail, /line "2" \(Preorder, P\) must be a separate order from lines "1", "3"/)
  t.same(
    problem.errors!.map((e) => e.path),
    ['data.items[1]']
  )
  t.same(problem.groups, [
    { availability: 'standard', lineIds: ['1', '3'] },
    { availability: 'P', lineIds: ['2'] }
  ])

  const byOption = map(input, { ...options, splitByAvailability: true })
  t.ok(byOption.ok && byOption.split, 'the target option splits too')

  const split = map(raw('preorder-split-usd'))
  t.ok(split.ok && split.split)
  if (!split.ok || !split.split) return
  t.same(
    split.orders.map((o) => [o.group, o.lineIds, o.request.externalOrderID]),
    [
      ['standard', ['1', '3'], 'SO-200410'],
      ['P', ['2'], 'SO-200410-P']
    ]
  )
  // payments are allocated in order: the card covers 115.92 + 884.08, PayPal the rest
  t.same(
    split.orders[0].request.orderPayments.map((p) => [p.paymentMethod.paymentType, p.authAmount, p.maxAmount]),
    [['CC', 115.92, undefined]]
  )
  t.same(
    split.orders[1].request.orderPayments.map((p) => [p.paymentMethod.paymentType, p.authAmount, p.maxAmount]),
    [
      ['CC', 884.08, 884.08],
      ['PP', 420.92, undefined]
    ]
  )

  for (const code of ['D', 'J', 'I'] as const) {
    const mixed = raw('preorder-split-usd')
    delete mixed.data.translated.splitByAvailability
    mixed.data.translated.lines = { 3: { availability: code } }
    t.match(
      refusal(mixed),
      { type: problemType('translated-split-required'), errors: [{ path: 'data.items[2]' }] },
      `${code} must be alone`
    )
  }
  const together = raw('preorder-split-usd')
  together.data.translated.lines = { 2: { availability: 'M' }, 3: { availability: 'S' } }
  const ok = map(together)
  t.ok(ok.ok && !ok.split, 'Y, M and S share an order')
  t.same(groupByAvailability(['P', 'P', 'D']), [
    { group: 'P', indexes: [0, 1] },
    { group: 'D', indexes: [2] }
  ])
})

t.test('payments: type codes per gateway, fields, overrides', async (t) => {
  const cc = request(raw()).orderPayments[0]
  t.match(cc, { transactionID: '12123', authorizationID: '48484', authAmount: 13.1 })
  t.match(cc.paymentMethod, {
    paymentType: 'CC',
    cardIssuer: 'VI',
    cardNumber: '411111111111111',
    ccLastFour: '1234',
    cardExpiration: '12/2020',
    paymentClass: 'CreditCard'
  })
  t.equal(cc.maxAmount, undefined, 'a single payment has no maximum (null)')
  t.equal(request(raw(), { ...options, paymentTypes: { cybersource: 'CS' } }).orderPayments[0].paymentMethod.paymentType, 'CS')

  const pp = request(raw('paypal-eur-carrier')).orderPayments[0]
  t.match(pp, { authorizationID: '8AF73994TM546221D', authAmount: 130.54 })
  t.match(pp.paymentMethod, { paymentType: 'PP', payPalToken: 'EC-74R44913L24993252', payPalPayerID: 'B373JG5S4Y388' })

  const no = request(raw('noop-jpy-pickup')).orderPayments[0]
  t.match(no, { transactionID: 'POS-TX-1', authAmount: 5940 })
  t.match(no.paymentMethod, { paymentType: 'NO', noOperationType: 'KI', cardNumber: '0000000000000000' })

  const anet = raw()
  anet.data.payments[0] = {
    gateway: 'authorizenet',
    amount: '13.10',
    transactionId: '60012',
    authCode: 'A1B2C3',
    customerProfileId: '900100',
    customerPaymentProfileId: '800200',
    card: { last4: '0005', brand: 'AMEX' }
  }
  t.match(request(anet).orderPayments[0], {
    transactionID: '60012',
    authorizationID: 'A1B2C3',
    paymentMethod: { paymentType: 'CC', cardIssuer: 'AM', cardNumber: '900100', ccLastFour: '0005' }
  })

  const usdOnly = raw('noop-jpy-pickup')
  const problem = refusal(usdOnly, { ...options, noOperationType: 'HI' })
  t.match(problem.errors, [{ path: 'orderPayments[0].paymentMethod.noOperationType', message: /HI supports USD only, not JPY/ }])
})

t.test('US per-line tax rate limit (20.1%)', async (t) => {
  const input = raw()
  input.data.items[0].tax = '1.005' // 20.1% of 5.00: allowed... but not a USD amount
  t.notOk(parseTranslatedOrderEvent(input).success)
  const atLimit = raw()
  atLimit.data.items = [{ lineId: '1', sku: 'X', quantity: 10, unitPrice: '1.00', tax: '2.01', fulfillment: { method: 'Ship' } }]
  atLimit.data.total = '12.01'
  atLimit.data.payments[0].amount = '12.01'
  delete atLimit.data.translated.lines
  t.ok(map(atLimit).ok, 'exactly 20.1% passes')
  atLimit.data.items[0].tax = '2.02'
  atLimit.data.total = '12.02'
  atLimit.data.payments[0].amount = '12.02'
  const problem = refusal(atLimit)
  t.equal(problem.type, problemType('translated-rule-violation'))
  t.same(
    problem.errors!.map((e) => e.path),
    ['orderItems[0].itemSpecifics.itemTaxOverride', 'orderItems']
  )
  t.match(problem.errors![0].message, /20\.2%; US orders allow at most 20\.1% per line/)

  const abroad = structuredClone(atLimit)
  abroad.data.shipTo.address.country = 'CA'
  t.ok(map(abroad).ok, 'the limit is for US orders only')

  const oneLine = readGolden('translated-seed-sample.json')
  oneLine.orderItems[0].itemSpecifics.itemTaxOverride = 2.5 // 50% on one line, 25% overall
  oneLine.orderItems[1].itemSpecifics.itemTaxOverride = 0
  t.match(checkTranslatedOrder(oneLine), [
    { rule: 'us-tax-rate', path: 'orderItems[0].itemSpecifics.itemTaxOverride' },
    { rule: 'us-tax-rate', path: 'orderItems' }
  ])
  const hidden = readGolden('translated-seed-sample.json')
  hidden.orderItems[0].itemSpecifics.itemTaxOverride = 1.1 // 22% on one line, 10% overall
  hidden.orderItems[1].itemSpecifics.itemTaxOverride = 0
  t.same(
    checkTranslatedOrder(hidden).map((v) => v.path),
    ['orderItems[0].itemSpecifics.itemTaxOverride'],
    'one line over the limit fails even when the order is under it'
  )
  const free = readGolden('translated-seed-sample.json')
  free.orderItems[0].itemSpecifics.actualPrice = 0
  t.match(checkTranslatedOrder(free), [{ rule: 'us-tax-rate', message: /unbounded/ }], 'tax on a free line')
})

t.test('currency list', async (t) => {
  const input = raw('noop-jpy-pickup')
  input.data.currency = 'XAF'
  t.match(refusal(input), { type: problemType('translated-rule-violation'), errors: [{ path: 'data.currency' }] })
  const byr = seedRequest() as any
  byr.currency = 'BYN'
  t.match(checkTranslatedOrder(byr), [{ rule: 'currency' }], 'BYN (current ISO) is not in the seed list; BYR is')
})

t.test('maxAmount and other payment rules on a built request', async (t) => {
  const rules = (change: (r: any) => void) => {
    const r: any = seedRequest()
    change(r)
    return checkTranslatedOrder(r).map((v) => `${v.rule} ${v.path}`)
  }
  t.same(
    rules(() => {}),
    [],
    "the seed's own sample breaks no rule"
  )
  t.same(
    rules((r) => (r.orderPayments[0].maxAmount = -1)),
    ['max-amount orderPayments[0].maxAmount'],
    '-1 on CC: use null'
  )
  t.same(
    rules((r) => (r.orderPayments[0].maxAmount = 5)),
    ['max-amount orderPayments[0].maxAmount'],
    'a positive maxAmount on the only CC payment'
  )
  t.same(
    rules((r) => (r.orderPayments[0].maxAmount = 0)),
    ['max-amount orderPayments[0].maxAmount'],
    '0 is not null, -1 or positive'
  )
  t.same(
    rules((r) => {
      r.orderPayments[0].paymentMethod.paymentType = 'PP'
      r.orderPayments[0].maxAmount = -1
    }),
    [],
    '-1 is fine for PP'
  )
  t.same(
    rules((r) => (r.orderPayments[0].paymentMethod.paymentType = 'GC')),
    ['max-amount orderPayments[0].maxAmount'],
    'a gift card needs its balance'
  )
  t.same(
    rules((r) => {
      r.orderPayments[0].maxAmount = 5
      r.orderPayments.push({ ...structuredClone(r.orderPayments[0]), maxAmount: null })
    }),
    [],
    'several payments: a positive limit is allowed'
  )
  t.same(
    rules((r) => (r.orderPayments[0].paymentMethod.cardIssuer = 'SV')),
    ['card-issuer orderPayments[0].paymentMethod.cardIssuer'],
    'SV: use GC'
  )
  t.same(
    rules((r) => (r.orderPayments[0].paymentMethod.paymentType = 'ZZ')),
    ['payment-type orderPayments[0].paymentMethod.paymentType']
  )
  t.same(
    rules((r) => {
      delete r.orderPayments[0].paymentMethod.cardNumber
      delete r.orderPayments[0].paymentMethod.ccLastFour
    }),
    ['card-number orderPayments[0].paymentMethod']
  )
  t.same(
    rules((r) => {
      r.orderPayments[0].paymentMethod.paymentType = 'NO'
      delete r.orderPayments[0].paymentMethod.cardNumber
    }),
    ['no-operation orderPayments[0].paymentMethod.cardNumber']
  )
  t.same(
    rules((r) => (r.orderItems[0].itemSpecifics.itemTaxOverride = null)),
    ['force-item-tax-override orderItems[0].itemSpecifics.itemTaxOverride']
  )
  t.same(
    rules((r) => (r.shippingMethod.name = 'Ground')),
    ['shipping-read-only shippingMethod.name']
  )
  t.same(
    rules((r) => (r.orderItems[1].product.availability = 'J')),
    ['availability-split orderItems[1].product.availability']
  )
})

t.test('fraud: Kount to fraudData, a decline refused when configured', async (t) => {
  const r = request(raw('paypal-eur-carrier'))
  t.match(r.fraudData, [{ provider: 'Kount', transactionID: '7V7D0K4ZRKKT', decision: 'R', status: 'Review' }])
  t.equal(request(raw('paypal-eur-carrier'), { ...options, fraudData: 'omit' }).fraudData, undefined)
  const declined = raw('paypal-eur-carrier')
  declined.data.fraud.decision = 'D'
  t.equal(refusal(declined, { ...options, fraudDeclineAction: 'reject' }).type, problemType('fraud-declined'))
  t.ok(map(declined).ok, 'review mode imports it')
})

t.test('totals still reconcile first', async (t) => {
  const input = raw()
  input.data.total = '14.00'
  t.equal(refusal(input).type, problemType('totals-mismatch'))
})

t.test('the extension: validated, lines must name items', async (t) => {
  const input = raw()
  input.data.translated.lines['9'] = { availability: 'Y' }
  const parsed = parseTranslatedOrderEvent(input)
  t.notOk(parsed.success)
  if (!parsed.success) t.match(parsed.issues, [{ path: 'data.translated.lines.9' }])
  const bad = raw()
  bad.data.translated.landingCode = 'short'
  const badParsed = parseTranslatedOrderEvent(bad)
  t.notOk(badParsed.success)
  if (!badParsed.success) t.match(badParsed.issues, [{ path: 'data.translated.landingCode' }])
  const unparsed = parseEvent(raw()) as any
  unparsed.data.translated = { customerIP: 'nope' }
  t.match(mapEventToTranslatedOrder(unparsed, options), {
    ok: false,
    problem: { status: 400, errors: [{ path: 'data.translated.customerIP' }] }
  })
})

t.test('authorize request, and its token fed into the create', async (t) => {
  const event = parseEvent(raw('noop-jpy-pickup'))
  const built = buildTranslatedAuthorizeRequest(event, options)
  t.ok(built.ok)
  if (!built.ok) return
  t.match(built.request, {
    externalCartID: 'POS-9001',
    manufacturerID: 1010,
    catalogID: 0,
    currency: 'JPY',
    locale: 'ja-JP',
    amount: 5940,
    customer: { email: 'sato@example.jp', phone1: '03-1234-5678' },
    paymentMethod: { paymentType: 'NO' }
  })
  const withCart = buildTranslatedAuthorizeRequest(parseEvent(raw('paypal-eur-carrier')), options)
  t.match(withCart, { ok: true, request: { externalCartID: 'cart-4a1f', testOrder: true } })
  t.match(buildTranslatedAuthorizeRequest(event, options, { paymentIndex: 3 }), { ok: false })
  const mapped = mapEventToTranslatedOrder(event, options)
  if (!mapped.ok || mapped.split) throw new Error('expected one request')
  const fed = applyTranslatedAuthorization(
    mapped.request,
    { orderID: 7, authToken: 'AUTH-1', paymentMethodToken: 'PMT-1' },
    { externalCartID: 'POS-9001' }
  )
  t.equal(fed.orderPayments[0].authorizationID, 'AUTH-1')
  t.equal(fed.orderPayments[0].paymentMethod.paymentMethodToken, 'PMT-1')
  t.equal(fed.cartID, 'POS-9001')
  t.equal(fed.orderID, undefined, 'orderID stays unset (read-only per the guide)')
  t.equal(mapped.request.orderPayments[0].authorizationID, undefined, 'the input request is not modified')
})
