// Logger options shared by the server and the tests. Card tokens, secrets and access tokens
// never reach a log: the redaction list covers every place they could appear.
import type { LoggerOptions } from 'pino'

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'headers.authorization',
  '*.access_token',
  '*.client_secret',
  '*.sharedSecret',
  '*.token',
  '*.card',
  '*.cardNumberPartOrMask',
  'event',
  'body',
  'kiboOrder'
]

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; headers: Record<string, unknown>; socket?: { remoteAddress?: string } }) {
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
