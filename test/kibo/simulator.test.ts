import t from 'tap'
import { startKiboSimulator, DEFAULT_TENANT_ID, DEFAULT_SITE_ID, type KiboSimulator } from '../../src/kibo-simulator/index.ts'
import { api, getToken, validOrder, type KiboOrderFixture } from './fixtures.ts'

let sim: KiboSimulator
let token: string
t.before(async () => {
  sim = await startKiboSimulator({
    tenants: [
      {
        tenantId: DEFAULT_TENANT_ID,
        siteIds: [DEFAULT_SITE_ID],
        clientId: 'kibo-simulator-client',
        sharedSecret: 'kibo-simulator-dev-shared-secret-not-for-production'
      },
      { tenantId: 200001, siteIds: [200002], clientId: 'other-client', sharedSecret: 'other-secret' }
    ]
  })
  token = await getToken(sim)
})
t.teardown(() => sim.close())

t.test('oauth: issues tokens for right credentials, 401 Kibo-style otherwise', async (t) => {
  const res = await fetch(`${sim.authBaseUrl}/api/platform/applications/authtickets/oauth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'kibo-simulator-client', client_secret: 'wrong', grant_type: 'client_credentials' })
  })
  t.equal(res.status, 401)
  t.ok(res.headers.get('x-vol-correlation'))
  const body = (await res.json()) as any
  t.equal(body.errorCode, 'UNAUTHORIZED')
  t.type(body.message, 'string')
  t.ok(Array.isArray(body.additionalErrorData))
  const ok = await fetch(`${sim.authBaseUrl}/api/platform/applications/authtickets/oauth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: 'kibo-simulator-client',
      client_secret: 'kibo-simulator-dev-shared-secret-not-for-production',
      grant_type: 'client_credentials'
    })
  })
  const ticket = (await ok.json()) as any
  t.equal(ok.status, 200)
  t.type(ticket.access_token, 'string')
  t.equal(ticket.expires_in, 3600)
})

t.test('API calls need a valid token for the tenant and matching x-vol headers', async (t) => {
  t.equal((await api(sim, 'nonsense', 'GET', '/commerce/orders')).status, 401)
  t.equal((await api(sim, token, 'GET', '/commerce/orders', undefined, { 'x-vol-tenant': '200001' })).status, 401)
  t.equal((await api(sim, token, 'GET', '/commerce/orders', undefined, { 'x-vol-site': '999' })).status, 400)
  const other = await getToken(sim, 'other-client', 'other-secret')
  t.equal((await api(sim, other, 'GET', '/commerce/orders')).status, 401, "another tenant's token is refused")
  t.equal((await api(sim, other, 'GET', '/commerce/orders', undefined, { 'x-vol-tenant': '200001', 'x-vol-site': '200002' })).status, 200)
  const stats = sim.stats()
  t.equal(stats.tokensIssuedByTenant['200001'], 1)
  t.ok(stats.activeTokensByTenant[String(DEFAULT_TENANT_ID)] >= 1)
})

t.test('accepts a correct import and serves it back', async (t) => {
  const order = validOrder('SIM-OK-1')
  const res = await api(sim, token, 'POST', '/commerce/orders', order)
  t.equal(res.status, 201, JSON.stringify(res.body))
  t.match(res.body.id, /^[0-9a-f]{32}$/)
  t.type(res.body.orderNumber, 'number')
  t.equal(res.body.status, 'Accepted')
  t.equal(res.body.externalId, 'SIM-OK-1')
  t.equal(res.body.total, 46.71)
  t.ok(res.headers.get('x-vol-correlation'))
  const again = await api(sim, token, 'GET', `/commerce/orders/${res.body.id}`)
  t.equal(again.status, 200)
  t.equal(again.body.orderNumber, res.body.orderNumber)
  const second = await api(sim, token, 'POST', '/commerce/orders', validOrder('SIM-OK-2'))
  t.equal(second.body.orderNumber, res.body.orderNumber + 1, 'order numbers are sequential')
  t.equal((await api(sim, token, 'GET', '/commerce/orders/0123456789abcdef0123456789abcdef')).status, 404)
})

t.test('duplicate externalId: stored and counted by default, so a double import is visible', async (t) => {
  await api(sim, token, 'POST', '/commerce/orders', validOrder('SIM-DUP'))
  const res = await api(sim, token, 'POST', '/commerce/orders', validOrder('SIM-DUP'))
  t.equal(res.status, 201)
  t.equal(sim.stats().ordersByExternalId['SIM-DUP'], 2)
})

t.test('duplicate externalId is a 409 conflict when the simulator is told to refuse them', async (t) => {
  const strict = await startKiboSimulator({ rejectDuplicateExternalIds: true })
  t.teardown(() => strict.close())
  const strictToken = await getToken(strict)
  await api(strict, strictToken, 'POST', '/commerce/orders', validOrder('SIM-DUP'))
  const res = await api(strict, strictToken, 'POST', '/commerce/orders', validOrder('SIM-DUP'))
  t.equal(res.status, 409)
  t.equal(res.body.errorCode, 'ITEM_ALREADY_EXISTS')
  t.equal(strict.stats().ordersByExternalId['SIM-DUP'], 1)
})

t.test('wholeOrdersKept: older orders keep only their summary, and are still found by externalId and id', async (t) => {
  const small = await startKiboSimulator({ wholeOrdersKept: 2, rejectDuplicateExternalIds: true })
  t.teardown(() => small.close())
  const smallToken = await getToken(small)
  const ids: string[] = []
  const sent = [1, 2, 3].map((n) => validOrder(`SIM-KEEP-${n}`))
  for (const order of sent) ids.push((await api(small, smallToken, 'POST', '/commerce/orders', order)).body.id)
  const [oldest] = small.orders('SIM-KEEP-1')
  t.equal(oldest.items, undefined, 'the oldest order is reduced to its summary')
  t.equal(oldest.id, ids[0])
  t.ok(sent[0].validationResults.length > 0)
  t.same(oldest.validationResults, sent[0].validationResults, 'the summary keeps the validation results as sent')
  const results = await api(small, smallToken, 'GET', `/commerce/orders/${ids[0]}/validationresults`)
  t.same(results.body, sent[0].validationResults)
  t.ok(Array.isArray(small.orders('SIM-KEEP-3')[0].items), 'the newest are whole')
  const found = await api(small, smallToken, 'GET', `/commerce/orders?filter=${encodeURIComponent("externalId eq 'SIM-KEEP-1'")}`)
  t.equal(found.body.totalCount, 1)
  t.equal(found.body.items[0].id, ids[0])
  t.equal((await api(small, smallToken, 'GET', `/commerce/orders/${ids[0]}`)).status, 200)
  const again = await api(small, smallToken, 'POST', '/commerce/orders', validOrder('SIM-KEEP-1'))
  t.equal(again.status, 409, 'a summarized order still counts as existing')
  t.equal(small.stats().orderCount, 3)
})

const violations: Array<[string, (o: KiboOrderFixture) => void, RegExp]> = [
  ['isImport missing', (o) => delete o.isImport, /isImport must be true/],
  ['order billingInfo missing', (o) => delete o.billingInfo, /billingInfo is required/],
  ['payment billingInfo missing', (o) => delete o.payments[0].billingInfo, /payments\[0\]\.billingInfo is required/],
  ['no Authorization interaction', (o) => (o.payments[0].interactions[0].interactionType = 'Capture'), /Authorization.*Authorized/],
  ['amountRequested sum differs', (o) => (o.payments[0].amountRequested = 46.7), /amountRequested/],
  ['card not tokenized', (o) => (o.payments[0].billingInfo.card.isTokenized = false), /tokenized/],
  ['card number is a PAN', (o) => (o.billingInfo.card.cardNumberPartOrMask = '4111111111111111'), /not a card number/],
  ['no productCode', (o) => delete o.items[0].product.productCode, /productCode is required/],
  ['quantity 0', (o) => (o.items[0].quantity = 0), /quantity must be a whole number/],
  ['no price', (o) => delete o.items[1].product.price.price, /price\.price is required/],
  ['total off by one cent', (o) => (o.total = 46.72), /The order totals do not match the sum of the item totals\./],
  [
    'float noise in an amount',
    (o) => (o.items[0].itemTaxTotal = 1.8300000000000001 + 0.0000000000000003),
    /decimal places|totals do not match/
  ],
  ['three decimals in USD', (o) => (o.items[0].shippingTotal = 4.995), /more decimal places/],
  ['subtotal aggregate wrong', (o) => (o.subtotal = 40.5), /subtotal/],
  ['itemTaxTotal aggregate wrong', (o) => (o.itemTaxTotal = 3), /itemTaxTotal/],
  ['Pickup without location', (o) => (o.items[1].fulfillmentMethod = 'Pickup'), /fulfillmentLocationCode is required/],
  ['Ship without contact', (o) => delete o.fulfillmentInfo, /fulfillmentInfo/],
  ['Ship contact without address', (o) => delete o.fulfillmentInfo.fulfillmentContact.address, /address is required/],
  ['bad validation status', (o) => (o.validationResults[0].status = 'Maybe'), /status must be one of/],
  [
    'historical import with open status',
    (o) => {
      o.isHistoricalImport = true
      o.status = 'Accepted'
    },
    /Completed or Cancelled/
  ],
  ['unknown currency', (o) => (o.currencyCode = 'ZZZ'), /ISO 4217/]
]

for (const [name, mutate, message] of violations) {
  t.test(`rejects: ${name}`, async (t) => {
    const order = validOrder()
    mutate(order)
    const res = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(res.status, 400, JSON.stringify(res.body))
    t.equal(res.body.errorCode, 'VALIDATION_ERROR')
    t.equal(res.body.applicationName, 'Commerce')
    t.ok(res.headers.get('x-vol-correlation'))
    const all = [res.body.message, ...res.body.additionalErrorData.map((d: any) => d.value)].join('\n')
    t.match(all, message)
    t.equal(sim.orders(order.externalId).length, 0, 'nothing stored')
  })
}

t.test('a PAN is never echoed back', async (t) => {
  const order = validOrder()
  order.payments[0].billingInfo.card.cardNumberPartOrMask = '4111111111111111'
  const res = await api(sim, token, 'POST', '/commerce/orders', order)
  t.notMatch(JSON.stringify(res.body), /4111111111111111/)
})

t.test('JPY: zero decimals enforced; KWD: three allowed', async (t) => {
  const jpy = validOrder()
  jpy.currencyCode = 'JPY'
  const res = await api(sim, token, 'POST', '/commerce/orders', jpy)
  t.equal(res.status, 400)
  t.match(res.body.message + JSON.stringify(res.body.additionalErrorData), /more decimal places than the currency allows \(0\)/)
  const kwd = validOrder()
  kwd.currencyCode = 'KWD'
  kwd.items = [{ ...kwd.items[1], product: { productCode: 'X', price: { price: 1.234 } }, itemTaxTotal: 0.001, shippingTotal: 0 }]
  kwd.total = 1.235
  kwd.payments[0].amountRequested = 1.235
  kwd.payments[0].interactions[0].amount = 1.235
  for (const f of ['subtotal', 'itemTaxTotal', 'shippingTotal', 'shippingTaxTotal']) delete kwd[f]
  const ok = await api(sim, token, 'POST', '/commerce/orders', kwd)
  t.equal(ok.status, 201, JSON.stringify(ok.body))
})

t.test('price precedence: tenantOverridePrice ?? salePrice ?? price', async (t) => {
  const order = validOrder()
  order.items[0].product.price.tenantOverridePrice = 9
  // 27 - 1.5 - 0.75 + 1.83 + 4.99 + 0.41 = 31.98 ; + 16.23 = 48.21
  order.total = 48.21
  order.subtotal = 41.99
  order.payments[0].amountRequested = 48.21
  const res = await api(sim, token, 'POST', '/commerce/orders', order)
  t.equal(res.status, 201, JSON.stringify(res.body))
})

t.test('Review puts the order in PendingReview; historical import keeps its status', async (t) => {
  const review = validOrder()
  review.validationResults[0].status = 'Review'
  const res = await api(sim, token, 'POST', '/commerce/orders', review)
  t.equal(res.status, 201)
  t.equal(res.body.status, 'PendingReview')
  const historical = validOrder()
  historical.isHistoricalImport = true
  historical.status = 'Completed'
  const h = await api(sim, token, 'POST', '/commerce/orders', historical)
  t.equal(h.status, 201)
  t.equal(h.body.status, 'Completed')
})

t.test('filter by externalId, with quotes escaped by doubling', async (t) => {
  const odd = "O'Brien & Sons 'quoted' + 50%"
  const created = await api(sim, token, 'POST', '/commerce/orders', validOrder(odd))
  t.equal(created.status, 201)
  const filter = encodeURIComponent(`externalId eq '${odd.replaceAll("'", "''")}'`)
  const res = await api(sim, token, 'GET', `/commerce/orders?filter=${filter}`)
  t.equal(res.status, 200)
  t.same(Object.keys(res.body).sort(), ['items', 'pageCount', 'pageSize', 'startIndex', 'totalCount'])
  t.equal(res.body.totalCount, 1)
  t.equal(res.body.items[0].externalId, odd)
  const none = await api(sim, token, 'GET', `/commerce/orders?filter=${encodeURIComponent("externalId eq 'nope'")}`)
  t.equal(none.body.totalCount, 0)
  t.same(none.body.items, [])
  const bad = await api(sim, token, 'GET', `/commerce/orders?filter=${encodeURIComponent("externalId eq 'unterminated")}`)
  t.equal(bad.status, 400)
  const unquoted = await api(sim, token, 'GET', `/commerce/orders?filter=${encodeURIComponent('externalId eq abc')}`)
  t.equal(unquoted.status, 400)
})

t.test('validationresults and updateorderrestrictions', async (t) => {
  const created = await api(sim, token, 'POST', '/commerce/orders', validOrder())
  const id = created.body.id
  const list = await api(sim, token, 'GET', `/commerce/orders/${id}/validationresults`)
  t.equal(list.status, 200)
  t.equal(list.body.length, 1)
  const put = await api(sim, token, 'PUT', `/commerce/orders/${id}/validationresults`, {
    validationId: 'later-1',
    validatorName: 'Kount',
    validatorType: 'Fraud',
    status: 'Review',
    createdDate: '2026-11-20T16:00:00Z'
  })
  t.equal(put.status, 200)
  t.equal((await api(sim, token, 'GET', `/commerce/orders/${id}`)).body.status, 'PendingReview')
  const badPut = await api(sim, token, 'PUT', `/commerce/orders/${id}/validationresults`, { status: 'Review' })
  t.equal(badPut.status, 400)
  const restricted = await api(
    sim,
    token,
    'PUT',
    `/commerce/orders/${id}/updateorderrestrictions?restrictEdit=true&restrictCancellation=false`
  )
  t.equal(restricted.status, 200)
  t.equal(restricted.body.restrictEdit, true)
  t.equal(restricted.body.restrictCancellation, false)
})

t.test('faults', async (t) => {
  t.beforeEach(() => sim.faults.clear())

  t.test('500, 503-html, 502-empty, 429 commit nothing', async (t) => {
    sim.faults.inject([
      { kind: '500' },
      { kind: '503-html', retryAfterSeconds: 7 },
      { kind: '502-empty' },
      { kind: '429', retryAfterSeconds: 3 }
    ])
    const order = validOrder()
    const a = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(a.status, 500)
    t.equal(a.body.errorCode, 'UNEXPECTED_ERROR')
    const b = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(b.status, 503)
    t.match(b.body, /<html>/)
    t.equal(b.headers.get('retry-after'), '7')
    const c = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(c.status, 502)
    t.equal(c.body, '')
    const d = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(d.status, 429)
    t.equal(d.headers.get('retry-after'), '3')
    t.equal(sim.orders(order.externalId).length, 0)
    const e = await api(sim, token, 'POST', '/commerce/orders', order)
    t.equal(e.status, 201, 'queue drained: the next create goes through')
  })

  t.test('reset destroys the socket and commits nothing', async (t) => {
    sim.faults.inject({ kind: 'reset' })
    const order = validOrder()
    await t.rejects(api(sim, token, 'POST', '/commerce/orders', order))
    t.equal(sim.orders(order.externalId).length, 0)
  })

  t.test('commit-then-fail stores the order, then loses the answer', async (t) => {
    sim.faults.inject([{ kind: 'commit-then-fail' }, { kind: 'commit-then-fail', then: 504 }])
    const first = validOrder()
    await t.rejects(api(sim, token, 'POST', '/commerce/orders', first))
    t.equal(sim.orders(first.externalId).length, 1)
    const second = validOrder()
    const res = await api(sim, token, 'POST', '/commerce/orders', second)
    t.equal(res.status, 504)
    t.equal(sim.orders(second.externalId).length, 1)
  })

  t.test('timeout hangs (after committing when asked)', async (t) => {
    sim.faults.inject({ kind: 'timeout', commit: true, hangMs: 5000 })
    const order = validOrder()
    await t.rejects(
      fetch(`${sim.apiBaseUrl}/commerce/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'x-vol-tenant': String(DEFAULT_TENANT_ID),
          'x-vol-site': String(DEFAULT_SITE_ID),
          'content-type': 'application/json'
        },
        body: JSON.stringify(order),
        signal: AbortSignal.timeout(300)
      })
    )
    t.equal(sim.orders(order.externalId).length, 1)
  })

  t.test('auth-401-once revokes the token used', async (t) => {
    const own = await getToken(sim)
    sim.faults.inject({ kind: 'auth-401-once' })
    t.equal((await api(sim, own, 'GET', '/commerce/orders')).status, 401)
    t.equal((await api(sim, own, 'GET', '/commerce/orders')).status, 401, 'the token stays revoked')
    const fresh = await getToken(sim)
    t.equal((await api(sim, fresh, 'GET', '/commerce/orders')).status, 200)
  })

  t.test('probabilistic faults are reproducible with a seed', async (t) => {
    const run = async () => {
      sim.faults.clear()
      sim.faults.seed(42)
      sim.faults.inject({ kind: '500', route: 'findOrders', probability: 0.5 })
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) statuses.push((await api(sim, token, 'GET', '/commerce/orders?pageSize=1')).status)
      return statuses
    }
    const a = await run()
    const b = await run()
    t.same(a, b)
    t.ok(a.includes(500) && a.includes(200), a.join(','))
  })

  t.test('latency', async (t) => {
    sim.faults.setLatency({ fixedMs: 150 })
    const started = Date.now()
    await api(sim, token, 'GET', '/commerce/orders?pageSize=1')
    t.ok(Date.now() - started >= 140)
    sim.faults.setLatency(null)
  })
})

t.test('HTTP control endpoints', async (t) => {
  const set = await fetch(`${sim.url}/_simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clear: true,
      seed: 7,
      faults: [{ kind: '429', route: 'createOrder', times: 2, retryAfterSeconds: 1 }],
      latency: { minMs: 0, maxMs: 5 }
    })
  })
  t.equal(set.status, 200)
  const state = (await (await fetch(`${sim.url}/_simulator/state`)).json()) as any
  t.equal(state.faults.length, 1)
  t.equal(state.faults[0].remaining, 2)
  t.equal(state.seed, 7)
  t.notMatch(JSON.stringify(state), /dev-shared-secret|other-secret/, 'secrets are not exposed')
  t.equal((await api(sim, token, 'POST', '/commerce/orders', validOrder())).status, 429)
  const bad = await fetch(`${sim.url}/_simulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults: [{ kind: 'explode' }] })
  })
  t.equal(bad.status, 400)
  const reset = await fetch(`${sim.url}/_simulator/reset`, { method: 'POST' })
  t.equal(reset.status, 200)
  const after = sim.stats()
  t.equal(after.orderCount, 0)
  t.equal(after.oauthCalls, 0)
  t.equal(sim.faults.list().faults.length, 0)
  t.equal((await api(sim, token, 'GET', '/commerce/orders')).status, 401, 'reset forgets tokens')
})
