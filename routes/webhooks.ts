// POST /v1/webhooks/orders: a storefront's signed delivery of one order event. Answered fast:
// the event is validated, reconciled and stored with its delivery job, then imported by a worker.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OrderEventSchema } from '../schemas/order-event.ts'
import { ImportedResponseSchema, QueuedResponseSchema } from '../schemas/imports.ts'
import { problemResponses } from './responses.ts'

const webhookRoutes: FastifyPluginAsyncZod = async function webhookRoutes (app) {
  app.post(
    '/webhooks/orders',
    {
      preValidation: app.verifyWebhookSignature,
      schema: {
        tags: ['webhooks'],
        operationId: 'receiveOrderWebhook',
        summary: 'Receive an order event from a storefront (Standard Webhooks)',
        description:
          'Signed per Standard Webhooks: `webhook-signature` is `v1,<base64 HMAC-SHA256>` over `webhook-id.webhook-timestamp.body` ' +
          'with a `whsec_` secret from WEBHOOK_SECRETS; the timestamp must be within 5 minutes. The body is a Normalized Order Event v1. ' +
          'Answers 202 once the event is stored with its delivery job; a repeat delivery (same webhook-id or same order) is ' +
          'acknowledged with the same importId (202 while queued, 200 once imported) and never imported twice.',
        headers: z.object({
          'webhook-id': z
            .string()
            .optional()
            .meta({ description: 'Delivery id (unique per event)', example: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' }),
          'webhook-timestamp': z.string().optional().meta({ description: 'Unix seconds when it was signed', example: '1795461068' }),
          'webhook-signature': z
            .string()
            .optional()
            .meta({ description: 'Space-separated `v1,<base64>` signatures', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' })
        }),
        body: OrderEventSchema,
        response: {
          202: QueuedResponseSchema,
          200: ImportedResponseSchema.describe('A repeat delivery of an order already imported (header `Idempotent-Replayed: true`).'),
          ...problemResponses(400, 401, 413, 415, 422, 429, 503)
        }
      }
    },
    async function receiveOrderWebhook (request, reply) {
      const accepted = await app.orderImport.acceptForWorker(request.body, {
        tenant: request.tenant!,
        webhookId: request.webhookId,
        log: request.log,
        source: 'webhook'
      })
      reply.header('location', `/v1/imports/${accepted.body.importId}`)
      if (accepted.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(accepted.status).send(accepted.body)
    }
  )
}

export default webhookRoutes
