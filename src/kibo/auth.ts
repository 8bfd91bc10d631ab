// Kibo application token (OAuth 2 client credentials), as Kibo's own SDK gets it:
// POST {authBaseUrl}/api/platform/applications/authtickets/oauth
//   { client_id, client_secret, grant_type: "client_credentials" } → { access_token, expires_in, ... }
// One token is cached in memory and refreshed `refreshSkewMs` before it expires. Refreshes are
// single-flight: however many callers ask at once, one OAuth call is made and they all get its
// outcome (the token, or the same error; the next call tries again). The call goes through
// transport.ts like every Kibo call (no bearer token, no x-vol headers). The secret and the token
// never reach a log line or an error message.
import type { Dispatcher } from 'undici'
import type { KiboConnection } from '../config/config.ts'
import { KiboError } from './errors.ts'
import {
  createKiboTransport,
  headerValue,
  KiboNoResponseError,
  parseKiboErrorBody,
  parseRetryAfter,
  silentLogger,
  type KiboLogger,
  type KiboTokenSource,
  type RawResponse
} from './transport.ts'

export const OAUTH_PATH = '/api/platform/applications/authtickets/oauth'

export interface KiboTokenProviderOptions {
  connection: KiboConnection
  /** undici dispatcher for the auth host; default: a small Pool of its own (closed by close()). */
  dispatcher?: Dispatcher
  pool?: Dispatcher
  timeoutMs: number
  logger?: KiboLogger
  /** Refresh this long before expiry (capped at half the token's lifetime). Default 60 000. */
  refreshSkewMs?: number
  /** Clock, for tests. Default Date.now. */
  now?: () => number
}

export interface KiboTokenProvider extends KiboTokenSource {
  getToken(): Promise<string>
  /** Drops the cached token if it is this one (after Kibo answered 401 to it). */
  invalidate(token: string): void
  readonly stats: { refreshes: number; failures: number }
  close(): Promise<void>
}

interface CachedToken {
  token: string
  refreshAt: number
  expiresAt: number
}

export function createKiboTokenProvider (options: KiboTokenProviderOptions): KiboTokenProvider {
  const { connection, timeoutMs } = options
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now
  const refreshSkewMs = options.refreshSkewMs ?? 60_000
  const transport = createKiboTransport({
    baseUrl: connection.authBaseUrl,
    timeoutMs,
    connections: 4,
    dispatcher: options.dispatcher ?? options.pool,
    logger
  })

  let cached: CachedToken | null = null
  let inflight: Promise<string> | null = null
  const stats = { refreshes: 0, failures: 0 }

  async function fetchToken (): Promise<string> {
    const started = now()
    let response: RawResponse
    try {
      response = await transport.send('authenticate', 'POST', OAUTH_PATH, {
        body: { client_id: connection.clientId, client_secret: connection.sharedSecret, grant_type: 'client_credentials' }
      })
    } catch (error) {
      if (!(error instanceof KiboNoResponseError)) throw error
      throw new KiboError({
        kind: 'unavailable',
        message: `Kibo authentication is unreachable (${error.code})`,
        operation: 'authenticate'
      })
    }
    const { status, text, correlationId } = response
    if (status >= 200 && status < 300) {
      let parsed: { access_token?: unknown; expires_in?: unknown }
      try {
        parsed = JSON.parse(text) as typeof parsed
      } catch {
        parsed = {}
      }
      if (typeof parsed.access_token !== 'string' || parsed.access_token === '' || typeof parsed.expires_in !== 'number') {
        throw new KiboError({
          kind: 'auth',
          status,
          correlationId,
          message: 'Kibo authentication answered without an access token',
          operation: 'authenticate'
        })
      }
      const lifetimeMs = Math.max(0, parsed.expires_in * 1000)
      const skew = Math.min(refreshSkewMs, lifetimeMs / 2)
      cached = { token: parsed.access_token, expiresAt: started + lifetimeMs, refreshAt: started + lifetimeMs - skew }
      stats.refreshes++
      logger.info(
        { expiresInSeconds: parsed.expires_in, expiresAt: new Date(cached.expiresAt).toISOString(), correlationId },
        'kibo access token refreshed'
      )
      return parsed.access_token
    }
    // Unlike other calls, any refusal short of 429/5xx means our credentials were not accepted.
    const info = parseKiboErrorBody(text, headerValue(response.headers['content-type']))
    const retryAfterSeconds = parseRetryAfter(headerValue(response.headers['retry-after']), now())
    const kind = status === 429 ? 'rate_limited' : status >= 500 ? 'unavailable' : 'auth'
    throw new KiboError({
      kind,
      status,
      errorCode: info.errorCode,
      kiboMessage: info.message,
      correlationId,
      retryAfterSeconds,
      body: info.body,
      operation: 'authenticate',
      message:
        kind === 'auth' ? `Kibo rejected the application credentials (HTTP ${status})` : `Kibo authentication failed (HTTP ${status})`
    })
  }
  function refresh (): Promise<string> {
    if (inflight !== null) return inflight
    inflight = fetchToken()
      .catch((error: unknown) => {
        stats.failures++
        const e = error as KiboError
        logger.warn(
          { kind: e.kind, status: e.status, errorCode: e.errorCode, correlationId: e.correlationId },
          'kibo access token refresh failed'
        )
        throw error
      })
      .finally(() => {
        inflight = null
      })
    return inflight
  }

  return {
    async getToken () {
      const current = cached
      if (current !== null && now() < current.refreshAt) return current.token
      return refresh()
    },
    invalidate (token: string) {
      if (cached !== null && cached.token === token) cached = null
    },
    stats,
    async close () {
      await transport.close('drain')
    }
  }
}
