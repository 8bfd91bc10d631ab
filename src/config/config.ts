// Configuration: read once from the environment (and TENANTS_FILE) at start, validated, then
// passed down. Nothing else in the code base reads process.env.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { AVAILABILITY_CODES, PAYMENT_TYPES, TRANSLATED_LOCALES } from '../../schemas/translated-order.ts'
import { GATEWAY_NAMES } from '../mapping/gateways/registry.ts'
import type { TranslatedTargetOptions } from '../mapping/translated-v2/index.ts'
import {
  BigCommerceStoreEntrySchema,
  bigCommerceStore,
  bigCommerceStoreFromEnvironment,
  checkBigCommerceStores,
  type BigCommerceStoreConfig
} from '../connectors/bigcommerce/config.ts'
import {
  checkWooCommerceStores,
  WooCommerceStoreEntrySchema,
  wooCommerceStore,
  wooCommerceStoreFromEnvironment,
  type WooCommerceStoreConfig
} from '../connectors/woocommerce/config.ts'
import { storeSecret } from '../connectors/store-config.ts'

const MiB = 1024 * 1024

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const optionalText = z.preprocess(emptyToUndefined, z.string().trim().optional())

const integerFromText = (name: string, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int(`${name} must be a whole number`)
      .min(min, `${name} must be at least ${min}`)
      .max(max, `${name} must be at most ${max}`)
  )

const urlText = (name: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .url({ error: `${name} must be an absolute http(s) URL`, protocol: /^https?$/ })
      .transform((value) => value.replace(/\/+$/, ''))
      .optional()
  )

const listText = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    )
)

const booleanText = (name: string, fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be true or false` })
      .optional()
      .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value)))
  )

/** The environment variables the service understands, with their defaults. */
export const EnvironmentSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.string().default('development')),
  PORT: integerFromText('PORT', 0, 65535).default(3000),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  LOG_REDACT_EMAILS: booleanText('LOG_REDACT_EMAILS', false),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'
      })
      .default('info')
  ),
  LOG_FORMAT: z.preprocess(
    emptyToUndefined,
    z.enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' }).optional()
  ),
  KIBO_TENANT_ID: integerFromText('KIBO_TENANT_ID', 1, Number.MAX_SAFE_INTEGER).optional(),
  KIBO_SITE_ID: integerFromText('KIBO_SITE_ID', 1, Number.MAX_SAFE_INTEGER).optional(),
  KIBO_CLIENT_ID: optionalText,
  KIBO_SHARED_SECRET: optionalText,
  KIBO_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(['sandbox', 'production'], { error: 'KIBO_ENV must be sandbox or production' }).default('sandbox')
  ),
  KIBO_API_BASE_URL: urlText('KIBO_API_BASE_URL'),
  KIBO_AUTH_BASE_URL: urlText('KIBO_AUTH_BASE_URL'),
  KIBO_CHANNEL_CODE: optionalText,
  KIBO_TIMEOUT_MS: integerFromText('KIBO_TIMEOUT_MS', 100, 600_000).default(30_000),
  KIBO_CONNECTIONS: integerFromText('KIBO_CONNECTIONS', 1, 1024).default(32),
  KIBO_RETRY_BUDGET_MS: integerFromText('KIBO_RETRY_BUDGET_MS', 0, 600_000).default(10_000),
  API_KEYS: listText,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
      .optional()
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  FRAUD_DECLINE_ACTION: z.preprocess(
    emptyToUndefined,
    z.enum(['review', 'reject'], { error: 'FRAUD_DECLINE_ACTION must be review or reject' }).default('review')
  ),
  BODY_LIMIT: integerFromText('BODY_LIMIT', 1024, 64 * MiB).default(MiB),
  WEBHOOK_BODY_LIMIT: integerFromText('WEBHOOK_BODY_LIMIT', 1024, 256 * MiB).default(16 * MiB),
  IMPORT_LEASE_MS: integerFromText('IMPORT_LEASE_MS', 1000, 3_600_000).default(120_000),
  RATE_LIMIT_PER_MINUTE: integerFromText('RATE_LIMIT_PER_MINUTE', 1, 10_000_000).optional(),
  METRICS_ENABLED: booleanText('METRICS_ENABLED', true),
  METRICS_TOKEN: optionalText,
  LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: integerFromText('LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS', 0, 600_000).default(1000),
  LOAD_SHED_MAX_EVENT_LOOP_UTILIZATION: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'LOAD_SHED_MAX_EVENT_LOOP_UTILIZATION must be a number between 0 and 1' })
      .min(0, 'LOAD_SHED_MAX_EVENT_LOOP_UTILIZATION must be between 0 and 1')
      .max(1, 'LOAD_SHED_MAX_EVENT_LOOP_UTILIZATION must be between 0 and 1')
      .default(0)
  ),
  LOAD_SHED_MAX_HEAP_USED_BYTES: integerFromText('LOAD_SHED_MAX_HEAP_USED_BYTES', 0, Number.MAX_SAFE_INTEGER).default(0),
  LOAD_SHED_MAX_RSS_BYTES: integerFromText('LOAD_SHED_MAX_RSS_BYTES', 0, Number.MAX_SAFE_INTEGER).default(0),
  LOAD_SHED_RETRY_AFTER_SECONDS: integerFromText('LOAD_SHED_RETRY_AFTER_SECONDS', 1, 3600).default(10),
  SIMULATOR_PORT: integerFromText('SIMULATOR_PORT', 0, 65535).default(0),
  WEBHOOK_SECRETS: listText,
  WORKER_CONCURRENCY: integerFromText('WORKER_CONCURRENCY', 0, 256).default(8),
  WORKER_LEASE_MS: integerFromText('WORKER_LEASE_MS', 1000, 600_000).default(15_000),
  QUEUE_POLL_MS: integerFromText('QUEUE_POLL_MS', 100, 60_000).default(1000),
  IMPORT_MAX_ATTEMPTS: integerFromText('IMPORT_MAX_ATTEMPTS', 1, 1000).default(12),
  IMPORT_MAX_AGE_MS: integerFromText('IMPORT_MAX_AGE_MS', 1000, 30 * 86_400_000).default(86_400_000),
  RETRY_BASE_MS: integerFromText('RETRY_BASE_MS', 1, 3_600_000).default(1000),
  RETRY_MAX_MS: integerFromText('RETRY_MAX_MS', 1, 86_400_000).default(300_000),
  CIRCUIT_FAILURE_THRESHOLD: integerFromText('CIRCUIT_FAILURE_THRESHOLD', 1, 10_000).default(5),
  CIRCUIT_HALF_OPEN_AFTER_MS: integerFromText('CIRCUIT_HALF_OPEN_AFTER_MS', 100, 3_600_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: integerFromText('SHUTDOWN_TIMEOUT_MS', 0, 600_000).default(10_000),
  // Kibo documents at most 1 000 items per adjust call and 12 000 per refresh call.
  INVENTORY_ADJUST_BATCH_SIZE: integerFromText('INVENTORY_ADJUST_BATCH_SIZE', 1, 1000).default(1000),
  INVENTORY_REFRESH_BATCH_SIZE: integerFromText('INVENTORY_REFRESH_BATCH_SIZE', 1, 12_000).default(3000),
  INVENTORY_POLL_MS: integerFromText('INVENTORY_POLL_MS', 100, 600_000).default(2000),
  INVENTORY_TRACK_TIMEOUT_MS: integerFromText('INVENTORY_TRACK_TIMEOUT_MS', 1000, 7 * 86_400_000).default(6 * 3_600_000),
  INVENTORY_UPLOAD_MAX_BYTES: integerFromText('INVENTORY_UPLOAD_MAX_BYTES', 1024, 64 * 1024 * MiB).default(1024 * MiB),
  INVENTORY_UPLOAD_MAX_ITEMS: integerFromText('INVENTORY_UPLOAD_MAX_ITEMS', 1, 50_000_000).default(5_000_000),
  TENANTS_FILE: optionalText,
  // The single-tenant shortcut for one Shopify store (TENANTS_FILE: a `shopify:` list per tenant).
  SHOPIFY_SHOP_DOMAIN: optionalText,
  SHOPIFY_WEBHOOK_SECRETS: listText,
  SHOPIFY_ACCESS_TOKEN: optionalText,
  SHOPIFY_ADMIN_API_URL: urlText('SHOPIFY_ADMIN_API_URL'),
  SHOPIFY_IMPORT_ON: optionalText,
  SHOPIFY_CURRENCY: optionalText,
  SHOPIFY_EXTERNAL_ID: optionalText,
  SHOPIFY_EXTERNAL_ID_PREFIX: optionalText,
  SHOPIFY_GATEWAYS: optionalText,
  SHOPIFY_IMPORT_TEST_ORDERS: optionalText,
  SHOPIFY_RECONCILE_INTERVAL_MS: optionalText,
  PUBLIC_BASE_URL: urlText('PUBLIC_BASE_URL'),
  TRUST_PROXY: booleanText('TRUST_PROXY', false)
})

export type Environment = z.output<typeof EnvironmentSchema>

export interface KiboConnection {
  tenantId: number
  siteId: number
  clientId: string
  sharedSecret: string
  apiBaseUrl: string
  authBaseUrl: string
  env: 'sandbox' | 'production'
}

/** Which Kibo API a tenant's orders go to. */
export type ImportTarget = 'oms' | 'translated-v2'

/** The translated-v2 target of a tenant (fraudDeclineAction comes from the tenant). */
export type TranslatedTargetConfig = Omit<TranslatedTargetOptions, 'fraudDeclineAction'>

const shippingMethodOption = z
  .object({
    shippingType: z.string().min(1).optional(),
    shippingClass: z.string().min(1).optional(),
    deliveryMethod: z.string().min(1).optional(),
    carrier: z.string().min(1).optional(),
    carrierType: z.string().min(1).optional(),
    serviceType: z.string().min(1).optional()
  })
  .strict()
  .refine(
    (value) =>
      [value.carrier, value.carrierType, value.serviceType].every((v) => v === undefined) ||
      [value.carrier, value.carrierType, value.serviceType].every((v) => v !== undefined),
    'carrier, carrierType and serviceType: all three or none'
  )

/** A tenant file's `translated:` block: TranslatedTargetOptions minus fraudDeclineAction. */
export const TranslatedTargetConfigSchema = z
  .object({
    manufacturerId: z.number().int().min(0),
    catalogId: z.number().int().min(0),
    defaultAvailability: z.enum(AVAILABILITY_CODES),
    shippingMethods: z.record(z.string().min(1), shippingMethodOption),
    defaultShippingMethod: shippingMethodOption.optional(),
    availabilityBySku: z.record(z.string().min(1), z.enum(AVAILABILITY_CODES)).optional(),
    defaultLocale: z.enum(TRANSLATED_LOCALES).optional(),
    defaultCustomerIP: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' }).optional(),
    sendEmail: z.boolean().optional(),
    allowSplitShipments: z.boolean().optional(),
    splitByAvailability: z.boolean().optional(),
    paymentTypes: z.partialRecord(z.enum(GATEWAY_NAMES), z.enum(PAYMENT_TYPES)).optional(),
    noOperationType: z.string().min(1).optional(),
    fraudData: z.enum(['kount', 'omit']).optional()
  })
  .strict()

// Keeps the schema and the mapping's option type in step: this statement stops compiling when they differ.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
true satisfies Exact<
  Required<z.output<typeof TranslatedTargetConfigSchema>>,
  Required<{ [K in keyof TranslatedTargetConfig]-?: Exclude<TranslatedTargetConfig[K], undefined> }>
>

/** The Admin API version the Shopify connector speaks (GraphQL; REST is legacy). */
export const SHOPIFY_API_VERSION = '2025-07'

const EVENT_GATEWAYS = ['cybersource', 'authorizenet', 'paypal', 'noop'] as const

/** One Shopify store as TENANTS_FILE's `shopify:` list (or the SHOPIFY_* shortcut) gives it. */
export const ShopifyStoreEntrySchema = z
  .object({
    shopDomain: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be the store\'s myshopify.com domain, like "acme.myshopify.com"'),
    webhookSecrets: z.array(z.string().min(1)).default([]),
    webhookSecretsEnv: z.string().min(1).optional(),
    accessToken: z.string().min(1).optional(),
    accessTokenEnv: z.string().min(1).optional(),
    adminApiUrl: z.url({ protocol: /^https?$/ }).optional(),
    importOn: z.enum(['paid', 'create']).default('paid'),
    currency: z.enum(['presentment', 'shop']).default('presentment'),
    externalId: z.enum(['name', 'order_number', 'id']).default('name'),
    externalIdPrefix: z.string().max(40).default(''),
    gateways: z.record(z.string().min(1), z.enum(EVENT_GATEWAYS)).default({}),
    importTestOrders: z.boolean().default(false),
    reconcileIntervalMs: z.number().int().min(0).max(7 * 86_400_000).default(15 * 60_000)
  })
  .strict()

export interface ShopifyStoreConfig {
  shopDomain: string
  /** The app's client secrets (several during a rotation); never logged. */
  webhookSecrets: string[]
  /** Admin API access token; never logged. */
  accessToken: string | undefined
  /** GraphQL endpoint base: `${adminApiUrl}/graphql.json`. */
  adminApiUrl: string
  importOn: 'paid' | 'create'
  currency: 'presentment' | 'shop'
  externalId: 'name' | 'order_number' | 'id'
  externalIdPrefix: string
  /** Shopify gateway name → our event gateway; unmapped ones become noop. */
  gateways: Record<string, (typeof EVENT_GATEWAYS)[number]>
  importTestOrders: boolean
  /** 0: no scheduled reconciliation (the route and the CLI still run it). */
  reconcileIntervalMs: number
}

function shopifyStore (
  entry: z.output<typeof ShopifyStoreEntrySchema>,
  environment: Record<string, string | undefined>,
  where: string,
  problems: string[]
): ShopifyStoreConfig {
  const fromEnvList = (name: string | undefined) =>
    name === undefined
      ? []
      : (environment[name] ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
  if (entry.webhookSecretsEnv && fromEnvList(entry.webhookSecretsEnv).length === 0) {
    problems.push(`${where}: webhookSecretsEnv names ${entry.webhookSecretsEnv}, which is not set`)
  }
  const accessToken = storeSecret(environment, where, problems)(entry.accessToken, entry.accessTokenEnv, 'accessTokenEnv')
  return {
    shopDomain: entry.shopDomain,
    webhookSecrets: [...entry.webhookSecrets, ...fromEnvList(entry.webhookSecretsEnv)],
    accessToken,
    adminApiUrl: (entry.adminApiUrl ?? `https://${entry.shopDomain}/admin/api/${SHOPIFY_API_VERSION}`).replace(/\/+$/, ''),
    importOn: entry.importOn,
    currency: entry.currency,
    externalId: entry.externalId,
    externalIdPrefix: entry.externalIdPrefix,
    gateways: entry.gateways,
    importTestOrders: entry.importTestOrders,
    reconcileIntervalMs: entry.reconcileIntervalMs
  }
}

/** SHOPIFY_* (single tenant): the one store they describe, or none when SHOPIFY_SHOP_DOMAIN is unset. */
function shopifyStoreFromEnvironment (
  e: Environment,
  environment: Record<string, string | undefined>,
  problems: string[]
): ShopifyStoreConfig[] {
  const others = Object.keys(environment).filter((name) => name.startsWith('SHOPIFY_') && environment[name] !== '')
  if (e.SHOPIFY_SHOP_DOMAIN === undefined) {
    if (others.length > 0) problems.push(`${others.join(', ')}: need SHOPIFY_SHOP_DOMAIN (the store they configure)`)
    return []
  }
  let gateways: unknown = {}
  if (e.SHOPIFY_GATEWAYS !== undefined) {
    try {
      gateways = JSON.parse(e.SHOPIFY_GATEWAYS)
    } catch {
      problems.push('SHOPIFY_GATEWAYS: must be a JSON object like {"shopify_payments":"cybersource"}')
    }
  }
  const interval = e.SHOPIFY_RECONCILE_INTERVAL_MS === undefined ? undefined : Number(e.SHOPIFY_RECONCILE_INTERVAL_MS)
  const parsed = ShopifyStoreEntrySchema.safeParse({
    shopDomain: e.SHOPIFY_SHOP_DOMAIN,
    webhookSecrets: e.SHOPIFY_WEBHOOK_SECRETS,
    ...(e.SHOPIFY_ACCESS_TOKEN === undefined ? {} : { accessToken: e.SHOPIFY_ACCESS_TOKEN }),
    ...(e.SHOPIFY_ADMIN_API_URL === undefined ? {} : { adminApiUrl: e.SHOPIFY_ADMIN_API_URL }),
    ...(e.SHOPIFY_IMPORT_ON === undefined ? {} : { importOn: e.SHOPIFY_IMPORT_ON }),
    ...(e.SHOPIFY_CURRENCY === undefined ? {} : { currency: e.SHOPIFY_CURRENCY }),
    ...(e.SHOPIFY_EXTERNAL_ID === undefined ? {} : { externalId: e.SHOPIFY_EXTERNAL_ID }),
    ...(e.SHOPIFY_EXTERNAL_ID_PREFIX === undefined ? {} : { externalIdPrefix: e.SHOPIFY_EXTERNAL_ID_PREFIX }),
    ...(e.SHOPIFY_IMPORT_TEST_ORDERS === undefined
      ? {}
      : { importTestOrders: ['true', '1', 'yes'].includes(e.SHOPIFY_IMPORT_TEST_ORDERS) }),
    gateways,
    ...(interval === undefined ? {} : { reconcileIntervalMs: interval })
  })
  if (!parsed.success) {
    const names: Record<string, string> = {
      shopDomain: 'SHOPIFY_SHOP_DOMAIN',
      webhookSecrets: 'SHOPIFY_WEBHOOK_SECRETS',
      accessToken: 'SHOPIFY_ACCESS_TOKEN',
      adminApiUrl: 'SHOPIFY_ADMIN_API_URL',
      importOn: 'SHOPIFY_IMPORT_ON',
      currency: 'SHOPIFY_CURRENCY',
      externalId: 'SHOPIFY_EXTERNAL_ID',
      externalIdPrefix: 'SHOPIFY_EXTERNAL_ID_PREFIX',
      gateways: 'SHOPIFY_GATEWAYS',
      importTestOrders: 'SHOPIFY_IMPORT_TEST_ORDERS',
      reconcileIntervalMs: 'SHOPIFY_RECONCILE_INTERVAL_MS'
    }
    for (const issue of parsed.error.issues) problems.push(`${names[String(issue.path[0])] ?? 'SHOPIFY_*'}: ${issue.message}`)
    return []
  }
  return [shopifyStore(parsed.data, environment, 'SHOPIFY_*', problems)]
}

/** One Kibo tenant/site this deployment serves, and who may send it orders. */
export interface TenantConfig {
  /** Kibo's OMS import API (default) or the translated Create Order API v2. */
  target: ImportTarget
  /** Set when target is translated-v2. */
  translated: (TranslatedTargetConfig & { baseUrl: string | undefined }) | null
  /** Short name for logs and metrics. */
  name: string
  tenantId: number
  siteId: number
  /** null: the built-in simulator stands in for Kibo (development only). */
  kibo: KiboConnection | null
  channelCode: string | undefined
  fraudDeclineAction: 'review' | 'reject'
  /** API keys whose calls go to this tenant. */
  apiKeys: string[]
  /** Webhook secrets whose deliveries go to this tenant. */
  webhookSecrets: string[]
  /** Shopify stores whose orders go to this tenant. */
  shopify: ShopifyStoreConfig[]
  /** BigCommerce stores whose orders go to this tenant. */
  bigcommerce: BigCommerceStoreConfig[]
  /** WooCommerce stores whose orders go to this tenant. */
  woocommerce: WooCommerceStoreConfig[]
}

export interface Config {
  env: string
  isProduction: boolean
  port: number
  host: string
  logLevel: Environment['LOG_LEVEL']
  /** Also replace e-mail addresses in every log line. */
  logRedactEmails: boolean
  /** LOG_FORMAT: json or pretty (readable lines); unset: pretty when stdout is a terminal. */
  logFormat: 'json' | 'pretty' | undefined
  /** The single-tenant shortcut's Kibo connection (env variables); null: the built-in simulator. */
  kibo: KiboConnection | null
  /** Every tenant served: from TENANTS_FILE, or the one the env variables describe. */
  tenants: TenantConfig[]
  kiboChannelCode: string | undefined
  kiboTimeoutMs: number
  kiboConnections: number
  kiboRetryBudgetMs: number
  apiKeys: string[]
  databaseUrl: string | undefined
  dataDir: string
  fraudDeclineAction: 'review' | 'reject'
  bodyLimit: number
  /** The connector webhook routes' body limit: a large order's delivery is larger than BODY_LIMIT allows. */
  webhookBodyLimit: number
  importLeaseMs: number
  rateLimitPerMinute: number | undefined
  metrics: {
    enabled: boolean
    /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
    token: string | undefined
  }
  /** Load shedding (@fastify/under-pressure): 503 above any threshold; 0 turns a check off. */
  loadShedding: {
    maxEventLoopDelayMs: number
    maxEventLoopUtilization: number
    maxHeapUsedBytes: number
    maxRssBytes: number
    retryAfterSeconds: number
  }
  simulatorPort: number
  publicBaseUrl: string | undefined
  trustProxy: boolean
  /** Standard Webhooks secrets (`whsec_…`); several at once during a rotation. */
  webhookSecrets: string[]
  worker: {
    /** Imports one process runs at once (0: this instance accepts but does not deliver). */
    concurrency: number
    /** Lease of a worker on an import, renewed while it runs; a dead worker's import is picked up after it. */
    leaseMs: number
    pollMs: number
    maxAttempts: number
    maxAgeMs: number
    retryBaseMs: number
    retryMaxMs: number
    circuitFailureThreshold: number
    circuitHalfOpenAfterMs: number
  }
  shutdownTimeoutMs: number
  inventory: {
    /** Items per Kibo adjust call (Kibo's limit: 1 000). */
    adjustBatchSize: number
    /** Items per Kibo refresh call (Kibo's limit: 12 000). */
    refreshBatchSize: number
    /** How often a submitted Kibo job's status is asked for. */
    pollMs: number
    /** A Kibo job not finished this long after it was submitted is given up on (outcome unknown). */
    trackTimeoutMs: number
    /** Largest NDJSON/CSV upload accepted (streamed, never held in memory). */
    uploadMaxBytes: number
    /** Most items in one upload. */
    uploadMaxItems: number
  }
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor (problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** Kibo's documented hosts: t{tenant}[.sandbox].mozu.com for the API, home.mozu.com for auth. */
export function defaultKiboUrls (tenantId: number, env: 'sandbox' | 'production') {
  return env === 'production'
    ? { apiBaseUrl: `https://t${tenantId}.mozu.com/api`, authBaseUrl: 'https://home.mozu.com' }
    : { apiBaseUrl: `https://t${tenantId}.sandbox.mozu.com/api`, authBaseUrl: 'https://home.mozu.com' }
}

const secretText = z.string().min(1)
const TenantFileEntrySchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be lowercase letters, digits, - or _ (at most 63)'),
    tenantId: z.number().int().min(1),
    siteId: z.number().int().min(1),
    clientId: z.string().min(1).optional(),
    sharedSecret: secretText.optional(),
    sharedSecretEnv: z.string().min(1).optional(),
    env: z.enum(['sandbox', 'production']).default('sandbox'),
    apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
    authBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
    channelCode: z.string().min(1).optional(),
    fraudDeclineAction: z.enum(['review', 'reject']).optional(),
    apiKeys: z.array(z.string().min(16, 'every API key must be at least 16 characters long')).default([]),
    apiKeysEnv: z.string().min(1).optional(),
    webhookSecrets: z.array(secretText).default([]),
    webhookSecretsEnv: z.string().min(1).optional(),
    target: z.enum(['oms', 'translated-v2']).default('oms'),
    translated: TranslatedTargetConfigSchema.optional(),
    translatedBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
    shopify: z.array(ShopifyStoreEntrySchema).default([]),
    bigcommerce: z.array(BigCommerceStoreEntrySchema).default([]),
    woocommerce: z.array(WooCommerceStoreEntrySchema).default([])
  })
  .strict()
const TenantFileSchema = z.object({ tenants: z.array(TenantFileEntrySchema).min(1, 'list at least one tenant') }).strict()

const webhookSecretProblem = (name: string, secret: string) =>
  !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) || Buffer.from(secret.slice(6), 'base64').length < 24
    ? `${name}: every secret must be whsec_ followed by at least 24 base64-encoded random bytes`
    : undefined

/** TENANTS_FILE (JSON or YAML): several tenants, each with its credentials, API keys and webhook secrets. */
function loadTenantsFile (
  file: string,
  environment: Record<string, string | undefined>,
  e: Environment,
  problems: string[]
): TenantConfig[] {
  let raw: unknown
  try {
    const text = readFileSync(file, 'utf8')
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    problems.push(`TENANTS_FILE: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
    return []
  }
  const parsed = TenantFileSchema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`TENANTS_FILE ${issue.path.join('.') || '(file)'}: ${issue.message}`)
    return []
  }
  const fromEnv = (name: string | undefined) =>
    name === undefined
      ? []
      : (environment[name] ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
  const tenants: TenantConfig[] = []
  const seenKeys = new Map<string, string>()
  const seenSites = new Set<string>()
  for (const [index, entry] of parsed.data.tenants.entries()) {
    const where = `TENANTS_FILE tenants.${index} (${entry.name})`
    const sharedSecret = entry.sharedSecret ?? (entry.sharedSecretEnv ? environment[entry.sharedSecretEnv] : undefined)
    if (entry.sharedSecretEnv && !sharedSecret) problems.push(`${where}: sharedSecretEnv names ${entry.sharedSecretEnv}, which is not set`)
    if (entry.clientId !== undefined && sharedSecret === undefined && !entry.sharedSecretEnv) {
      problems.push(`${where}: clientId needs sharedSecret or sharedSecretEnv`)
    }
    const defaults = defaultKiboUrls(entry.tenantId, entry.env)
    const apiKeys = [...entry.apiKeys, ...fromEnv(entry.apiKeysEnv)]
    const webhookSecrets = [...entry.webhookSecrets, ...fromEnv(entry.webhookSecretsEnv)]
    for (const key of apiKeys) {
      if (key.length < 16) problems.push(`${where}: every API key must be at least 16 characters long`)
      const other = seenKeys.get(key)
      if (other !== undefined) problems.push(`${where}: an API key is also listed for tenant ${other}; a key must identify one tenant`)
      seenKeys.set(key, entry.name)
    }
    for (const secret of webhookSecrets) {
      const problem = webhookSecretProblem(`${where} webhookSecrets`, secret)
      if (problem) problems.push(problem)
    }
    const site = `${entry.tenantId}/${entry.siteId}`
    if (seenSites.has(site)) problems.push(`${where}: tenant ${entry.tenantId} site ${entry.siteId} is listed twice`)
    seenSites.add(site)
    if (parsed.data.tenants.length > 1 && apiKeys.length === 0 && webhookSecrets.length === 0) {
      problems.push(`${where}: with several tenants, each needs apiKeys or webhookSecrets (they decide which tenant an order is for)`)
    }
    if (entry.target === 'translated-v2' && entry.translated === undefined) {
      problems.push(
        `${where}: target translated-v2 needs a translated block (manufacturerId, catalogId, defaultAvailability, shippingMethods)`
      )
    }
    if (entry.target !== 'translated-v2' && (entry.translated !== undefined || entry.translatedBaseUrl !== undefined)) {
      problems.push(`${where}: translated and translatedBaseUrl only apply with target: translated-v2`)
    }
    tenants.push({
      target: entry.target,
      translated:
        entry.target === 'translated-v2' && entry.translated !== undefined
          ? { ...(entry.translated as TranslatedTargetConfig), baseUrl: entry.translatedBaseUrl?.replace(/\/+$/, '') }
          : null,
      name: entry.name,
      tenantId: entry.tenantId,
      siteId: entry.siteId,
      kibo:
        entry.clientId === undefined
          ? null
          : {
              tenantId: entry.tenantId,
              siteId: entry.siteId,
              clientId: entry.clientId,
              sharedSecret: sharedSecret ?? '',
              apiBaseUrl: (entry.apiBaseUrl ?? defaults.apiBaseUrl).replace(/\/+$/, ''),
              authBaseUrl: (entry.authBaseUrl ?? defaults.authBaseUrl).replace(/\/+$/, ''),
              env: entry.env
            },
      channelCode: entry.channelCode ?? e.KIBO_CHANNEL_CODE,
      fraudDeclineAction: entry.fraudDeclineAction ?? e.FRAUD_DECLINE_ACTION,
      apiKeys,
      webhookSecrets,
      shopify: entry.shopify.map((store, storeIndex) => shopifyStore(store, environment, `${where} shopify.${storeIndex}`, problems)),
      bigcommerce: entry.bigcommerce.map((store, storeIndex) =>
        bigCommerceStore(store, environment, `${where} bigcommerce.${storeIndex}`, problems)
      ),
      woocommerce: entry.woocommerce.map((store, storeIndex) =>
        wooCommerceStore(store, environment, `${where} woocommerce.${storeIndex}`, problems)
      )
    })
  }
  return tenants
}

/** Reads and validates the environment; throws ConfigError naming every bad value. */
export function loadConfig (environment: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(environment)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.')
        const raw = environment[name]
        const shown = raw === undefined || /SECRET|KEY|TOKEN|DATABASE_URL/.test(name) ? '' : ` (got "${raw}")`
        return `${name}: ${issue.message}${shown}`
      })
    )
  }
  const e = parsed.data
  const problems: string[] = []
  let kibo: KiboConnection | null = null
  if (e.KIBO_CLIENT_ID !== undefined) {
    for (const name of ['KIBO_SHARED_SECRET', 'KIBO_TENANT_ID', 'KIBO_SITE_ID'] as const) {
      if (e[name] === undefined) problems.push(`${name}: required when KIBO_CLIENT_ID is set`)
    }
    if (problems.length === 0) {
      const defaults = defaultKiboUrls(e.KIBO_TENANT_ID!, e.KIBO_ENV)
      kibo = {
        tenantId: e.KIBO_TENANT_ID!,
        siteId: e.KIBO_SITE_ID!,
        clientId: e.KIBO_CLIENT_ID,
        sharedSecret: e.KIBO_SHARED_SECRET!,
        apiBaseUrl: e.KIBO_API_BASE_URL ?? defaults.apiBaseUrl,
        authBaseUrl: e.KIBO_AUTH_BASE_URL ?? defaults.authBaseUrl,
        env: e.KIBO_ENV
      }
    }
  }
  const isProduction = e.NODE_ENV === 'production'
  let tenants: TenantConfig[]
  if (e.TENANTS_FILE !== undefined) {
    if (e.SHOPIFY_SHOP_DOMAIN !== undefined) {
      problems.push("SHOPIFY_SHOP_DOMAIN: not allowed with TENANTS_FILE (list the stores under each tenant's shopify:)")
    }
    if ((environment.BIGCOMMERCE_STORE_HASH ?? '') !== '') {
      problems.push("BIGCOMMERCE_STORE_HASH: not allowed with TENANTS_FILE (list the stores under each tenant's bigcommerce:)")
    }
    if ((environment.WOOCOMMERCE_STORE_URL ?? '') !== '') {
      problems.push('WOOCOMMERCE_STORE_URL: not allowed with TENANTS_FILE (list the stores under each tenant\'s woocommerce:)')
    }
    for (const name of ['KIBO_CLIENT_ID', 'API_KEYS', 'WEBHOOK_SECRETS'] as const) {
      const value = e[name]
      if (value !== undefined && (!Array.isArray(value) || value.length > 0)) {
        problems.push(`${name}: not allowed with TENANTS_FILE (configure it per tenant in the file)`)
      }
    }
    tenants = loadTenantsFile(e.TENANTS_FILE, environment, e, problems)
  } else {
    tenants = [
      {
        target: 'oms',
        translated: null,
        name: 'default',
        tenantId: kibo?.tenantId ?? e.KIBO_TENANT_ID ?? 100001,
        siteId: kibo?.siteId ?? e.KIBO_SITE_ID ?? 100002,
        kibo,
        channelCode: e.KIBO_CHANNEL_CODE,
        fraudDeclineAction: e.FRAUD_DECLINE_ACTION,
        apiKeys: e.API_KEYS,
        webhookSecrets: e.WEBHOOK_SECRETS,
        shopify: shopifyStoreFromEnvironment(e, environment, problems),
        bigcommerce: bigCommerceStoreFromEnvironment(environment, problems),
        woocommerce: wooCommerceStoreFromEnvironment(environment, problems)
      }
    ]
  }
  const shops = new Map<string, string>()
  for (const tenant of tenants) {
    for (const store of tenant.shopify) {
      const other = shops.get(store.shopDomain)
      if (other !== undefined) {
        problems.push(`Shopify store ${store.shopDomain} is listed for tenants ${other} and ${tenant.name}; a store sends to one tenant`)
      }
      shops.set(store.shopDomain, tenant.name)
    }
  }
  checkBigCommerceStores(tenants, isProduction, problems)
  checkWooCommerceStores(tenants, isProduction, problems)
  if (isProduction) {
    for (const store of tenants.flatMap((tenant) => tenant.shopify)) {
      const where = `Shopify store ${store.shopDomain}`
      if (store.webhookSecrets.length === 0) problems.push(`${where}: webhookSecrets are required when NODE_ENV=production`)
      if (store.accessToken === undefined) problems.push(`${where}: an accessToken is required when NODE_ENV=production`)
    }
    for (const tenant of tenants) {
      const where = e.TENANTS_FILE === undefined ? 'KIBO_CLIENT_ID' : `TENANTS_FILE tenant ${tenant.name}`
      if (tenant.kibo === null) {
        problems.push(`${where}: Kibo credentials are required when NODE_ENV=production (the Kibo simulator is for development only)`)
      }
      if (tenant.apiKeys.length === 0 && tenant.webhookSecrets.length === 0) {
        problems.push(
          e.TENANTS_FILE === undefined
            ? 'API_KEYS: required (or WEBHOOK_SECRETS) when NODE_ENV=production (the API would otherwise be open)'
            : `TENANTS_FILE tenant ${tenant.name}: apiKeys or webhookSecrets are required when NODE_ENV=production`
        )
      }
    }
  }
  for (const secret of e.WEBHOOK_SECRETS) {
    const problem = webhookSecretProblem('WEBHOOK_SECRETS', secret)
    if (problem) problems.push(problem)
  }
  if (e.RETRY_MAX_MS < e.RETRY_BASE_MS) problems.push('RETRY_MAX_MS: must be at least RETRY_BASE_MS')
  for (const key of e.API_KEYS) {
    if (key.length < 16) problems.push('API_KEYS: every key must be at least 16 characters long')
  }
  if (e.METRICS_TOKEN !== undefined && e.METRICS_TOKEN.length < 16) problems.push('METRICS_TOKEN: must be at least 16 characters long')
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logRedactEmails: e.LOG_REDACT_EMAILS,
    logFormat: e.LOG_FORMAT,
    kibo,
    tenants,
    kiboChannelCode: e.KIBO_CHANNEL_CODE,
    kiboTimeoutMs: e.KIBO_TIMEOUT_MS,
    kiboConnections: e.KIBO_CONNECTIONS,
    kiboRetryBudgetMs: e.KIBO_RETRY_BUDGET_MS,
    apiKeys: e.API_KEYS,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    fraudDeclineAction: e.FRAUD_DECLINE_ACTION,
    bodyLimit: e.BODY_LIMIT,
    webhookBodyLimit: e.WEBHOOK_BODY_LIMIT,
    importLeaseMs: e.IMPORT_LEASE_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    metrics: { enabled: e.METRICS_ENABLED, token: e.METRICS_TOKEN },
    loadShedding: {
      maxEventLoopDelayMs: e.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: e.LOAD_SHED_MAX_EVENT_LOOP_UTILIZATION,
      maxHeapUsedBytes: e.LOAD_SHED_MAX_HEAP_USED_BYTES,
      maxRssBytes: e.LOAD_SHED_MAX_RSS_BYTES,
      retryAfterSeconds: e.LOAD_SHED_RETRY_AFTER_SECONDS
    },
    simulatorPort: e.SIMULATOR_PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    trustProxy: e.TRUST_PROXY,
    webhookSecrets: e.WEBHOOK_SECRETS,
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      leaseMs: e.WORKER_LEASE_MS,
      pollMs: e.QUEUE_POLL_MS,
      maxAttempts: e.IMPORT_MAX_ATTEMPTS,
      maxAgeMs: e.IMPORT_MAX_AGE_MS,
      retryBaseMs: e.RETRY_BASE_MS,
      retryMaxMs: e.RETRY_MAX_MS,
      circuitFailureThreshold: e.CIRCUIT_FAILURE_THRESHOLD,
      circuitHalfOpenAfterMs: e.CIRCUIT_HALF_OPEN_AFTER_MS
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    inventory: {
      adjustBatchSize: e.INVENTORY_ADJUST_BATCH_SIZE,
      refreshBatchSize: e.INVENTORY_REFRESH_BATCH_SIZE,
      pollMs: e.INVENTORY_POLL_MS,
      trackTimeoutMs: e.INVENTORY_TRACK_TIMEOUT_MS,
      uploadMaxBytes: e.INVENTORY_UPLOAD_MAX_BYTES,
      uploadMaxItems: e.INVENTORY_UPLOAD_MAX_ITEMS
    }
  }
}
