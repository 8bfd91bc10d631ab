import t from 'tap'
import pino from 'pino'
import { startKiboSimulator, DEFAULT_SHARED_SECRET, type KiboSimulator, type FaultSpec } from '../../src/kibo-simulator/index.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from '../../src/kibo/auth.ts'
import { createKiboClient, type KiboClient, type KiboResponseInfo } from '../../src/kibo/orders-client.ts'
import { KiboError, kiboErrorToProblem } from '../../src/kibo/errors.ts'
import { parseKiboErrorBody } from '../../src/kibo/transport.ts'
import { connectionFor, logCapture, validOrder } from './fixtures.ts'

let sim: KiboSimulator
t.before(async () => {
  sim = await startKiboSimulator()
})
t.teardown(() => sim.close())
t.beforeEach(() => sim.reset())

function setup (
  t: { teardown: (fn: () => unknown) => void },
  opts: { timeoutMs?: number; retryBudgetMs?: number; simulator?: KiboSimulator } = {}
) {
  const capture = logCapture()
  const logger = pino({ level: 'debug' }, capture.stream)
  const connection = connectionFor(opts.simulator ?? sim)
  const tokenProvider: KiboTokenProvider = createKiboTokenProvider({ connection, timeoutMs: 2000, logger })
  const responses: KiboResponseInfo[] = []
  const client: KiboClient = createKiboClient({
    connection,
    tokenProvider,
    timeoutMs: opts.timeoutMs ?? 1500,
    connections: 8,
    retryBudgetMs: opts.retryBudgetMs ?? 3000,
    logger,
    onResponse: (info) => responses.push(info)
  })
  t.teardown(async () => {
    await client.close()
    await tokenProvider.close()
  })
  return { client, tokenProvider, capture, responses }
}

t.test('importOrder creates once when all is well', async (t) => {
  const { client, responses } = setup(t)
  const order = validOrder()
  const result = await client.importOrder(order)
  t.equal(result.created, true)
  t.equal(result.attempts, 1)
  t.match(result.order.id, /^[0-9a-f]{32}$/)
  t.ok(result.correlationId)
  t.equal(sim.stats().ordersByExternalId[order.externalId], 1)
  t.same(
    responses.map((r) => [r.operation, r.status]),
    [['createOrder', 201]]
  )
  t.same(client.stats().calls, { createOrder: { 201: 1 } })
  const fetched = await client.getOrder(result.order.id)
  t.equal(fetched.externalId, order.externalId)
  t.equal((await client.findOrderByExternalId(order.externalId))?.id, result.order.id)
  t.equal(await client.findOrderByExternalId('absent'), null)
  const restricted = await client.updateOrderRestrictions(result.order.id, { edit: true, cancellation: true })
  t.equal(restricted.restrictEdit, true)
  t.equal(restricted.restrictCancellation, true)
})

const faultCases: Array<{ name: string; fault: FaultSpec; created: boolean; timeoutMs?: number }> = [
  { name: '500 before commit', fault: { kind: '500' }, created: true },
  { name: '503 HTML before commit', fault: { kind: '503-html' }, created: true },
  { name: '502 empty before commit', fault: { kind: '502-empty' }, created: true },
  { name: 'reset before commit', fault: { kind: 'reset' }, created: true },
  { name: 'timeout before commit', fault: { kind: 'timeout', hangMs: 3000 }, created: true, timeoutMs: 300 },
  { name: 'commit-then-fail (socket reset)', fault: { kind: 'commit-then-fail' }, created: false },
  { name: 'commit-then-fail (500)', fault: { kind: 'commit-then-fail', then: 500 }, created: false },
  { name: 'commit-then-fail (504 HTML)', fault: { kind: 'commit-then-fail', then: 504 }, created: false },
  { name: 'timeout after commit', fault: { kind: 'timeout', commit: true, hangMs: 3000 }, created: false, timeoutMs: 300 },
  { name: '429 with Retry-After 1', fault: { kind: '429', retryAfterSeconds: 1 }, created: true },
  { name: '401 once (token revoked)', fault: { kind: 'auth-401-once' }, created: true }
]

for (const c of faultCases) {
  t.test(`fault ${c.name}: exactly one order for the externalId`, async (t) => {
    const { client } = setup(t, c.timeoutMs !== undefined ? { timeoutMs: c.timeoutMs } : {})
    await client.findOrderByExternalId('warm-up') // token and connection ready
    sim.faults.inject(c.fault)
    const order = validOrder()
    const result = await client.importOrder(order)
    t.equal(result.created, c.created, 'created flag')
    t.equal(sim.stats().ordersByExternalId[order.externalId], 1, 'one order in Kibo')
    t.equal(sim.orders(order.externalId)[0].id, result.order.id)
    t.equal(sim.stats().faultsTriggered[c.fault.kind], 1)
    if (!c.created) t.equal(sim.stats().createCalls, 1, 'never re-created after a possible commit')
  })
}

t.test('401 → one re-auth; a second 401 is an auth error', async (t) => {
  const { client } = setup(t)
  await client.findOrderByExternalId('warm-up')
  sim.faults.inject({ kind: 'auth-401-once', times: 2 })
  const error = await client.importOrder(validOrder()).catch((e: unknown) => e)
  t.ok(error instanceof KiboError)
  t.equal((error as KiboError).kind, 'auth')
  t.equal(sim.stats().oauthCalls, 2, 'exactly one re-authentication')
  t.equal(sim.stats().orderCount, 0)
  const problem = kiboErrorToProblem(error)
  t.equal(problem.status, 502)
  t.equal(problem.detail, 'Kibo rejected our credentials.')
})

t.test('429 beyond the retry budget gives up with Retry-After', async (t) => {
  const { client } = setup(t, { retryBudgetMs: 1000 })
  sim.faults.inject({ kind: '429', retryAfterSeconds: 5 })
  const started = Date.now()
  const error = (await client.importOrder(validOrder()).catch((e: unknown) => e)) as KiboError
  t.ok(Date.now() - started < 900, 'did not wait beyond the budget')
  t.equal(error.kind, 'rate_limited')
  t.equal(error.retryAfterSeconds, 5)
  t.match(error.message, /Kibo is unavailable.*retry after 5 seconds/)
  t.equal(sim.stats().orderCount, 0)
  const problem = kiboErrorToProblem(error)
  t.equal(problem.status, 503)
  t.equal(problem.retryAfter, 5)
  t.ok(problem.correlationId)
})

t.test('persistent 503 HTML: lookup says absent → unavailable, nothing created', async (t) => {
  const { client } = setup(t, { retryBudgetMs: 800 })
  await client.findOrderByExternalId('warm-up')
  sim.faults.inject({ kind: '503-html', route: 'createOrder', probability: 1, retryAfterSeconds: 2 })
  const order = validOrder()
  const error = (await client.importOrder(order).catch((e: unknown) => e)) as KiboError
  t.equal(error.kind, 'unavailable')
  t.equal(error.status, 503)
  t.equal(error.kiboMessage, '503 Service Temporarily Unavailable')
  t.equal(error.retryAfterSeconds, 2)
  t.equal(sim.stats().orderCount, 0)
})

t.test('persistent failure after a possible commit with Kibo unreachable for lookups → ambiguous 502', async (t) => {
  const { client } = setup(t, { retryBudgetMs: 800 })
  await client.findOrderByExternalId('warm-up')
  sim.faults.inject([
    { kind: '500', route: 'createOrder', probability: 1 },
    { kind: '500', route: 'findOrders', probability: 1 }
  ])
  const error = (await client.importOrder(validOrder()).catch((e: unknown) => e)) as KiboError
  t.equal(error.kind, 'ambiguous')
  const problem = kiboErrorToProblem(error)
  t.equal(problem.status, 502)
  t.type(problem.retryAfter, 'number')
})

t.test('Kibo validation error → 422 problem with errorCode, message and correlation id', async (t) => {
  const { client } = setup(t)
  const order = validOrder()
  order.total = 46.72
  const error = (await client.importOrder(order).catch((e: unknown) => e)) as KiboError
  t.equal(error.kind, 'validation')
  t.equal(error.status, 400)
  t.equal(error.errorCode, 'VALIDATION_ERROR')
  t.match(error.kiboMessage, /The order totals do not match the sum of the item totals\./)
  t.equal(sim.stats().createCalls, 1, 'a validation error is not retried')
  const problem = kiboErrorToProblem(error)
  t.equal(problem.status, 422)
  t.equal(problem.errorCode, 'VALIDATION_ERROR')
  t.equal(problem.correlationId, error.correlationId)
  t.match(problem.detail, /totals do not match/)
})

t.test('a Kibo that refuses a duplicate externalId (409): the existing order is returned, not duplicated', async (t) => {
  const strict = await startKiboSimulator({ rejectDuplicateExternalIds: true })
  t.teardown(() => strict.close())
  const { client } = setup(t, { simulator: strict })
  const order = validOrder()
  await client.createOrder(order)
  const result = await client.importOrder(order)
  t.equal(result.created, false)
  t.equal(strict.stats().ordersByExternalId[order.externalId], 1)
})

t.test('findOrderByExternalId escapes quotes', async (t) => {
  const { client } = setup(t)
  const id = "it's 'quoted' & 100% + more"
  const created = await client.createOrder(validOrder(id))
  t.equal((await client.findOrderByExternalId(id))?.id, created.id)
  t.equal(await client.findOrderByExternalId("it's"), null)
})

t.test('getOrder of an unknown id → not_found', async (t) => {
  const { client } = setup(t)
  const error = (await client.getOrder('0123456789abcdef0123456789abcdef').catch((e: unknown) => e)) as KiboError
  t.equal(error.kind, 'not_found')
  t.equal(error.errorCode, 'ITEM_NOT_FOUND')
})

t.test('error bodies: JSON, HTML, empty', async (t) => {
  t.same(parseKiboErrorBody(''), {})
  const json = parseKiboErrorBody(
    '{"message":"Bad","errorCode":"VALIDATION_ERROR","applicationName":"Commerce",' +
      '"additionalErrorData":[{"name":"a","value":"b"}],"items":[]}',
    'application/json'
  )
  t.equal(json.message, 'Bad')
  t.equal(json.errorCode, 'VALIDATION_ERROR')
  t.equal(json.applicationName, 'Commerce')
  t.same(json.additionalErrorData, [{ name: 'a', value: 'b' }])
  const html = parseKiboErrorBody('<html><head><title>502 Bad Gateway</title></head><body>x</body></html>', 'text/html')
  t.equal(html.message, '502 Bad Gateway')
  const long = parseKiboErrorBody('x'.repeat(5000), 'text/plain')
  t.ok((long.body ?? '').length <= 2001)
  const broken = parseKiboErrorBody('{not json', 'application/json')
  t.equal(broken.message, '{not json')
})

t.test('logs carry no token and no secret', async (t) => {
  const { client, tokenProvider, capture } = setup(t)
  await client.findOrderByExternalId('warm-up')
  sim.faults.inject([{ kind: 'auth-401-once' }, { kind: '500' }, { kind: 'commit-then-fail' }])
  const order = validOrder()
  await client.importOrder(order)
  const token = await tokenProvider.getToken()
  const logs = capture.text()
  t.ok(logs.length > 0)
  t.notMatch(logs, token)
  t.notMatch(logs, DEFAULT_SHARED_SECRET)
  t.notMatch(logs, /Bearer/i)
  t.notMatch(logs, /authorization/i)
})
