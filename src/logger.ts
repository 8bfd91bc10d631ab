// Logger options shared by the server and the tests. Card tokens, secrets and access tokens
// never reach a log: the redaction list covers every place they could appear (and
// test/observability/logs.test.ts proves it at level trace). With LOG_REDACT_EMAILS every
// e-mail address in a finished line is replaced too, wherever it came from.
import { createRequire } from 'node:module'
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'
import pino, { type Logger, type LoggerOptions } from 'pino'

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'req.headers["x-shopify-hmac-sha256"]',
  'req.headers["shopify-hmac-sha256"]',
  'req.headers["x-shopify-access-token"]',
  'headers["x-shopify-access-token"]',
  'req.headers["x-wc-webhook-signature"]',
  '*.consumerKey',
  '*.consumerSecret',
  '*.webhookSecrets',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.access_token',
  '*.accessToken',
  '*.client_secret',
  '*.sharedSecret',
  '*.secret',
  '*.apiKey',
  '*.token',
  '*.requestToken',
  '*.customerProfileId',
  '*.card',
  '*.cardNumberPartOrMask',
  'event',
  'body',
  'kiboOrder',
  'payments',
  'err.body'
]

/** An e-mail address as it appears in a JSON log line (RFC 5322's common subset). */
export const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

export function redactEmails (line: string): string {
  return line.replace(emailPattern, '[email]')
}

export interface LoggerSettings {
  /** LOG_REDACT_EMAILS */
  redactEmails?: boolean
}

export function loggerOptions (level: string, settings: LoggerSettings = {}): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(settings.redactEmails ? { hooks: { streamWrite: redactEmails } } : {}),
    serializers: {
      req (request: { method: string; url: string; id: string; headers: Record<string, unknown>; socket?: { remoteAddress?: string } }) {
        return {
          method: request.method,
          url: request.url,
          requestId: request.id,
          remoteAddress: request.socket?.remoteAddress,
          userAgent: request.headers['user-agent']
        }
      }
    }
  }
}

/** LOG_FORMAT when set; otherwise readable lines for a person at a terminal, JSON for everything else. */
export function chooseLogFormat (configured: 'json' | 'pretty' | undefined, isTTY: boolean): 'json' | 'pretty' {
  return configured ?? (isTTY ? 'pretty' : 'json')
}

/**
 * The server's logger: JSON lines, or pino-pretty's readable ones (level, time, message with the
 * import id in front). Redaction happens before either is written.
 */
export function createLogger (
  level: string,
  settings: LoggerSettings & { format: 'json' | 'pretty'; destination?: NodeJS.WritableStream }
): Logger {
  const options = loggerOptions(level, settings)
  if (settings.format === 'json') return settings.destination ? pino(options, settings.destination) : pino(options)
  // Loaded only for readable lines: a JSON-logging process (containers, the benchmark) never needs it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty')
  const stream = pretty({
    colorize: settings.destination === undefined ? process.stdout.isTTY === true : false,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,importId',
    messageFormat: '{if importId}[{importId}] {end}{msg}',
    singleLine: false,
    sync: true,
    ...(settings.destination ? { destination: settings.destination } : {})
  })
  return pino(options, stream)
}

/**
 * Fastify's request lines, one per request instead of two: "incoming request" at debug (a request
 * that never completes is still seen there), "request completed" (or "request errored") with the
 * request's method, url, id, address and user agent beside its status and time. Each pino line
 * costs its redaction pass and a write: two lines per import were a third of its logging.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest (request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return
    request.log.debug({ req: request }, 'incoming request')
  }

  override requestCompleted (error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored')
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed')
  }
}
