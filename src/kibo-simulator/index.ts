// A built-in stand-in for Kibo: the OAuth endpoint and the order endpoints this service uses,
// stateful in memory and strict (validation.ts is the referee), with switchable faults
// (faults.ts) so the client's retry and no-double-create logic can be proven over real HTTP.
// This file is the server: routing, authentication of API calls, faults and latency, counters,
// and the control endpoints. Each Kibo API lives in its own file:
//
//   oauth.ts        POST {authBaseUrl}/api/platform/applications/authtickets/oauth, bearer tokens, x-vol headers
//   orders.ts       {apiBaseUrl}/commerce/orders: create, get, find by filter, validation results, restrictions
//   inventory.ts    inventory adjust/refresh jobs, job queue and query
//   translated.ts   the translated Create Order API v2 and Create Order Authorize
//   POST /_simulator/faults   GET /_simulator/state   POST /_simulator/reset   (control, no auth)
//
// Order calls need `Authorization: Bearer <token issued here>` and `x-vol-tenant`/`x-vol-site`
// matching the token's tenant. Every response carries `x-vol-correlation`. Errors use Kibo's
// body shape: { message, errorCode, applicationName, additionalErrorData, items }.
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { HttpFailure, kiboErrorBody, type Answer, type RequestContext } from './answers.ts'
import { FaultController, validateFaultSpec, type FaultSpec, type LatencySpec, type SimulatorRoute } from './faults.ts'
import { createSimulatorAuth, DEFAULT_TENANT, OAUTH_PATH, type SimulatorTenant } from './oauth.ts'
import { API_PREFIX, createSimulatedOrders, type StoredOrder } from './orders.ts'
import { createTranslatedSimulator, type TranslatedSimulator } from './translated.ts'
import { createInventorySimulator, InventoryFailure, type InventorySimulator } from './inventory.ts'

export type { FaultKind, FaultSpec, LatencySpec, RouteSelector, SimulatorRoute } from './faults.ts'
export { FaultController } from './faults.ts'
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_SHARED_SECRET,
  DEFAULT_SITE_ID,
  DEFAULT_TENANT,
  DEFAULT_TENANT_ID,
  type SimulatorTenant
} from './oauth.ts'
export type { StoredOrder } from './orders.ts'

export interface KiboSimulatorOptions {
  port?: number
  host?: string
  tenants?: SimulatorTenant[]
  /** expires_in of issued tokens. Default 3600. */
  tokenTtlSeconds?: number
  /** Log each request to stderr. Default false. */
  logger?: boolean
  /** Seed for probabilistic faults and random latency. Default 1. */
  seed?: number
  /** Answer 409 ITEM_ALREADY_EXISTS to a second order with the same externalId. Default false. */
  rejectDuplicateExternalIds?: boolean
}

export interface SimulatorStats {
  oauthCalls: number
  oauthCallsByTenant: Record<string, number>
  /** Tokens currently valid (issued, not expired, not revoked) per tenant. */
  activeTokensByTenant: Record<string, number>
  tokensIssuedByTenant: Record<string, number>
  createCalls: number
  requestsByRoute: Record<string, number>
  responsesByStatus: Record<string, number>
  /** How many stored orders carry each externalId (a value above 1 is a double import). */
  ordersByExternalId: Record<string, number>
  orderCount: number
  faultsTriggered: Record<string, number>
}

export interface KiboSimulator {
  /** Origin, e.g. http://127.0.0.1:PORT */
  url: string
  /** `${url}/api`: order calls go to `${apiBaseUrl}/commerce/orders`. */
  apiBaseUrl: string
  /** Token calls go to `${authBaseUrl}/api/platform/applications/authtickets/oauth`. */
  authBaseUrl: string
  port: number
  tenants: SimulatorTenant[]
  faults: FaultController
  /** Kibo's translated Create Order API v2 and Create Order Authorize (translated.ts). */
  translated: TranslatedSimulator
  /** Kibo's inventory adjust/refresh jobs, job queue and inventory query (inventory.ts). */
  inventory: InventorySimulator
  stats(): SimulatorStats
  /** Copies of the stored orders, optionally only those with this externalId. */
  orders(externalId?: string): StoredOrder[]
  /** Revokes every token (of one tenant): the next API call with one gets 401. */
  revokeTokens(tenantId?: number): void
  setTokenTtlSeconds(seconds: number): void
  /** Forgets orders, tokens, counters and faults. */
  reset(): void
  close(): Promise<void>
}

const MAX_BODY_BYTES = 5 * 1024 * 1024

function delay (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function readBody (req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new HttpFailure(413, 'REQUEST_TOO_LARGE', 'The request body is too large.'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJson (text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', 'The request body is not valid JSON.')
  }
}

interface Routed {
  route: SimulatorRoute | 'control'
  handle: (ctx: RequestContext) => Promise<Answer> | Answer
  /** The handler checks the token itself (translated API: x-vol-tenant, no x-vol-site). */
  selfAuthenticated?: boolean
}

export async function startKiboSimulator (options: KiboSimulatorOptions = {}): Promise<KiboSimulator> {
  const tenants = (options.tenants ?? [DEFAULT_TENANT]).map((t) => ({ ...t, siteIds: [...t.siteIds] }))
  const faults = new FaultController(options.seed ?? 1)
  const log = options.logger === true ? (line: string) => process.stderr.write(`[kibo-simulator] ${line}\n`) : () => {}

  const auth = createSimulatorAuth({ tenants, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 })
  const orders = createSimulatedOrders({ rejectDuplicateExternalIds: options.rejectDuplicateExternalIds ?? false, log })
  const translated = createTranslatedSimulator({ tokenTenant: auth.tokenTenant, log })
  const inventory = createInventorySimulator({ log })
  const sockets = new Set<Socket>()
  const counters = {
    oauthCalls: 0,
    createCalls: 0,
    requestsByRoute: {} as Record<string, number>,
    responsesByStatus: {} as Record<string, number>
  }
  const bump = (map: Record<string, number>, key: string | number) => {
    map[String(key)] = (map[String(key)] ?? 0) + 1
  }

  // ---------------------------------------------------------------- control

  function state () {
    return {
      stats: stats(),
      ...faults.list(),
      tokenTtlSeconds: auth.tokenTtlSeconds,
      tenants: tenants.map((t) => ({ tenantId: t.tenantId, siteIds: t.siteIds, clientId: t.clientId })),
      orders: orders.all().map((o) => ({
        id: o.id,
        orderNumber: o.orderNumber,
        externalId: o.externalId,
        status: o.status,
        tenantId: o.tenantId,
        siteId: o.siteId
      }))
    }
  }

  function setFaults (ctx: RequestContext): Answer {
    const b = (ctx.body ?? {}) as Record<string, unknown>
    try {
      if (b.clear === true) faults.clear()
      if (typeof b.seed === 'number') faults.seed(b.seed)
      if (b.latency !== undefined) faults.setLatency(b.latency as LatencySpec | null)
      if (typeof b.tokenTtlSeconds === 'number') auth.tokenTtlSeconds = b.tokenTtlSeconds
      if (b.faults !== undefined) {
        if (!Array.isArray(b.faults)) throw new Error('faults must be a list')
        faults.inject(b.faults.map((f) => validateFaultSpec(f)) as FaultSpec[])
      }
    } catch (error) {
      throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', (error as Error).message)
    }
    return { status: 200, body: state() }
  }

  // ---------------------------------------------------------------- routing

  function route (method: string, pathname: string): (Routed & { params: Record<string, string> }) | undefined {
    if (pathname === OAUTH_PATH && method === 'POST') return { route: 'oauth', handle: auth.oauth, params: {} }
    if (pathname === '/_simulator/faults' && method === 'POST') return { route: 'control', handle: setFaults, params: {} }
    if (pathname === '/_simulator/state' && method === 'GET') {
      return { route: 'control', handle: () => ({ status: 200, body: state() }), params: {} }
    }
    if (pathname === '/_simulator/reset' && method === 'POST') {
      const resetAndShow = (): Answer => {
        reset()
        return { status: 200, body: state() }
      }
      return { route: 'control', handle: resetAndShow, params: {} }
    }
    const translatedHandler = translated.route(method, pathname)
    // Faults and latency aimed at createOrder apply to the translated create and authorize too.
    if (translatedHandler !== undefined) {
      return { route: 'createOrder', handle: (ctx) => translatedHandler(ctx.req, ctx.body), params: {}, selfAuthenticated: true }
    }
    const inventoryHandler = inventory.route(method, pathname)
    if (inventoryHandler !== undefined) {
      return {
        route: 'inventory',
        params: {},
        handle: (ctx) => {
          try {
            return inventoryHandler({ tenantId: ctx.tenantId!, body: ctx.body, url: ctx.url })
          } catch (error) {
            if (error instanceof InventoryFailure) throw new HttpFailure(error.status, error.errorCode, error.message, error.extra)
            throw error
          }
        }
      }
    }
    return orders.route(method, pathname)
  }

  function send (res: http.ServerResponse, correlationId: string, answer: Answer): void {
    if (res.destroyed || res.headersSent) return
    bump(counters.responsesByStatus, answer.status)
    const headers: Record<string, string> = { 'x-vol-correlation': correlationId, ...(answer.headers ?? {}) }
    if (answer.body === undefined) {
      res.writeHead(answer.status, headers)
      res.end()
      return
    }
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...headers })
      res.end(answer.body)
      return
    }
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(answer.body))
  }

  function failureAnswer (error: unknown): Answer {
    if (error instanceof HttpFailure) {
      return { status: error.status, body: kiboErrorBody(error.errorCode, error.message, error.extra, error.items) }
    }
    return { status: 500, body: kiboErrorBody('UNEXPECTED_ERROR', 'An unexpected error occurred.') }
  }

  async function handle (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const correlationId = randomUUID().replace(/-/g, '')
    const url = new URL(req.url ?? '/', 'http://simulator.local')
    const method = req.method ?? 'GET'
    const matched = route(method, url.pathname)
    log(`${method} ${url.pathname}${url.search} → ${matched?.route ?? 'no route'}`)
    let rawBody = ''
    try {
      rawBody = await readBody(req)
    } catch (error) {
      send(res, correlationId, failureAnswer(error))
      return
    }
    if (matched === undefined) {
      send(res, correlationId, { status: 404, body: kiboErrorBody('ITEM_NOT_FOUND', `No resource at ${method} ${url.pathname}.`) })
      return
    }
    const ctx: RequestContext = { req, url, params: matched.params, body: undefined }

    const run = async (): Promise<Answer> => {
      try {
        const contentType = String(req.headers['content-type'] ?? '')
        ctx.body = matched.route === 'oauth' && contentType.includes('x-www-form-urlencoded') ? rawBody : parseJson(rawBody)
        if (matched.route !== 'oauth' && matched.route !== 'control' && matched.selfAuthenticated !== true) auth.authenticate(ctx)
        return await matched.handle(ctx)
      } catch (error) {
        return failureAnswer(error)
      }
    }

    if (matched.route === 'control') {
      send(res, correlationId, await run())
      return
    }
    const routeName = matched.route
    bump(counters.requestsByRoute, routeName)
    // Every request counts, faulted or not.
    if (routeName === 'oauth') counters.oauthCalls++
    if (routeName === 'createOrder') counters.createCalls++
    const latency = faults.latencyFor(routeName)
    if (latency > 0) await delay(latency)
    const fault = faults.take(routeName)
    if (fault !== undefined) log(`fault ${fault.kind} on ${routeName}`)

    switch (fault?.kind) {
      case undefined:
        send(res, correlationId, await run())
        return
      case '500':
        send(res, correlationId, {
          status: 500,
          body: kiboErrorBody('UNEXPECTED_ERROR', 'An unexpected error occurred. Please try again.')
        })
        return
      case '502-empty':
        send(res, correlationId, { status: 502 })
        return
      case '400-validation':
        send(res, correlationId, {
          status: 400,
          body: kiboErrorBody('VALIDATION_ERROR', 'Validation Error: The fulfillment location code is not valid for this tenant.', {
            FulfillmentLocationCode: 'unknown'
          })
        })
        return
      case '503-html':
        send(res, correlationId, {
          status: 503,
          body:
            '<html><head><title>503 Service Temporarily Unavailable</title></head>' +
            '<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
          headers: fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }
        })
        return
      case '429':
        send(res, correlationId, {
          status: 429,
          body: kiboErrorBody('TOO_MANY_REQUESTS', 'Too many requests. Please retry later.'),
          headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) }
        })
        return
      case 'reset':
        req.socket.destroy()
        return
      case 'auth-401-once': {
        const match = /^Bearer (.+)$/i.exec(String(req.headers.authorization ?? ''))
        if (match) auth.revokeToken(match[1])
        send(res, correlationId, { status: 401, body: kiboErrorBody('UNAUTHORIZED', 'Unauthorized: the access token has been revoked.') })
        return
      }
      case 'commit-then-fail': {
        await run()
        const then = fault.then ?? 'reset'
        if (then === 'reset') req.socket.destroy()
        else if (then === 500) {
          send(res, correlationId, {
            status: 500,
            body: kiboErrorBody('UNEXPECTED_ERROR', 'An unexpected error occurred. Please try again.')
          })
        } else {
          send(res, correlationId, {
            status: 504,
            body: '<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>'
          })
        }
        return
      }
      case 'timeout': {
        if (fault.commit === true) await run()
        const socket = req.socket
        const timer = setTimeout(() => socket.destroy(), fault.hangMs ?? 30_000)
        socket.once('close', () => clearTimeout(timer))
      }
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`handler crashed: ${(error as Error).message}`)
      if (!res.headersSent) send(res, randomUUID(), failureAnswer(error))
    })
  })
  server.keepAliveTimeout = 5_000
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`

  function stats (): SimulatorStats {
    const ordersByExternalId: Record<string, number> = {}
    const stored = orders.all()
    for (const order of stored) if (order.externalId !== undefined) bump(ordersByExternalId, order.externalId)
    const tokens = auth.stats()
    return {
      oauthCalls: counters.oauthCalls,
      oauthCallsByTenant: tokens.oauthCallsByTenant,
      activeTokensByTenant: tokens.activeTokensByTenant,
      tokensIssuedByTenant: tokens.tokensIssuedByTenant,
      createCalls: counters.createCalls,
      requestsByRoute: { ...counters.requestsByRoute },
      responsesByStatus: { ...counters.responsesByStatus },
      ordersByExternalId,
      orderCount: stored.length,
      faultsTriggered: { ...faults.triggered }
    }
  }

  function reset (): void {
    orders.reset()
    translated.reset()
    inventory.reset()
    auth.reset()
    faults.reset()
    counters.oauthCalls = 0
    counters.createCalls = 0
    for (const map of [counters.requestsByRoute, counters.responsesByStatus]) {
      for (const key of Object.keys(map)) delete map[key]
    }
  }

  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    authBaseUrl: url,
    port: address.port,
    tenants,
    faults,
    translated,
    inventory,
    stats,
    orders: orders.orders,
    revokeTokens: auth.revokeTokens,
    setTokenTtlSeconds (seconds: number) {
      auth.tokenTtlSeconds = seconds
    },
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
