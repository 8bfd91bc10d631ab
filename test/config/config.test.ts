import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config/config.ts'

t.test('defaults: embedded database, built-in simulator, open API outside production', async (t) => {
  const config = loadConfig({})
  t.equal(config.port, 3000)
  t.equal(config.host, '0.0.0.0')
  t.equal(config.dataDir, './data')
  t.equal(config.kibo, null)
  t.same(config.apiKeys, [])
  t.equal(config.bodyLimit, 1024 * 1024)
  t.equal(config.webhookBodyLimit, 16 * 1024 * 1024, 'WEBHOOK_BODY_LIMIT: 16 MiB')
  t.equal(loadConfig({ WEBHOOK_BODY_LIMIT: '33554432' }).webhookBodyLimit, 32 * 1024 * 1024)
  t.equal(config.fraudDeclineAction, 'review')
  t.equal(config.databaseUrl, undefined)
})

t.test('Kibo connection: URLs derived from tenant and environment unless given', async (t) => {
  const base = { KIBO_CLIENT_ID: 'app.id', KIBO_SHARED_SECRET: 's3cret', KIBO_TENANT_ID: '12345', KIBO_SITE_ID: '54321' }
  const sandbox = loadConfig(base)
  t.same(sandbox.kibo, {
    tenantId: 12345,
    siteId: 54321,
    clientId: 'app.id',
    sharedSecret: 's3cret',
    apiBaseUrl: 'https://t12345.sandbox.mozu.com/api',
    authBaseUrl: 'https://home.mozu.com',
    env: 'sandbox'
  })
  const production = loadConfig({ ...base, KIBO_ENV: 'production' })
  t.equal(production.kibo?.apiBaseUrl, 'https://t12345.mozu.com/api')
  const explicit = loadConfig({ ...base, KIBO_API_BASE_URL: 'http://127.0.0.1:9999/api/', KIBO_AUTH_BASE_URL: 'http://127.0.0.1:9999' })
  t.equal(explicit.kibo?.apiBaseUrl, 'http://127.0.0.1:9999/api', 'trailing slash removed')
  t.equal(explicit.kibo?.authBaseUrl, 'http://127.0.0.1:9999')
})

t.test('every bad value is named with a clear message, secrets are not echoed', async (t) => {
  const error = t.throws(() =>
    loadConfig({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      KIBO_ENV: 'staging',
      FRAUD_DECLINE_ACTION: 'ignore',
      BODY_LIMIT: '10',
      WEBHOOK_BODY_LIMIT: 'big',
      DATABASE_URL: 'mysql://nope',
      KIBO_API_BASE_URL: 'not a url'
    })
  ) as ConfigError
  t.ok(error instanceof ConfigError)
  const text = error.problems.join('\n')
  const named = [
    'PORT',
    'LOG_LEVEL',
    'KIBO_ENV',
    'FRAUD_DECLINE_ACTION',
    'BODY_LIMIT',
    'WEBHOOK_BODY_LIMIT',
    'DATABASE_URL',
    'KIBO_API_BASE_URL'
  ]
  for (const name of named) {
    t.match(text, new RegExp(`^${name}: `, 'm'), `${name} is named`)
  }
  t.match(text, /PORT: PORT must be a whole number \(got "eighty"\)/)
  t.notMatch(text, /mysql:\/\/nope/, 'DATABASE_URL value not echoed')
})

t.test('a partial Kibo connection is refused', async (t) => {
  const error = t.throws(() => loadConfig({ KIBO_CLIENT_ID: 'app.id' })) as ConfigError
  t.same(error.problems.sort(), [
    'KIBO_SHARED_SECRET: required when KIBO_CLIENT_ID is set',
    'KIBO_SITE_ID: required when KIBO_CLIENT_ID is set',
    'KIBO_TENANT_ID: required when KIBO_CLIENT_ID is set'
  ])
})

t.test('production refuses to run open or on the simulator', async (t) => {
  const error = t.throws(() => loadConfig({ NODE_ENV: 'production' })) as ConfigError
  t.match(error.problems.join('\n'), /API_KEYS: required \(or WEBHOOK_SECRETS\) when NODE_ENV=production/)
  t.match(error.problems.join('\n'), /KIBO_CLIENT_ID: Kibo credentials are required when NODE_ENV=production/)
})

t.test('API keys: comma separated, trimmed, at least 16 characters', async (t) => {
  t.same(loadConfig({ API_KEYS: ' key-aaaaaaaaaaaaaaaa , key-bbbbbbbbbbbbbbbb,' }).apiKeys, [
    'key-aaaaaaaaaaaaaaaa',
    'key-bbbbbbbbbbbbbbbb'
  ])
  t.throws(() => loadConfig({ API_KEYS: 'short' }), /at least 16 characters/)
})
