// The one way this service talks HTTP to Kibo, for every call (OAuth, orders, translated orders,
// inventory): one undici Pool per base URL (or the caller's dispatcher), the Bearer token and
// x-vol-tenant / x-vol-site headers, a JSON body, one timeout for connect, headers and body, and
// Kibo's correlation id (x-vol-correlation) read from every answer.
//
// `send` resolves with any HTTP answer (2xx or not) and throws KiboNoResponseError when none
// arrived, saying whether the request may have reached Kibo (`sent`) or surely did not (the
// connection never opened). `sendAuthorized` adds the token; `read` adds retries for idempotent
// calls. kiboErrorFromResponse turns a non-2xx answer into a KiboError, whatever its body.
// Nothing here logs a token, a secret or a request body.
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici'
import { KiboError, type KiboErrorKind } from './errors.ts'

/** The subset of a pino/Fastify logger the Kibo clients use. */
export interface KiboLogger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/** The logger of a client that was given none. */
export const silentLogger: KiboLogger = { debug () {}, info () {}, warn () {}, error () {} }

/** Where a client's bearer tokens come from (auth.ts's KiboTokenProvider is one). */
export interface KiboTokenSource {
  getToken(): Promise<string>
  /** Drops the cached token if it is this one (after Kibo answered 401 to it). */
  invalidate(token: string): void
}

/** One answer from Kibo: status, headers, the body as text and Kibo's correlation id. */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  correlationId?: string
}

/** One exchange, answered or not (for call counts and metrics). */
export interface KiboExchange {
  operation: string
  /** HTTP status, or 0 when no response arrived (timeout, reset, refused). */
  status: number
  durationMs: number
  /** When status is 0: the transport error code. */
  error?: string
}

/** Transport errors that mean the request never left: nothing can have been committed. */
export const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH'])

/** A Kibo request that got no HTTP answer. `sent: false` when the connection never opened (nothing reached Kibo). */
export class KiboNoResponseError extends Error {
  readonly operation: string
  /** A short code: TIMEOUT, ECONNRESET, ECONNREFUSED, ... (see transportCode). */
  readonly code: string
  readonly sent: boolean
  constructor (operation: string, code: string) {
    super(`Kibo ${operation} got no response (${code})`)
    this.name = 'KiboNoResponseError'
    this.operation = operation
    this.code = code
    this.sent = !notSentCodes.has(code)
  }

  /**
   * The KiboError callers see: `ambiguous` when the request was sent and may have been committed
   * (a create, a job submit), else `unavailable` (nothing was sent, or the call changes nothing).
   */
  toKiboError (mayHaveCommitted: boolean): KiboError {
    return new KiboError({
      kind: this.sent && mayHaveCommitted ? 'ambiguous' : 'unavailable',
      message: this.message,
      operation: this.operation
    })
  }
}

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

/**
 * The KiboError for a non-2xx Kibo answer, whatever its body (JSON, HTML or empty). A 5xx is
 * `unavailable` unless the caller says the request may have been processed (`ambiguous`).
 */
export function kiboErrorFromResponse (
  operation: string,
  response: RawResponse,
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

export interface KiboTransportOptions {
  /** Kibo base URL; request paths are appended to its path. */
  baseUrl: string
  /** Sent as x-vol-tenant when given (every call but the OAuth one). */
  tenantId?: number
  /** Sent as x-vol-site when given. */
  siteId?: number
  /** Bearer tokens for sendAuthorized and read. */
  tokens?: KiboTokenSource
  /** One budget for connect (at most 10 s), headers and body. */
  timeoutMs: number
  /** Size of our own Pool. */
  connections: number
  /** Use this dispatcher instead of a Pool of our own (tests, proxies); close() leaves it open. */
  dispatcher?: Dispatcher | undefined
  /** Debug lines per exchange, the info line of a 401 retry. Never a token or a body. */
  logger?: KiboLogger | undefined
  /** Called after every exchange, answered or not. */
  onExchange?: ((exchange: KiboExchange) => void) | undefined
}

export interface KiboRequestOptions {
  /** Sent as `authorization: Bearer <token>`. */
  token?: string
  /** Sent as JSON. */
  body?: unknown
}

export interface KiboReadOptions {
  body?: unknown
  /** Epoch ms after which no retry starts. */
  deadline: number
  /** Wait before retry `attempt` (1, 2, ...) when Kibo gave no Retry-After. */
  backoffMs: (attempt: number) => number
}

/** One Kibo base URL, reached through a keep-alive pool of our own or the caller's dispatcher. */
export interface KiboTransport {
  /** One HTTP exchange; resolves with any answer (2xx or not), throws KiboNoResponseError when none arrived. */
  send(operation: string, method: Dispatcher.HttpMethod, path: string, options?: KiboRequestOptions): Promise<RawResponse>
  /**
   * send with a token from `tokens`; on 401 (refused: nothing was done) the token is invalidated
   * and the call is sent once more with a fresh one.
   */
  sendAuthorized(operation: string, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse>
  /**
   * An idempotent call (a read, a query): sendAuthorized, retried on no answer, 5xx and 429 (after
   * Retry-After when given) while the deadline allows. Resolves with any other answer; throws the
   * last failure as a KiboError (`unavailable` or `rate_limited`) when out of time.
   */
  read(operation: string, method: Dispatcher.HttpMethod, path: string, options: KiboReadOptions): Promise<RawResponse>
  /** Closes our own pool: `abort` drops calls in flight, `drain` lets them finish. */
  close(mode: 'abort' | 'drain'): Promise<void>
}

export function createKiboTransport (options: KiboTransportOptions): KiboTransport {
  const { timeoutMs } = options
  const logger = options.logger ?? silentLogger
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/')
  const basePath = base.pathname.replace(/\/+$/, '')
  const ownsDispatcher = options.dispatcher === undefined
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new Pool(base.origin, {
      connections: options.connections,
      connectTimeout: Math.min(timeoutMs, 10_000),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 4_000
    })

  function report (exchange: KiboExchange): void {
    try {
      options.onExchange?.(exchange)
    } catch (error) {
      logger.warn({ err: error }, 'kibo onResponse hook threw')
    }
  }

  async function send (
    operation: string,
    method: Dispatcher.HttpMethod,
    path: string,
    { token, body }: KiboRequestOptions = {}
  ): Promise<RawResponse> {
    const started = performance.now()
    let response: RawResponse
    try {
      const answer = await dispatcher.request({
        origin: base.origin,
        path: `${basePath}${path}`,
        method,
        headers: {
          ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
          ...(options.tenantId !== undefined ? { 'x-vol-tenant': String(options.tenantId) } : {}),
          ...(options.siteId !== undefined ? { 'x-vol-site': String(options.siteId) } : {}),
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {})
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs)
      })
      const text = await answer.body.text()
      const correlationId = headerValue(answer.headers['x-vol-correlation'])
      response = { status: answer.statusCode, headers: answer.headers, text, ...(correlationId !== undefined ? { correlationId } : {}) }
    } catch (error) {
      const failure = new KiboNoResponseError(operation, transportCode(error))
      const durationMs = Math.round(performance.now() - started)
      report({ operation, status: 0, durationMs, error: failure.code })
      logger.debug({ operation, error: failure.code, sent: failure.sent, durationMs }, 'kibo request failed without a response')
      throw failure
    }
    const durationMs = Math.round(performance.now() - started)
    report({ operation, status: response.status, durationMs })
    logger.debug({ operation, status: response.status, durationMs, correlationId: response.correlationId }, 'kibo response')
    return response
  }

  async function sendAuthorized (operation: string, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    const tokens = options.tokens
    if (tokens === undefined) throw new Error(`Kibo ${operation}: this transport has no token source`)
    const token = await tokens.getToken()
    const response = await send(operation, method, path, { token, body })
    if (response.status !== 401) return response
    tokens.invalidate(token)
    logger.info({ operation, correlationId: response.correlationId }, 'kibo answered 401; re-authenticating once')
    return send(operation, method, path, { token: await tokens.getToken(), body })
  }

  async function read (operation: string, method: Dispatcher.HttpMethod, path: string, readOptions: KiboReadOptions): Promise<RawResponse> {
    for (let attempt = 1; ; attempt++) {
      let failure: KiboError
      try {
        const response = await sendAuthorized(operation, method, path, readOptions.body)
        if (response.status < 500 && response.status !== 429) return response
        failure = kiboErrorFromResponse(operation, response)
      } catch (error) {
        if (!(error instanceof KiboNoResponseError)) throw error
        failure = error.toKiboError(false)
      }
      const wait = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : readOptions.backoffMs(attempt)
      if (Date.now() + wait > readOptions.deadline) throw failure
      await sleep(wait)
    }
  }

  return {
    send,
    sendAuthorized,
    read,
    async close (mode) {
      if (!ownsDispatcher) return
      if (mode === 'abort') await dispatcher.destroy()
      else await dispatcher.close()
    }
  }
}

export function sleep (ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
