// Gateway mappers, Kount, composition rules (historical import, split tender, derived totals), payload hash.
import t from 'tap'
import { OrderEventSchema, type PaymentOf } from '../../schemas/order-event.ts'
import { ProblemTypes } from '../../schemas/problem.ts'
import {
  deriveOrderTotals,
  gatewayMappers,
  kountVerdict,
  mapAuthorizeNetPayment,
  mapCybersourcePayment,
  mapEventToKiboOrder,
  mapFraud,
  mapNoopPayment,
  mapPayPalPayment,
  reconcileTotals,
  type PaymentContext
} from '../../src/mapping/index.ts'
import { Decimal } from '../../src/mapping/money.ts'
import { payloadHash, canonicalJson } from '../../src/lib/canonical-json.ts'
import { example, goldenOptions } from './helpers.ts'

const billingContact = { firstName: 'A', lastNameOrSurname: 'B', address: { address1: '1 Main', cityOrTown: 'Austin', countryCode: 'US' } }
const context: PaymentContext = { currency: 'USD', placedAt: '2026-11-20T15:04:05.000Z', billingContact }
const parse = (event: unknown) => OrderEventSchema.parse(event)
const map = (event: unknown, options = goldenOptions) => mapEventToKiboOrder(parse(event), options)

t.test('registry has one mapper per gateway', async (t) => {
  t.same(Object.keys(gatewayMappers).sort(), ['authorizenet', 'cybersource', 'noop', 'paypal'])
})

t.test('cybersource mapper', async (t) => {
  const payment = parse(example()).data.payments![0] as PaymentOf<'cybersource'>
  const out = mapCybersourcePayment(payment, context)
  t.match(out, { paymentType: 'CreditCard', paymentWorkflow: 'Mozu', status: 'Authorized', amountRequested: 46.71, amountCollected: 0 })
  t.same(out.billingInfo.card, {
    paymentOrCardType: 'VISA',
    cardNumberPartOrMask: '0160184007701111',
    ccLastFour: '1111',
    isTokenized: true,
    expireMonth: 12,
    expireYear: 2029,
    nameOnCard: 'Ming Li'
  })
  t.same(out.billingInfo.billingContact, billingContact)
  t.equal(out.interactions.length, 1)
  t.same(out.interactions[0], {
    interactionType: 'Authorization',
    status: 'Authorized',
    amount: 46.71,
    currencyCode: 'USD',
    interactionDate: '2026-11-20T15:04:03.000Z',
    gatewayTransactionId: '40018563191',
    gatewayAuthCode: 'ASQLVO',
    gatewayAVSCodes: 'Y',
    gatewayCVV2Codes: 'P',
    gatewayResponseCode: '100',
    gatewayResponseText: 'Request was processed successfully.',
    gatewayResponseData: [
      { key: 'AuthorizationRequestId', value: '5642607567736184003012' },
      { key: 'AuthorizationRequestToken', value: payment.requestToken },
      { key: 'currencyCode', value: 'USD' }
    ]
  })
})

t.test('authorizenet mapper', async (t) => {
  const payment = parse(example('authorizenet-pickup-review')).data.payments![0] as PaymentOf<'authorizenet'>
  const out = mapAuthorizeNetPayment(payment, context)
  t.equal(out.billingInfo.card?.cardNumberPartOrMask, '1510780557', 'customerProfileId')
  t.equal(out.billingInfo.card?.isTokenized, true)
  t.same(out.data, { customerPaymentProfileId: '1510480795' })
  t.same(out.interactions[0].gatewayResponseData, [
    { key: 'TransactionId', value: '40045193885' },
    { key: 'ApprovalCode', value: 'C7TZL9' }
  ])
  t.equal(out.interactions[0].gatewayTransactionId, '40045193885')
  t.equal(out.interactions[0].gatewayAuthCode, 'C7TZL9')
  t.equal(out.interactions[0].interactionDate, context.placedAt, 'no authorizedAt → placedAt')
  const bare = mapAuthorizeNetPayment({ ...payment, card: null }, context)
  t.same(bare.billingInfo.card, { cardNumberPartOrMask: '1510780557', isTokenized: true }, 'card without details')
})

t.test('paypal mapper', async (t) => {
  const payment = parse(example('paypal-eur')).data.payments![0] as PaymentOf<'paypal'>
  const out = mapPayPalPayment(payment, { ...context, currency: 'EUR' })
  t.match(out, { paymentType: 'PayPalExpress2', paymentWorkflow: 'PayPalExpress2', externalTransactionId: 'EC-74R44913L24993252' })
  t.same(out.billingInfo.data, { paypal: { payerId: 'B373JG5S4Y388' } })
  t.equal(out.billingInfo.card, undefined)
  t.equal(out.interactions[0].gatewayTransactionId, '8AF73994TM546221D')
  t.equal(out.interactions[0].currencyCode, 'EUR')
})

t.test('noop mapper with capture: Collected, amountCollected, Capture/Captured interaction', async (t) => {
  const payment = parse(example('historical-completed-jpy')).data.payments![0] as PaymentOf<'noop'>
  const out = mapNoopPayment(payment, { ...context, currency: 'JPY' })
  t.match(out, { paymentType: 'CreditCard', paymentWorkflow: 'Mozu', status: 'Collected', amountRequested: 4936, amountCollected: 4936 })
  t.equal(out.billingInfo.card?.cardNumberPartOrMask, 'tok_jp_9f3a77')
  t.same(out.interactions[1], {
    interactionType: 'Capture',
    status: 'Captured',
    amount: 4936,
    currencyCode: 'JPY',
    interactionDate: '2019-03-15T00:00:00.000Z',
    gatewayTransactionId: 'NOOP-451-C'
  })
  const noCard = mapNoopPayment({ gateway: 'noop', amount: '5' }, context)
  t.equal(noCard.billingInfo.card, undefined)
  t.equal(noCard.interactions[0].gatewayTransactionId, undefined)
})

t.test('Kount decision table (case-insensitive)', async (t) => {
  const table: [string, 'Pass' | 'Review', boolean][] = [
    ['A', 'Pass', false],
    ['approve', 'Pass', false],
    ['R', 'Review', false],
    ['REVIEW', 'Review', false],
    ['e', 'Review', false],
    ['Escalate', 'Review', false],
    ['D', 'Review', true],
    ['decline', 'Review', true]
  ]
  for (const [decision, status, declined] of table) t.match(kountVerdict(decision), { status, declined }, decision)
  t.throws(() => kountVerdict('X'))
})

t.test('Kount: decline → Review by default, 422 when configured to reject', async (t) => {
  const fraud = { provider: 'kount' as const, transactionId: 'K1', decision: 'D', score: 99, checkedAt: '2026-11-20T16:00:00+01:00' }
  const review = mapFraud(fraud, { placedAt: context.placedAt, declineAction: 'review' })
  t.match(review, {
    ok: true,
    validationResult: {
      validationId: 'K1',
      validatorName: 'Kount',
      validatorType: 'Fraud',
      status: 'Review',
      createdDate: '2026-11-20T15:00:00.000Z'
    }
  })
  const reject = mapFraud(fraud, { placedAt: context.placedAt, declineAction: 'reject' })
  t.match(reject, { ok: false, problem: { status: 422, type: ProblemTypes.fraudDeclined, errors: [{ path: 'data.fraud.decision' }] } })
  const event = example('authorizenet-pickup-review')
  event.data.fraud.decision = 'DECLINE'
  t.match(map(event, { ...goldenOptions, fraudDeclineAction: 'reject' }), { ok: false, problem: { status: 422 } })
  t.match(map(event), { ok: true, kiboOrder: { validationResults: [{ status: 'Review' }] } })
  event.data.fraud.decision = 'R'
  t.match(map(event, { ...goldenOptions, fraudDeclineAction: 'reject' }), { ok: true }, 'reject only applies to declines')
})

t.test('historical import: isHistoricalImport + Kibo status spelling', async (t) => {
  for (const [status, kibo] of [
    ['Completed', 'Completed'],
    ['Canceled', 'Cancelled'],
    ['Cancelled', 'Cancelled'],
    [undefined, 'Completed']
  ] as const) {
    const event = example('historical-completed-jpy')
    event.data.status = status
    const result = map(event)
    t.match(result, { ok: true, kiboOrder: { isImport: true, isHistoricalImport: true, status: kibo } }, String(status))
  }
  const created = map(example())
  t.ok(created.ok && created.kiboOrder.isHistoricalImport === undefined && created.kiboOrder.status === undefined, 'order.created: neither')
})

t.test('split tender: order billingInfo.card comes from the first card payment', async (t) => {
  const event = example('paypal-eur')
  event.data.payments = [
    { gateway: 'paypal', amount: '20.04', token: 'EC-1', payerId: 'P1', authorizationId: 'A1' },
    { gateway: 'noop', amount: '10.00', transactionId: 'N1' },
    { gateway: 'noop', amount: '15.00', card: { token: 'tok_first', last4: '4242', brand: 'VISA' } },
    { gateway: 'noop', amount: '5.00', card: { token: 'tok_second', brand: 'MC' } }
  ]
  const result = map(event)
  if (!result.ok) return t.fail(JSON.stringify(result.problem))
  t.equal(result.kiboOrder.payments.length, 4)
  t.equal(result.kiboOrder.billingInfo.card?.cardNumberPartOrMask, 'tok_first')
  t.equal(result.kiboOrder.payments[3].billingInfo.card?.cardNumberPartOrMask, 'tok_second')
  for (const payment of result.kiboOrder.payments) {
    t.same(payment.billingInfo.billingContact, result.kiboOrder.billingInfo.billingContact, 'billTo on every payment')
  }
  event.data.payments[0].amount = '20.05'
  t.match(map(event), { ok: false, problem: { status: 422, errors: [{ path: 'data.payments' }] } }, 'payment sum must equal total')
})

t.test('order-level totals are derived from the items, and add up', async (t) => {
  const event = example()
  Object.assign(event.data.items[1], {
    handling: '2.00',
    handlingDiscount: '0.50',
    handlingTax: '0.10',
    duty: '1.25',
    overridePrice: '13.00'
  })
  event.data.total = '47.57' // 46.71 - 1.99 (override) + 2.00 - 0.50 + 0.10 + 1.25
  event.data.payments[0].amount = '47.57'
  const result = map(event)
  if (!result.ok) return t.fail(JSON.stringify(result.problem))
  const o = result.kiboOrder
  t.match(o, {
    subtotal: 38.5,
    discountTotal: 2.75,
    itemTaxTotal: 3.07,
    shippingTotal: 4.99,
    shippingTaxTotal: 0.41,
    handlingTotal: 2,
    handlingTaxTotal: 0.1,
    dutyTotal: 1.25,
    taxTotal: 3.58,
    total: 47.57
  })
  t.equal(o.items[1].product.price.tenantOverridePrice, 13)
  const totals = deriveOrderTotals(parse(event).data.items)
  t.ok(
    totals.subtotal
      .minus(totals.discountTotal)
      .plus(totals.taxTotal)
      .plus(totals.shippingTotal)
      .plus(totals.handlingTotal)
      .plus(totals.dutyTotal)
      .equals(totals.total)
  )
  t.ok(totals.total.equals(new Decimal('47.57')))
})

t.test('item mapping: 1-based lineId, externalLineId, fulfillment, attributes, channel default, locale', async (t) => {
  const event = example()
  event.data.items[0].lineId = 'L-9'
  event.data.attributes = { campaign: 'bf26' }
  event.data.channel = null
  const result = map(event, { fraudDeclineAction: 'review', defaultChannelCode: 'Web' })
  if (!result.ok) return t.fail()
  t.same(
    result.kiboOrder.items.map((item) => [item.lineId, item.data.externalLineId]),
    [
      [1, 'L-9'],
      [2, '2']
    ]
  )
  t.same(result.kiboOrder.data, { attributes: { campaign: 'bf26' } })
  t.equal(result.kiboOrder.channelCode, 'Web')
  t.equal(result.kiboOrder.tenantId, undefined)
  t.equal(result.kiboOrder.items[0].localeCode, 'en-US')
  t.equal(result.kiboOrder.customerAccountId, 1001)
  t.equal(result.kiboOrder.email, 'ming@example.com')
})

t.test('reconcileTotals returns decimal strings per line', async (t) => {
  const r = reconcileTotals(parse(example()).data)
  t.same(r, {
    ok: true,
    currency: 'USD',
    mismatches: [],
    lines: [
      { lineId: '1', index: 0, price: '8.50', quantity: 3, lineTotal: '30.48' },
      { lineId: '2', index: 1, price: '14.99', quantity: 1, lineTotal: '16.23' }
    ],
    lineSum: '46.71',
    paymentSum: '46.71',
    total: '46.71'
  })
})

t.test('payloadHash: money normalized, metadata and nulls ignored, content counted', async (t) => {
  const a = example()
  const b = example()
  b.data.items[0].unitPrice = '10.000'
  b.data.items[1].unitPrice = '14.990'
  b.id = 'evt_other'
  b.timestamp = '2027-01-01T00:00:00Z'
  b.source = 'elsewhere'
  b.data.locale = 'en-US'
  b.data.attributes = null
  const ha = payloadHash(parse(a))
  t.match(ha, /^[0-9a-f]{64}$/)
  t.equal(payloadHash(parse(b)), ha)
  const c = example()
  c.data.items[0].quantity = 4
  t.not(payloadHash(parse(c)), ha)
  t.equal(canonicalJson({ b: 1, a: [null, { d: null, c: 'x' }] }), '{"a":[null,{"c":"x"}],"b":1}')
})
