// Configuration: read once from the environment at start, validated, then passed down.
// Nothing else in the code base reads process.env.
import { z } from 'zod'

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
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'
      })
      .default('info')
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
  IMPORT_LEASE_MS: integerFromText('IMPORT_LEASE_MS', 1000, 3_600_000).default(120_000),
  RATE_LIMIT_PER_MINUTE: integerFromText('RATE_LIMIT_PER_MINUTE', 1, 10_000_000).optional(),
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

export interface Config {
  env: string
  isProduction: boolean
  port: number
  host: string
  logLevel: Environment['LOG_LEVEL']
  /** null: the built-in Kibo simulator is started and used. */
  kibo: KiboConnection | null
  kiboChannelCode: string | undefined
  kiboTimeoutMs: number
  kiboConnections: number
  kiboRetryBudgetMs: number
  apiKeys: string[]
  databaseUrl: string | undefined
  dataDir: string
  fraudDeclineAction: 'review' | 'reject'
  bodyLimit: number
  importLeaseMs: number
  rateLimitPerMinute: number | undefined
  simulatorPort: number
  publicBaseUrl: string | undefined
  trustProxy: boolean
  /** Standard Webhooks secrets (`whsec_…`); several at once during a rotation. */
  webhookSecrets: string[]
  delivery: {
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
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/** Kibo's documented hosts: t{tenant}[.sandbox].mozu.com for the API, home.mozu.com for auth. */
export function defaultKiboUrls(tenantId: number, env: 'sandbox' | 'production') {
  return env === 'production'
    ? { apiBaseUrl: `https://t${tenantId}.mozu.com/api`, authBaseUrl: 'https://home.mozu.com' }
    : { apiBaseUrl: `https://t${tenantId}.sandbox.mozu.com/api`, authBaseUrl: 'https://home.mozu.com' }
}

/** Reads and validates the environment; throws ConfigError naming every bad value. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(environment)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.')
        const raw = environment[name]
        const shown = raw === undefined || /SECRET|KEY|DATABASE_URL/.test(name) ? '' : ` (got "${raw}")`
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
  if (isProduction && kibo === null) {
    problems.push('KIBO_CLIENT_ID: required when NODE_ENV=production (the Kibo simulator is for development only)')
  }
  if (isProduction && e.API_KEYS.length === 0) {
    problems.push('API_KEYS: required when NODE_ENV=production (the API would otherwise be open)')
  }
  if (isProduction && e.WEBHOOK_SECRETS.length === 0 && e.API_KEYS.length === 0) {
    problems.push('WEBHOOK_SECRETS: set it (or API_KEYS) when NODE_ENV=production')
  }
  for (const secret of e.WEBHOOK_SECRETS) {
    if (!/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret) || Buffer.from(secret.slice(6), 'base64').length < 24) {
      problems.push('WEBHOOK_SECRETS: every secret must be whsec_ followed by at least 24 base64-encoded random bytes')
    }
  }
  if (e.RETRY_MAX_MS < e.RETRY_BASE_MS) problems.push('RETRY_MAX_MS: must be at least RETRY_BASE_MS')
  for (const key of e.API_KEYS) {
    if (key.length < 16) problems.push('API_KEYS: every key must be at least 16 characters long')
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    kibo,
    kiboChannelCode: e.KIBO_CHANNEL_CODE,
    kiboTimeoutMs: e.KIBO_TIMEOUT_MS,
    kiboConnections: e.KIBO_CONNECTIONS,
    kiboRetryBudgetMs: e.KIBO_RETRY_BUDGET_MS,
    apiKeys: e.API_KEYS,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    fraudDeclineAction: e.FRAUD_DECLINE_ACTION,
    bodyLimit: e.BODY_LIMIT,
    importLeaseMs: e.IMPORT_LEASE_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    simulatorPort: e.SIMULATOR_PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    trustProxy: e.TRUST_PROXY,
    webhookSecrets: e.WEBHOOK_SECRETS,
    delivery: {
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
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS
  }
}
