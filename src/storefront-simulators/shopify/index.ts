// A Shopify GraphQL Admin API stand-in for development and tests:
//   POST {url}/{shop}/admin/api/{version}/graphql.json   (X-Shopify-Access-Token)
// It answers the documents the connector sends (src/connectors/shopify/queries.ts), by operation
// name: OrderForImport (order with transactions and fulfillment orders, the first page of each
// connection), OrderLineItems, OrderShippingLines, OrderFulfillmentOrders and
// FulfillmentOrderLineItems (the next page of a connection, `after:` a cursor) and
// OrdersUpdatedSince (orders(query: "updated_at:>='…'", sortKey: UPDATED_AT)).
// Before answering, a document is parsed with graphql-js, validated against the part of Shopify's
// Admin API schema the connector reads (admin-schema.ts) and priced as Shopify prices it (cost.ts):
// a requested cost over 1,000 points is refused with Shopify's MAX_COST_EXCEEDED error, nothing
// executed and nothing charged; otherwise extensions.cost.requestedQueryCost is that cost (the
// stand-in reports the same figure as actualQueryCost). Connections page as Shopify's do: `first`
// nodes after the `after` cursor, with pageInfo { hasNextPage endCursor }; a document asking for
// more than 250 nodes of a connection (literal or variable) is answered with an error, as Shopify
// refuses it (the wording is the stand-in's).
// Orders are kept as REST orders (webhook bodies) and served in the GraphQL shape. Cost-based
// throttling (a leaky bucket charged the requested cost, THROTTLED errors with
// extensions.cost.throttleStatus, as Shopify answers) and a 5xx fault switch are off until a test
// or an operator turns them on.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SHOPIFY_API_VERSION } from '../../config/config.ts'
import { fromRestOrder, legacyId, type ShopifyFulfillmentOrder, type ShopifyTransaction } from '../../connectors/shopify/order.ts'
import {
  GraphQLError,
  GraphQLInt,
  GraphQLString,
  Kind,
  parse,
  validate,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode
} from 'graphql'
import { adminSchema, maxCostExceeded, QueryCostError, requestedQueryCost, SINGLE_QUERY_MAX_COST } from './cost.ts'

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
  /**
   * queries: answered; throttled: THROTTLED answers; failed: 5xx answers; refused: MAX_COST_EXCEEDED
   * answers; byOperation: answered per operation; costs: the requested cost of each answered query.
   */
  readonly stats: {
    queries: number
    throttled: number
    failed: number
    refused: number
    byOperation: Record<string, number>
    costs: Array<{ operation: string; cost: number }>
  }
  close(): Promise<void>
}

const OPERATIONS = new Set([
  'OrderForImport',
  'OrderLineItems',
  'OrderShippingLines',
  'OrderFulfillmentOrders',
  'FulfillmentOrderLineItems',
  'OrdersUpdatedSince'
])

/** Shopify's largest page (shopify.dev/docs/api/usage/pagination-graphql). */
const MAX_PAGE = 250

interface PageArgs {
  first: number
  after: string | null
}

/** A connection argument's value: an integer or string literal, or a `$variable`. */
function argument (args: string, name: string, variables: Record<string, any>): unknown {
  const match = new RegExp(`\\b${name}\\s*:\\s*(\\$\\w+|-?\\d+|"[^"]*"|null)`).exec(args)
  if (match === null) return undefined
  const value = match[1]
  if (value.startsWith('$')) return variables[value.slice(1)]
  if (value === 'null') return null
  return value.startsWith('"') ? value.slice(1, -1) : Number(value)
}

/** The page arguments of the field at `path` (field names from the operation's root), if selected. */
function argsAt (operation: OperationDefinitionNode, path: string[], variables: Record<string, any>): PageArgs | undefined {
  let field: FieldNode | undefined
  let selections = operation.selectionSet.selections
  for (const name of path) {
    field = selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value === name)
    if (field === undefined) return undefined
    selections = field.selectionSet?.selections ?? []
  }
  if (field === undefined) return undefined
  const value = (name: string, type: typeof GraphQLInt | typeof GraphQLString) => {
    const node = field.arguments?.find((candidate) => candidate.name.value === name)?.value
    return node === undefined ? undefined : valueFromAST(node, type, variables)
  }
  const first = value('first', GraphQLInt)
  const after = value('after', GraphQLString)
  return { first: typeof first === 'number' ? first : Number.NaN, after: typeof after === 'string' ? after : null }
}

/** Why the document asks for a page Shopify would not give: no first/last, or more than 250. */
function pageSizeProblem (document: string, variables: Record<string, any>): string | undefined {
  for (const match of document.matchAll(/\b(\w+)\(([^)]*)\)/g)) {
    for (const name of ['first', 'last']) {
      const value = argument(match[2], name, variables)
      if (value === undefined) continue
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${match[1]}: ${name} must be a non-negative integer`
      if (value > MAX_PAGE) return `${match[1]}: ${name} is ${value}; a connection returns at most ${MAX_PAGE} nodes per page`
    }
  }
  return undefined
}

const cursorOf = (kind: string, offset: number) => Buffer.from(`${kind}:${offset}`).toString('base64url')

/** `first` nodes after the cursor, with Shopify's pageInfo; an unreadable cursor is an error. */
interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: T[]
}

function page<T> (nodes: T[], kind: string, args: PageArgs | undefined): Connection<T> {
  let offset = 0
  if (args?.after) {
    const decoded = Buffer.from(args.after, 'base64url').toString('utf8')
    const colon = decoded.lastIndexOf(':')
    offset = colon < 0 ? Number.NaN : Number(decoded.slice(colon + 1))
    if (decoded.slice(0, colon) !== kind || !Number.isInteger(offset) || offset < 0) throw new CursorError(args.after)
  }
  const first = args === undefined || Number.isNaN(args.first) ? MAX_PAGE : args.first
  const slice = nodes.slice(offset, offset + first)
  const next = offset + slice.length
  return {
    pageInfo: { hasNextPage: next < nodes.length, endCursor: slice.length === 0 ? null : cursorOf(kind, next) },
    nodes: slice
  }
}

class CursorError extends Error {
  constructor (cursor: string) {
    super(`Invalid cursor for this connection: ${cursor}`)
  }
}

function send (res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const money = (set: any) => set

interface OrderPages {
  lineItems?: PageArgs
  shippingLines?: PageArgs
  fulfillmentOrders?: PageArgs
  fulfillmentOrderLineItems?: PageArgs
}

const fulfillmentOrderPage = (fulfillmentOrder: ShopifyFulfillmentOrder, args: PageArgs | undefined) => ({
  ...fulfillmentOrder,
  lineItems: page(fulfillmentOrder.lineItems, `FulfillmentOrderLineItems/${fulfillmentOrder.id}`, args)
})

/** A stored order in the GraphQL shape the connector's OrderForImport selects (connections as nodes, paged as asked). */
function graphqlOrder (stored: StoredOrder, pages: OrderPages) {
  const order = fromRestOrder(stored.rest, stored)
  const { orderNumber: _orderNumber, ...rest } = order
  const fulfillmentOrders = page(order.fulfillmentOrders, `FulfillmentOrders/${order.id}`, pages.fulfillmentOrders)
  return {
    ...rest,
    totalPriceSet: money(order.totalPriceSet),
    lineItems: page(order.lineItems, `LineItems/${order.id}`, pages.lineItems),
    shippingLines: page(order.shippingLines, `ShippingLines/${order.id}`, pages.shippingLines),
    transactions: order.transactions,
    fulfillmentOrders: {
      pageInfo: fulfillmentOrders.pageInfo,
      nodes: fulfillmentOrders.nodes.map((fulfillmentOrder) => fulfillmentOrderPage(fulfillmentOrder, pages.fulfillmentOrderLineItems))
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
  const stats = {
    queries: 0,
    throttled: 0,
    failed: 0,
    refused: 0,
    byOperation: {} as Record<string, number>,
    costs: [] as Array<{ operation: string; cost: number }>
  }

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
    const document = request.query ?? ''
    let parsed: DocumentNode
    try {
      parsed = parse(document)
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : String(error)
      return send(res, 200, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] })
    }
    const invalid = validate(adminSchema, parsed)
    if (invalid.length > 0) {
      return send(res, 200, { errors: invalid.map((error) => ({ message: error.message, locations: error.locations })) })
    }
    const operationNode = parsed.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION
    )
    const operation = operationNode?.name?.value ?? ''
    if (operationNode === undefined || !OPERATIONS.has(operation)) {
      return send(res, 200, { errors: [{ message: `This stand-in does not answer operation ${operation || '(anonymous)'}` }] })
    }
    const variables = request.variables ?? {}
    const tooLarge = pageSizeProblem(document, variables)
    if (tooLarge !== undefined) return send(res, 200, { errors: [{ message: tooLarge, extensions: { code: 'BAD_REQUEST' } }] })
    let cost: number
    try {
      cost = requestedQueryCost(parsed, variables, operation)
    } catch (error) {
      if (error instanceof QueryCostError) return send(res, 200, { errors: [{ message: error.message }] })
      throw error
    }
    if (cost > SINGLE_QUERY_MAX_COST) {
      // Shopify refuses it before running it: nothing executed, nothing taken from the bucket.
      stats.refused++
      return send(res, 200, maxCostExceeded(cost))
    }
    stats.queries++
    stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1
    stats.costs.push({ operation, cost })

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
    const args = (...path: string[]) => argsAt(operationNode, path, variables)
    try {
      if (operation === 'OrderForImport') {
        const stored = shopOrders.get(legacyId(String(variables.id ?? '')))
        const order = stored === undefined
          ? null
          : graphqlOrder(stored, {
            lineItems: args('order', 'lineItems'),
            shippingLines: args('order', 'shippingLines'),
            fulfillmentOrders: args('order', 'fulfillmentOrders'),
            fulfillmentOrderLineItems: args('order', 'fulfillmentOrders', 'nodes', 'lineItems')
          })
        return send(res, 200, { data: { order }, extensions })
      }
      if (operation === 'OrderLineItems' || operation === 'OrderShippingLines' || operation === 'OrderFulfillmentOrders') {
        const stored = shopOrders.get(legacyId(String(variables.id ?? '')))
        if (stored === undefined) return send(res, 200, { data: { order: null }, extensions })
        const order = graphqlOrder(stored, {
          lineItems: args('order', 'lineItems'),
          shippingLines: args('order', 'shippingLines'),
          fulfillmentOrders: args('order', 'fulfillmentOrders'),
          fulfillmentOrderLineItems: args('order', 'fulfillmentOrders', 'nodes', 'lineItems')
        })
        if (operation === 'OrderLineItems') return send(res, 200, { data: { order: { lineItems: order.lineItems } }, extensions })
        if (operation === 'OrderShippingLines') {
          return send(res, 200, { data: { order: { shippingLines: order.shippingLines } }, extensions })
        }
        return send(res, 200, { data: { order: { fulfillmentOrders: order.fulfillmentOrders } }, extensions })
      }
      if (operation === 'FulfillmentOrderLineItems') {
        const id = String(variables.id ?? '')
        const fulfillmentOrder = [...shopOrders.values()]
          .flatMap((stored) => stored.fulfillmentOrders)
          .find((candidate) => candidate.id === id)
        if (fulfillmentOrder === undefined) return send(res, 200, { data: { fulfillmentOrder: null }, extensions })
        const { lineItems } = fulfillmentOrderPage(fulfillmentOrder, args('fulfillmentOrder', 'lineItems'))
        return send(res, 200, { data: { fulfillmentOrder: { lineItems } }, extensions })
      }
    } catch (error) {
      if (error instanceof CursorError) return send(res, 200, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] })
      throw error
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
    let listedPage
    try {
      listedPage = page(listed, 'Orders', args('orders'))
    } catch (error) {
      if (error instanceof CursorError) return send(res, 200, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] })
      throw error
    }
    return send(res, 200, {
      data: {
        orders: {
          pageInfo: listedPage.pageInfo,
          nodes: listedPage.nodes.map((order) => ({
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
