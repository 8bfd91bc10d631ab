// A storefront's REST API as the BigCommerce and WooCommerce connectors ask it: one undici Pool per
// store, only GETs (so any of them may be repeated safely), JSON answers. Shared here:
//   - the retry loop: a 5xx, a timeout or a lost connection is retried with exponential backoff and
//     full jitter, up to maxAttempts; a 429 counts as a rate-limited wait and is retried after the
//     platform's own rule (`onRateLimited`: BigCommerce pauses the store, WooCommerce sleeps);
//   - what an answer means: 404 → null, 401/403 → `auth`, another non-2xx → `refused`, a body that
//     is not JSON → `invalid_response`, tries used up → `rate_limited` or `unavailable`;
//   - reading an answer through a zod schema (`parse`: `invalid_response` naming the first issue).
// Each platform keeps its error class (a PlatformHttpError, made by `error`; `asPlatformApiError`
// turns it into the frame's PlatformApiError), its headers (the credentials, which never
// reach a message), and its rate-limit rules (`beforeAttempt`, `onHeaders`, `onRateLimited`).
import { Pool, type Dispatcher } from 'undici'
import type { z } from 'zod'
import { PlatformApiError } from './connector.ts'

/** What the shared loop reports; a platform's error class may know more kinds. */
export type PlatformHttpErrorKind = 'auth' | 'unavailable' | 'rate_limited' | 'invalid_response' | 'refused'

/** A storefront API failure: the base of each platform's error class (BigCommerceApiError, WooCommerceApiError). */
export class PlatformHttpError<Kind extends string = PlatformHttpErrorKind> extends Error {
  readonly kind: Kind
  readonly status?: number
  constructor (kind: Kind, message: string, status?: number) {
    super(message)
    this.kind = kind
    if (status !== undefined) this.status = status
  }
}

/** A platform's API failures as the frame's PlatformApiError: unavailable and rate_limited are transient (the frame's job retries them). */
export async function asPlatformApiError<T> (call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof PlatformHttpError) {
      throw new PlatformApiError(error.message, {
        transient: error.kind === 'unavailable' || error.kind === 'rate_limited',
        ...(error.status === undefined ? {} : { status: error.status })
      })
    }
    throw error
  }
}

export type ResponseHeaders = Dispatcher.ResponseData['headers']

/** The options both platforms' API clients take (their defaults below). */
export interface PlatformHttpOptions {
  /** Connect, headers and body timeout of each call. Default 30 000 ms. */
  timeoutMs?: number
  /** Tries per call before giving up (429, 5xx, no answer). Default 6. */
  maxAttempts?: number
  /** First backoff step. Default 500 ms. */
  backoffBaseMs?: number
  /** Longest single wait. Default 30 000 ms. */
  maxWaitMs?: number
  /** Tests: a dispatcher of their own (not closed by close()). */
  dispatcher?: Dispatcher
  /** Tests: how to wait. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** How the platform's hooks wait. */
export interface RetryTools {
  maxWaitMs: number
  sleep: (ms: number) => Promise<void>
  /** Full jitter: a random wait below min(maxWaitMs, backoffBaseMs × 2^attempt). */
  backoff: (attempt: number) => number
}

export interface PlatformHttpSpec {
  /** The platform's name in messages ("BigCommerce answered 503"). */
  title: string
  /** What the credentials are, in the 401/403 message ("BigCommerce refused the access token (401)"). */
  credential: string
  /** The API's base URL, ending in a slash; paths are resolved against it. */
  base: URL
  /** Request headers (credentials included; they never reach a message). */
  headers: Record<string, string>
  /** How a call is named in messages ("GET /v2/orders/1"). */
  where: (path: string, url: URL) => string
  /** The platform's error for a failure of this kind. */
  error: (kind: PlatformHttpErrorKind, message: string, status?: number) => Error
  /** A 204 or an empty body answers an empty list (BigCommerce); otherwise the body must be JSON. */
  emptyAsList?: boolean
  /** Before each try (BigCommerce: wait while the store's quota is paused). */
  beforeAttempt?: (tools: RetryTools) => Promise<void>
  /** The headers of every answer, before its body is read (BigCommerce: its quota headers). */
  onHeaders?: (headers: ResponseHeaders) => void
  /** A 429 (already counted as a rate-limited wait): wait or pause as the platform says, before the next try. */
  onRateLimited: (headers: ResponseHeaders, attempt: number, tools: RetryTools) => Promise<void>
}

export interface PlatformHttp {
  /** GET a path under the base: the parsed JSON and the headers, or null for 404. */
  get(path: string, query?: Record<string, string>): Promise<{ body: unknown; headers: ResponseHeaders } | null>
  /** The value through the schema, or the platform's `invalid_response` error naming `what` and the first issue. */
  parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T>
  /** Calls made and waits taken (tests, metrics). */
  readonly stats: { requests: number; rateLimitedWaits: number; retries: number }
  close(): Promise<void>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The first value of a header, as text. */
export function headerValue (headers: ResponseHeaders, name: string): string | undefined {
  const raw = headers[name]
  return Array.isArray(raw) ? raw[0] : raw
}

export function createPlatformHttp (options: PlatformHttpOptions, spec: PlatformHttpSpec): PlatformHttp {
  const { base } = spec
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxAttempts = options.maxAttempts ?? 6
  const backoffBaseMs = options.backoffBaseMs ?? 500
  const maxWaitMs = options.maxWaitMs ?? 30_000
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const ownPool = options.dispatcher === undefined
  const dispatcher =
    options.dispatcher ??
    new Pool(base.origin, { connections: 4, connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  const stats = { requests: 0, rateLimitedWaits: 0, retries: 0 }
  const backoff = (attempt: number) => Math.floor(random() * Math.min(maxWaitMs, backoffBaseMs * 2 ** attempt))
  const tools: RetryTools = { maxWaitMs, sleep, backoff }

  async function get (path: string, query: Record<string, string> = {}): Promise<{ body: unknown; headers: ResponseHeaders } | null> {
    const url = new URL(path, base)
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
    const where = spec.where(path, url)
    let lastProblem = ''
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (spec.beforeAttempt !== undefined) await spec.beforeAttempt(tools)
      stats.requests += 1
      let response: Dispatcher.ResponseData
      try {
        response = await dispatcher.request({
          origin: base.origin,
          path: url.pathname + url.search,
          method: 'GET',
          headers: spec.headers,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs
        })
      } catch (error) {
        lastProblem = `no answer (${error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'error'})`
        stats.retries += 1
        await sleep(backoff(attempt))
        continue
      }
      const status = response.statusCode
      spec.onHeaders?.(response.headers)
      const text = await response.body.text()
      if (status === 429) {
        stats.rateLimitedWaits += 1
        lastProblem = 'rate limited (429)'
        await spec.onRateLimited(response.headers, attempt, tools)
        continue
      }
      if (status >= 500) {
        lastProblem = `${spec.title} answered ${status}`
        stats.retries += 1
        await sleep(backoff(attempt))
        continue
      }
      if (spec.emptyAsList === true && status === 204) return { body: [], headers: response.headers }
      if (status === 404) return null
      if (status === 401 || status === 403) {
        throw spec.error('auth', `${where}: ${spec.title} refused ${spec.credential} (${status})`, status)
      }
      if (status < 200 || status >= 300) throw spec.error('refused', `${where}: ${spec.title} answered ${status}`, status)
      if (spec.emptyAsList === true && text === '') return { body: [], headers: response.headers }
      try {
        return { body: JSON.parse(text), headers: response.headers }
      } catch {
        throw spec.error('invalid_response', `${where}: the answer is not JSON`, status)
      }
    }
    throw spec.error(lastProblem.startsWith('rate') ? 'rate_limited' : 'unavailable', `${where}: ${lastProblem} after ${maxAttempts} tries`)
  }

  function parse<T extends z.ZodType> (schema: T, value: unknown, what: string): z.output<T> {
    const parsed = schema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw spec.error('invalid_response', `${what}: ${issue.path.join('.') || '(body)'} ${issue.message}`)
    }
    return parsed.data
  }

  return {
    get,
    parse,
    stats,
    async close () {
      if (ownPool) await dispatcher.close()
    }
  }
}
