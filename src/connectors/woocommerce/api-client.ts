// WooCommerce's REST API (wc/v3), as this connector uses it: one undici Pool per store, the REST API
// consumer key and secret as HTTP Basic credentials (WooCommerce's way over HTTPS), only GETs (so any
// of them may be repeated safely). WooCommerce core has no rate limit on this API, but hosts and
// security plugins answer 429: it waits for Retry-After (seconds) or backs off; a 5xx, a timeout or
// a lost connection is retried with exponential backoff and full jitter (the connectors' shared
// retry loop, ../platform-http.ts; the Retry-After rule is this file's hook into it). Lists page by
// `page` (1-based) and X-WP-TotalPages. The key and secret never reach a log line or an error message.
import { z } from 'zod'
import { createPlatformHttp, headerValue, PlatformHttpError, type PlatformHttpOptions } from '../platform-http.ts'
import { type WcOrder, WcOrderSchema } from './api-types.ts'

export type WooCommerceErrorKind = 'auth' | 'unavailable' | 'rate_limited' | 'invalid_response' | 'refused'

export class WooCommerceApiError extends PlatformHttpError<WooCommerceErrorKind> {
  constructor (kind: WooCommerceErrorKind, message: string, status?: number) {
    super(kind, message, status)
    this.name = 'WooCommerceApiError'
  }
}

export interface WooCommerceApiOptions extends Omit<PlatformHttpOptions, 'dispatcher'> {
  /** The store's home URL (https://shop.example.com); /wp-json/wc/v3/… is appended. */
  storeUrl: string
  consumerKey: string
  consumerSecret: string
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

export function createWooCommerceApi (options: WooCommerceApiOptions): WooCommerceApi {
  const authorization = 'Basic ' + Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64')
  const http = createPlatformHttp(options, {
    title: 'WooCommerce',
    credential: 'the consumer key',
    base: new URL(options.storeUrl.replace(/\/+$/, '') + '/wp-json/wc/v3/'),
    headers: { authorization, accept: 'application/json', 'user-agent': 'kibo-order-bridge' },
    where: (path) => `GET /wp-json/wc/v3/${path}`,
    error: (kind, message, status) => new WooCommerceApiError(kind, message, status),
    // Retry-After (whole seconds) when the host or a security plugin sends it, else the backoff.
    async onRateLimited (headers, attempt, tools) {
      const retryAfter = headerValue(headers, 'retry-after')
      const seconds = retryAfter !== undefined && /^[0-9]+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined
      await tools.sleep(seconds === undefined ? tools.backoff(attempt) : Math.min(tools.maxWaitMs, seconds * 1000))
    }
  })
  const { get, parse } = http

  return {
    stats: http.stats,
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
      const totalPages = Number(headerValue(answer.headers, 'x-wp-totalpages') ?? '1')
      return {
        orders: parse(z.array(WcOrderSchema), answer.body, 'GET /wp-json/wc/v3/orders'),
        totalPages: Number.isInteger(totalPages) && totalPages >= 0 ? totalPages : 1
      }
    },
    close: () => http.close()
  }
}
