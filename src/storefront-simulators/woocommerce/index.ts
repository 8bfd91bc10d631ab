// A WooCommerce store stand-in: one site (its home URL is the stand-in's URL), stateful in memory,
// strict where the connector depends on WooCommerce's behaviour, with switchable faults.
//   GET  /wp-json/wc/v3/orders/{id}   the order (HTTP Basic consumer key/secret, or ?consumer_key=&consumer_secret=)
//   GET  /wp-json/wc/v3/orders        modified_after, dates_are_gmt, status (comma list), orderby (date|id|modified),
//                                     order, per_page (1-100), page; X-WP-Total and X-WP-TotalPages
//   POST /_simulator/orders           put an order (body: the REST order); GET /_simulator/state
//   POST /_simulator/faults           {kind: 500|503|429|reset, times, path?}
// and, as WooCommerce's webhooks do, deliver(): POST the order to a delivery URL with the X-WC-Webhook-*
// headers and the signature, success = 200-302, the hook disabled after the 7th consecutive failure
// (class-wc-webhook.php failed_delivery: failure_count > 5), and ping() when a hook is saved.
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { request } from 'undici'

export type SimulatedOrder = Record<string, unknown> & { id: number; status: string }
export type FaultKind = '500' | '503' | '429' | 'reset'

export interface SimulatedWebhook {
  id: number
  topic: 'order.created' | 'order.updated' | 'order.deleted'
  deliveryUrl: string
  secret: string
  status: 'active' | 'disabled'
  failureCount: number
}

export interface WooCommerceSimulator {
  /** The site's home URL (no trailing slash): the store's storeUrl. */
  url: string
  consumerKey: string
  consumerSecret: string
  /** Stores (or replaces) an order; date_modified_gmt is set to now unless keepModified. */
  putOrder(order: SimulatedOrder, options?: { keepModified?: boolean }): SimulatedOrder
  /** Changes an order (status, …) as the shop would, stamping date_modified_gmt. */
  updateOrder(id: number, patch: Record<string, unknown>): SimulatedOrder
  order(id: number): SimulatedOrder | undefined
  fault(kind: FaultKind, times: number, path?: string): void
  addWebhook(hook: Omit<SimulatedWebhook, 'status' | 'failureCount'>): SimulatedWebhook
  /** What WooCommerce does when an order event fires: one delivery to every active hook of the topic. */
  fire(topic: SimulatedWebhook['topic'], orderId: number): Promise<Array<{ webhookId: number; status: number }>>
  /** The ping WooCommerce sends when a hook is saved: true when answered 200. */
  ping(webhookId: number): Promise<boolean>
  webhooks(): SimulatedWebhook[]
  readonly stats: { requests: number; faults: number; unauthorized: number }
  close(): Promise<void>
}

const nowGmt = () => new Date().toISOString().replace(/\.[0-9]{3}Z$/, '')

export async function startWooCommerceSimulator (
  options: { port?: number; consumerKey?: string; consumerSecret?: string } = {}
): Promise<WooCommerceSimulator> {
  const consumerKey = options.consumerKey ?? 'ck_woocommerce_stand_in_key'
  const consumerSecret = options.consumerSecret ?? 'cs_woocommerce_stand_in_secret'
  const orders = new Map<number, SimulatedOrder>()
  const faults: Array<{ kind: FaultKind; times: number; path?: string }> = []
  const hooks: SimulatedWebhook[] = []
  const stats = { requests: 0, faults: 0, unauthorized: 0 }
  const sockets = new Set<Socket>()
  let url = ''

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
    res.end(JSON.stringify(body))
  }
  const wpError = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { code, message, data: { status } })

  function authorized (req: IncomingMessage, query: URLSearchParams): boolean {
    const header = req.headers.authorization
    if (header?.startsWith('Basic ') === true) {
      const [key, ...secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
      return key === consumerKey && secret.join(':') === consumerSecret
    }
    return query.get('consumer_key') === consumerKey && query.get('consumer_secret') === consumerSecret
  }

  function list (res: ServerResponse, query: URLSearchParams) {
    const perPage = Number(query.get('per_page') ?? '10')
    const page = Number(query.get('page') ?? '1')
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
      return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): per_page')
    }
    if (!Number.isInteger(page) || page < 1) return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): page')
    const orderby = query.get('orderby') ?? 'date'
    if (!['date', 'id', 'modified', 'include', 'title', 'slug'].includes(orderby)) {
      return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): orderby')
    }
    const statuses = (query.get('status') ?? 'any').split(',').filter(Boolean)
    const modifiedAfter = query.get('modified_after')
    if (modifiedAfter !== null && query.get('dates_are_gmt') !== 'true') {
      return wpError(res, 400, 'rest_invalid_param', 'the stand-in answers modified_after only with dates_are_gmt=true')
    }
    const after = modifiedAfter === null ? undefined : Date.parse(`${modifiedAfter.replace(/Z$/, '')}Z`)
    if (after !== undefined && Number.isNaN(after)) return wpError(res, 400, 'rest_invalid_param', 'Invalid parameter(s): modified_after')
    const key = (order: SimulatedOrder) => {
      if (orderby === 'modified') return String(order.date_modified_gmt)
      return orderby === 'id' ? String(order.id).padStart(12, '0') : String(order.date_created_gmt)
    }
    const matching = [...orders.values()]
      .filter((order) =>
        statuses.includes('any') ? order.status !== 'checkout-draft' && order.status !== 'trash' : statuses.includes(order.status)
      )
      .filter((order) => after === undefined || Date.parse(`${String(order.date_modified_gmt)}Z`) > after)
      .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id)
    if ((query.get('order') ?? 'desc') === 'desc') matching.reverse()
    const totalPages = Math.ceil(matching.length / perPage)
    send(res, 200, matching.slice((page - 1) * perPage, page * perPage), {
      'x-wp-total': String(matching.length),
      'x-wp-totalpages': String(totalPages)
    })
  }

  async function handle (req: IncomingMessage, res: ServerResponse) {
    const parsed = new URL(req.url ?? '/', 'http://stand-in')
    const path = parsed.pathname
    if (path.startsWith('/_simulator/')) {
      const body = await new Promise<string>((resolve) => {
        let text = ''
        req.on('data', (chunk: Buffer) => { text += chunk.toString('utf8') })
        req.on('end', () => resolve(text))
      })
      if (path === '/_simulator/state' && req.method === 'GET') {
        const summary = [...orders.values()].map((o) => ({ id: o.id, status: o.status, total: o.total }))
        return send(res, 200, { orders: summary, webhooks: hooks, stats })
      }
      if (path === '/_simulator/orders' && req.method === 'POST') {
        return send(res, 201, simulator.putOrder(JSON.parse(body) as SimulatedOrder))
      }
      if (path === '/_simulator/faults' && req.method === 'POST') {
        const fault = JSON.parse(body) as { kind: FaultKind; times?: number; path?: string }
        simulator.fault(fault.kind, fault.times ?? 1, fault.path)
        return send(res, 204, {})
      }
      return wpError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.')
    }
    stats.requests += 1
    const fault = faults.find((f) => f.times > 0 && (f.path === undefined || path.includes(f.path)))
    if (fault !== undefined) {
      fault.times -= 1
      stats.faults += 1
      if (fault.kind === 'reset') return req.socket.destroy()
      if (fault.kind === '429') return wpError(res, 429, 'too_many_requests', 'Too many requests')
      return send(res, Number(fault.kind), '<html>upstream error</html>')
    }
    if (req.method !== 'GET') return wpError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.')
    if (!authorized(req, parsed.searchParams)) {
      stats.unauthorized += 1
      return wpError(res, 401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.')
    }
    if (path === '/wp-json/wc/v3/orders') return list(res, parsed.searchParams)
    const one = /^\/wp-json\/wc\/v3\/orders\/([0-9]+)$/.exec(path)
    if (one !== null) {
      const order = orders.get(Number(one[1]))
      if (order === undefined) return wpError(res, 404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.')
      return send(res, 200, order)
    }
    return wpError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) wpError(res, 500, 'stand_in_error', error instanceof Error ? error.message : String(error))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function deliver (hook: SimulatedWebhook, body: string): Promise<number> {
    let status = 0
    try {
      const answer = await request(hook.deliveryUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'WooCommerce/9.9.0 Hookshot (WordPress/6.8)',
          'x-wc-webhook-source': `${url}/`,
          'x-wc-webhook-topic': hook.topic,
          'x-wc-webhook-resource': 'order',
          'x-wc-webhook-event': hook.topic.slice('order.'.length),
          'x-wc-webhook-signature': createHmac('sha256', hook.secret).update(body).digest('base64'),
          'x-wc-webhook-id': String(hook.id),
          'x-wc-webhook-delivery-id': createHmac('md5', 'stand-in').update(`${hook.id}${Math.floor(Date.now() / 1000)}`).digest('hex')
        },
        body
      })
      status = answer.statusCode
      await answer.body.dump()
    } catch {
      status = 0
    }
    // class-wc-webhook.php log_delivery / failed_delivery.
    if (status >= 200 && status < 303) hook.failureCount = 0
    else if (hook.failureCount > 5) hook.status = 'disabled'
    else hook.failureCount += 1
    return status
  }

  const simulator: WooCommerceSimulator = {
    url,
    consumerKey,
    consumerSecret,
    stats,
    putOrder (order, putOptions = {}) {
      const stored = structuredClone(order)
      if (putOptions.keepModified !== true) {
        stored.date_modified_gmt = nowGmt()
        stored.date_modified = stored.date_modified_gmt
      }
      orders.set(stored.id, stored)
      return structuredClone(stored)
    },
    updateOrder (id, patch) {
      const order = orders.get(id)
      if (order === undefined) throw new Error(`no order ${id}`)
      Object.assign(order, structuredClone(patch), { date_modified_gmt: nowGmt(), date_modified: nowGmt() })
      return structuredClone(order)
    },
    order: (id) => (orders.has(id) ? structuredClone(orders.get(id)!) : undefined),
    fault (kind, times, path) {
      faults.push({ kind, times, ...(path === undefined ? {} : { path }) })
    },
    addWebhook (hook) {
      const stored: SimulatedWebhook = { ...hook, status: 'active', failureCount: 0 }
      hooks.push(stored)
      return stored
    },
    async fire (topic, orderId) {
      const order = orders.get(orderId)
      if (order === undefined) throw new Error(`no order ${orderId}`)
      // Like WooCommerce: draft orders are not delivered (but checkout-draft ones are); deleted sends {id}.
      if (['draft', 'auto-draft', 'new'].includes(order.status)) return []
      const body = topic === 'order.deleted' ? JSON.stringify({ id: orderId }) : JSON.stringify(order)
      const results: Array<{ webhookId: number; status: number }> = []
      for (const hook of hooks.filter((h) => h.topic === topic && h.status === 'active')) {
        results.push({ webhookId: hook.id, status: await deliver(hook, body) })
      }
      return results
    },
    async ping (webhookId) {
      const hook = hooks.find((h) => h.id === webhookId)
      if (hook === undefined) throw new Error(`no webhook ${webhookId}`)
      try {
        const answer = await request(hook.deliveryUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'WooCommerce/9.9.0 Hookshot (WordPress/6.8)' },
          body: `webhook_id=${webhookId}`
        })
        await answer.body.dump()
        return answer.statusCode === 200
      } catch {
        return false
      }
    },
    webhooks: () => hooks.map((hook) => ({ ...hook })),
    async close () {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
  return simulator
}
