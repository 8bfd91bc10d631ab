// Multi-tenant routing: one deployment, two Kibo tenants from TENANTS_FILE, each chosen by the
// API key or webhook secret the caller used; a simulator that checks tenant headers and tokens.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { Webhook } from 'standardwebhooks'
import { stringify as toYaml } from 'yaml'
import { startKiboSimulator } from '../../src/kibo-simulator/index.ts'
import { ConfigError, loadConfig } from '../../src/config/config.ts'
import { buildTestApp } from '../support/app.ts'
import { loadExample, withExternalId } from '../support/examples.ts'

const keyA = 'tenant-a-key-0123456789abcdef'
const keyB = 'tenant-b-key-0123456789abcdef'
const secretB = `whsec_${randomBytes(32).toString('base64')}`

function tenantsFile (t: { teardown(fn: () => unknown): void }, content: unknown, extension = 'yaml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kob-tenants-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, `tenants.${extension}`)
  writeFileSync(file, extension === 'json' ? JSON.stringify(content) : toYaml(content))
  return file
}

t.test('each key reaches only its own tenant, with one OAuth call per tenant', async (t) => {
  const simulator = await startKiboSimulator({
    tenants: [
      { tenantId: 11111, siteIds: [21111], clientId: 'client-a', sharedSecret: 'secret-a-0123456789' },
      { tenantId: 22222, siteIds: [32222], clientId: 'client-b', sharedSecret: 'secret-b-0123456789' }
    ]
  })
  t.teardown(() => simulator.close())
  const file = tenantsFile(t, {
    tenants: [
      {
        name: 'acme-us',
        tenantId: 11111,
        siteId: 21111,
        clientId: 'client-a',
        sharedSecret: 'secret-a-0123456789',
        apiBaseUrl: simulator.apiBaseUrl,
        authBaseUrl: simulator.authBaseUrl,
        apiKeys: [keyA]
      },
      {
        name: 'acme-eu',
        tenantId: 22222,
        siteId: 32222,
        clientId: 'client-b',
        sharedSecretEnv: 'ACME_EU_SECRET',
        apiBaseUrl: simulator.apiBaseUrl,
        authBaseUrl: simulator.authBaseUrl,
        apiKeysEnv: 'ACME_EU_KEYS',
        webhookSecrets: [secretB],
        channelCode: 'EU'
      }
    ]
  })
  const app = await buildTestApp(t, {
    TENANTS_FILE: file,
    ACME_EU_SECRET: 'secret-b-0123456789',
    ACME_EU_KEYS: keyB,
    RETRY_BASE_MS: '20',
    QUEUE_POLL_MS: '500'
  })
  t.same(
    app.tenants.all.map((tenant) => tenant.name),
    ['acme-us', 'acme-eu']
  )

  const post = (key: string, event: unknown) =>
    app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      payload: event as object
    })

  const responses = await Promise.all([
    ...Array.from({ length: 20 }, (_, i) => post(keyA, withExternalId(loadExample('cybersource-ship-usd'), `MT-${i}`))),
    ...Array.from({ length: 20 }, (_, i) => post(keyB, withExternalId(loadExample('paypal-eur'), `MT-${i}`)))
  ])
  t.same(
    responses.map((response) => response.statusCode),
    Array(40).fill(201),
    'the same externalIds import once per tenant'
  )
  const orders = simulator.orders()
  t.equal(orders.length, 40)
  t.equal(
    orders.filter((order) => order.tenantId === 11111 && order.siteId === 21111 && order.currencyCode === 'USD').length,
    20,
    "key A's orders reached tenant A only"
  )
  t.equal(
    orders.filter((order) => order.tenantId === 22222 && order.siteId === 32222 && order.currencyCode === 'EUR').length,
    20,
    "key B's orders reached tenant B only"
  )
  t.ok(
    orders.filter((order) => order.tenantId === 22222).every((order) => order.channelCode === 'EU'),
    "tenant B's channel code applied"
  )
  t.same(simulator.stats().oauthCallsByTenant, { 11111: 1, 22222: 1 }, 'one OAuth call per tenant')

  const replay = await post(keyA, withExternalId(loadExample('cybersource-ship-usd'), 'MT-0'))
  t.equal(replay.statusCode, 200, 'idempotency is per tenant and site')

  // A webhook signed with tenant B's secret is tenant B's.
  const body = JSON.stringify(withExternalId(loadExample('paypal-eur'), 'MT-WEBHOOK'))
  const id = 'msg_mt_1'
  const now = new Date()
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/webhooks/orders',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secretB).sign(id, now, body)
    },
    payload: body
  })
  t.equal(accepted.statusCode, 202, accepted.body)
  const { importId } = accepted.json()
  for (let i = 0; i < 200 && simulator.orders('MT-WEBHOOK').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50))
  t.same(
    simulator.orders('MT-WEBHOOK').map((order) => order.tenantId),
    [22222],
    "the webhook's order reached tenant B"
  )

  const ownView = await app.inject({ method: 'GET', url: `/v1/imports/${importId}`, headers: { 'x-api-key': keyB } })
  t.equal(ownView.statusCode, 200)
  const otherView = await app.inject({ method: 'GET', url: `/v1/imports/${importId}`, headers: { 'x-api-key': keyA } })
  t.equal(otherView.statusCode, 404, "another tenant's import does not exist for this key")
  const listA = await app.inject({ method: 'GET', url: '/v1/imports?limit=100', headers: { 'x-api-key': keyA } })
  t.equal(listA.json().items.length, 20, "a key lists only its tenant's imports")
  t.ok(listA.json().items.every((item: { tenantId: number }) => item.tenantId === 11111))
  const open = await app.inject({
    method: 'POST',
    url: '/v1/orders/preview',
    headers: { 'content-type': 'application/json' },
    payload: loadExample('paypal-eur')
  })
  t.equal(open.statusCode, 401, 'with tenants configured, a call without a key is refused')
})

t.test('a tenants file is validated with a message per problem', async (t) => {
  const bad = tenantsFile(t, {
    tenants: [
      { name: 'A', tenantId: 0, siteId: 1 },
      { name: 'b', tenantId: 1, siteId: 1, apiKeys: ['short'] },
      { name: 'c', tenantId: 2, siteId: 2, clientId: 'x' }
    ]
  })
  const error = t.throws(() => loadConfig({ TENANTS_FILE: bad })) as ConfigError
  t.ok(error instanceof ConfigError)
  const text = error.problems.join('\n')
  t.match(text, /tenants\.0\.name: must be lowercase/)
  t.match(text, /tenants\.0\.tenantId/)
  t.match(text, /tenants\.1\.apiKeys\.0: every API key must be at least 16 characters/)

  const shared = tenantsFile(
    t,
    {
      tenants: [
        { name: 'a', tenantId: 1, siteId: 1, apiKeys: [keyA] },
        { name: 'b', tenantId: 2, siteId: 2, apiKeys: [keyA] },
        { name: 'c', tenantId: 3, siteId: 3, clientId: 'x' }
      ]
    },
    'json'
  )
  const sharedError = t.throws(() => loadConfig({ TENANTS_FILE: shared })) as ConfigError
  t.match(sharedError.problems.join('\n'), /also listed for tenant a/)
  t.match(sharedError.problems.join('\n'), /clientId needs sharedSecret/)
  t.match(sharedError.problems.join('\n'), /each needs apiKeys or webhookSecrets/)

  const both = t.throws(() => loadConfig({ TENANTS_FILE: shared, API_KEYS: keyB })) as ConfigError
  t.match(both.problems.join('\n'), /API_KEYS: not allowed with TENANTS_FILE/)
  const missing = t.throws(() => loadConfig({ TENANTS_FILE: '/nonexistent/tenants.yaml' })) as ConfigError
  t.match(missing.problems.join('\n'), /TENANTS_FILE: cannot read/)
})
