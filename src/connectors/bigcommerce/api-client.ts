// BigCommerce's REST API, as this connector uses it: one undici Pool per store, `X-Auth-Token`,
// only GETs (so any of them may be repeated safely), and BigCommerce's rate limits honoured:
//   - after each answer, `X-Rate-Limit-Requests-Left: 0` pauses the store's next calls for
//     `X-Rate-Limit-Time-Reset-Ms` (the quota is per store, shared with every other app);
//   - a 429 waits the longer of `X-Rate-Limit-Time-Reset-Ms` and `X-Retry-After` (seconds), as
//     BigCommerce's docs say, or backs off exponentially when neither header came (platform load);
//   - a 5xx, a timeout or a lost connection is retried with exponential backoff and full jitter.
// The retry loop and what each answer means are the connectors' shared ../platform-http.ts; the
// rate-limit rules above are this file's hooks into it. The access token never reaches a log line
// or an error message.
import { z } from 'zod'
import { createPlatformHttp, headerValue, PlatformHttpError, type PlatformHttpOptions, type ResponseHeaders } from '../platform-http.ts'
import {
  type BcOrder,
  type BcOrderBundle,
  BcConsignmentsSchema,
  BcCouponSchema,
  BcOrderSchema,
  BcProductSchema,
  BcShippingAddressSchema,
  BcTaxSchema,
  BcTransactionCollectionSchema,
  BcTransactionSchema
} from './api-types.ts'

export type BigCommerceErrorKind = 'not_found' | 'auth' | 'unavailable' | 'rate_limited' | 'invalid_response' | 'refused'

export class BigCommerceApiError extends PlatformHttpError<BigCommerceErrorKind> {
  constructor (kind: BigCommerceErrorKind, message: string, status?: number) {
    super(kind, message, status)
    this.name = 'BigCommerceApiError'
  }
}

export interface BigCommerceApiOptions extends PlatformHttpOptions {
  /** https://api.bigcommerce.com/stores/{store_hash} (no trailing slash); /v2 and /v3 are appended. */
  apiUrl: string
  accessToken: string
  /** First backoff step for 5xx / no answer / a bare 429. Default 500 ms. */
  backoffBaseMs?: number
  /** Longest single wait (a rate-limit reset, a backoff step). Default 30 000 ms. */
  maxWaitMs?: number
}

/** Page size of list calls (BigCommerce's maximum for V2 lists). */
export const PAGE_SIZE = 250

function headerNumber (headers: ResponseHeaders, name: string): number | undefined {
  const value = headerValue(headers, name)
  if (value === undefined || value === '' || !/^[0-9]+(\.[0-9]+)?$/.test(value.trim())) return undefined
  return Number(value)
}

export interface BigCommerceApi {
  /** The order with everything the mapping reads; null when BigCommerce has no such order (404). */
  getOrderBundle(orderId: number): Promise<BcOrderBundle | null>
  /** The order alone (its status); null on 404. */
  getOrder(orderId: number): Promise<BcOrder | null>
  /** One page (1-based) of orders modified at or after `since`, oldest change first. */
  listOrdersModifiedSince(since: Date, page: number): Promise<BcOrder[]>
  close(): Promise<void>
  /** Calls made and waits taken (tests, metrics). */
  readonly stats: { requests: number; rateLimitedWaits: number; retries: number }
}

export function createBigCommerceApi (options: BigCommerceApiOptions): BigCommerceApi {
  const base = new URL(options.apiUrl.replace(/\/+$/, '') + '/')
  let pausedUntil = 0
  const http = createPlatformHttp(options, {
    title: 'BigCommerce',
    credential: 'the access token',
    base,
    headers: { 'x-auth-token': options.accessToken, accept: 'application/json' },
    where: (_path, url) => `GET ${url.pathname.replace(base.pathname, '/')}`,
    error: (kind, message, status) => new BigCommerceApiError(kind, message, status),
    emptyAsList: true,
    // The quota is per store: a pause holds every call of this client until the reset.
    async beforeAttempt (tools) {
      const wait = pausedUntil - Date.now()
      if (wait > 0) await tools.sleep(Math.min(wait, tools.maxWaitMs))
    },
    onHeaders (headers) {
      const left = headerNumber(headers, 'x-rate-limit-requests-left')
      const resetMs = headerNumber(headers, 'x-rate-limit-time-reset-ms')
      if (left !== undefined && left <= 0 && resetMs !== undefined) pausedUntil = Math.max(pausedUntil, Date.now() + resetMs)
    },
    async onRateLimited (headers, attempt, tools) {
      const resetMs = headerNumber(headers, 'x-rate-limit-time-reset-ms')
      const retryAfterMs = (headerNumber(headers, 'x-retry-after') ?? 0) * 1000
      const wait = Math.max(resetMs ?? 0, retryAfterMs)
      if (wait > 0) {
        pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(wait, tools.maxWaitMs))
      } else {
        await tools.sleep(tools.backoff(attempt))
      }
    }
  })
  const parse = http.parse

  /** GET a path under the store (v2/…, v3/…): the parsed JSON, null for 404, [] for 204. */
  async function get (path: string, query: Record<string, string> = {}): Promise<unknown> {
    const answer = await http.get(path, query)
    return answer === null ? null : answer.body
  }

  async function list<T extends z.ZodType> (path: string, schema: T, query: Record<string, string> = {}): Promise<z.output<T>[]> {
    const all: z.output<T>[] = []
    for (let page = 1; ; page++) {
      const body = await get(path, { ...query, limit: String(PAGE_SIZE), page: String(page) })
      if (body === null) return all
      const items = parse(z.array(schema), body, `GET ${path}`)
      all.push(...items)
      if (items.length < PAGE_SIZE) return all
    }
  }

  async function getOrder (orderId: number): Promise<BcOrder | null> {
    const body = await get(`v2/orders/${orderId}`)
    return body === null ? null : parse(BcOrderSchema, body, `GET /v2/orders/${orderId}`)
  }

  return {
    stats: http.stats,
    getOrder,
    async getOrderBundle (orderId) {
      const body = await get(`v2/orders/${orderId}`, { include: 'consignments.line_items', consignment_structure: 'object' })
      if (body === null) return null
      const order = parse(BcOrderSchema, body, `GET /v2/orders/${orderId}`)
      const rawConsignments = (body as { consignments?: unknown }).consignments
      const consignments =
        rawConsignments === undefined || rawConsignments === null
          ? null
          : parse(BcConsignmentsSchema, Array.isArray(rawConsignments) ? (rawConsignments[0] ?? {}) : rawConsignments, 'consignments')
      const products = await list(`v2/orders/${orderId}/products`, BcProductSchema)
      const shippingAddresses = await list(`v2/orders/${orderId}/shipping_addresses`, BcShippingAddressSchema)
      const coupons = await list(`v2/orders/${orderId}/coupons`, BcCouponSchema)
      const taxes = await list(`v2/orders/${orderId}/taxes`, BcTaxSchema, { details: 'true' })
      const transactionsBody = await get(`v3/orders/${orderId}/transactions`)
      const transactions =
        transactionsBody === null || Array.isArray(transactionsBody)
          ? []
          : parse(BcTransactionCollectionSchema, transactionsBody, `GET /v3/orders/${orderId}/transactions`).data
      return { order, products, shippingAddresses, consignments, coupons, taxes, transactions }
    },
    async listOrdersModifiedSince (since, page) {
      const body = await get('v2/orders', {
        min_date_modified: since.toISOString(),
        sort: 'date_modified:asc',
        limit: String(PAGE_SIZE),
        page: String(page)
      })
      return body === null ? [] : parse(z.array(BcOrderSchema), body, 'GET /v2/orders')
    },
    close: () => http.close()
  }
}

/** A bundle of raw API JSON (fixtures, the stand-in) read through the same schemas as the client. */
export function parseBundle (raw: {
  order: unknown
  products: unknown
  shippingAddresses: unknown
  consignments: unknown
  coupons: unknown
  taxes: unknown
  transactions: unknown
}): BcOrderBundle {
  return {
    order: BcOrderSchema.parse(raw.order),
    products: z.array(BcProductSchema).parse(raw.products),
    shippingAddresses: z.array(BcShippingAddressSchema).parse(raw.shippingAddresses),
    consignments: raw.consignments === null || raw.consignments === undefined ? null : BcConsignmentsSchema.parse(raw.consignments),
    coupons: z.array(BcCouponSchema).parse(raw.coupons),
    taxes: z.array(BcTaxSchema).parse(raw.taxes),
    transactions: z.array(BcTransactionSchema).parse(raw.transactions)
  }
}
