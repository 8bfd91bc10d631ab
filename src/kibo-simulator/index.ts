// A built-in stand-in for Kibo: the OAuth endpoint and the order endpoints this service uses,
// stateful in memory and strict (validation.ts is the referee), with switchable faults
// (faults.ts) so the client's retry and no-double-create logic can be proven over real HTTP.
//
//   POST {authBaseUrl}/api/platform/applications/authtickets/oauth   client credentials → token
//   POST {apiBaseUrl}/commerce/orders                                  create (isImport only)
//   GET  {apiBaseUrl}/commerce/orders/{id}
//   GET  {apiBaseUrl}/commerce/orders?filter=externalId eq 'X'        OrderCollection
//   GET  {apiBaseUrl}/commerce/orders/{id}/validationresults
//   PUT  {apiBaseUrl}/commerce/orders/{id}/validationresults
//   PUT  {apiBaseUrl}/commerce/orders/{id}/updateorderrestrictions?restrictEdit=&restrictCancellation=
//   inventory adjust/refresh jobs, job queue and query: see inventory.ts
//   POST /_simulator/faults   GET /_simulator/state   POST /_simulator/reset   (control, no auth)
//
// Order calls need `Authorization: Bearer <token issued here>` and `x-vol-tenant`/`x-vol-site`
// matching the token's tenant. Every response carries `x-vol-correlation`. Errors use Kibo's
// body shape: { message, errorCode, applicationName, additionalErrorData, items }.
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomBytes, randomUUID } from 'node:crypto'
import { FaultController, validateFaultSpec, type FaultSpec, type LatencySpec, type SimulatorRoute } from './faults.ts'
import { FilterSyntaxError, matchesFilter, parseFilter } from './filter.ts'
import { OrderValidationError, validateImportOrder, validateValidationResult } from './validation.ts'
import { createTranslatedSimulator, type TranslatedSimulator } from './translated.ts'
import { createInventorySimulator, InventoryFailure, type InventorySimulator } from './inventory.ts'

export type { FaultKind, FaultSpec, LatencySpec, RouteSelector, SimulatorRoute } from './faults.ts'
export { FaultController } from './faults.ts'

export interface SimulatorTenant {
  tenantId: number
  siteIds: number[]
  clientId: string
  sharedSecret: string
}

export const DEFAULT_TENANT_ID = 100001
export const DEFAULT_SITE_ID = 100002
export const DEFAULT_CLIENT_ID = 'kibo-simulator-client'
/** A fixed, public development secret: the simulator is never a production dependency. */
export const DEFAULT_SHARED_SECRET = 'kibo-simulator-dev-shared-secret-not-for-production'
export const DEFAULT_TENANT: SimulatorTenant = Object.freeze({
  tenantId: DEFAULT_TENANT_ID,
  siteIds: [DEFAULT_SITE_ID],
  clientId: DEFAULT_CLIENT_ID,
  sharedSecret: DEFAULT_SHARED_SECRET
}) as SimulatorTenant

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
  /**
   * How many of the newest orders are kept whole. Older ones keep only what look-ups need (id,
   * orderNumber, externalId, status, tenant, site, restrictions, validation results), so a
   * long-running stand-in (the built-in one behind a 100,000-event CLI import) does not grow
   * by every order's items and payments. Default: every order kept whole.
   */
  wholeOrdersKept?: number
}

export interface StoredOrder {
  tenantId: number
  siteId: number
  id: string
  orderNumber: number
  externalId?: string
  status: string
  [field: string]: unknown
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

interface TokenRecord {
  tenantId: number
  expiresAt: number
}

const API_PREFIX = '/api'
const OAUTH_PATH = '/api/platform/applications/authtickets/oauth'
const MAX_BODY_BYTES = 5 * 1024 * 1024

class HttpFailure extends Error {
  readonly status: number
  readonly errorCode: string
  readonly extra: Record<string, string>
  readonly items: unknown[]
  constructor (status: number, errorCode: string, message: string, extra: Record<string, string> = {}, items: unknown[] = []) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.extra = extra
    this.items = items
  }
}

function kiboErrorBody (errorCode: string, message: string, extra: Record<string, string> = {}, items: unknown[] = []) {
  return {
    message,
    errorCode,
    applicationName: 'Commerce',
    additionalErrorData: Object.entries(extra).map(([name, value]) => ({ name, value })),
    items
  }
}

function hex32 (): string {
  return randomBytes(16).toString('hex')
}

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

interface RequestContext {
  req: http.IncomingMessage
  url: URL
  params: Record<string, string>
  body: unknown
  tenantId?: number
  siteId?: number
}

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export async function startKiboSimulator (options: KiboSimulatorOptions = {}): Promise<KiboSimulator> {
  const tenants = (options.tenants ?? [DEFAULT_TENANT]).map((t) => ({ ...t, siteIds: [...t.siteIds] }))
  let tokenTtlSeconds = options.tokenTtlSeconds ?? 3600
  const rejectDuplicateExternalIds = options.rejectDuplicateExternalIds ?? false
  const faults = new FaultController(options.seed ?? 1)
  const log = options.logger === true ? (line: string) => process.stderr.write(`[kibo-simulator] ${line}\n`) : () => {}

  let orders: StoredOrder[] = []
  // Indexes over `orders` (same objects): by id, and by externalId (all orders carrying it).
  const ordersById = new Map<string, StoredOrder>()
  const ordersByExternalIdIndex = new Map<string, StoredOrder[]>()
  const wholeOrdersKept = options.wholeOrdersKept ?? Infinity
  /** orders[0 … summarized) have been reduced to their summary. */
  let summarized = 0
  let nextOrderNumber = 1
  const tokens = new Map<string, TokenRecord>()
  const translated = createTranslatedSimulator({
    tokenTenant: (token) => {
      const record = tokens.get(token)
      return record !== undefined && record.expiresAt > Date.now() ? record.tenantId : undefined
    },
    log
  })
  const inventory = createInventorySimulator({ log })
  const sockets = new Set<Socket>()
  const counters = {
    oauthCalls: 0,
    oauthCallsByTenant: {} as Record<string, number>,
    tokensIssuedByTenant: {} as Record<string, number>,
    createCalls: 0,
    requestsByRoute: {} as Record<string, number>,
    responsesByStatus: {} as Record<string, number>
  }
  const bump = (map: Record<string, number>, key: string | number) => {
    map[String(key)] = (map[String(key)] ?? 0) + 1
  }

  function scoped (ctx: RequestContext, list: StoredOrder[] = orders): StoredOrder[] {
    return list.filter((o) => o.tenantId === ctx.tenantId && o.siteId === ctx.siteId)
  }

  const SUMMARY_FIELDS = [
    'tenantId', 'siteId', 'id', 'orderNumber', 'externalId', 'status',
    'isImport', 'restrictEdit', 'restrictCancellation', 'validationResults', 'submittedDate'
  ] as const

  /** Stores a new order; beyond `wholeOrdersKept`, the oldest whole one is reduced to its summary. */
  function store (order: StoredOrder): void {
    orders.push(order)
    ordersById.set(order.id, order)
    if (order.externalId !== undefined) {
      const same = ordersByExternalIdIndex.get(order.externalId)
      if (same === undefined) ordersByExternalIdIndex.set(order.externalId, [order])
      else same.push(order)
    }
    while (orders.length - summarized > wholeOrdersKept) {
      const whole = orders[summarized]
      const summary = Object.fromEntries(SUMMARY_FIELDS.filter((field) => whole[field] !== undefined).map((field) => [field, whole[field]]))
      replace(whole, summary as StoredOrder, summarized++)
    }
  }

  function replace (old: StoredOrder, order: StoredOrder, index: number): void {
    orders[index] = order
    ordersById.set(order.id, order)
    const same = order.externalId === undefined ? undefined : ordersByExternalIdIndex.get(order.externalId)
    if (same !== undefined) same[same.indexOf(old)] = order
  }

  function findOrder (ctx: RequestContext): StoredOrder {
    const found = ordersById.get(ctx.params.orderId)
    const order = found !== undefined && found.tenantId === ctx.tenantId && found.siteId === ctx.siteId ? found : undefined
    if (order === undefined) {
      throw new HttpFailure(404, 'ITEM_NOT_FOUND', `Order ${ctx.params.orderId} not found.`, { OrderId: ctx.params.orderId })
    }
    return order
  }

  function publicOrder (order: StoredOrder): Record<string, unknown> {
    return structuredClone(order)
  }

  // ---------------------------------------------------------------- handlers

  function oauth (ctx: RequestContext): Answer {
    let body = ctx.body
    const contentType = String(ctx.req.headers['content-type'] ?? '')
    if (contentType.includes('application/x-www-form-urlencoded') && typeof ctx.body === 'string') {
      body = Object.fromEntries(new URLSearchParams(ctx.body))
    }
    const b = (body ?? {}) as Record<string, unknown>
    if (b.grant_type !== 'client_credentials') {
      throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', 'grant_type must be client_credentials.')
    }
    const tenant = tenants.find((t) => t.clientId === b.client_id && t.sharedSecret === b.client_secret)
    if (tenant === undefined) throw new HttpFailure(401, 'UNAUTHORIZED', 'Invalid application credentials.')
    bump(counters.oauthCallsByTenant, tenant.tenantId)
    bump(counters.tokensIssuedByTenant, tenant.tenantId)
    const accessToken = randomBytes(32).toString('base64url')
    tokens.set(accessToken, { tenantId: tenant.tenantId, expiresAt: Date.now() + tokenTtlSeconds * 1000 })
    return {
      status: 200,
      body: {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: tokenTtlSeconds,
        refresh_token: randomBytes(24).toString('base64url'),
        refresh_token_expires_in: tokenTtlSeconds * 24,
        scope: ''
      }
    }
  }

  function authenticate (ctx: RequestContext): void {
    const header = String(ctx.req.headers.authorization ?? '')
    const match = /^Bearer (.+)$/i.exec(header)
    const record = match ? tokens.get(match[1]) : undefined
    if (record === undefined || record.expiresAt <= Date.now()) {
      throw new HttpFailure(401, 'UNAUTHORIZED', 'Unauthorized: the access token is missing, invalid or expired.')
    }
    const tenantHeader = ctx.req.headers['x-vol-tenant']
    if (tenantHeader === undefined || Number(tenantHeader) !== record.tenantId) {
      throw new HttpFailure(401, 'UNAUTHORIZED', 'Unauthorized: the access token is not valid for this tenant (x-vol-tenant).')
    }
    const tenant = tenants.find((t) => t.tenantId === record.tenantId)!
    const siteHeader = ctx.req.headers['x-vol-site']
    if (siteHeader === undefined || !tenant.siteIds.includes(Number(siteHeader))) {
      throw new HttpFailure(
        400,
        'MISSING_OR_INVALID_PARAMETER',
        'Missing or invalid parameter: x-vol-site does not name a site of this tenant.',
        { SiteId: String(siteHeader ?? '') }
      )
    }
    ctx.tenantId = record.tenantId
    ctx.siteId = Number(siteHeader)
  }

  function createOrder (ctx: RequestContext): Answer {
    let validated
    try {
      validated = validateImportOrder(ctx.body)
    } catch (error) {
      if (error instanceof OrderValidationError) {
        const extra: Record<string, string> = { ...error.details }
        error.problems.forEach((p, i) => {
          extra[`Problem${i + 1}`] = p.path === '' ? p.message : `${p.path}: ${p.message}`
        })
        throw new HttpFailure(400, 'VALIDATION_ERROR', `Validation Error: ${error.message}`, extra)
      }
      throw error
    }
    const input = ctx.body as Record<string, unknown>
    const externalId = input.externalId as string
    // Kibo does not promise that externalId is unique, so by default the simulator stores a
    // second order with the same externalId (and counts it in ordersByExternalId): a double
    // import must be caught by our own tests, not hidden by the stand-in.
    if (rejectDuplicateExternalIds && scoped(ctx, ordersByExternalIdIndex.get(externalId) ?? []).length > 0) {
      throw new HttpFailure(409, 'ITEM_ALREADY_EXISTS', `An order with externalId ${externalId} already exists.`, {
        ExternalId: externalId
      })
    }
    const now = new Date().toISOString()
    const order: StoredOrder = {
      ...structuredClone(input),
      tenantId: ctx.tenantId!,
      siteId: ctx.siteId!,
      id: hex32(),
      orderNumber: nextOrderNumber++,
      externalId,
      status: validated.status,
      isImport: true,
      restrictEdit: false,
      restrictCancellation: false,
      validationResults: Array.isArray(input.validationResults) ? structuredClone(input.validationResults) : [],
      submittedDate: typeof input.submittedDate === 'string' ? input.submittedDate : now,
      auditInfo: { createDate: now, updateDate: now, createBy: 'kibo-simulator', updateBy: 'kibo-simulator' }
    }
    store(order)
    log(`created order ${order.id} #${order.orderNumber} externalId=${externalId} status=${order.status}`)
    return { status: 201, body: publicOrder(order) }
  }

  function findOrders (ctx: RequestContext): Answer {
    const filterText = ctx.url.searchParams.get('filter')
    let list: StoredOrder[]
    if (filterText !== null && filterText.trim() !== '') {
      try {
        const clauses = parseFilter(filterText)
        // A look-up by externalId (the service's) reads the index; any other filter scans.
        const byExternalId = clauses.find((c) => c.field === 'externalId' && c.op === 'eq' && typeof c.value === 'string')
        const candidates =
          byExternalId === undefined ? orders : (ordersByExternalIdIndex.get(byExternalId.value as string) ?? [])
        list = scoped(ctx, candidates).filter((o) => matchesFilter(o, clauses))
      } catch (error) {
        if (error instanceof FilterSyntaxError) {
          throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', `Invalid filter: ${error.message}`)
        }
        throw error
      }
    } else {
      list = scoped(ctx)
    }
    const startIndex = Math.max(0, Number(ctx.url.searchParams.get('startIndex') ?? 0) || 0)
    const pageSize = Math.min(200, Math.max(1, Number(ctx.url.searchParams.get('pageSize') ?? 20) || 20))
    return {
      status: 200,
      body: {
        startIndex,
        pageSize,
        pageCount: Math.ceil(list.length / pageSize),
        totalCount: list.length,
        items: list.slice(startIndex, startIndex + pageSize).map(publicOrder)
      }
    }
  }

  function putValidationResult (ctx: RequestContext): Answer {
    const order = findOrder(ctx)
    try {
      validateValidationResult(ctx.body)
    } catch (error) {
      if (error instanceof OrderValidationError) throw new HttpFailure(400, 'VALIDATION_ERROR', `Validation Error: ${error.message}`)
      throw error
    }
    const result = structuredClone(ctx.body) as Record<string, unknown>
    const results = (order.validationResults as Array<Record<string, unknown>>).filter((r) => r.validationId !== result.validationId)
    results.push(result)
    order.validationResults = results
    const held = results.some((r) => r.status === 'Review' || r.status === 'Fail')
    if (held && order.status === 'Accepted') order.status = 'PendingReview'
    if (!held && order.status === 'PendingReview') order.status = 'Accepted'
    return { status: 200, body: result }
  }

  function updateRestrictions (ctx: RequestContext): Answer {
    const order = findOrder(ctx)
    for (const [param, field] of [
      ['restrictEdit', 'restrictEdit'],
      ['restrictCancellation', 'restrictCancellation']
    ] as const) {
      const value = ctx.url.searchParams.get(param)
      if (value === null) continue
      if (value !== 'true' && value !== 'false') {
        throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', `${param} must be true or false.`)
      }
      order[field] = value === 'true'
    }
    return { status: 200, body: publicOrder(order) }
  }

  // ---------------------------------------------------------------- control

  function state () {
    return {
      stats: stats(),
      ...faults.list(),
      tokenTtlSeconds,
      tenants: tenants.map((t) => ({ tenantId: t.tenantId, siteIds: t.siteIds, clientId: t.clientId })),
      orders: orders.map((o) => ({
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
      if (typeof b.tokenTtlSeconds === 'number') tokenTtlSeconds = b.tokenTtlSeconds
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
    if (pathname === OAUTH_PATH && method === 'POST') return { route: 'oauth', handle: oauth, params: {} }
    if (pathname === '/_simulator/faults' && method === 'POST') return { route: 'control', handle: setFaults, params: {} }
    if (pathname === '/_simulator/state' && method === 'GET') {
      return { route: 'control', handle: () => ({ status: 200, body: state() }), params: {} }
    }
    if (pathname === '/_simulator/reset' && method === 'POST') {
      return {
        route: 'control',
        handle: () => {
          reset()
          return { status: 200, body: state() }
        },
        params: {}
      }
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
    if (!pathname.startsWith(`${API_PREFIX}/commerce/orders`)) return undefined
    const rest = pathname.slice(`${API_PREFIX}/commerce/orders`.length).replace(/\/+$/, '')
    if (rest === '') {
      if (method === 'POST') return { route: 'createOrder', handle: createOrder, params: {} }
      if (method === 'GET') return { route: 'findOrders', handle: findOrders, params: {} }
      return undefined
    }
    const m = /^\/([^/]+)(?:\/(validationresults|updateorderrestrictions))?$/.exec(rest)
    if (m === null) return undefined
    const params = { orderId: decodeURIComponent(m[1]) }
    if (m[2] === undefined && method === 'GET') {
      return { route: 'getOrder', handle: (ctx) => ({ status: 200, body: publicOrder(findOrder(ctx)) }), params }
    }
    if (m[2] === 'validationresults' && method === 'GET') {
      return {
        route: 'getValidationResults',
        handle: (ctx) => ({ status: 200, body: structuredClone(findOrder(ctx).validationResults) }),
        params
      }
    }
    if (m[2] === 'validationresults' && method === 'PUT') return { route: 'putValidationResults', handle: putValidationResult, params }
    if (m[2] === 'updateorderrestrictions' && method === 'PUT') {
      return { route: 'updateOrderRestrictions', handle: updateRestrictions, params }
    }
    return undefined
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
        if (matched.route !== 'oauth' && matched.route !== 'control' && matched.selfAuthenticated !== true) authenticate(ctx)
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
          body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily ' +
            'Unavailable</h1></center></body></html>',
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
        if (match) tokens.delete(match[1])
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
    const now = Date.now()
    const activeTokensByTenant: Record<string, number> = {}
    for (const record of tokens.values()) if (record.expiresAt > now) bump(activeTokensByTenant, record.tenantId)
    const ordersByExternalId: Record<string, number> = {}
    for (const [externalId, same] of ordersByExternalIdIndex) ordersByExternalId[externalId] = same.length
    return {
      oauthCalls: counters.oauthCalls,
      oauthCallsByTenant: { ...counters.oauthCallsByTenant },
      activeTokensByTenant,
      tokensIssuedByTenant: { ...counters.tokensIssuedByTenant },
      createCalls: counters.createCalls,
      requestsByRoute: { ...counters.requestsByRoute },
      responsesByStatus: { ...counters.responsesByStatus },
      ordersByExternalId,
      orderCount: orders.length,
      faultsTriggered: { ...faults.triggered }
    }
  }

  function reset (): void {
    orders = []
    ordersById.clear()
    ordersByExternalIdIndex.clear()
    summarized = 0
    translated.reset()
    inventory.reset()
    nextOrderNumber = 1
    tokens.clear()
    faults.reset()
    counters.oauthCalls = 0
    counters.createCalls = 0
    for (const map of [counters.oauthCallsByTenant, counters.tokensIssuedByTenant, counters.requestsByRoute, counters.responsesByStatus]) {
      for (const key of Object.keys(map)) delete map[key]
    }
    tokenTtlSeconds = options.tokenTtlSeconds ?? 3600
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
    orders: (externalId?: string) => structuredClone(externalId === undefined ? orders : (ordersByExternalIdIndex.get(externalId) ?? [])),
    revokeTokens (tenantId?: number) {
      for (const [token, record] of tokens) if (tenantId === undefined || record.tenantId === tenantId) tokens.delete(token)
    },
    setTokenTtlSeconds (seconds: number) {
      tokenTtlSeconds = seconds
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
