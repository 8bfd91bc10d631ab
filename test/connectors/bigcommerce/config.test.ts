// BigCommerce store configuration: the BIGCOMMERCE_* shortcut, TENANTS_FILE's bigcommerce: list,
// statuses by id or name, never-importable statuses refused, production's required secrets.
import t from 'tap'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../../src/config/config.ts'

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
}

t.test('the BIGCOMMERCE_* shortcut', async (t) => {
  const config = loadConfig({
    BIGCOMMERCE_STORE_HASH: 'abc123',
    BIGCOMMERCE_ACCESS_TOKEN: 'token',
    BIGCOMMERCE_CLIENT_SECRET: 'secret',
    BIGCOMMERCE_IMPORT_STATUSES: '11, Awaiting Shipment, 7',
    BIGCOMMERCE_GATEWAYS: '{"authorizenet":"noop"}'
  })
  t.match(config.tenants[0].bigcommerce, [
    {
      storeHash: 'abc123',
      apiUrl: 'https://api.bigcommerce.com/stores/abc123',
      importStatuses: [11, 9, 7],
      gateways: { authorizenet: 'noop' },
      externalIdPrefix: 'BC-',
      reconcileIntervalMs: 900000
    }
  ])
  t.same(loadConfig({}).tenants[0].bigcommerce, [], 'no store without BIGCOMMERCE_STORE_HASH')
  t.match(problems({ BIGCOMMERCE_ACCESS_TOKEN: 'x' }), [/BIGCOMMERCE_ACCESS_TOKEN: need BIGCOMMERCE_STORE_HASH/])
  t.match(problems({ BIGCOMMERCE_STORE_HASH: 'abc123', BIGCOMMERCE_IMPORT_STATUSES: '11,0,Declined' }), [
    /Incomplete \(0\) orders are never imported/,
    /Declined \(6\) orders are never imported/
  ])
  t.match(problems({ BIGCOMMERCE_STORE_HASH: 'abc123', BIGCOMMERCE_IMPORT_STATUSES: 'Paid' }), [/"Paid" is not a BigCommerce status/])
})

t.test('TENANTS_FILE bigcommerce: list, secrets from the environment, production', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bc-config-'))
  const file = path.join(dir, 'tenants.json')
  const write = (tenants: unknown[]) => writeFileSync(file, JSON.stringify({ tenants }))
  write([
    {
      name: 'acme',
      tenantId: 1,
      siteId: 2,
      bigcommerce: [
        { storeHash: 'abc123', accessTokenEnv: 'BC_TOKEN', clientSecretEnv: 'BC_SECRET' },
        { storeHash: 'def456', externalIdPrefix: 'BC-' }
      ]
    }
  ])
  const found = problems({ TENANTS_FILE: file })
  t.ok(found.some((p) => /BC_TOKEN, which is not set/.test(p)), found.join('\n'))
  t.ok(found.some((p) => /BC_SECRET, which is not set/.test(p)))
  t.ok(found.some((p) => /externalIdPrefix "BC-"/.test(p)), 'two stores of one tenant with one prefix')
  const store = { storeHash: 'abc123', accessTokenEnv: 'BC_TOKEN', clientSecretEnv: 'BC_SECRET' }
  write([{ name: 'acme', tenantId: 1, siteId: 2, bigcommerce: [store] }])
  const config = loadConfig({ TENANTS_FILE: file, BC_TOKEN: 'token', BC_SECRET: 'secret' })
  t.match(config.tenants[0].bigcommerce[0], { accessToken: 'token', clientSecret: 'secret' })
  write([{ name: 'acme', tenantId: 1, siteId: 2, bigcommerce: [{ storeHash: 'abc123' }] }])
  const production = problems({ TENANTS_FILE: file, NODE_ENV: 'production' })
  t.ok(production.some((p) => /abc123: clientSecret \(or webhookHeader\) is required/.test(p)))
  t.ok(production.some((p) => /abc123: an accessToken is required/.test(p)))
})
