// A built-in stand-in for BigCommerce's store API, as the connector uses it: stateful in memory,
// strict about what BigCommerce is strict about, with BigCommerce's rate-limit headers, a quota
// per store, and fault switches. It also produces webhook deliveries signed the way BigCommerce
// signs them (Standard Webhooks keyed with the app's client secret), so tests and the demo store
// exercise the real intake.
//
//   GET /stores/{hash}/v2/orders/{id}[?include=consignments.line_items&consignment_structure=object]
//   GET /stores/{hash}/v2/orders/{id}/products|shipping_addresses|coupons|taxes   (?limit ≤ 250 &page)
//   GET /stores/{hash}/v3/orders/{id}/transactions                                 ({ data, meta }, 204 when none)
//   GET /stores/{hash}/v2/orders?min_date_modified=…&sort=date_modified:asc&limit=&page=   (204 when none)
//   POST /_simulator/orders {storeHash, bundle}   POST /_simulator/faults {kind, times}
//   GET /_simulator/state                          POST /_simulator/reset
//
// Every store call needs `X-Auth-Token` (401 otherwise) and answers with X-Rate-Limit-Time-Window-Ms,
// X-Rate-Limit-Time-Reset-Ms, X-Rate-Limit-Requests-Quota and X-Rate-Limit-Requests-Left; past the
// quota it is 429 with X-Retry-After (seconds).
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createHash, randomUUID } from 'node:crypto'
import { clientSecretWebhook } from '../../connectors/bigcommerce/verify-delivery.ts'

/** Raw API JSON for one order, as BigCommerce would answer each call. */
export interface SimulatedOrder {
  order: Record<string, unknown> & { id: number; status_id: number; date_modified: string }
  products: unknown[]
  shippingAddresses: unknown[]
  consignments: unknown
  coupons: unknown[]
  taxes: unknown[]
  transactions: unknown[]
}

export interface SimulatedStore {
  storeHash: string
  accessToken: string
  clientSecret: string
}

export type BigCommerceFaultKind = '500' | '503' | 'reset' | '429-bare' | '429'

export interface BigCommerceSimulatorOptions {
  port?: number
  host?: string
  stores: SimulatedStore[]
  /** Requests per window per store (BigCommerce Standard plan: 150 per 30 s). */
  quota?: number
  windowMs?: number
}

export interface BigCommerceSimulator {
  url: string
  /** The apiUrl to configure for a store: `${url}/stores/{hash}`. */
  apiUrl(storeHash: string): string
  putOrder(storeHash: string, order: SimulatedOrder): void
  /** Changes an order's status (and date_modified), as the merchant or the payment would. */
  setStatus(storeHash: string, orderId: number, statusId: number, at?: Date): void
  /** The next `times` store calls (optionally only those whose path contains `pathIncludes`) fail this way. */
  fault(kind: BigCommerceFaultKind, times?: number, pathIncludes?: string): void
  /** A webhook delivery for the order, signed like BigCommerce's (body, headers), to POST at the connector. */
  webhook(
    storeHash: string,
    scope: 'store/order/created' | 'store/order/statusUpdated',
    orderId: number,
    options?: WebhookOptions
  ): Delivery
  readonly stats: { requests: number; byRoute: Record<string, number>; throttled: number; faults: number }
  reset(): void
  close(): Promise<void>
}

export interface WebhookOptions {
  status?: { previous_status_id: number; new_status_id: number }
  /** Sign with another secret (tests of refusals). */
  signWith?: string
  /** Leave the Standard Webhooks headers off (older, custom-header subscriptions). */
  unsigned?: boolean
  /** Extra headers (a custom header set on the hook). */
  headers?: Record<string, string>
  /** Reuse a hash (a retried delivery carries the same body). */
  createdAt?: number
}

export interface Delivery {
  body: string
  headers: Record<string, string>
}

/** BigCommerce dates on V2: RFC 2822 in UTC. */
export function rfc2822 (date: Date): string {
  return date.toUTCString().replace('GMT', '+0000')
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export async function startBigCommerceSimulator (options: BigCommerceSimulatorOptions): Promise<BigCommerceSimulator> {
  const quota = options.quota ?? 150
  const windowMs = options.windowMs ?? 30_000
  const stores = new Map(options.stores.map((store) => [store.storeHash, store]))
  const orders = new Map<string, Map<number, SimulatedOrder>>()
  const windows = new Map<string, { startedAt: number; used: number }>()
  let faults: Array<{ kind: BigCommerceFaultKind; pathIncludes?: string }> = []
  const stats = { requests: 0, byRoute: {} as Record<string, number>, throttled: 0, faults: 0 }
  const sockets = new Set<Socket>()

  const ordersOf = (hash: string) => {
    let map = orders.get(hash)
    if (map === undefined) orders.set(hash, (map = new Map()))
    return map
  }

  function rateHeaders (hash: string): { headers: Record<string, string>; over: boolean; resetMs: number } {
    const now = Date.now()
    let window = windows.get(hash)
    if (window === undefined || now - window.startedAt >= windowMs) windows.set(hash, (window = { startedAt: now, used: 0 }))
    window.used += 1
    const resetMs = Math.max(0, windowMs - (now - window.startedAt))
    const left = Math.max(0, quota - window.used)
    return {
      over: window.used > quota,
      resetMs,
      headers: {
        'x-rate-limit-time-window-ms': String(windowMs),
        'x-rate-limit-time-reset-ms': String(resetMs),
        'x-rate-limit-requests-quota': String(quota),
        'x-rate-limit-requests-left': String(left)
      }
    }
  }

  function page (items: unknown[], query: URLSearchParams, res: http.ServerResponse, headers: Record<string, string>) {
    const limit = Number(query.get('limit') ?? '50')
    const pageNumber = Number(query.get('page') ?? '1')
    if (!Number.isInteger(limit) || limit < 1 || limit > 250 || !Number.isInteger(pageNumber) || pageNumber < 1) {
      json(res, 400, [{ status: 400, message: 'limit must be 1-250 and page at least 1' }], headers)
      return
    }
    const slice = items.slice((pageNumber - 1) * limit, pageNumber * limit)
    if (slice.length === 0) {
      res.writeHead(204, headers)
      res.end()
      return
    }
    json(res, 200, slice, headers)
  }

  function handleStore (req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const match = /^\/stores\/([a-z0-9]+)\/(v2|v3)\/(.*)$/.exec(url.pathname)
    if (match === null) return json(res, 404, [{ status: 404, message: 'The requested resource was not found.' }])
    const [, hash, version, rest] = match
    const store = stores.get(hash)
    if (store === undefined) return json(res, 404, [{ status: 404, message: 'The requested resource was not found.' }])
    if (req.headers['x-auth-token'] !== store.accessToken) {
      return json(res, 401, {
        status: 401,
        title: 'Unauthorized',
        type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes'
      })
    }
    const fault = faults.findIndex((f) => f.pathIncludes === undefined || url.pathname.includes(f.pathIncludes))
    if (fault >= 0) {
      const [{ kind }] = faults.splice(fault, 1)
      stats.faults += 1
      if (kind === 'reset') return req.socket.destroy()
      if (kind === '500') return json(res, 500, { status: 500, title: 'Internal Server Error' })
      if (kind === '503') return json(res, 503, { status: 503, title: 'Service Unavailable' })
      if (kind === '429-bare') return json(res, 429, { status: 429, title: 'Too many requests' })
      return json(
        res,
        429,
        { status: 429, title: 'Too many requests' },
        { ...rateHeaders(hash).headers, 'x-rate-limit-requests-left': '0', 'x-retry-after': '1' }
      )
    }
    const rate = rateHeaders(hash)
    if (rate.over) {
      stats.throttled += 1
      return json(
        res,
        429,
        { status: 429, title: 'Too many requests' },
        { ...rate.headers, 'x-retry-after': String(Math.ceil(rate.resetMs / 1000)) }
      )
    }
    const route = `${version}/${rest.replace(/[0-9]+/g, '{id}')}`
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1
    const headers = rate.headers
    const notFound = () => json(res, 404, [{ status: 404, message: 'The requested resource was not found.' }], headers)
    if (req.method !== 'GET') return json(res, 405, [{ status: 405, message: 'only GET is simulated' }], headers)

    if (version === 'v2' && rest === 'orders') {
      const min = url.searchParams.get('min_date_modified')
      const since = min === null ? 0 : Date.parse(min)
      if (Number.isNaN(since)) return json(res, 400, [{ status: 400, message: 'min_date_modified must be RFC 2822 or ISO 8601' }], headers)
      const sort = url.searchParams.get('sort')
      const list = [...ordersOf(hash).values()]
        .map((entry) => entry.order)
        .filter((order) => Date.parse(order.date_modified) >= since)
        .sort((a, b) =>
          sort === 'date_modified:asc' ? Date.parse(a.date_modified) - Date.parse(b.date_modified) || a.id - b.id : a.id - b.id
        )
      return page(list, url.searchParams, res, headers)
    }
    const orderMatch = /^orders\/([0-9]+)(?:\/(products|shipping_addresses|coupons|taxes|transactions))?$/.exec(rest)
    if (orderMatch === null) return notFound()
    const entry = ordersOf(hash).get(Number(orderMatch[1]))
    if (entry === undefined) return notFound()
    const sub = orderMatch[2]
    if (version === 'v3') {
      if (sub !== 'transactions') return notFound()
      if (entry.transactions.length === 0) {
        res.writeHead(204, headers)
        return res.end()
      }
      return json(res, 200, { data: entry.transactions, meta: {} }, headers)
    }
    if (sub === undefined) {
      const include = url.searchParams.get('include') ?? ''
      const withConsignments = include.split(',').some((part) => part.startsWith('consignments'))
      if (withConsignments && url.searchParams.get('consignment_structure') !== 'object') {
        return json(res, 400, [{ status: 400, message: 'consignment_structure=object is required with include=consignments' }], headers)
      }
      const consignments = entry.consignments ?? { pickups: [], shipping: [], downloads: [], email: { gift_certificates: [] } }
      return json(res, 200, withConsignments ? { ...entry.order, consignments } : entry.order, headers)
    }
    if (sub === 'transactions') return notFound()
    const lists = { products: entry.products, shipping_addresses: entry.shippingAddresses, coupons: entry.coupons, taxes: entry.taxes }
    return page(lists[sub as keyof typeof lists], url.searchParams, res, headers)
  }

  async function readBody (req: http.IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    return text === '' ? {} : JSON.parse(text)
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator')
    stats.requests += 1
    if (url.pathname.startsWith('/_simulator/')) {
      readBody(req).then(
        (body: any) => {
          if (url.pathname === '/_simulator/orders' && req.method === 'POST') {
            simulator.putOrder(body.storeHash, body.bundle)
            return json(res, 201, { ok: true })
          }
          if (url.pathname === '/_simulator/faults' && req.method === 'POST') {
            simulator.fault(body.kind, body.times, body.pathIncludes)
            return json(res, 200, { queued: faults.length })
          }
          if (url.pathname === '/_simulator/state') {
            return json(res, 200, { stats, orders: Object.fromEntries([...orders].map(([hash, map]) => [hash, [...map.keys()]])) })
          }
          if (url.pathname === '/_simulator/reset' && req.method === 'POST') {
            simulator.reset()
            return json(res, 200, { ok: true })
          }
          return json(res, 404, { message: 'unknown control route' })
        },
        () => json(res, 400, { message: 'invalid JSON' })
      )
      return
    }
    handleStore(req, res, url)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`

  const simulator: BigCommerceSimulator = {
    url,
    stats,
    apiUrl: (storeHash) => `${url}/stores/${storeHash}`,
    putOrder (storeHash, order) {
      ordersOf(storeHash).set(order.order.id, structuredClone(order))
    },
    setStatus (storeHash, orderId, statusId, at = new Date()) {
      const entry = ordersOf(storeHash).get(orderId)
      if (entry === undefined) throw new Error(`no order ${orderId} in store ${storeHash}`)
      entry.order.status_id = statusId
      entry.order.date_modified = rfc2822(at)
    },
    fault (kind, times = 1, pathIncludes) {
      for (let i = 0; i < times; i++) faults.push(pathIncludes === undefined ? { kind } : { kind, pathIncludes })
    },
    webhook (storeHash, scope, orderId, webhookOptions = {}) {
      const store = stores.get(storeHash)
      if (store === undefined) throw new Error(`no store ${storeHash}`)
      const data: Record<string, unknown> = { type: 'order', id: orderId }
      if (webhookOptions.status !== undefined) data.status = webhookOptions.status
      const createdAt = webhookOptions.createdAt ?? Math.floor(Date.now() / 1000)
      // hash: "The SHA-1 hash of the JSON-encoded payload data" (same event, same hash).
      const hash = createHash('sha1').update(JSON.stringify({ scope, data, createdAt })).digest('hex')
      const body = JSON.stringify({ scope, store_id: '1025646', data, hash, created_at: createdAt, producer: `stores/${storeHash}` })
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(webhookOptions.headers ?? {}) }
      if (webhookOptions.unsigned !== true) {
        const id = `msg_${randomUUID()}`
        const timestamp = new Date()
        const signature = clientSecretWebhook(webhookOptions.signWith ?? store.clientSecret).sign(id, timestamp, body)
        Object.assign(headers, {
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature
        })
      }
      return { body, headers }
    },
    reset () {
      orders.clear()
      windows.clear()
      faults = []
      stats.requests = 0
      stats.byRoute = {}
      stats.throttled = 0
      stats.faults = 0
    },
    async close () {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
  return simulator
}
