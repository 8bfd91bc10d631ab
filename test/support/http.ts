// Request helpers: the JSON content type, Standard Webhooks secrets and signed headers.
import { randomBytes } from 'node:crypto'
import { Webhook } from 'standardwebhooks'

/** The headers of a JSON request body. */
export const json = { 'content-type': 'application/json' }

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`

/** Standard Webhooks headers signing `body` with `secret`: a fresh message id and now, unless given. */
export function signedHeaders (secret: string, body: string, options: { id?: string; at?: Date } = {}) {
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`
  const at = options.at ?? new Date()
  return {
    ...json,
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body)
  }
}
