// WooCommerce stores in the configuration: TENANTS_FILE's `woocommerce:` list under a tenant, or
// the WOOCOMMERCE_* shortcut for the single tenant of the environment variables. Read by
// src/config/config.ts (the only reader of the environment), which passes the variables in.
import { z } from 'zod'

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
  const secret = (value: string | undefined, envName: string | undefined, key: string) => {
    const found = value ?? (envName === undefined ? undefined : environment[envName])
    if (envName !== undefined && (found === undefined || found === '')) problems.push(`${where}: ${key} names ${envName}, which is not set`)
    return found === '' ? undefined : found
  }
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

const list = (text: string | undefined) =>
  text
    ?.split(',')
    .map((value) => value.trim())
    .filter(Boolean)

/** WOOCOMMERCE_* (single tenant): the one store they describe, or none when WOOCOMMERCE_STORE_URL is unset. */
export function wooCommerceStoreFromEnvironment (
  environment: Record<string, string | undefined>,
  problems: string[]
): WooCommerceStoreConfig[] {
  const value = (name: keyof typeof ENVIRONMENT_NAMES) => {
    const raw = environment[name]?.trim()
    return raw === undefined || raw === '' ? undefined : raw
  }
  const given = Object.keys(ENVIRONMENT_NAMES).filter((name) => value(name as keyof typeof ENVIRONMENT_NAMES) !== undefined)
  if (value('WOOCOMMERCE_STORE_URL') === undefined) {
    if (given.length > 0) problems.push(`${given.join(', ')}: need WOOCOMMERCE_STORE_URL (the store they configure)`)
    return []
  }
  let gateways: unknown = {}
  const gatewaysText = value('WOOCOMMERCE_GATEWAYS')
  if (gatewaysText !== undefined) {
    try {
      gateways = JSON.parse(gatewaysText)
    } catch {
      problems.push('WOOCOMMERCE_GATEWAYS: must be a JSON object like {"ppcp-gateway":"paypal","stripe":"noop"}')
    }
  }
  const interval = value('WOOCOMMERCE_RECONCILE_INTERVAL_MS')
  const parsed = WooCommerceStoreEntrySchema.safeParse({
    storeUrl: value('WOOCOMMERCE_STORE_URL'),
    webhookSecrets: list(value('WOOCOMMERCE_WEBHOOK_SECRETS')),
    consumerKey: value('WOOCOMMERCE_CONSUMER_KEY'),
    consumerSecret: value('WOOCOMMERCE_CONSUMER_SECRET'),
    importStatuses: list(value('WOOCOMMERCE_IMPORT_STATUSES')),
    gateways,
    externalIdPrefix: value('WOOCOMMERCE_EXTERNAL_ID_PREFIX'),
    reconcileIntervalMs: interval === undefined ? undefined : Number(interval)
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      const name = Object.entries(ENVIRONMENT_NAMES).find(([, key]) => key === field)?.[0] ?? 'WOOCOMMERCE_*'
      problems.push(`${name}: ${issue.message}`)
    }
    return []
  }
  return [wooCommerceStore(parsed.data, environment, 'WOOCOMMERCE_*', problems)]
}

/** Checks across tenants: a store sends to one tenant; distinct externalId prefixes per tenant; production needs secrets and keys. */
export function checkWooCommerceStores (
  tenants: ReadonlyArray<{ name: string; woocommerce: WooCommerceStoreConfig[] }>,
  isProduction: boolean,
  problems: string[]
): void {
  const owners = new Map<string, string>()
  for (const tenant of tenants) {
    const prefixes = new Set<string>()
    for (const store of tenant.woocommerce) {
      const other = owners.get(store.store)
      if (other !== undefined) {
        problems.push(`WooCommerce store ${store.store} is listed for tenants ${other} and ${tenant.name}; a store sends to one tenant`)
      }
      owners.set(store.store, tenant.name)
      if (prefixes.has(store.externalIdPrefix)) {
        problems.push(
          `WooCommerce store ${store.store}: tenant ${tenant.name} has another store with ` +
            `externalIdPrefix "${store.externalIdPrefix}" (order ids would collide)`
        )
      }
      prefixes.add(store.externalIdPrefix)
      if (isProduction) {
        if (store.webhookSecrets.length === 0) {
          problems.push(`WooCommerce store ${store.store}: webhookSecrets are required when NODE_ENV=production`)
        }
        if (store.consumerKey === undefined || store.consumerSecret === undefined) {
          problems.push(`WooCommerce store ${store.store}: consumerKey and consumerSecret are required when NODE_ENV=production`)
        }
        if (!store.storeUrl.startsWith('https://')) {
          problems.push(
            `WooCommerce store ${store.store}: storeUrl must be https when NODE_ENV=production (the REST API keys go by HTTP Basic auth)`
          )
        }
      }
    }
  }
}
