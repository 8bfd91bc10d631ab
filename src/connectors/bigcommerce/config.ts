// BigCommerce stores in the configuration: TENANTS_FILE's `bigcommerce:` list under a tenant, or
// the BIGCOMMERCE_* shortcut for the single tenant of the environment variables. Read by
// src/config/config.ts (the only reader of the environment), which passes the variables in.
import { z } from 'zod'
import { checkStoresAcrossTenants, storeFromEnvironment, storeSecret } from '../store-config.ts'
import { DEFAULT_IMPORT_STATUSES, NEVER_IMPORTABLE_STATUSES, parseStatus, statusName } from './statuses.ts'

const EVENT_GATEWAYS = ['cybersource', 'authorizenet', 'paypal', 'noop'] as const

export const BIGCOMMERCE_API_URL_TEMPLATE = 'https://api.bigcommerce.com/stores/{hash}'

/** One store as TENANTS_FILE's `bigcommerce:` list (or BIGCOMMERCE_*) gives it. */
export const BigCommerceStoreEntrySchema = z
  .object({
    storeHash: z.string().regex(/^[a-z0-9]{1,64}$/, 'must be the store hash (lowercase letters and digits), as in stores/{hash}'),
    accessToken: z.string().min(1).optional(),
    accessTokenEnv: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z.string().min(1).optional(),
    webhookHeader: z
      .object({
        name: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name'),
        value: z.string().min(16, 'must be at least 16 characters').optional(),
        valueEnv: z.string().min(1).optional()
      })
      .strict()
      .optional(),
    apiUrl: z.url({ protocol: /^https?$/ }).optional(),
    importStatuses: z
      .array(z.union([z.number().int(), z.string().min(1)]))
      .min(1)
      .optional(),
    gateways: z.record(z.string().min(1), z.enum(EVENT_GATEWAYS)).default({}),
    externalIdPrefix: z.string().max(40).default('BC-'),
    reconcileIntervalMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000)
      .default(15 * 60_000)
  })
  .strict()

export interface BigCommerceStoreConfig {
  storeHash: string
  /** API account access token (X-Auth-Token); never logged. */
  accessToken: string | undefined
  /** The app's client secret: the key of its Standard Webhooks signatures; never logged. */
  clientSecret: string | undefined
  /** For hooks created with a custom header: its name and the secret value it must carry; never logged. */
  webhookHeader: { name: string; value: string } | undefined
  /** https://api.bigcommerce.com/stores/{hash}, without a trailing slash. */
  apiUrl: string
  /** Status ids whose orders are imported. */
  importStatuses: number[]
  /** BigCommerce transaction gateway → our event gateway; unmapped ones become noop. */
  gateways: Record<string, (typeof EVENT_GATEWAYS)[number]>
  externalIdPrefix: string
  /** 0: no scheduled reconciliation. */
  reconcileIntervalMs: number
}

function importStatuses (values: Array<number | string> | undefined, where: string, problems: string[]): number[] {
  if (values === undefined) return [...DEFAULT_IMPORT_STATUSES]
  const ids: number[] = []
  for (const value of values) {
    const id = parseStatus(value)
    if (id === undefined) {
      problems.push(`${where} importStatuses: ${JSON.stringify(value)} is not a BigCommerce status (an id 0-14 or its name)`)
    } else if (NEVER_IMPORTABLE_STATUSES.includes(id)) {
      problems.push(
        `${where} importStatuses: ${statusName(id)} (${id}) orders are never imported (checkout unfinished or payment declined)`
      )
    } else if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

export function bigCommerceStore (
  entry: z.output<typeof BigCommerceStoreEntrySchema>,
  environment: Record<string, string | undefined>,
  where: string,
  problems: string[]
): BigCommerceStoreConfig {
  const secret = storeSecret(environment, where, problems)
  const headerValue =
    entry.webhookHeader === undefined
      ? undefined
      : secret(entry.webhookHeader.value, entry.webhookHeader.valueEnv, 'webhookHeader.valueEnv')
  if (entry.webhookHeader !== undefined && entry.webhookHeader.value === undefined && entry.webhookHeader.valueEnv === undefined) {
    problems.push(`${where}: webhookHeader needs value or valueEnv`)
  }
  if (headerValue !== undefined && headerValue.length < 16) problems.push(`${where}: webhookHeader's value must be at least 16 characters`)
  return {
    storeHash: entry.storeHash,
    accessToken: secret(entry.accessToken, entry.accessTokenEnv, 'accessTokenEnv'),
    clientSecret: secret(entry.clientSecret, entry.clientSecretEnv, 'clientSecretEnv'),
    webhookHeader:
      entry.webhookHeader === undefined || headerValue === undefined
        ? undefined
        : { name: entry.webhookHeader.name.toLowerCase(), value: headerValue },
    apiUrl: (entry.apiUrl ?? BIGCOMMERCE_API_URL_TEMPLATE.replace('{hash}', entry.storeHash)).replace(/\/+$/, ''),
    importStatuses: importStatuses(entry.importStatuses, where, problems),
    gateways: entry.gateways,
    externalIdPrefix: entry.externalIdPrefix,
    reconcileIntervalMs: entry.reconcileIntervalMs
  }
}

/** The BIGCOMMERCE_* variables and the entry field each one sets. */
const ENVIRONMENT_NAMES = {
  BIGCOMMERCE_STORE_HASH: 'storeHash',
  BIGCOMMERCE_ACCESS_TOKEN: 'accessToken',
  BIGCOMMERCE_CLIENT_SECRET: 'clientSecret',
  BIGCOMMERCE_API_URL: 'apiUrl',
  BIGCOMMERCE_IMPORT_STATUSES: 'importStatuses',
  BIGCOMMERCE_GATEWAYS: 'gateways',
  BIGCOMMERCE_EXTERNAL_ID_PREFIX: 'externalIdPrefix',
  BIGCOMMERCE_RECONCILE_INTERVAL_MS: 'reconcileIntervalMs',
  BIGCOMMERCE_WEBHOOK_HEADER_NAME: 'webhookHeader',
  BIGCOMMERCE_WEBHOOK_HEADER_VALUE: 'webhookHeader'
} as const

/** BIGCOMMERCE_* (single tenant): the one store they describe, or none when BIGCOMMERCE_STORE_HASH is unset. */
export function bigCommerceStoreFromEnvironment (
  environment: Record<string, string | undefined>,
  problems: string[]
): BigCommerceStoreConfig[] {
  return storeFromEnvironment(environment, problems, {
    names: ENVIRONMENT_NAMES,
    storeVariable: 'BIGCOMMERCE_STORE_HASH',
    wildcard: 'BIGCOMMERCE_*',
    schema: BigCommerceStoreEntrySchema,
    entry (read) {
      const gateways = read.json('BIGCOMMERCE_GATEWAYS', '{"authorizenet":"noop","stripe":"noop"}')
      const headerName = read.value('BIGCOMMERCE_WEBHOOK_HEADER_NAME')
      const headerValue = read.value('BIGCOMMERCE_WEBHOOK_HEADER_VALUE')
      if ((headerName === undefined) !== (headerValue === undefined)) {
        problems.push('BIGCOMMERCE_WEBHOOK_HEADER_NAME and BIGCOMMERCE_WEBHOOK_HEADER_VALUE: set both or neither')
      }
      return {
        storeHash: read.value('BIGCOMMERCE_STORE_HASH'),
        accessToken: read.value('BIGCOMMERCE_ACCESS_TOKEN'),
        clientSecret: read.value('BIGCOMMERCE_CLIENT_SECRET'),
        apiUrl: read.value('BIGCOMMERCE_API_URL'),
        importStatuses: read.list('BIGCOMMERCE_IMPORT_STATUSES'),
        gateways,
        externalIdPrefix: read.value('BIGCOMMERCE_EXTERNAL_ID_PREFIX'),
        reconcileIntervalMs: read.number('BIGCOMMERCE_RECONCILE_INTERVAL_MS'),
        webhookHeader: headerName !== undefined && headerValue !== undefined ? { name: headerName, value: headerValue } : undefined
      }
    },
    store: (entry, where) => bigCommerceStore(entry, environment, where, problems)
  })
}

/** Checks across tenants: a store sends to one tenant; one tenant's stores need distinct externalId prefixes; production needs secrets. */
export function checkBigCommerceStores (
  tenants: ReadonlyArray<{ name: string; bigcommerce: BigCommerceStoreConfig[] }>,
  isProduction: boolean,
  problems: string[]
): void {
  checkStoresAcrossTenants(
    tenants.map((tenant) => ({ name: tenant.name, stores: tenant.bigcommerce })),
    {
      title: 'BigCommerce',
      id: (store) => store.storeHash,
      production: !isProduction
        ? undefined
        : (store, where) => {
            const lacks: string[] = []
            if (store.clientSecret === undefined && store.webhookHeader === undefined) {
              lacks.push(`${where}: clientSecret (or webhookHeader) is required when NODE_ENV=production`)
            }
            if (store.accessToken === undefined) lacks.push(`${where}: an accessToken is required when NODE_ENV=production`)
            return lacks
          }
    },
    problems
  )
}
