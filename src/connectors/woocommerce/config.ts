// WooCommerce stores in the configuration: TENANTS_FILE's `woocommerce:` list under a tenant, or
// the WOOCOMMERCE_* shortcut for the single tenant of the environment variables. Read by
// src/config/config.ts (the only reader of the environment), which passes the variables in.
import { z } from 'zod'
import { checkStoresAcrossTenants, storeFromEnvironment, storeSecret } from '../store-config.ts'

const EVENT_GATEWAYS = ['cybersource', 'authorizenet', 'paypal', 'noop'] as const

/** Imported unless the store says otherwise: paid orders (WooCommerce sets processing once payment is complete). */
export const DEFAULT_IMPORT_STATUSES = ['processing', 'completed'] as const
/** Never imported: checkout not finished (checkout-draft, pending) or payment declined (failed). */
export const NEVER_IMPORTABLE_STATUSES = ['pending', 'failed', 'checkout-draft', 'draft', 'auto-draft', 'trash'] as const

/** One store as TENANTS_FILE's `woocommerce:` list (or WOOCOMMERCE_*) gives it. */
export const WooCommerceStoreEntrySchema = z
  .object({
    storeUrl: z.url({ protocol: /^https?$/ }).meta({ description: "The site's home URL, as X-WC-Webhook-Source sends it" }),
    webhookSecrets: z.array(z.string().min(1)).optional(),
    webhookSecretsEnv: z.string().min(1).optional(),
    consumerKey: z.string().min(1).optional(),
    consumerKeyEnv: z.string().min(1).optional(),
    consumerSecret: z.string().min(1).optional(),
    consumerSecretEnv: z.string().min(1).optional(),
    importStatuses: z
      .array(z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be a status slug like "processing" (without "wc-")'))
      .min(1)
      .optional(),
    gateways: z.record(z.string().min(1), z.enum(EVENT_GATEWAYS)).default({}),
    externalIdPrefix: z.string().max(40).default('WC-'),
    reconcileIntervalMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000)
      .default(5 * 60_000)
  })
  .strict()

export interface WooCommerceStoreConfig {
  /** The store's id here: the home URL's host and path, lowercase, without a trailing slash ("shop.example.com"). */
  store: string
  /** https://shop.example.com (no trailing slash): /wp-json/wc/v3/… is appended. */
  storeUrl: string
  /** Secrets of the store's webhooks (several during a rotation); never logged. */
  webhookSecrets: string[]
  /** REST API key (HTTP Basic user); never logged. */
  consumerKey: string | undefined
  /** REST API secret (HTTP Basic password); never logged. */
  consumerSecret: string | undefined
  /** Status slugs whose orders are imported. */
  importStatuses: string[]
  /** WooCommerce payment_method (gateway id: stripe, ppcp-gateway, bacs, …) → our event gateway; unmapped ones become noop. */
  gateways: Record<string, (typeof EVENT_GATEWAYS)[number]>
  externalIdPrefix: string
  /** 0: no scheduled reconciliation. */
  reconcileIntervalMs: number
}

/** The store id of a home URL (config's storeUrl, a delivery's X-WC-Webhook-Source): host + path, no scheme, no trailing slash. */
export function storeIdOf (url: string): string | undefined {
  try {
    const parsed = new URL(url.trim())
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    return (parsed.host + parsed.pathname).toLowerCase().replace(/\/+$/, '')
  } catch {
    return undefined
  }
}

function importStatuses (values: string[] | undefined, where: string, problems: string[]): string[] {
  if (values === undefined) return [...DEFAULT_IMPORT_STATUSES]
  const statuses: string[] = []
  for (const value of values) {
    const slug = value.replace(/^wc-/, '')
    if ((NEVER_IMPORTABLE_STATUSES as readonly string[]).includes(slug)) {
      problems.push(`${where} importStatuses: ${slug} orders are never imported (checkout unfinished or payment failed)`)
    } else if (!statuses.includes(slug)) statuses.push(slug)
  }
  return statuses
}

export function wooCommerceStore (
  entry: z.output<typeof WooCommerceStoreEntrySchema>,
  environment: Record<string, string | undefined>,
  where: string,
  problems: string[]
): WooCommerceStoreConfig {
  const secret = storeSecret(environment, where, problems)
  const secretsText = secret(undefined, entry.webhookSecretsEnv, 'webhookSecretsEnv')
  const webhookSecrets = [
    ...(entry.webhookSecrets ?? []),
    ...(secretsText ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean)
  ]
  const store = storeIdOf(entry.storeUrl)!
  return {
    store,
    storeUrl: entry.storeUrl.replace(/\/+$/, ''),
    webhookSecrets,
    consumerKey: secret(entry.consumerKey, entry.consumerKeyEnv, 'consumerKeyEnv'),
    consumerSecret: secret(entry.consumerSecret, entry.consumerSecretEnv, 'consumerSecretEnv'),
    importStatuses: importStatuses(entry.importStatuses, where, problems),
    gateways: entry.gateways,
    externalIdPrefix: entry.externalIdPrefix,
    reconcileIntervalMs: entry.reconcileIntervalMs
  }
}

/** The WOOCOMMERCE_* variables and the entry field each one sets. */
const ENVIRONMENT_NAMES = {
  WOOCOMMERCE_STORE_URL: 'storeUrl',
  WOOCOMMERCE_WEBHOOK_SECRETS: 'webhookSecrets',
  WOOCOMMERCE_CONSUMER_KEY: 'consumerKey',
  WOOCOMMERCE_CONSUMER_SECRET: 'consumerSecret',
  WOOCOMMERCE_IMPORT_STATUSES: 'importStatuses',
  WOOCOMMERCE_GATEWAYS: 'gateways',
  WOOCOMMERCE_EXTERNAL_ID_PREFIX: 'externalIdPrefix',
  WOOCOMMERCE_RECONCILE_INTERVAL_MS: 'reconcileIntervalMs'
} as const

/** WOOCOMMERCE_* (single tenant): the one store they describe, or none when WOOCOMMERCE_STORE_URL is unset. */
export function wooCommerceStoreFromEnvironment (
  environment: Record<string, string | undefined>,
  problems: string[]
): WooCommerceStoreConfig[] {
  return storeFromEnvironment(environment, problems, {
    names: ENVIRONMENT_NAMES,
    storeVariable: 'WOOCOMMERCE_STORE_URL',
    wildcard: 'WOOCOMMERCE_*',
    schema: WooCommerceStoreEntrySchema,
    entry: (read) => ({
      storeUrl: read.value('WOOCOMMERCE_STORE_URL'),
      webhookSecrets: read.list('WOOCOMMERCE_WEBHOOK_SECRETS'),
      consumerKey: read.value('WOOCOMMERCE_CONSUMER_KEY'),
      consumerSecret: read.value('WOOCOMMERCE_CONSUMER_SECRET'),
      importStatuses: read.list('WOOCOMMERCE_IMPORT_STATUSES'),
      gateways: read.json('WOOCOMMERCE_GATEWAYS', '{"ppcp-gateway":"paypal","stripe":"noop"}'),
      externalIdPrefix: read.value('WOOCOMMERCE_EXTERNAL_ID_PREFIX'),
      reconcileIntervalMs: read.number('WOOCOMMERCE_RECONCILE_INTERVAL_MS')
    }),
    store: (entry, where) => wooCommerceStore(entry, environment, where, problems)
  })
}

/** Checks across tenants: a store sends to one tenant; distinct externalId prefixes per tenant; production needs secrets and keys. */
export function checkWooCommerceStores (
  tenants: ReadonlyArray<{ name: string; woocommerce: WooCommerceStoreConfig[] }>,
  isProduction: boolean,
  problems: string[]
): void {
  checkStoresAcrossTenants(
    tenants.map((tenant) => ({ name: tenant.name, stores: tenant.woocommerce })),
    {
      title: 'WooCommerce',
      id: (store) => store.store,
      production: !isProduction
        ? undefined
        : (store, where) => {
            const lacks: string[] = []
            if (store.webhookSecrets.length === 0) lacks.push(`${where}: webhookSecrets are required when NODE_ENV=production`)
            if (store.consumerKey === undefined || store.consumerSecret === undefined) {
              lacks.push(`${where}: consumerKey and consumerSecret are required when NODE_ENV=production`)
            }
            if (!store.storeUrl.startsWith('https://')) {
              lacks.push(`${where}: storeUrl must be https when NODE_ENV=production (the REST API keys go by HTTP Basic auth)`)
            }
            return lacks
          }
    },
    problems
  )
}
