// The Kibo OMS order calls (create, get, find by externalId, update restrictions) on top of
// transport.ts, and importOrder, which never creates an order twice:
//   - a create that fails ambiguously (timeout, reset socket, 5xx, 503 HTML, 504) may have been
//     committed, so before any new create the order is looked up by externalId;
//   - a create that was refused (401, 429, 4xx) was not committed: 401 → re-authenticate once
//     and retry once; 429/503 → wait Retry-After if it fits in the retry budget, else give up;
//   - a connection that never opened (ECONNREFUSED, connect timeout) sent nothing.
// No token or secret ever reaches a log line, an error message or a problem document.
import type { Dispatcher } from 'undici'
import type { KiboConnection } from '../config/config.ts'
import type { KiboTokenProvider } from './auth.ts'
import { KiboError, type KiboErrorKind } from './errors.ts'
import {
  createKiboTransport,
  kiboErrorFromResponse,
  KiboNoResponseError,
  silentLogger,
  sleep,
  type KiboLogger,
  type RawResponse
} from './transport.ts'

export type KiboOperation = 'createOrder' | 'getOrder' | 'findOrders' | 'updateOrderRestrictions'

export interface KiboResponseInfo {
  operation: KiboOperation
  /** HTTP status, or 0 when no response arrived (timeout, reset, refused). */
  status: number
  durationMs: number
  /** When status is 0: the transport error code. */
  error?: string
}

export interface KiboOrder {
  id: string
  orderNumber?: number
  externalId?: string
  status?: string
  [field: string]: unknown
}

export interface ImportOrderResult {
  order: KiboOrder
  /** false when the order was found by externalId after an ambiguous failure (or a conflict). */
  created: boolean
  correlationId?: string
  /** Create attempts made (0 when a lookup found it before any new create). */
  attempts: number
}

export interface ImportOrderOptions {
  /**
   * How long this import may wait on Retry-After and retries (default: the client's budget).
   * Queue workers pass a small one: their queue schedules the next try with backoff instead.
   */
  retryBudgetMs?: number
}

export interface KiboClientOptions {
  connection: KiboConnection
  tokenProvider: KiboTokenProvider
  /** Per-request timeout (connect, headers, body). */
  timeoutMs: number
  /** Pool size. Default 32. */
  connections?: number
  /** Total time importOrder may spend waiting/retrying. Default 10 000. */
  retryBudgetMs?: number
  logger?: KiboLogger
  onResponse?: (info: KiboResponseInfo) => void
  /** Use this dispatcher instead of a Pool of our own (tests, proxies). */
  dispatcher?: Dispatcher
}

export interface KiboClient {
  createOrder(order: object): Promise<KiboOrder>
  getOrder(orderId: string): Promise<KiboOrder>
  findOrderByExternalId(externalId: string): Promise<KiboOrder | null>
  updateOrderRestrictions(orderId: string, restrictions: { edit?: boolean; cancellation?: boolean }): Promise<KiboOrder>
  importOrder(order: object & { externalId?: unknown }, options?: ImportOrderOptions): Promise<ImportOrderResult>
  stats(): { calls: Record<string, Record<string, number>> }
  close(): Promise<void>
}

/** Escapes a value for a Kibo filter string literal ('' doubles a quote). */
export function kiboFilterString (value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

export function createKiboClient (options: KiboClientOptions): KiboClient {
  const { connection, tokenProvider, timeoutMs } = options
  const logger = options.logger ?? silentLogger
  const retryBudgetMs = options.retryBudgetMs ?? 10_000
  const calls: Record<string, Record<string, number>> = {}
  const transport = createKiboTransport({
    baseUrl: connection.apiBaseUrl,
    tenantId: connection.tenantId,
    siteId: connection.siteId,
    tokens: tokenProvider,
    timeoutMs,
    connections: options.connections ?? 32,
    dispatcher: options.dispatcher,
    logger,
    onExchange (info) {
      const byStatus = (calls[info.operation] ??= {})
      const key = info.status === 0 ? 'error' : String(info.status)
      byStatus[key] = (byStatus[key] ?? 0) + 1
      options.onResponse?.(info as KiboResponseInfo)
    }
  })

  const errorFrom = (operation: KiboOperation, response: RawResponse) => kiboErrorFromResponse(operation, response)

  /** Idempotent reads: retried on no answer / 5xx / 429 within the budget. */
  function read (operation: KiboOperation, path: string, deadline = Date.now() + retryBudgetMs): Promise<RawResponse> {
    return transport.read(operation, 'GET', path, { deadline, backoffMs: (attempt) => waitMs(undefined, attempt) })
  }

  /** A call that changes something: sent once (401 aside); no answer → ambiguous for a create, else unavailable. */
  async function write (operation: KiboOperation, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    try {
      return await transport.sendAuthorized(operation, method, path, body)
    } catch (error) {
      if (error instanceof KiboNoResponseError) throw error.toKiboError(operation === 'createOrder')
      throw error
    }
  }

  async function getOrder (orderId: string): Promise<KiboOrder> {
    const response = await read('getOrder', `/commerce/orders/${encodeURIComponent(orderId)}`)
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.text) as KiboOrder
    throw errorFrom('getOrder', response)
  }

  async function findOrderByExternalId (externalId: string, deadline?: number): Promise<KiboOrder | null> {
    const filter = encodeURIComponent(`externalId eq ${kiboFilterString(externalId)}`)
    const response = await read('findOrders', `/commerce/orders?filter=${filter}&pageSize=2`, deadline)
    if (response.status < 200 || response.status >= 300) throw errorFrom('findOrders', response)
    const collection = JSON.parse(response.text) as { items?: KiboOrder[] | null; totalCount?: number }
    const matches = (collection.items ?? []).filter((o) => o.externalId === externalId)
    if (matches.length > 1) logger.warn({ externalId, count: matches.length }, 'kibo holds more than one order with this externalId')
    return matches[0] ?? null
  }

  async function createOrder (order: object): Promise<KiboOrder> {
    const response = await write('createOrder', 'POST', '/commerce/orders', order)
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.text) as KiboOrder
    throw errorFrom('createOrder', response)
  }

  async function updateOrderRestrictions (orderId: string, restrictions: { edit?: boolean; cancellation?: boolean }): Promise<KiboOrder> {
    const query = new URLSearchParams()
    if (restrictions.edit !== undefined) query.set('restrictEdit', String(restrictions.edit))
    if (restrictions.cancellation !== undefined) query.set('restrictCancellation', String(restrictions.cancellation))
    const path = `/commerce/orders/${encodeURIComponent(orderId)}/updateorderrestrictions?${query}`
    const response = await write('updateOrderRestrictions', 'PUT', path)
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.text) as KiboOrder
    throw errorFrom('updateOrderRestrictions', response)
  }

  async function importOrder (order: object & { externalId?: unknown }, callOptions: ImportOrderOptions = {}): Promise<ImportOrderResult> {
    const externalId = order.externalId
    if (typeof externalId !== 'string' || externalId === '') {
      throw new KiboError({
        kind: 'validation',
        message: 'importOrder needs the order externalId (it is the idempotency key)',
        operation: 'createOrder'
      })
    }
    const deadline = Date.now() + (callOptions.retryBudgetMs ?? retryBudgetMs)
    const log = { externalId }
    let attempts = 0
    let mayExist = false // an earlier create may have been committed
    let reauthenticated = false
    let lastError: KiboError | undefined

    for (let round = 1; ; round++) {
      if (mayExist) {
        let found: KiboOrder | null
        try {
          found = await findOrderByExternalId(externalId, deadline)
        } catch (error) {
          if (!(error instanceof KiboError)) throw error
          if (error.kind === 'auth' || error.kind === 'validation') throw error
          throw new KiboError({
            kind: 'ambiguous',
            message: `Kibo did not confirm the order and the lookup by externalId failed (${error.message})`,
            operation: 'createOrder',
            ...(lastError?.status !== undefined ? { status: lastError.status } : {}),
            ...(error.correlationId !== undefined ? { correlationId: error.correlationId } : {}),
            // Only what Kibo said: callers choose their own delay when it said nothing.
            retryAfterSeconds: error.retryAfterSeconds ?? lastError?.retryAfterSeconds
          })
        }
        if (found !== null) {
          logger.info({ ...log, kiboOrderId: found.id, attempts }, 'kibo order found by externalId after an unconfirmed create')
          return { order: found, created: false, attempts }
        }
      }

      attempts++
      let response: RawResponse
      try {
        const token = await tokenProvider.getToken()
        response = await transport.send('createOrder', 'POST', '/commerce/orders', { token, body: order })
        if (response.status === 401 && !reauthenticated) {
          // Refused, not committed: a fresh token and one more try.
          reauthenticated = true
          tokenProvider.invalidate(token)
          logger.info({ ...log, correlationId: response.correlationId }, 'kibo answered 401 to a create; re-authenticating once')
          continue
        }
      } catch (error) {
        if (!(error instanceof KiboNoResponseError)) throw error
        lastError = error.toKiboError(true)
        if (error.sent) mayExist = true
        logger.warn({ ...log, attempt: attempts, error: error.code, mayExist }, 'kibo create got no response')
        const wait = waitMs(undefined, round)
        if (Date.now() + wait > deadline) return giveUp(lastError, mayExist, externalId, attempts)
        await sleep(wait)
        continue
      }

      if (response.status >= 200 && response.status < 300) {
        const created = JSON.parse(response.text) as KiboOrder
        return {
          order: created,
          created: true,
          attempts,
          ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {})
        }
      }
      const error = errorFrom('createOrder', response)
      if (response.status === 409) {
        // Kibo already holds an order with this externalId: it is this import's order.
        const existing = await findOrderByExternalId(externalId, deadline).catch(() => null)
        if (existing !== null) {
          return {
            order: existing,
            created: false,
            attempts,
            ...(error.correlationId !== undefined ? { correlationId: error.correlationId } : {})
          }
        }
        throw error
      }
      if (error.kind === 'validation' || error.kind === 'auth' || error.kind === 'not_found') throw error
      // 429 was refused; any 5xx may have been committed.
      if (response.status >= 500) mayExist = true
      lastError = error
      const wait = waitMs(error.retryAfterSeconds, round)
      logger.warn(
        {
          ...log,
          attempt: attempts,
          status: response.status,
          correlationId: error.correlationId,
          retryAfterSeconds: error.retryAfterSeconds,
          mayExist
        },
        'kibo create failed'
      )
      if (Date.now() + wait > deadline) return giveUp(error, mayExist, externalId, attempts)
      await sleep(wait)
    }
  }

  /**
   * Out of budget. If an earlier create may have been committed, one last lookup decides:
   * found → that is the order; absent → Kibo is simply unavailable; lookup failed → ambiguous.
   */
  async function giveUp (error: KiboError, mayExist: boolean, externalId: string, attempts: number): Promise<ImportOrderResult> {
    let kind: KiboErrorKind = error.kind === 'rate_limited' ? 'rate_limited' : 'unavailable'
    if (mayExist) {
      try {
        const found = await findOrderByExternalId(externalId, Date.now())
        if (found !== null) return { order: found, created: false, attempts }
      } catch {
        kind = 'ambiguous'
      }
    }
    // Only what Kibo said (Retry-After); callers choose their own delay when it said nothing.
    const retryAfterSeconds = error.retryAfterSeconds
    const when = retryAfterSeconds === undefined ? 'retry later' : `retry after ${retryAfterSeconds} seconds`
    const what = error.status !== undefined ? `HTTP ${error.status}` : error.message
    logger.warn(
      { externalId, kind, status: error.status, correlationId: error.correlationId, retryAfterSeconds },
      'kibo import gave up within its retry budget'
    )
    throw new KiboError({
      kind,
      message:
        kind === 'ambiguous'
          ? `Kibo did not confirm the order (${what}) and could not be asked whether it exists; ${when}`
          : `Kibo is unavailable (${what}); ${when}`,
      operation: 'createOrder',
      retryAfterSeconds,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.errorCode !== undefined ? { errorCode: error.errorCode } : {}),
      ...(error.kiboMessage !== undefined ? { kiboMessage: error.kiboMessage } : {}),
      ...(error.correlationId !== undefined ? { correlationId: error.correlationId } : {}),
      ...(error.body !== undefined ? { body: error.body } : {})
    })
  }

  return {
    createOrder,
    getOrder,
    findOrderByExternalId: (externalId: string) => findOrderByExternalId(externalId),
    updateOrderRestrictions,
    importOrder,
    stats: () => ({ calls: structuredClone(calls) }),
    close: async () => {
      // Called at shutdown after delivery waited SHUTDOWN_TIMEOUT_MS for running imports: a call
      // still in flight is past that budget. Abort it (its outcome is reconciled by externalId on
      // the next try) instead of waiting up to KIBO_TIMEOUT_MS for it.
      await transport.close('abort')
    }
  }
}

/** Retry-After when given, else exponential backoff with jitter (100 ms, 200 ms, ... ≤ 2 s). */
function waitMs (retryAfterSeconds: number | undefined, attempt: number): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000
  const base = Math.min(2000, 100 * 2 ** (attempt - 1))
  return Math.round(base / 2 + Math.random() * (base / 2))
}
