// WooCommerce's REST API (wc/v3), as this connector uses it: one undici Pool per store, the REST API
// consumer key and secret as HTTP Basic credentials (WooCommerce's way over HTTPS), only GETs (so any
// of them may be repeated safely). WooCommerce core has no rate limit on this API, but hosts and
// security plugins answer 429: it waits for Retry-After (seconds) or backs off; a 5xx, a timeout or
// a lost connection is retried with exponential backoff and full jitter. Lists page by `page`
// (1-based) and X-WP-TotalPages. The key and secret never reach a log line or an error message.
import { Pool, type Dispatcher } from 'undici'
import { z } from 'zod'
import { type WcOrder, WcOrderSchema } from './api-types.ts'

export type WooCommerceErrorKind = 'auth' | 'unavailable' | 'rate_limited' | 'invalid_response' | 'refused'

export class WooCommerceApiError extends Error {
  readonly kind: WooCommerceErrorKind
  readonly status?: number
  constructor (kind: WooCommerceErrorKind, message: string, status?: number) {
    super(message)
    this.name = 'WooCommerceApiError'
    this.kind = kind
    if (status !== undefined) this.status = status
  }
}

export interface WooCommerceApiOptions {
  /** The store's home URL (https://shop.example.com); /wp-json/wc/v3/… is appended. */
  storeUrl: string
  consumerKey: string
  consumerSecret: string
  /** Connect, headers and body timeout of each call. Default 30 000 ms. */
  timeoutMs?: number
  /** Tries per call before giving up (429, 5xx, no answer). Default 6. */
  maxAttempts?: number
  /** First backoff step. Default 500 ms. */
  backoffBaseMs?: number
  /** Longest single wait. Default 30 000 ms. */
  maxWaitMs?: number
  /** Tests: how to wait. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** Page size of the reconciliation's list (the WordPress REST maximum). */
export const PAGE_SIZE = 100

export interface OrderPage {
  orders: WcOrder[]
  /** X-WP-TotalPages (1 when absent). */
  totalPages: number
}

export interface WooCommerceApi {
  /** The order; null when WooCommerce has no such order (404). */
  getOrder(orderId: number): Promise<WcOrder | null>
  /** One page (1-based) of orders in these statuses modified after `since` (GMT), oldest change first. */
  listOrdersModifiedAfter(since: Date, statuses: readonly string[], page: number): Promise<OrderPage>
  close(): Promise<void>
  /** Calls made and waits taken (tests, metrics). */
  readonly stats: { requests: number; rateLimitedWaits: number; retries: number }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function header (headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const raw = headers[name]
  return Array.isArray(raw) ? raw[0] : raw
}

export function createWooCommerceApi (options: WooCommerceApiOptions): WooCommerceApi {
  const base = new URL(options.storeUrl.replace(/\/+$/, '') + '/wp-json/wc/v3/')
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxAttempts = options.maxAttempts ?? 6
  const backoffBaseMs = options.backoffBaseMs ?? 500
  const maxWaitMs = options.maxWaitMs ?? 30_000
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const pool = new Pool(base.origin, { connections: 4, connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  const authorization = 'Basic ' + Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')
  const stats = { requests: 0, rateLimitedWaits: 0, retries: 0 }
  const backoff = (attempt: number) => Math.floor(random() * Math.min(maxWaitMs, backoffBaseMs * 2 ** attempt))

  /** GET a path under wc/v3: the parsed JSON and headers, or null for 404. */
  async function get (
    path: string,
    query: Record<string, string> = {}
  ): Promise<{ body: unknown; headers: Dispatcher.ResponseData['headers'] } | null> {
    const url = new URL(path, base)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const where = `GET /wp-json/wc/v3/${path}`
    let lastProblem = ''
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      stats.requests += 1
      let response: Dispatcher.ResponseData
      try {
        response = await pool.request({
          path: url.pathname + url.search,
          method: 'GET',
          headers: { authorization, accept: 'application/json', 'user-agent': 'kibo-order-bridge' },
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs
        })
      } catch (error) {
        lastProblem = `no answer (${error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'error'})`
        stats.retries += 1
        await sleep(backoff(attempt))
        continue
      }
      const status = response.statusCode
      const text = await response.body.text()
      if (status === 429) {
        stats.rateLimitedWaits += 1
        lastProblem = 'rate limited (429)'
        const retryAfter = header(response.headers, 'retry-after')
        const seconds = retryAfter !== undefined && /^[0-9]+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined
        await sleep(seconds === undefined ? backoff(attempt) : Math.min(maxWaitMs, seconds * 1000))
        continue
      }
      if (status >= 500) {
        lastProblem = `WooCommerce answered ${status}`
        stats.retries += 1
        await sleep(backoff(attempt))
        continue
      }
      if (status === 404) return null
      if (status === 401 || status === 403) {
        throw new WooCommerceApiError('auth', `${where}: WooCommerce refused the consumer key (${status})`, status)
      }
      if (status < 200 || status >= 300) throw new WooCommerceApiError('refused', `${where}: WooCommerce answered ${status}`, status)
      try {
        return { body: JSON.parse(text), headers: response.headers }
      } catch {
        throw new WooCommerceApiError('invalid_response', `${where}: the answer is not JSON`, status)
      }
    }
    throw new WooCommerceApiError(
      lastProblem.startsWith('rate') ? 'rate_limited' : 'unavailable',
      `${where}: ${lastProblem} after ${maxAttempts} tries`
    )
  }

  function parse<T extends z.ZodType> (schema: T, value: unknown, what: string): z.output<T> {
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new WooCommerceApiError('invalid_response', `${what}: ${issue.path.join('.') || '(body)'} ${issue.message}`)
    }
    return parsed.data
  }

  return {
    stats,
    async getOrder (orderId) {
      const answer = await get(`orders/${orderId}`)
      return answer === null ? null : parse(WcOrderSchema, answer.body, `GET /wp-json/wc/v3/orders/${orderId}`)
    },
    async listOrdersModifiedAfter (since, statuses, page) {
      const answer = await get('orders', {
        modified_after: since.toISOString().replace(/\.[0-9]{3}Z$/, ''),
        dates_are_gmt: 'true',
        status: statuses.join(','),
        orderby: 'modified',
        order: 'asc',
        per_page: String(PAGE_SIZE),
        page: String(page)
      })
      if (answer === null) return { orders: [], totalPages: 0 }
      const totalPages = Number(header(answer.headers, 'x-wp-totalpages') ?? '1')
      return {
        orders: parse(z.array(WcOrderSchema), answer.body, 'GET /wp-json/wc/v3/orders'),
        totalPages: Number.isInteger(totalPages) && totalPages >= 0 ? totalPages : 1
      }
    },
    async close () {
      await pool.close()
    }
  }
}
