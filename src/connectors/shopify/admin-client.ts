// Shopify's GraphQL Admin API: POST {adminApiUrl}/graphql.json with X-Shopify-Access-Token.
// Cost-based throttling: a THROTTLED error (HTTP 200, or 429) carries extensions.cost.throttleStatus;
// the wait is (requested − available) / restoreRate seconds, then the query is sent again. 429/5xx
// and network errors are retried a few times here; past that the frame's job retries later.
// Shopify refuses a query whose requested cost is over 1,000 points (MAX_COST_EXCEEDED) before
// running it, so an order is read in several queries sized to stay under it (queries.ts):
// OrderForImport (the order with the first page of each connection), then, while a connection has
// a next page, OrderLineItems / OrderShippingLines / OrderFulfillmentOrders /
// FulfillmentOrderLineItems with `after: endCursor`, each cost-checked and throttle-handled like
// any other, up to maxLineItems lines.
import { Pool } from 'undici'
import { PlatformApiError } from '../connector.ts'
import { MAX_ORDER_ITEMS } from '../../../schemas/order-event.ts'
import {
  FULFILLMENT_ORDER_LINE_ITEMS,
  ORDER_FOR_IMPORT,
  ORDER_FULFILLMENT_ORDERS,
  ORDER_LINE_ITEMS,
  ORDER_SHIPPING_LINES,
  ORDERS_UPDATED_SINCE
} from './queries.ts'
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
  /** Most lines read of one order or fulfillment order (default MAX_ORDER_ITEMS, 10,000); past it the order is flagged, not read on. */
  maxLineItems?: number
}

interface Page<T> {
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null }
  nodes?: T[]
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
  const maxLineItems = options.maxLineItems ?? MAX_ORDER_ITEMS
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

  /**
   * Every node of a connection whose first page is `first`: the next page is asked with the last
   * endCursor while hasNextPage, up to `limit` nodes (maxLineItems by default); `beyond` is called
   * when there are more.
   */
  async function allPages<T> (
    first: Page<T> | undefined,
    what: string,
    nextPage: (after: string) => Promise<Page<T> | undefined>,
    beyond: () => void,
    limit = maxLineItems
  ): Promise<T[]> {
    const nodes = [...(first?.nodes ?? [])]
    let pageInfo = first?.pageInfo
    while (pageInfo?.hasNextPage === true) {
      if (nodes.length >= limit) break
      const after = pageInfo.endCursor
      if (typeof after !== 'string' || after === '') {
        throw new PlatformApiError(`Shopify Admin API: ${what} has a next page but no endCursor`, { transient: false })
      }
      const page = await nextPage(after)
      if (page === undefined || page === null) {
        // The order (or fulfillment order) is gone between two pages: read it again later.
        throw new PlatformApiError(`Shopify Admin API: ${what} was not found while reading its next page after cursor ${after}`, {
          transient: true
        })
      }
      if (page.pageInfo?.hasNextPage === true && page.pageInfo.endCursor === after) {
        throw new PlatformApiError(`Shopify Admin API: ${what} did not move past cursor ${after}`, { transient: false })
      }
      nodes.push(...(page.nodes ?? []))
      pageInfo = page.pageInfo
    }
    if (nodes.length > limit || (pageInfo?.hasNextPage === true && nodes.length >= limit)) {
      beyond()
      return nodes.slice(0, limit)
    }
    return nodes
  }

  return {
    query,
    async order (orderKey) {
      const data = await query<{ order: any }>(ORDER_FOR_IMPORT, { id: orderGid(orderKey) })
      const order = data?.order
      if (order === null || order === undefined) return null
      let moreLineItemsThan: number | undefined
      const tooMany = () => { moreLineItemsThan = maxLineItems }
      const lineItems = await allPages(order.lineItems, `the lines of order ${orderKey}`, async (after) => {
        const next = await query<{ order: { lineItems: Page<any> } | null }>(ORDER_LINE_ITEMS, { id: order.id, after })
        return next?.order?.lineItems
      }, tooMany)
      const shippingLines = await allPages(order.shippingLines, `the shipping lines of order ${orderKey}`, async (after) => {
        const next = await query<{ order: { shippingLines: Page<any> } | null }>(ORDER_SHIPPING_LINES, { id: order.id, after })
        return next?.order?.shippingLines
      }, tooMany)
      // Every fulfillment order (a line is in at most one of them: bounded like the lines).
      const allFulfillmentOrders = await allPages(order.fulfillmentOrders, `the fulfillment orders of order ${orderKey}`, async (after) => {
        const next = await query<{ order: { fulfillmentOrders: Page<any> } | null }>(ORDER_FULFILLMENT_ORDERS, { id: order.id, after })
        return next?.order?.fulfillmentOrders
      }, tooMany)
      const fulfillmentOrders = []
      for (const fulfillmentOrder of allFulfillmentOrders) {
        if (moreLineItemsThan !== undefined) {
          // Refused for its size anyway: no more pages read.
          fulfillmentOrders.push({ ...fulfillmentOrder, lineItems: fulfillmentOrder.lineItems?.nodes ?? [] })
          continue
        }
        const what = `the lines of fulfillment order ${fulfillmentOrder.id} of order ${orderKey}`
        const lines = await allPages(fulfillmentOrder.lineItems, what, async (after) => {
          const next = await query<{ fulfillmentOrder: { lineItems: Page<any> } | null }>(FULFILLMENT_ORDER_LINE_ITEMS, {
            id: fulfillmentOrder.id,
            after
          })
          return next?.fulfillmentOrder?.lineItems
        }, tooMany)
        fulfillmentOrders.push({ ...fulfillmentOrder, lineItems: lines })
      }
      return {
        ...order,
        lineItems,
        shippingLines,
        transactions: order.transactions ?? [],
        fulfillmentOrders,
        ...(moreLineItemsThan === undefined ? {} : { moreLineItemsThan })
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
