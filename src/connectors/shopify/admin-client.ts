// Shopify's GraphQL Admin API: POST {adminApiUrl}/graphql.json with X-Shopify-Access-Token.
// Cost-based throttling: a THROTTLED error (HTTP 200, or 429) carries extensions.cost.throttleStatus;
// the wait is (requested − available) / restoreRate seconds, then the query is sent again. 429/5xx
// and network errors are retried a few times here; past that the frame's job retries later.
import { Pool } from 'undici'
import { PlatformApiError } from '../connector.ts'
import { ORDER_FOR_IMPORT, ORDERS_UPDATED_SINCE } from './queries.ts'
import { orderGid, type ShopifyOrder } from './order.ts'

export interface ShopifyAdminClientOptions {
  adminApiUrl: string
  accessToken: string | undefined
  timeoutMs?: number
  /** Tries per query before giving the failure to the caller (default 5). */
  attempts?: number
  /** Longest single wait for the throttle bucket or a Retry-After (default 10 s). */
  maxWaitMs?: number
  sleep?: (ms: number) => Promise<void>
}

export interface ThrottleStatus {
  maximumAvailable?: number
  currentlyAvailable?: number
  restoreRate?: number
}

interface GraphqlBody {
  data?: any
  errors?: Array<{ message?: string; extensions?: { code?: string } }> | string
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } }
}

export interface ListedShopifyOrder {
  id: string
  legacyResourceId: string
  updatedAt: string
  cancelledAt: string | null
  test: boolean
  displayFinancialStatus: string | null
}

export interface ShopifyAdminClient {
  query<T = any>(document: string, variables: Record<string, unknown>): Promise<T>
  order(orderKey: string): Promise<ShopifyOrder | null>
  ordersUpdatedSince(since: string, cursor: string | null, pageSize?: number): Promise<{
    nodes: ListedShopifyOrder[]
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
  }>
  /** How many times a query was throttled (for tests and logs). */
  readonly throttled: number
  close(): Promise<void>
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function createShopifyAdminClient (options: ShopifyAdminClientOptions): ShopifyAdminClient {
  const url = new URL(`${options.adminApiUrl}/graphql.json`)
  const pool = new Pool(url.origin, { connections: 4 })
  const attempts = options.attempts ?? 5
  const maxWaitMs = options.maxWaitMs ?? 10_000
  const sleep = options.sleep ?? delay
  let throttled = 0

  async function query<T> (document: string, variables: Record<string, unknown>): Promise<T> {
    let lastError: PlatformApiError | undefined
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let status: number
      let body: GraphqlBody | undefined
      let retryAfter: string | undefined
      try {
        const response = await pool.request({
          method: 'POST',
          path: url.pathname,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.accessToken ? { 'x-shopify-access-token': options.accessToken } : {})
          },
          body: JSON.stringify({ query: document, variables }),
          headersTimeout: options.timeoutMs ?? 15_000,
          bodyTimeout: options.timeoutMs ?? 15_000
        })
        status = response.statusCode
        const header = response.headers['retry-after']
        retryAfter = Array.isArray(header) ? header[0] : header
        const text = await response.body.text()
        try {
          body = JSON.parse(text) as GraphqlBody
        } catch {
          body = undefined
        }
      } catch (error) {
        const said = error instanceof Error ? error.message : String(error)
        lastError = new PlatformApiError(`Shopify Admin API unreachable: ${said}`, { transient: true })
        await sleep(Math.min(maxWaitMs, 250 * 2 ** attempt))
        continue
      }
      const errors = Array.isArray(body?.errors) ? body.errors : []
      const isThrottled = status === 429 || errors.some((error) => error.extensions?.code === 'THROTTLED' || error.message === 'Throttled')
      if (isThrottled) {
        throttled++
        const cost = body?.extensions?.cost
        const bucket = cost?.throttleStatus
        const needed = (cost?.requestedQueryCost ?? 0) - (bucket?.currentlyAvailable ?? 0)
        const fromBucket = bucket?.restoreRate ? Math.ceil((Math.max(needed, 1) / bucket.restoreRate) * 1000) : undefined
        const fromHeader = retryAfter !== undefined && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : undefined
        lastError = new PlatformApiError('Shopify Admin API throttled the query (THROTTLED)', { transient: true, status })
        await sleep(Math.min(maxWaitMs, Math.max(100, fromBucket ?? fromHeader ?? 1000 * attempt)))
        continue
      }
      if (status >= 500) {
        lastError = new PlatformApiError(`Shopify Admin API answered HTTP ${status}`, { transient: true, status })
        await sleep(Math.min(maxWaitMs, 250 * 2 ** attempt))
        continue
      }
      if (status !== 200 || body === undefined) {
        const said = typeof body?.errors === 'string' ? `: ${body.errors}` : ''
        throw new PlatformApiError(`Shopify Admin API answered HTTP ${status}${said}`, { transient: false, status })
      }
      if (errors.length > 0) {
        throw new PlatformApiError(`Shopify Admin API: ${errors.map((error) => error.message).join('; ')}`, { transient: false, status })
      }
      return body.data as T
    }
    throw lastError ?? new PlatformApiError('Shopify Admin API: no answer', { transient: true })
  }

  return {
    query,
    async order (orderKey) {
      const data = await query<{ order: any }>(ORDER_FOR_IMPORT, { id: orderGid(orderKey) })
      const order = data?.order
      if (order === null || order === undefined) return null
      if (order.lineItems?.pageInfo?.hasNextPage) {
        throw new PlatformApiError(`Shopify order ${orderKey} has more than 250 lines; the connector reads at most 250`, {
          transient: false
        })
      }
      return {
        ...order,
        lineItems: order.lineItems?.nodes ?? [],
        shippingLines: order.shippingLines?.nodes ?? [],
        transactions: order.transactions ?? [],
        fulfillmentOrders: (order.fulfillmentOrders?.nodes ?? []).map((fulfillmentOrder: any) => ({
          ...fulfillmentOrder,
          lineItems: fulfillmentOrder.lineItems?.nodes ?? []
        }))
      } as ShopifyOrder
    },
    async ordersUpdatedSince (since, cursor, pageSize = 100) {
      const data = await query<{ orders: any }>(ORDERS_UPDATED_SINCE, {
        first: pageSize,
        after: cursor,
        query: `updated_at:>='${since}'`
      })
      return data.orders
    },
    get throttled () {
      return throttled
    },
    close: () => pool.close()
  }
}
