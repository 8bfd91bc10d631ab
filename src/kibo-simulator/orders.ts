// The simulator's Kibo OMS order endpoints, stateful in memory and strict (validation.ts is the
// referee), each scoped to the tenant and site of the caller's token and headers:
//
//   POST {apiBaseUrl}/commerce/orders                                  create (isImport only)
//   GET  {apiBaseUrl}/commerce/orders/{id}
//   GET  {apiBaseUrl}/commerce/orders?filter=externalId eq 'X'        OrderCollection
//   GET  {apiBaseUrl}/commerce/orders/{id}/validationresults
//   PUT  {apiBaseUrl}/commerce/orders/{id}/validationresults
//   PUT  {apiBaseUrl}/commerce/orders/{id}/updateorderrestrictions?restrictEdit=&restrictCancellation=
import { randomBytes } from 'node:crypto'
import { HttpFailure, type Answer, type RequestContext } from './answers.ts'
import type { SimulatorRoute } from './faults.ts'
import { FilterSyntaxError, matchesFilter, parseFilter } from './filter.ts'
import { OrderValidationError, validateImportOrder, validateValidationResult } from './validation.ts'

/** Where the order paths start, below the simulator's origin. */
export const API_PREFIX = '/api'

export interface StoredOrder {
  tenantId: number
  siteId: number
  id: string
  orderNumber: number
  externalId?: string
  status: string
  [field: string]: unknown
}

export interface OrderRoute {
  route: SimulatorRoute
  handle: (ctx: RequestContext) => Answer
  params: Record<string, string>
}

export interface SimulatedOrders {
  /** The handler for an order path, or undefined when the path is not one. */
  route(method: string, pathname: string): OrderRoute | undefined
  /** Copies of the stored orders, optionally only those with this externalId. */
  orders(externalId?: string): StoredOrder[]
  /** The stored orders themselves (read only: stats and state). */
  all(): readonly StoredOrder[]
  /** How many stored orders carry each externalId. */
  countsByExternalId(): Map<string, number>
  reset(): void
}

function hex32 (): string {
  return randomBytes(16).toString('hex')
}

export interface SimulatedOrdersOptions {
  rejectDuplicateExternalIds: boolean
  log: (line: string) => void
  /**
   * How many of the newest orders are kept whole. Older ones keep only what look-ups need (id,
   * orderNumber, externalId, status, tenant, site, restrictions, validation results), so a
   * long-running stand-in (the built-in one behind a 100,000-event CLI import) does not grow
   * by every order's items and payments. Default: every order kept whole.
   */
  wholeOrdersKept?: number
}

const SUMMARY_FIELDS = [
  'tenantId', 'siteId', 'id', 'orderNumber', 'externalId', 'status',
  'isImport', 'restrictEdit', 'restrictCancellation', 'validationResults', 'submittedDate'
] as const

/**
 * The same JSON value, its strings replaced by copies kept once in `known`. The summaries of
 * 100,000 orders repeat the same texts (validator names, statuses, types, fraud-check messages,
 * dates), and each order brought copies of its own (structuredClone): ~40% of a summary's heap.
 * `known` is emptied when full, so texts that never repeat do not hold it for good.
 */
function shareStrings<T> (value: T, known: Map<string, string>): T {
  if (typeof value === 'string') {
    const shared = known.get(value)
    if (shared !== undefined) return shared as T
    if (known.size >= 10_000) known.clear()
    known.set(value, value)
    return value
  }
  if (Array.isArray(value)) return value.map((item: unknown) => shareStrings(item, known)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shareStrings(item, known)])) as T
  }
  return value
}

export function createSimulatedOrders (options: SimulatedOrdersOptions): SimulatedOrders {
  const { rejectDuplicateExternalIds, log } = options
  let orders: StoredOrder[] = []
  // Indexes over `orders` (same objects): by id, and by externalId (all orders carrying it).
  const ordersById = new Map<string, StoredOrder>()
  const ordersByExternalId = new Map<string, StoredOrder[]>()
  const wholeOrdersKept = options.wholeOrdersKept ?? Infinity
  /** orders[0 … summarized) have been reduced to their summary. */
  let summarized = 0
  const summaryStrings = new Map<string, string>()
  let nextOrderNumber = 1

  function scoped (ctx: RequestContext, list: StoredOrder[] = orders): StoredOrder[] {
    return list.filter((o) => o.tenantId === ctx.tenantId && o.siteId === ctx.siteId)
  }

  /** Stores a new order; beyond `wholeOrdersKept`, the oldest whole one is reduced to its summary. */
  function store (order: StoredOrder): void {
    orders.push(order)
    ordersById.set(order.id, order)
    if (order.externalId !== undefined) {
      const same = ordersByExternalId.get(order.externalId)
      if (same === undefined) ordersByExternalId.set(order.externalId, [order])
      else same.push(order)
    }
    while (orders.length - summarized > wholeOrdersKept) {
      const whole = orders[summarized]
      const summary = Object.fromEntries(
        SUMMARY_FIELDS.filter((field) => whole[field] !== undefined).map((field) => [field, shareStrings(whole[field], summaryStrings)])
      )
      orders[summarized++] = summary as StoredOrder
      ordersById.set(whole.id, summary as StoredOrder)
      const same = whole.externalId === undefined ? undefined : ordersByExternalId.get(whole.externalId)
      if (same !== undefined) same[same.indexOf(whole)] = summary as StoredOrder
    }
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
    if (rejectDuplicateExternalIds && scoped(ctx, ordersByExternalId.get(externalId) ?? []).length > 0) {
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
        const candidates = byExternalId === undefined ? orders : (ordersByExternalId.get(byExternalId.value as string) ?? [])
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

  function route (method: string, pathname: string): OrderRoute | undefined {
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

  return {
    route,
    orders: (externalId?: string) => structuredClone(externalId === undefined ? orders : (ordersByExternalId.get(externalId) ?? [])),
    all: () => orders,
    countsByExternalId: () => new Map([...ordersByExternalId].map(([externalId, same]) => [externalId, same.length])),
    reset () {
      orders = []
      ordersById.clear()
      ordersByExternalId.clear()
      summarized = 0
      summaryStrings.clear()
      nextOrderNumber = 1
    }
  }
}
