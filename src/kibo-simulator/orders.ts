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
  reset(): void
}

function hex32 (): string {
  return randomBytes(16).toString('hex')
}

export function createSimulatedOrders (options: { rejectDuplicateExternalIds: boolean; log: (line: string) => void }): SimulatedOrders {
  const { rejectDuplicateExternalIds, log } = options
  let orders: StoredOrder[] = []
  let nextOrderNumber = 1

  function scoped (ctx: RequestContext): StoredOrder[] {
    return orders.filter((o) => o.tenantId === ctx.tenantId && o.siteId === ctx.siteId)
  }

  function findOrder (ctx: RequestContext): StoredOrder {
    const order = scoped(ctx).find((o) => o.id === ctx.params.orderId)
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
    if (rejectDuplicateExternalIds && scoped(ctx).some((o) => o.externalId === externalId)) {
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
    orders.push(order)
    log(`created order ${order.id} #${order.orderNumber} externalId=${externalId} status=${order.status}`)
    return { status: 201, body: publicOrder(order) }
  }

  function findOrders (ctx: RequestContext): Answer {
    const filterText = ctx.url.searchParams.get('filter')
    let list = scoped(ctx)
    if (filterText !== null && filterText.trim() !== '') {
      try {
        const clauses = parseFilter(filterText)
        list = list.filter((o) => matchesFilter(o, clauses))
      } catch (error) {
        if (error instanceof FilterSyntaxError) {
          throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', `Invalid filter: ${error.message}`)
        }
        throw error
      }
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
    orders: (externalId?: string) => structuredClone(externalId === undefined ? orders : orders.filter((o) => o.externalId === externalId)),
    all: () => orders,
    reset () {
      orders = []
      nextOrderNumber = 1
    }
  }
}
