// Standard Webhooks (https://www.standardwebhooks.com) signature verification with the
// reference library: HMAC-SHA256 over `webhook-id.webhook-timestamp.body`, timestamps within
// five minutes, several secrets at once so a secret can be rotated without downtime. The webhook
// route verifies in its body parser, on the raw bytes, before any JSON parsing (an unsigned
// request learns nothing about the parser), and again in preValidation for a request without a body.
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { problemType } from '../../schemas/problem.ts'
import { ProblemError } from './problems.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** preValidation hook for webhook routes: 401 unless the raw body is signed by a configured secret. */
    verifyWebhookSignature: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** The verified `webhook-id` header (the delivery id). */
    webhookId?: string
    /** Set once verifyWebhookSignature passed, so the parser and the preValidation hook check once. */
    webhookVerified?: boolean
  }
}

function header (request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

function unauthorized (detail: string): ProblemError {
  return new ProblemError({ type: problemType('invalid-signature'), title: 'Invalid webhook signature', status: 401, detail })
}

export default fp(
  async function webhookSignaturesPlugin (app) {
    // Every tenant's secrets; the one that verifies a delivery says which tenant it is for.
    const verifiers = app.config.tenants.flatMap((tenantConfig) =>
      tenantConfig.webhookSecrets.map((secret) => ({ webhook: new Webhook(secret), tenant: app.tenants.byName(tenantConfig.name)! }))
    )
    const open = verifiers.length === 0 && !app.config.isProduction && app.tenants.fallback !== null
    if (open) {
      app.log.warn('NO WEBHOOK_SECRETS: webhook deliveries are accepted WITHOUT a signature (allowed outside production only).')
    }

    app.decorate('verifyWebhookSignature', async function verifyWebhookSignature (request: FastifyRequest) {
      if (request.webhookVerified === true) return
      const id = header(request, 'webhook-id')
      if (open) {
        if (id !== undefined) request.webhookId = id
        request.tenant = app.tenants.fallback!
        request.webhookVerified = true
        return
      }
      const timestamp = header(request, 'webhook-timestamp')
      const signature = header(request, 'webhook-signature')
      const missing = [
        id === undefined && 'webhook-id',
        timestamp === undefined && 'webhook-timestamp',
        signature === undefined && 'webhook-signature'
      ].filter(Boolean)
      if (missing.length > 0) throw unauthorized(`Missing ${missing.join(', ')} header(s): sign deliveries as Standard Webhooks describes.`)
      if (request.rawBody === undefined) throw unauthorized('The body is missing: nothing was signed.')
      const headers = { 'webhook-id': id!, 'webhook-timestamp': timestamp!, 'webhook-signature': signature! }
      let reason = 'No signature matches any configured secret.'
      for (const verifier of verifiers) {
        try {
          verifier.webhook.verify(request.rawBody, headers)
          request.webhookId = id
          request.tenant = verifier.tenant
          request.webhookVerified = true
          return
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error
          // The timestamp is checked before any signature: the same answer for every secret.
          if (/timestamp/i.test(error.message)) {
            throw unauthorized(`${error.message}: webhook-timestamp must be within 5 minutes of now (it is ${timestamp}).`)
          }
          if (!/No matching signature/i.test(error.message)) reason = error.message
        }
      }
      throw unauthorized(reason)
    })
  },
  { name: 'webhook-signatures', dependencies: ['kibo'] }
)
