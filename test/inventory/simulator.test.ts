// The simulator's inventory endpoints over real HTTP, as the service's client sees them: batch
// limits refused Kibo-style, LOCATION_NOT_FOUND, jobs moving PENDING → IN_PROGRESS → COMPLETED,
// per-item ITEM_NOT_FOUND messages.
import t from 'tap'
import { request } from 'undici'
import { startKiboSimulator, DEFAULT_TENANT, type KiboSimulator } from '../../src/kibo-simulator/index.ts'

let sim: KiboSimulator
let token: string
t.before(async () => {
  sim = await startKiboSimulator()
  const response = await request(`${sim.authBaseUrl}/api/platform/applications/authtickets/oauth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: DEFAULT_TENANT.clientId,
      client_secret: DEFAULT_TENANT.sharedSecret,
      grant_type: 'client_credentials'
    })
  })
  token = ((await response.body.json()) as { access_token: string }).access_token
})
t.teardown(() => sim.close())

async function call (method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await request(`${sim.apiBaseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-vol-tenant': String(DEFAULT_TENANT.tenantId),
      'x-vol-site': String(DEFAULT_TENANT.siteIds[0]),
      'content-type': 'application/json'
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  return { status: response.statusCode, body: (await response.body.json()) as any }
}

t.test('batch limits: adjust over 1,000 and refresh over 12,000 items are a 400 VALIDATION_ERROR', async (t) => {
  const items = (n: number) => Array.from({ length: n }, () => ({ partNumber: 'MUG-BLUE', quantity: 1 }))
  const adjust = await call('POST', '/commerce/inventory/v5/inventory/adjust', { locationCode: 'WH-EAST', items: items(1001) })
  t.equal(adjust.status, 400)
  t.match(adjust.body, { errorCode: 'VALIDATION_ERROR', message: /at most 1000 items/, applicationName: String })
  const refresh = await call('POST', '/commerce/inventory/v5/inventory/refresh', { locationCode: 'WH-EAST', items: items(12_001) })
  t.equal(refresh.status, 400)
  t.match(refresh.body.message, /at most 12000 items/)
  t.equal((await call('POST', '/commerce/inventory/v5/inventory/adjust', { locationCode: 'WH-EAST', items: items(1000) })).status, 200)
  const fractional = await call('POST', '/commerce/inventory/v5/inventory/refresh', {
    locationCode: 'WH-EAST',
    items: [{ partNumber: 'MUG-BLUE', quantity: 1.5 }]
  })
  t.equal(fractional.status, 400)
  const location = await call('POST', '/commerce/inventory/v5/inventory/refresh', { locationCode: 'MOON', items: items(1) })
  t.equal(location.status, 404)
  t.equal(location.body.errorCode, 'LOCATION_NOT_FOUND')
  const unauthenticated = await request(`${sim.apiBaseUrl}/commerce/inventory/v1/queue/1`)
  t.equal(unauthenticated.statusCode, 401)
  await unauthenticated.body.dump()
})

t.test('a job moves PENDING → IN_PROGRESS → COMPLETED and names unknown items', async (t) => {
  sim.inventory.setJobStepMs(200)
  const queued = await call('POST', '/commerce/inventory/v5/inventory/refresh', {
    locationCode: 'STORE-001',
    items: [
      { partNumber: 'POSTER-A2', quantity: 8 },
      { partNumber: 'NOT-A-PART', quantity: 1 }
    ]
  })
  t.equal(queued.status, 200)
  t.type(queued.body.jobID, 'number')
  const seen: string[] = []
  for (let i = 0; i < 40; i++) {
    const job = await call('GET', `/commerce/inventory/v1/queue/${queued.body.jobID}`)
    if (seen.at(-1) !== job.body.status) seen.push(job.body.status)
    if (job.body.status === 'COMPLETED') {
      t.match(job.body, { type: 'REFRESH', locationCode: 'STORE-001', itemCount: 2, success: true })
      t.same(job.body.messages, ["ITEM_NOT_FOUND: partNumber 'NOT-A-PART' does not exist in the catalog (locationCode 'STORE-001')"])
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  t.same(seen, ['PENDING', 'IN_PROGRESS', 'COMPLETED'])
  const query = await call('POST', '/commerce/inventory/v1/inventory', { type: 'ANY', items: [{ partNumber: 'POSTER-A2' }] })
  t.equal(query.status, 200)
  t.match(query.body, [{ locationCode: 'STORE-001', partNumber: 'POSTER-A2', onHand: 8, available: 8, allocated: 0 }])
  t.equal((await call('GET', '/commerce/inventory/v1/queue/999999')).status, 404)
})
