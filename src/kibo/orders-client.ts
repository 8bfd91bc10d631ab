// All Kibo HTTP lives here: one undici Pool per origin, Kibo's headers (Bearer token,
// x-vol-tenant, x-vol-site), Kibo's error bodies parsed whatever they look like, and
// importOrder, which never creates an order twice:
//   - a create that fails ambiguously (timeout, reset socket, 5xx, 503 HTML, 504) may have been
//     committed, so before any new create the order is looked up by externalId;
//   - a create that was refused (401, 429, 4xx) was not committed: 401 → re-authenticate once
//     and retry once; 429/503 → wait Retry-After if it fits in the retry budget, else give up;
//   - a connection that never opened (ECONNREFUSED, connect timeout) sent nothing.
// No token or secret ever reaches a log line, an error message or a problem document.
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici'
import type { KiboConnection } from '../config/config.ts'
import type { KiboTokenProvider } from './auth.ts'
import { problemType, type Problem } from '../../schemas/problem.ts'

/** The subset of a pino/Fastify logger this module uses. */
export interface KiboLogger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export type KiboErrorKind = 'validation' | 'auth' | 'unavailable' | 'rate_limited' | 'ambiguous' | 'not_found'

export interface KiboErrorInit {
  kind: KiboErrorKind
  message: string
  status?: number
  errorCode?: string
  kiboMessage?: string
  correlationId?: string
  retryAfterSeconds?: number
  body?: string
  operation?: string
  additionalErrorData?: Array<{ name?: string; value?: unknown }>
}

export class KiboError extends Error {
  readonly kind: KiboErrorKind
  readonly status?: number
  readonly errorCode?: string
  readonly kiboMessage?: string
  readonly correlationId?: string
  readonly retryAfterSeconds?: number
  /** The response body, truncated (never contains our credentials: Kibo does not echo them). */
  readonly body?: string
  readonly operation?: string
  readonly additionalErrorData?: Array<{ name?: string; value?: unknown }>
  constructor (init: KiboErrorInit) {
    super(init.message)
    this.name = 'KiboError'
    this.kind = init.kind
    if (init.status !== undefined) this.status = init.status
    if (init.errorCode !== undefined) this.errorCode = init.errorCode
    if (init.kiboMessage !== undefined) this.kiboMessage = init.kiboMessage
    if (init.correlationId !== undefined) this.correlationId = init.correlationId
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds
    if (init.body !== undefined) this.body = init.body
    if (init.operation !== undefined) this.operation = init.operation
    if (init.additionalErrorData !== undefined) this.additionalErrorData = init.additionalErrorData
  }
}

export type KiboProblem = Problem & { retryAfter?: number }

export const KIBO_PROBLEM_TYPES = {
  validation: problemType('kibo-validation'),
  auth: problemType('kibo-credentials-rejected'),
  unavailable: problemType('kibo-unavailable'),
  rate_limited: problemType('kibo-unavailable'),
  ambiguous: problemType('kibo-outcome-unknown'),
  not_found: problemType('kibo-not-found'),
  internal: problemType('internal')
} as const

const DEFAULT_RETRY_AFTER_SECONDS = 30

/** RFC 9457 problem for a Kibo failure; safe to show the caller (no secrets, no tokens). */
export function kiboErrorToProblem (err: unknown): KiboProblem {
  if (!(err instanceof KiboError)) {
    return {
      type: KIBO_PROBLEM_TYPES.internal,
      title: 'Internal Server Error',
      status: 500,
      detail: 'Talking to Kibo failed unexpectedly.'
    }
  }
  const ids = {
    ...(err.errorCode !== undefined ? { errorCode: err.errorCode } : {}),
    ...(err.correlationId !== undefined ? { correlationId: err.correlationId } : {})
  }
  const retryAfter = Math.max(1, Math.ceil(err.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS))
  switch (err.kind) {
    case 'validation':
      return {
        type: KIBO_PROBLEM_TYPES.validation,
        title: 'Kibo refused the order',
        status: 422,
        detail: err.kiboMessage ?? `Kibo answered HTTP ${err.status ?? 400} without a message.`,
        ...ids
      }
    case 'auth':
      return { type: KIBO_PROBLEM_TYPES.auth, title: 'Bad Gateway', status: 502, detail: 'Kibo rejected our credentials.', ...ids }
    case 'rate_limited':
    case 'unavailable':
      return {
        type: KIBO_PROBLEM_TYPES.unavailable,
        title: 'Kibo unavailable',
        status: 503,
        detail: `Kibo is unavailable${err.status !== undefined ? ` (HTTP ${err.status})` : ''}; retry after ${retryAfter} seconds.`,
        ...ids,
        retryAfter
      }
    case 'ambiguous':
      return {
        type: KIBO_PROBLEM_TYPES.ambiguous,
        title: 'Bad Gateway',
        status: 502,
        detail: 'Kibo did not confirm the order and could not be asked whether it exists; retrying is safe (the order is looked ' +
          `up before it is created again). Retry after ${retryAfter} seconds.`,
        ...ids,
        retryAfter
      }
    case 'not_found':
      return {
        type: KIBO_PROBLEM_TYPES.not_found,
        title: 'Bad Gateway',
        status: 502,
        detail: err.kiboMessage ?? 'Kibo did not find the requested resource.',
        ...ids
      }
  }
}

export interface ParsedKiboErrorBody {
  message?: string
  errorCode?: string
  applicationName?: string
  additionalErrorData?: Array<{ name?: string; value?: unknown }>
  items?: unknown[]
  /** The raw body, truncated to 2 000 characters. */
  body?: string
}

const BODY_LIMIT = 2000

/** Kibo's error body: JSON `{ message, errorCode, ... }`, an HTML page from a proxy, or nothing. */
export function parseKiboErrorBody (text: string, contentType?: string): ParsedKiboErrorBody {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  const body = trimmed.length > BODY_LIMIT ? `${trimmed.slice(0, BODY_LIMIT)}…` : trimmed
  if (trimmed.startsWith('{') || (contentType ?? '').includes('json')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>
      if (json !== null && typeof json === 'object') {
        const message = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : undefined
        const errorCode = typeof json.errorCode === 'string' ? json.errorCode : undefined
        return {
          ...(message !== undefined ? { message } : {}),
          ...(errorCode !== undefined ? { errorCode } : {}),
          ...(typeof json.applicationName === 'string' ? { applicationName: json.applicationName } : {}),
          ...(Array.isArray(json.additionalErrorData)
            ? { additionalErrorData: json.additionalErrorData as Array<{ name?: string; value?: unknown }> }
            : {}),
          ...(Array.isArray(json.items) ? { items: json.items } : {}),
          body
        }
      }
    } catch {
      // fall through: not JSON after all
    }
  }
  if (/<html|<!doctype|<title/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim()
    const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1]?.trim()
    const message = title || heading
    return { ...(message ? { message } : {}), body }
  }
  return { message: trimmed.slice(0, 200), body }
}

/** Retry-After: delay-seconds or an HTTP-date. */
export function parseRetryAfter (value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^[0-9]+$/.test(value.trim())) return Number(value.trim())
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - nowMs) / 1000))
}

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

/** One answer from Kibo: status, headers, the body as text and Kibo's correlation id. */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  correlationId?: string
}

/** One Kibo API base URL, reached through a keep-alive pool of our own or the caller's dispatcher. */
export interface KiboEndpoint {
  readonly dispatcher: Dispatcher
  /** true when the pool is ours (the client closes it), false for a dispatcher the caller passed. */
  readonly ownsDispatcher: boolean
  /**
   * One HTTP exchange with the tenant (and site) headers and a JSON body; resolves with any answer
   * (2xx or not), throws undici's error when none arrived (see transportCode).
   */
  request(method: Dispatcher.HttpMethod, path: string, token: string, body?: unknown): Promise<RawResponse>
}

export function kiboEndpoint (options: {
  baseUrl: string
  tenantId: number
  /** Sent as x-vol-site when given. */
  siteId?: number
  timeoutMs: number
  connections: number
  dispatcher?: Dispatcher | undefined
}): KiboEndpoint {
  const { timeoutMs } = options
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/')
  const basePath = base.pathname.replace(/\/+$/, '')
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new Pool(base.origin, {
      connections: options.connections,
      connectTimeout: Math.min(timeoutMs, 10_000),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 4_000
    })
  return {
    dispatcher,
    ownsDispatcher: options.dispatcher === undefined,
    async request (method, path, token, body) {
      const response = await dispatcher.request({
        origin: base.origin,
        path: `${basePath}${path}`,
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'x-vol-tenant': String(options.tenantId),
          ...(options.siteId !== undefined ? { 'x-vol-site': String(options.siteId) } : {}),
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {})
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs)
      })
      const text = await response.body.text()
      const correlationId = headerValue(response.headers['x-vol-correlation'])
      return { status: response.statusCode, headers: response.headers, text, ...(correlationId !== undefined ? { correlationId } : {}) }
    }
  }
}

/** A request that got no HTTP answer. `sent: false` when the connection never opened. */
class TransportFailure extends Error {
  readonly code: string
  readonly sent: boolean
  constructor (code: string, sent: boolean) {
    super(code)
    this.code = code
    this.sent = sent
  }
}

/** Transport errors that mean the request never left: nothing can have been committed. */
export const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH'])

export function headerValue (value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** A short code for a request that got no HTTP answer (TIMEOUT, ECONNRESET, ...). */
export function transportCode (error: unknown): string {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) return 'TIMEOUT'
  const e = error as { code?: string; name?: string; cause?: { code?: string } }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'TIMEOUT'
  return e.code ?? e.cause?.code ?? e.name ?? 'UNKNOWN'
}

/**
 * The KiboError for a non-2xx Kibo answer, whatever its body (JSON, HTML or empty). A 5xx is
 * `unavailable` unless the caller says the request may have been processed (`ambiguous`).
 */
export function kiboErrorFromResponse (
  operation: string,
  response: { status: number; headers: Record<string, string | string[] | undefined>; text: string; correlationId?: string },
  options: { serverErrorKind?: 'unavailable' | 'ambiguous' } = {}
): KiboError {
  const info = parseKiboErrorBody(response.text, headerValue(response.headers['content-type']))
  const status = response.status
  const retryAfterSeconds = parseRetryAfter(headerValue(response.headers['retry-after']))
  const kind: KiboErrorKind =
    status === 401 || status === 403
      ? 'auth'
      : status === 404
        ? 'not_found'
        : status === 429
          ? 'rate_limited'
          : status >= 500
            ? (options.serverErrorKind ?? 'unavailable')
            : 'validation'
  const what = info.errorCode !== undefined ? `${info.errorCode}: ${info.message ?? ''}`.trim() : (info.message ?? 'no message')
  return new KiboError({
    kind,
    status,
    message: `Kibo ${operation} failed with HTTP ${status} (${what})`,
    ...(info.errorCode !== undefined ? { errorCode: info.errorCode } : {}),
    ...(info.message !== undefined ? { kiboMessage: info.message } : {}),
    ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(info.body !== undefined ? { body: info.body } : {}),
    ...(info.additionalErrorData !== undefined ? { additionalErrorData: info.additionalErrorData } : {}),
    operation
  })
}

const silent: KiboLogger = { debug () {}, info () {}, warn () {}, error () {} }

/** Escapes a value for a Kibo filter string literal ('' doubles a quote). */
export function kiboFilterString (value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

export function createKiboClient (options: KiboClientOptions): KiboClient {
  const { connection, tokenProvider, timeoutMs } = options
  const logger = options.logger ?? silent
  const retryBudgetMs = options.retryBudgetMs ?? 10_000
  const endpoint = kiboEndpoint({
    baseUrl: connection.apiBaseUrl,
    tenantId: connection.tenantId,
    siteId: connection.siteId,
    timeoutMs,
    connections: options.connections ?? 32,
    dispatcher: options.dispatcher
  })
  const calls: Record<string, Record<string, number>> = {}

  function record (info: KiboResponseInfo): void {
    const byStatus = (calls[info.operation] ??= {})
    const key = info.status === 0 ? 'error' : String(info.status)
    byStatus[key] = (byStatus[key] ?? 0) + 1
    try {
      options.onResponse?.(info)
    } catch (error) {
      logger.warn({ err: error }, 'kibo onResponse hook threw')
    }
  }

  /** One HTTP exchange. Throws TransportFailure when no answer arrived. */
  async function send (
    operation: KiboOperation,
    method: Dispatcher.HttpMethod,
    path: string,
    token: string,
    body?: unknown
  ): Promise<RawResponse> {
    const started = performance.now()
    try {
      const response = await endpoint.request(method, path, token, body)
      const durationMs = Math.round(performance.now() - started)
      record({ operation, status: response.status, durationMs })
      logger.debug({ operation, status: response.status, durationMs, correlationId: response.correlationId }, 'kibo response')
      return response
    } catch (error) {
      const code = transportCode(error)
      const durationMs = Math.round(performance.now() - started)
      record({ operation, status: 0, durationMs, error: code })
      logger.debug({ operation, error: code, durationMs }, 'kibo request failed without a response')
      throw new TransportFailure(code, !notSentCodes.has(code))
    }
  }

  const errorFrom = (operation: KiboOperation, response: RawResponse) => kiboErrorFromResponse(operation, response)

  function transportError (operation: KiboOperation, failure: TransportFailure): KiboError {
    return new KiboError({
      kind: failure.sent && operation === 'createOrder' ? 'ambiguous' : 'unavailable',
      message: `Kibo ${operation} got no response (${failure.code})`,
      operation
    })
  }

  /** Sends with a token; on 401 invalidates it and retries once with a fresh one (a 401 was refused, never committed). */
  async function authorized (operation: KiboOperation, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    const token = await tokenProvider.getToken()
    const response = await send(operation, method, path, token, body)
    if (response.status !== 401) return response
    tokenProvider.invalidate(token)
    logger.info({ operation, correlationId: response.correlationId }, 'kibo answered 401; re-authenticating once')
    const fresh = await tokenProvider.getToken()
    return send(operation, method, path, fresh, body)
  }

  /** Idempotent reads: retried on no answer / 5xx / 429 within the budget. */
  async function read (operation: KiboOperation, path: string, deadline = Date.now() + retryBudgetMs): Promise<RawResponse> {
    for (let attempt = 1; ; attempt++) {
      let failure: KiboError
      try {
        const response = await authorized(operation, 'GET', path)
        if (response.status < 500 && response.status !== 429) return response
        failure = errorFrom(operation, response)
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error
        failure = transportError(operation, error)
      }
      const wait = waitMs(failure.retryAfterSeconds, attempt)
      if (Date.now() + wait > deadline) throw failure
      await sleep(wait)
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
    let response: RawResponse
    try {
      response = await authorized('createOrder', 'POST', '/commerce/orders', order)
    } catch (error) {
      if (error instanceof TransportFailure) throw transportError('createOrder', error)
      throw error
    }
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.text) as KiboOrder
    throw errorFrom('createOrder', response)
  }

  async function updateOrderRestrictions (orderId: string, restrictions: { edit?: boolean; cancellation?: boolean }): Promise<KiboOrder> {
    const query = new URLSearchParams()
    if (restrictions.edit !== undefined) query.set('restrictEdit', String(restrictions.edit))
    if (restrictions.cancellation !== undefined) query.set('restrictCancellation', String(restrictions.cancellation))
    let response: RawResponse
    try {
      response = await authorized(
        'updateOrderRestrictions',
        'PUT',
        `/commerce/orders/${encodeURIComponent(orderId)}/updateorderrestrictions?${query}`
      )
    } catch (error) {
      if (error instanceof TransportFailure) throw transportError('updateOrderRestrictions', error)
      throw error
    }
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
        response = await send('createOrder', 'POST', '/commerce/orders', token, order)
        if (response.status === 401 && !reauthenticated) {
          // Refused, not committed: a fresh token and one more try.
          reauthenticated = true
          tokenProvider.invalidate(token)
          logger.info({ ...log, correlationId: response.correlationId }, 'kibo answered 401 to a create; re-authenticating once')
          continue
        }
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error
        lastError = transportError('createOrder', error)
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
    logger.warn(
      { externalId, kind, status: error.status, correlationId: error.correlationId, retryAfterSeconds },
      'kibo import gave up within its retry budget'
    )
    throw new KiboError({
      kind,
      message:
        kind === 'ambiguous'
          ? `Kibo did not confirm the order (${error.status !== undefined ? `HTTP ${error.status}` : error.message}) and could ` +
            `not be asked whether it exists; ${when}`
          : `Kibo is unavailable (${error.status !== undefined ? `HTTP ${error.status}` : error.message}); ${when}`,
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
      if (endpoint.ownsDispatcher) await endpoint.dispatcher.destroy()
    }
  }
}

/** Retry-After when given, else exponential backoff with jitter (100 ms, 200 ms, ... ≤ 2 s). */
function waitMs (retryAfterSeconds: number | undefined, attempt: number): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000
  const base = Math.min(2000, 100 * 2 ** (attempt - 1))
  return Math.round(base / 2 + Math.random() * (base / 2))
}

function sleep (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
