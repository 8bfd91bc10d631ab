import t from 'tap'
import { z } from 'zod'
import { OrderEventSchema } from '../../schemas/order-event.ts'
import { loadExample } from '../support/examples.ts'
import { issuePaths, issues } from '../support/mapping.ts'

t.test('money fields leave as normalized decimal strings, never floats', async (t) => {
  const event = loadExample()
  event.data.items[0].unitPrice = '10.000'
  event.data.items[1].unitPrice = 14.99
  const parsed = OrderEventSchema.parse(event)
  t.equal(parsed.data.items[0].unitPrice, '10')
  t.equal(parsed.data.items[1].unitPrice, '14.99')
  t.equal(typeof parsed.data.total, 'string')
})

t.test('null means absent for optional fields', async (t) => {
  const event = loadExample()
  Object.assign(event, { id: null, source: null })
  Object.assign(event.data, { channel: null, locale: null, fraud: null, attributes: null })
  Object.assign(event.data.items[1], { salePrice: null, discount: null, upc: null })
  Object.assign(event.data.billTo.address, { line2: null, type: null })
  Object.assign(event.data.payments[0], { authorizedAt: null, capture: null, authCode: null })
  t.same(issuePaths(event), [])
})

t.test('null is not accepted for required fields', async (t) => {
  const event = loadExample()
  event.data.items[0].sku = null
  t.same(issuePaths(event), ['data.items.0.sku'])
})

t.test('unknown fields are refused at every level', async (t) => {
  for (const [where, mutate] of [
    ['envelope', (e: any) => (e.extra = 1)],
    ['data', (e: any) => (e.data.totl = '1')],
    ['item', (e: any) => (e.data.items[0].unitprice = '1')],
    ['address', (e: any) => (e.data.billTo.address.zip = '1')],
    ['payment', (e: any) => (e.data.payments[0].foo = 'x')],
    ['card', (e: any) => (e.data.payments[0].card.cvv = '123')],
    ['fraud', (e: any) => (e.data.fraud.x = 1)]
  ] as const) {
    const event = loadExample()
    mutate(event)
    t.ok(
      issues(event).some((issue) => /Unrecognized key/i.test(issue.message)),
      where
    )
  }
})

t.test('datetimes: RFC 3339 with an offset naming a real instant', async (t) => {
  for (const good of ['2026-11-20T15:04:05Z', '2026-11-20T15:04:05.123+09:00', '2024-02-29T00:00:00-05:00']) {
    const event = loadExample()
    event.data.placedAt = good
    t.same(issuePaths(event), [], good)
  }
  for (const bad of [
    '2026-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2026-11-20T15:04:05',
    '2026-11-20',
    '2026-11-20T24:00:00Z',
    '2026-13-01T00:00:00Z',
    'yesterday',
    '2026-11-20 15:04:05Z'
  ]) {
    const event = loadExample()
    event.data.placedAt = bad
    t.same(issuePaths(event), ['data.placedAt'], bad)
  }
})

t.test('field rules: currency, country, email, last4, expMonth, expYear, quantity, lengths', async (t) => {
  const cases: [string, (e: any) => void, string][] = [
    ['XAU currency', (e) => (e.data.currency = 'XAU'), 'data.currency'],
    ['lowercase currency', (e) => (e.data.currency = 'usd'), 'data.currency'],
    ['unknown currency', (e) => (e.data.currency = 'ABC'), 'data.currency'],
    ['country', (e) => (e.data.billTo.address.country = 'USA'), 'data.billTo.address.country'],
    ['email', (e) => (e.data.customer.email = 'not-an-email'), 'data.customer.email'],
    ['last4', (e) => (e.data.payments[0].card.last4 = '111'), 'data.payments.0.card.last4'],
    ['expMonth 13', (e) => (e.data.payments[0].card.expMonth = 13), 'data.payments.0.card.expMonth'],
    ['expMonth 0', (e) => (e.data.payments[0].card.expMonth = 0), 'data.payments.0.card.expMonth'],
    ['expYear 2 digits', (e) => (e.data.payments[0].card.expYear = 29), 'data.payments.0.card.expYear'],
    ['quantity 0', (e) => (e.data.items[0].quantity = 0), 'data.items.0.quantity'],
    ['quantity 1.5', (e) => (e.data.items[0].quantity = 1.5), 'data.items.0.quantity'],
    ['quantity too big', (e) => (e.data.items[0].quantity = 1_000_001), 'data.items.0.quantity'],
    ['externalId 101', (e) => (e.data.externalId = 'x'.repeat(101)), 'data.externalId'],
    ['externalId empty', (e) => (e.data.externalId = ''), 'data.externalId'],
    ['text 256', (e) => (e.data.billTo.firstName = 'x'.repeat(256)), 'data.billTo.firstName'],
    ['brand', (e) => (e.data.payments[0].card.brand = 'VISAA'), 'data.payments.0.card.brand'],
    ['negative money', (e) => (e.data.items[0].tax = -1), 'data.items.0.tax'],
    ['money with exponent', (e) => (e.data.items[0].tax = '1e2'), 'data.items.0.tax'],
    ['money too large', (e) => (e.data.items[0].tax = '1000000000000'), 'data.items.0.tax'],
    ['money as boolean', (e) => (e.data.items[0].tax = true), 'data.items.0.tax'],
    ['gateway', (e) => (e.data.payments[0].gateway = 'stripe'), 'data.payments.0.gateway'],
    ['kount decision', (e) => (e.data.fraud.decision = 'MAYBE'), 'data.fraud.decision'],
    ['locale', (e) => (e.data.locale = 'en_US!'), 'data.locale'],
    ['no items', (e) => (e.data.items = []), 'data.items'],
    [
      'attributes > 50',
      (e) => (e.data.attributes = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))),
      'data.attributes'
    ],
    ['attribute not string', (e) => (e.data.attributes = { a: 1 }), 'data.attributes.a']
  ]
  for (const [name, mutate, path] of cases) {
    const event = loadExample()
    mutate(event)
    const found = issues(event)
    t.ok(
      found.some((issue) => issue.path === path),
      `${name} → ${path}: ${JSON.stringify(found)}`
    )
    for (const issue of found) t.ok(issue.message.length > 5, `${name}: message says something`)
  }
  const negative = loadExample()
  negative.data.items[0].tax = -1
  t.match(issues(negative)[0].message, /negative/)
})

t.test('cross-field rules, each at its exact path', async (t) => {
  const cases: [string, (e: any) => void, string, RegExp][] = [
    ['19.999 USD', (e) => (e.data.items[0].tax = '19.999'), 'data.items.0.tax', /3 decimal places, but USD allows at most 2/],
    [
      'capture amount decimals',
      (e) => (e.data.payments[0].capture = { transactionId: 'c', amount: '1.001', capturedAt: '2026-11-20T15:04:05Z' }),
      'data.payments.0.capture.amount',
      /USD/
    ],
    ['payment amount decimals', (e) => (e.data.payments[0].amount = 46.711), 'data.payments.0.amount', /3 decimal places/],
    ['duplicate lineId', (e) => (e.data.items[1].lineId = '1'), 'data.items.1.lineId', /already used by items\[0\]/],
    ['Ship without shipTo', (e) => (e.data.shipTo = null), 'data.shipTo', /shipTo is required/],
    [
      'Pickup without locationCode',
      (e) => (e.data.items[0].fulfillment = { method: 'Pickup' }),
      'data.items.0.fulfillment.locationCode',
      /locationCode/
    ],
    ['non-zero total without payments', (e) => (e.data.payments = []), 'data.payments', /required when total is not 0/],
    ['status on order.created', (e) => (e.data.status = 'Completed'), 'data.status', /order\.completed/],
    ['card.token missing on cybersource', (e) => delete e.data.payments[0].card.token, 'data.payments.0.card.token', /.+/]
  ]
  for (const [name, mutate, path, message] of cases) {
    const event = loadExample()
    mutate(event)
    const found = issues(event)
    const hit = found.find((issue) => issue.path === path)
    t.ok(hit, `${name} → ${path}: ${JSON.stringify(found)}`)
    t.match(hit?.message, message, name)
  }
})

t.test('a zero total needs no payments; Digital items need no shipTo', async (t) => {
  const event = loadExample('paypal-eur')
  event.data.items = [{ lineId: 'g', sku: 'FREE', quantity: 1, unitPrice: 0, fulfillment: { method: 'Digital' } }]
  event.data.total = '0.00'
  event.data.payments = null
  event.data.shipTo = null
  t.same(issuePaths(event), [])
})

t.test('card.token: required except on authorizenet, and a PAN is refused without echo', async (t) => {
  const anet = loadExample('authorizenet-pickup-review')
  anet.data.payments[0].card.token = 'tok_x'
  t.ok(
    issues(anet).some((issue) => issue.path === 'data.payments.0.card' && /Unrecognized key/.test(issue.message)),
    'authorizenet cards carry no token'
  )
  const noop = loadExample('historical-completed-jpy')
  noop.data.payments[0].card.token = '5555555555554444'
  const found = issues(noop)
  t.same(
    found.map((issue) => issue.path),
    ['data.payments.0.card.token']
  )
  t.notMatch(JSON.stringify(OrderEventSchema.safeParse(noop).error), /5555555555554444/)
  const profile = loadExample('authorizenet-pickup-review')
  profile.data.payments[0].customerProfileId = '4111111111111111'
  t.same(issuePaths(profile), ['data.payments.0.customerProfileId'], 'customerProfileId goes to cardNumberPartOrMask: no PAN either')
})

t.test('status on order.completed: Completed, Canceled, Cancelled', async (t) => {
  for (const status of ['Completed', 'Canceled', 'Cancelled']) {
    const event = loadExample('historical-completed-jpy')
    event.data.status = status
    t.same(issuePaths(event), [], status)
  }
  const bad = loadExample('historical-completed-jpy')
  bad.data.status = 'Shipped'
  t.same(issuePaths(bad), ['data.status'])
})

t.test('JSON Schema: the event converts for OpenAPI (input and output)', async (t) => {
  const input = z.toJSONSchema(OrderEventSchema, { io: 'input' }) as any
  t.equal(input.$ref, '#/$defs/OrderEvent')
  const root = input.$defs.OrderEvent
  t.equal(root.type, 'object')
  t.ok(root.required.includes('data'))
  t.ok(input.$defs.Item && input.$defs.Payment && input.$defs.Contact, 'named components')
  const text = JSON.stringify(input)
  t.match(text, /"pattern":"\^\[0-9\]\+\(\\\\\.\[0-9\]\+\)\?\$"/, 'decimal string pattern')
  t.match(text, /"format":"date-time"/)
  t.match(text, /"additionalProperties":false/)
  t.doesNotThrow(() => z.toJSONSchema(OrderEventSchema, { io: 'output' }))
})

t.test('customer is optional when billTo carries the email; without either email it is a 400', async (t) => {
  const { OrderEventSchema } = await import('../../schemas/order-event.ts')
  const { mapEventToKiboOrder } = await import('../../src/mapping/index.ts')
  const base = JSON.parse(
    JSON.stringify((await import('../../examples/authorizenet-pickup-review.json', { with: { type: 'json' } })).default)
  )
  delete base.data.customer
  const parsed = OrderEventSchema.safeParse(base)
  t.ok(parsed.success, 'no customer but billTo.email is fine')
  const mapped = mapEventToKiboOrder(parsed.data!, { fraudDeclineAction: 'review' })
  t.ok(mapped.ok)
  if (mapped.ok) {
    t.equal(mapped.kiboOrder.email, 'sam.billing@example.com')
    t.equal(mapped.kiboOrder.customerAccountId, undefined)
  }
  delete base.data.billTo.email
  const refused = OrderEventSchema.safeParse(base)
  t.notOk(refused.success)
  t.same(
    refused.error?.issues.map((issue) => issue.path.join('.')),
    ['data.customer.email']
  )
})
