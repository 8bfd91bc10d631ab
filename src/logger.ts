// Logger options shared by the server and the tests. Card tokens, secrets and access tokens
// never reach a log: the redaction list covers every place they could appear (and
// test/observability/logs.test.ts proves it at level trace). With LOG_REDACT_EMAILS every
// e-mail address in a finished line is replaced too, wherever it came from.
import type { LoggerOptions } from 'pino'

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
