// Shopify store configuration: the SHOPIFY_* shortcut, TENANTS_FILE's shopify: list, production rules.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config/config.ts'

t.test('SHOPIFY_* describe one store of the single tenant, with defaults', async (t) => {
  const config = loadConfig({
    SHOPIFY_SHOP_DOMAIN: 'acme.myshopify.com',
    SHOPIFY_WEBHOOK_SECRETS: 'one, two',
    SHOPIFY_ACCESS_TOKEN: 'shpat_x',
    SHOPIFY_GATEWAYS: '{"shopify_payments":"cybersource"}',
    SHOPIFY_EXTERNAL_ID_PREFIX: 'US-'
  })
  t.match(config.tenants[0].shopify, [
    {
      shopDomain: 'acme.myshopify.com',
      webhookSecrets: ['one', 'two'],
      accessToken: 'shpat_x',
      adminApiUrl: 'https://acme.myshopify.com/admin/api/2025-07',
      importOn: 'paid',
      currency: 'presentment',
      externalId: 'name',
      externalIdPrefix: 'US-',
      gateways: { shopify_payments: 'cybersource' },
      importTestOrders: false,
      reconcileIntervalMs: 900000
    }
  ])
  t.same(loadConfig({}).tenants[0].shopify, [])
})

t.test('bad values are named; production refuses a store without secret or token', async (t) => {
  t.throws(() => loadConfig({ SHOPIFY_SHOP_DOMAIN: 'acme.myshopify.com', SHOPIFY_CURRENCY: 'eur' }), /SHOPIFY_CURRENCY/)
  t.throws(() => loadConfig({ SHOPIFY_SHOP_DOMAIN: 'acme.myshopify.com', SHOPIFY_GATEWAYS: '{' }), /SHOPIFY_GATEWAYS/)
  t.throws(() => loadConfig({ SHOPIFY_ACCESS_TOKEN: 'x' }), /need SHOPIFY_SHOP_DOMAIN/)
  try {
    loadConfig({
      NODE_ENV: 'production',
      KIBO_CLIENT_ID: 'c',
      KIBO_SHARED_SECRET: 's',
      KIBO_TENANT_ID: '1',
      KIBO_SITE_ID: '2',
      API_KEYS: 'a-long-enough-api-key-1234',
      SHOPIFY_SHOP_DOMAIN: 'acme.myshopify.com'
    })
    t.fail('refused')
  } catch (error) {
    t.ok(error instanceof ConfigError)
    t.match((error as ConfigError).message, /webhookSecrets are required/)
    t.match((error as ConfigError).message, /accessToken is required/)
    t.notMatch((error as ConfigError).message, /shpat/)
  }
})

t.test('TENANTS_FILE: a shopify: list per tenant, secrets and tokens from the environment', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopify-config-'))
  const file = path.join(dir, 'tenants.yaml')
  writeFileSync(
    file,
    [
      'tenants:',
      '  - name: eu',
      '    tenantId: 100001',
      '    siteId: 100002',
      '    shopify:',
      '      - shopDomain: acme-eu.myshopify.com',
      '        webhookSecretsEnv: EU_SECRETS',
      '        accessTokenEnv: EU_TOKEN',
      '        currency: shop',
      '        externalId: order_number',
      '        reconcileIntervalMs: 0'
    ].join('\n')
  )
  const config = loadConfig({ TENANTS_FILE: file, EU_SECRETS: 's1,s2', EU_TOKEN: 'tok' })
  t.match(config.tenants[0].shopify[0], { webhookSecrets: ['s1', 's2'], accessToken: 'tok', currency: 'shop', externalId: 'order_number' })
  t.throws(() => loadConfig({ TENANTS_FILE: file }), /EU_SECRETS, which is not set/)
  const both = { TENANTS_FILE: file, EU_SECRETS: 's', EU_TOKEN: 't', SHOPIFY_SHOP_DOMAIN: 'x.myshopify.com' }
  t.throws(() => loadConfig(both), /not allowed with TENANTS_FILE/)
})
