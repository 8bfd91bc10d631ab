// A Shopify GraphQL Admin API stand-in for development and tests:
//   POST {url}/{shop}/admin/api/{version}/graphql.json   (X-Shopify-Access-Token)
// It answers the two documents the connector sends (src/connectors/shopify/queries.ts), by
// operation name: OrderForImport (order with transactions and fulfillment orders) and
// OrdersUpdatedSince (orders(query: "updated_at:>='…'", sortKey: UPDATED_AT) with cursor paging).
// Orders are kept as REST orders (webhook bodies) and served in the GraphQL shape. Cost-based
// throttling (a leaky bucket, THROTTLED errors with extensions.cost.throttleStatus, as Shopify
// answers) and a 5xx fault switch are off until a test or an operator turns them on.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SHOPIFY_API_VERSION } from '../../config/config.ts'
import { fromRestOrder, legacyId, type ShopifyFulfillmentOrder, type ShopifyTransaction } from '../../connectors/shopify/order.ts'

export interface ShopifySimulatorOptions {
  port?: number
  host?: string
  /** Shop domain → the access token its Admin API accepts. */
  shops: Record<string, string>
}

export interface ThrottleSettings {
  maximumAvailable: number
  restoreRate: number
}

interface StoredOrder {
  rest: Record<string, any>
  transactions: ShopifyTransaction[]
  fulfillmentOrders: ShopifyFulfillmentOrder[]
}

/** What a webhook body does not carry: read through the GraphQL API. */
export interface OrderExtras {
  transactions?: ShopifyTransaction[]
  fulfillmentOrders?: ShopifyFulfillmentOrder[]
}

export interface ShopifySimulator {
  url: string
  /** The adminApiUrl a store configuration points at. */
  adminApiUrl(shop: string): string
  /** Stores (or replaces) an order as its REST body, with what the webhook does not carry. */
  putOrder(shop: string, rest: Record<string, any>, extra?: OrderExtras): void
  /** On: a leaky bucket of this size and restore rate per second; null: off (the default). */
  throttle(settings: ThrottleSettings | null): void
  /** The next `count` requests answer this HTTP status (default 503). */
  failNext(count: number, status?: number): void
  readonly stats: { queries: number; throttled: number; failed: number; byOperation: Record<string, number> }
  close(): Promise<void>
}

/** What a query costs here (Shopify computes it from the document; these are in its range). */
const COST: Record<string, number> = { OrderForImport: 60, OrdersUpdatedSince: 12 }

function send (res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const money = (set: any) => set

/** A stored order in the GraphQL shape the connector's OrderForImport selects (connections as nodes). */
function graphqlOrder (stored: StoredOrder) {
  const order = fromRestOrder(stored.rest, stored)
  const { orderNumber: _orderNumber, ...rest } = order
  return {
    ...rest,
    totalPriceSet: money(order.totalPriceSet),
    lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: order.lineItems },
    shippingLines: { nodes: order.shippingLines },
    transactions: order.transactions,
    fulfillmentOrders: {
      nodes: order.fulfillmentOrders.map((fulfillmentOrder) => ({ ...fulfillmentOrder, lineItems: { nodes: fulfillmentOrder.lineItems } }))
    }
  }
}

function statusOf (bucket: ThrottleSettings & { available: number }) {
  return { maximumAvailable: bucket.maximumAvailable, currentlyAvailable: Math.floor(bucket.available), restoreRate: bucket.restoreRate }
}

function readBody (req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startShopifySimulator (options: ShopifySimulatorOptions): Promise<ShopifySimulator> {
  const orders = new Map<string, Map<string, StoredOrder>>()
  let bucket: (ThrottleSettings & { available: number; at: number }) | null = null
  let failures = { left: 0, status: 503 }
  const stats = { queries: 0, throttled: 0, failed: 0, byOperation: {} as Record<string, number> }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }))
  })

  async function handle (req: IncomingMessage, res: ServerResponse) {
    const match = /^\/([^/]+)\/admin\/api\/([^/]+)\/graphql\.json$/.exec(req.url ?? '')
    if (req.method !== 'POST' || match === null) return send(res, 404, { errors: 'Not Found' })
    const shop = match[1]
    const token = options.shops[shop]
    if (token === undefined) return send(res, 404, { errors: 'Not Found' })
    if (req.headers['x-shopify-access-token'] !== token) {
      return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' })
    }
    const text = await readBody(req)
    if (failures.left > 0) {
      failures.left--
      stats.failed++
      return send(res, failures.status, { errors: 'Internal Server Error' })
    }
    let request: { query?: string; variables?: Record<string, any> }
    try {
      request = JSON.parse(text)
    } catch {
      return send(res, 400, { errors: 'Bad Request' })
    }
    const operation = /query\s+(\w+)/.exec(request.query ?? '')?.[1] ?? ''
    const cost = COST[operation]
    if (cost === undefined) {
      return send(res, 200, { errors: [{ message: `This stand-in does not answer operation ${operation || '(anonymous)'}` }] })
    }
    stats.queries++
    stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1

    let throttleStatus = { maximumAvailable: 1000, currentlyAvailable: 1000 - cost, restoreRate: 50 }
    if (bucket !== null) {
      const now = Date.now()
      bucket.available = Math.min(bucket.maximumAvailable, bucket.available + ((now - bucket.at) / 1000) * bucket.restoreRate)
      bucket.at = now
      if (bucket.available < cost) {
        stats.throttled++
        return send(res, 200, {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: {
            cost: {
              requestedQueryCost: cost,
              actualQueryCost: null,
              throttleStatus: statusOf(bucket)
            }
          }
        })
      }
      bucket.available -= cost
      throttleStatus = statusOf(bucket)
    }
    const extensions = { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus } }
    const shopOrders = orders.get(shop) ?? new Map<string, StoredOrder>()
    const variables = request.variables ?? {}
    if (operation === 'OrderForImport') {
      const stored = shopOrders.get(legacyId(String(variables.id ?? '')))
      return send(res, 200, { data: { order: stored === undefined ? null : graphqlOrder(stored) }, extensions })
    }
    // OrdersUpdatedSince
    const filter = /updated_at:(>=|>)'?([^'\s]+)'?/.exec(String(variables.query ?? ''))
    const since = filter === null ? Number.NEGATIVE_INFINITY : Date.parse(filter[2])
    const inclusive = filter?.[1] === '>='
    const listed = [...shopOrders.values()]
      .map((stored) => fromRestOrder(stored.rest))
      .filter((order) => {
        const at = Date.parse(order.updatedAt)
        return inclusive ? at >= since : at > since
      })
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.legacyResourceId.localeCompare(b.legacyResourceId))
    const offset = typeof variables.after === 'string' ? Number(Buffer.from(variables.after, 'base64url').toString('utf8')) : 0
    const first = Math.min(250, Math.max(1, Number(variables.first ?? 50)))
    const page = listed.slice(offset, offset + first)
    const next = offset + page.length
    return send(res, 200, {
      data: {
        orders: {
          pageInfo: {
            hasNextPage: next < listed.length,
            endCursor: page.length === 0 ? null : Buffer.from(String(next)).toString('base64url')
          },
          nodes: page.map((order) => ({
            id: order.id,
            legacyResourceId: order.legacyResourceId,
            name: order.name,
            updatedAt: order.updatedAt,
            cancelledAt: order.cancelledAt,
            test: order.test,
            displayFinancialStatus: order.displayFinancialStatus
          }))
        }
      },
      extensions
    })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`
  return {
    url,
    adminApiUrl: (shop) => `${url}/${shop}/admin/api/${SHOPIFY_API_VERSION}`,
    putOrder (shop, rest, extra = {}) {
      const shopOrders = orders.get(shop) ?? new Map<string, StoredOrder>()
      orders.set(shop, shopOrders)
      const id = legacyId(String(rest.admin_graphql_api_id ?? rest.id))
      shopOrders.set(id, {
        rest: structuredClone(rest),
        transactions: extra.transactions ?? [],
        fulfillmentOrders: extra.fulfillmentOrders ?? []
      })
    },
    throttle (settings) {
      bucket = settings === null ? null : { ...settings, available: settings.maximumAvailable, at: Date.now() }
    },
    failNext (count, status = 503) {
      failures = { left: count, status }
    },
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
