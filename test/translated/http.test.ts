// The translated API over real HTTP: the simulator (src/kibo-simulator/translated.ts) and the
// client (src/kibo/translated-client.ts), with requests built by the mapping.
import t from 'tap'
import { request as undiciRequest } from 'undici'
import { startKiboSimulator, DEFAULT_TENANT_ID, type KiboSimulator } from '../../src/kibo-simulator/index.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from '../../src/kibo/auth.ts'
import { KiboError } from '../../src/kibo/errors.ts'
import {
  createTranslatedClient,
  translatedBaseUrl,
  translatedErrorToProblem,
  type TranslatedClient
} from '../../src/kibo/translated-client.ts'
import {
  applyTranslatedAuthorization,
  buildTranslatedAuthorizeRequest,
  mapEventToTranslatedOrder
} from '../../src/mapping/translated-v2/index.ts'
import type { TranslatedCreateOrderRequest } from '../../schemas/translated-order.ts'
import { connectionFor } from '../kibo/fixtures.ts'
import { goldenTranslatedOptions as options, parseEvent, readGolden, readTranslatedExample } from './helpers.ts'

let sim: KiboSimulator
let tokens: KiboTokenProvider
let client: TranslatedClient
t.before(async () => {
  sim = await startKiboSimulator()
  tokens = createKiboTokenProvider({ connection: connectionFor(sim), timeoutMs: 2000 })
  client = createTranslatedClient({ tenantId: DEFAULT_TENANT_ID, baseUrl: sim.url, tokenProvider: tokens, timeoutMs: 1000 })
})
t.teardown(async () => {
  await client.close()
  await tokens.close()
  await sim.close()
})
t.beforeEach(async () => {
  sim.reset()
  // reset() forgets the simulator's tokens: drop the provider's cached one too.
  tokens.invalidate(await tokens.getToken())
})

function mapped (name: string, change: (input: any) => void = () => {}): TranslatedCreateOrderRequest {
  const input = structuredClone(readTranslatedExample(name))
  change(input)
  const result = mapEventToTranslatedOrder(parseEvent(input), options)
  if (!result.ok || result.split) throw new Error(JSON.stringify(result))
  return result.request
}

async function rejection (promise: Promise<unknown>): Promise<KiboError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof KiboError) return error
    throw error
  }
  throw new Error('expected a KiboError')
}

t.test('the documented base URLs', async (t) => {
  t.equal(translatedBaseUrl(12345, 'sandbox'), 'https://12345-translation.sandbox.mozu.com')
  t.equal(translatedBaseUrl(12345, 'production'), 'https://12345-translation.mozu.com')
})

t.test('create: every example maps to a request the simulator accepts', async (t) => {
  for (const name of ['seed-sample-usd', 'paypal-eur-carrier', 'noop-jpy-pickup']) {
    const request = mapped(name)
    const { order } = await client.createTranslatedOrder(request)
    t.ok(order.orderID >= 1, `${name}: orderID ${order.orderID}`)
    t.equal(order.externalOrderID, request.externalOrderID)
    t.equal(sim.translated.orders(request.externalOrderID).length, 1)
  }
  const split = mapEventToTranslatedOrder(parseEvent(readTranslatedExample('preorder-split-usd')), options)
  if (!split.ok || !split.split) throw new Error('expected a split')
  for (const child of split.orders) await client.createTranslatedOrder(child.request)
  t.same(
    sim.translated
      .orders()
      .map((o) => o.externalOrderID)
      .slice(-2),
    ['SO-200410', 'SO-200410-P'],
    'both child orders accepted'
  )
})

t.test("create: the seed's own sample request is accepted as is", async (t) => {
  const { order } = await client.createTranslatedOrder(readGolden('translated-seed-sample.json'))
  t.equal(order.externalOrderID, '8885456-98658-12215')
})

t.test('authorize, then create with the authorizationID', async (t) => {
  const event = parseEvent(readTranslatedExample('noop-jpy-pickup'))
  const built = buildTranslatedAuthorizeRequest(event, options)
  if (!built.ok) throw new Error('authorize request')
  const { authorization } = await client.authorizeTranslatedOrder(built.request)
  t.ok(authorization.orderID >= 1)
  t.match(authorization.authToken, /^AUTH-/)
  const result = mapEventToTranslatedOrder(event, options)
  if (!result.ok || result.split) throw new Error('mapping')
  const request = applyTranslatedAuthorization(result.request, authorization, { externalCartID: built.request.externalCartID })
  const { order } = await client.createTranslatedOrder(request)
  t.equal(order.orderID, authorization.orderID, 'the order takes the authorized orderID')
  t.equal(sim.translated.authorizations()[0].usedBy, 'POS-9001')

  // "the payment token is associated 1:1 with an Order ID"
  const other = { ...request, externalOrderID: 'POS-9002' }
  const error = await rejection(client.createTranslatedOrder(other))
  t.equal(error.kind, 'validation')
  t.equal(error.status, 400)
  t.match(error.kiboMessage, /already used by order POS-9001/)
})

t.test('authorize: the seed sample, and validation failures', async (t) => {
  const sample = {
    externalCartID: '0123456',
    manufacturerID: 1010,
    catalogID: 0,
    currency: 'USD',
    locale: 'en-US',
    customer: {
      firstName: 'John',
      lastName: 'Smith',
      email: 'John.Smith@kibocommerce.com',
      password: null,
      phone1: '4691111111',
      active: null,
      accountCreated: null
    },
    paymentMethod: {
      billingAddress: {
        firstName: 'John',
        lastName: 'Smith',
        addressLine1: '111 Example St',
        phone: '4691111111',
        city: 'San Luis Obispo',
        state: 'CA',
        postalCode: '93401',
        countryCode: 'US',
        latitude: null,
        longitude: null,
        company: null
      },
      paymentType: 'CC',
      cardIssuer: 'VI',
      noOperationType: null,
      cardNumber: '4111111111111111',
      cardExpiration: '10-2019',
      cardSecurityCode: '123',
      payPalToken: null,
      payPalPayerID: null,
      paymentMethodToken: null,
      authToken: null,
      ccLastFour: null,
      cardToken: null,
      creditPlan: null,
      creditPlanType: null,
      retailerRef: null,
      financeCode: null,
      paymentMethodID: null
    },
    amount: 2.0,
    testOrder: true
  } as any
  const { authorization } = await client.authorizeTranslatedOrder(sample)
  t.ok(authorization.authToken)
  const noPhone = structuredClone(sample)
  delete noPhone.customer.phone1
  const error = await rejection(client.authorizeTranslatedOrder(noPhone))
  t.match(error, { kind: 'validation', status: 400, errorCode: 'VALIDATION_ERROR' })
  t.match(error.additionalErrorData, [{ name: 'Problem1', value: /customer\.phone1/ }])
  const typo = { ...structuredClone(sample), externalCardID: '0123456' }
  delete typo.externalCartID
  t.match(
    await rejection(client.authorizeTranslatedOrder(typo)),
    { kind: 'validation', kiboMessage: /externalCartID/ },
    'the table spelling externalCardID is not the field'
  )
})

t.test('create: validation failures answered 400 with the problems', async (t) => {
  const cases: [string, (r: any) => void, RegExp][] = [
    [
      'preorder mixed with in-stock',
      (r) => (r.orderItems[1].product.availability = 'P'),
      /orderItems\.1\.product\.availability: Products with availability P must be split/
    ],
    [
      'US line tax over 20.1%',
      (r) => (r.orderItems[0].itemSpecifics.itemTaxOverride = 1.02),
      /orderItems\.0\.itemSpecifics\.itemTaxOverride: The tax rate of a US line item/
    ],
    ['currency not listed', (r) => (r.currency = 'XAF'), /currency/],
    [
      'carrier without carrierType and serviceType',
      (r) => (r.shippingMethod.carrier = 'UPS'),
      /carrier, carrierType and serviceType must be used together/
    ],
    ['read-only shipping price', (r) => (r.shippingMethod.price = 5), /shippingMethod\.price: price is read-only/],
    ['maxAmount -1 on a CC', (r) => (r.orderPayments[0].maxAmount = -1), /maxAmount must be null \(not -1\)/],
    ['maxAmount 0', (r) => (r.orderPayments[0].maxAmount = 0), /must be null, -1 or a positive number/],
    ['unknown payment type', (r) => (r.orderPayments[0].paymentMethod.paymentType = 'XX'), /paymentType/],
    ['landingCode too short', (r) => (r.landingCode = 'short'), /landingCode: must be at least 10 characters/],
    ['externalOrderID too long', (r) => (r.externalOrderID = 'x'.repeat(101)), /externalOrderID: must be at most 100 characters/],
    [
      'no-op subtype for USD only',
      (r) => Object.assign(r.orderPayments[0].paymentMethod, { paymentType: 'NO', noOperationType: 'HI' }),
      /HI does not support EUR/
    ]
  ]
  for (const [what, change, message] of cases) {
    const request: any = mapped(what === 'no-op subtype for USD only' ? 'paypal-eur-carrier' : 'seed-sample-usd')
    change(request)
    const error = await rejection(client.createTranslatedOrder(request))
    t.equal(error.kind, 'validation', what)
    t.equal(error.status, 400, what)
    t.match(JSON.stringify(error.additionalErrorData), message, what)
  }
  t.equal(sim.translated.orders().length, 0, 'nothing stored')
})

t.test('create: a second create with the same externalOrderID is refused', async (t) => {
  const request = mapped('seed-sample-usd')
  await client.createTranslatedOrder(request)
  const error = await rejection(client.createTranslatedOrder(request))
  t.match(error, { kind: 'validation', status: 409, errorCode: 'ITEM_ALREADY_EXISTS' })
  t.equal(sim.translated.orders().length, 1)
})

t.test('auth: bearer token and x-vol-tenant are both required', async (t) => {
  const body = JSON.stringify(mapped('seed-sample-usd'))
  const token = await tokens.getToken()
  const post = (headers: Record<string, string>) =>
    undiciRequest(`${sim.url}/api/v2/createOrder/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body
    }).then(async (r) => ({ status: r.statusCode, body: (await r.body.json()) as any }))
  t.match(await post({ 'x-vol-tenant': String(DEFAULT_TENANT_ID) }), { status: 401, body: { errorCode: 'UNAUTHORIZED' } }, 'no token')
  t.match(await post({ authorization: `Bearer ${token}` }), { status: 401 }, 'no x-vol-tenant')
  t.match(await post({ authorization: `Bearer ${token}`, 'x-vol-tenant': '999' }), { status: 401 }, 'another tenant')
  t.match(
    await post({ authorization: `Bearer ${token}`, 'x-vol-tenant': String(DEFAULT_TENANT_ID) }),
    { status: 200, body: { externalOrderID: '8885456-98658-12215' } },
    'no x-vol-site needed'
  )

  sim.revokeTokens()
  const { order } = await client.createTranslatedOrder(mapped('paypal-eur-carrier'))
  t.ok(order.orderID, 'a revoked token: 401, one re-authentication, one retry')
})

t.test('no blind retry: a create whose answer is lost is ambiguous, and sent once', async (t) => {
  sim.faults.inject([{ kind: 'commit-then-fail', then: 'reset' }])
  const request = mapped('seed-sample-usd')
  const error = await rejection(client.createTranslatedOrder(request))
  t.equal(error.kind, 'ambiguous')
  t.equal(sim.stats().createCalls, 1, 'not retried')
  t.equal(sim.translated.orders().length, 1, 'it was in fact created')
  const problem = translatedErrorToProblem(error)
  t.equal(problem.status, 502)
  t.match(problem.detail, /no way to look it up by externalOrderID; sending it again could create it twice/)
  t.equal(problem.retryAfter, undefined)

  sim.faults.inject([{ kind: '500' }])
  t.match(
    await rejection(client.createTranslatedOrder(mapped('paypal-eur-carrier'))),
    { kind: 'ambiguous', status: 500 },
    'a 5xx may have been processed'
  )
  sim.faults.inject([{ kind: '429', retryAfterSeconds: 3 }])
  t.match(
    await rejection(client.createTranslatedOrder(mapped('paypal-eur-carrier'))),
    { kind: 'rate_limited', status: 429, retryAfterSeconds: 3 },
    'a 429 was refused: not ambiguous, not retried'
  )
  sim.faults.inject([{ kind: 'timeout', hangMs: 3000 }])
  t.match(await rejection(client.createTranslatedOrder(mapped('paypal-eur-carrier'))), { kind: 'ambiguous' }, 'a timeout is ambiguous')
  t.equal(sim.stats().createCalls, 4, 'one request each')

  sim.faults.inject([{ kind: 'commit-then-fail', then: 500 }])
  const built = buildTranslatedAuthorizeRequest(parseEvent(readTranslatedExample('noop-jpy-pickup')), options)
  if (!built.ok) throw new Error('authorize request')
  const authError = await rejection(client.authorizeTranslatedOrder(built.request))
  t.equal(authError.kind, 'ambiguous')
  t.match(translatedErrorToProblem(authError).detail, /could hold the payment twice/)
  t.equal(sim.translated.stats().authorizeCalls, 1, 'processed once, not retried')
  t.equal(sim.translated.authorizations().length, 1)
})

t.test('a connection that never opened sent nothing', async (t) => {
  const closed = createTranslatedClient({
    tenantId: DEFAULT_TENANT_ID,
    baseUrl: 'http://127.0.0.1:1',
    tokenProvider: tokens,
    timeoutMs: 500
  })
  t.teardown(() => closed.close())
  t.match(await rejection(closed.createTranslatedOrder(mapped('seed-sample-usd'))), { kind: 'unavailable' })
})
