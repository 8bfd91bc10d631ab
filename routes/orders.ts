// POST /v1/orders: import one Normalized Order Event v1 into Kibo now.
// POST /v1/orders/preview: the Kibo payload it would send, sending nothing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OrderEventSchema } from '../schemas/order-event.ts'
import { KiboOrderSchema } from '../schemas/kibo-order.ts'
import { ImportedResponseSchema } from '../schemas/imports.ts'
import { ProblemError } from '../src/plugins/problems.ts'
import { problemResponses } from './responses.ts'

const security: Array<Record<string, string[]>> = [{ bearerApiKey: [] }, { headerApiKey: [] }]

const orderRoutes: FastifyPluginAsyncZod = async function orderRoutes(app) {
  app.addHook('onRequest', app.requireApiKey)

  app.post(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        operationId: 'importOrder',
        summary: 'Import an order into Kibo',
        description:
          'Validates the event, reconciles its totals exactly, maps it to a Kibo import payload and creates the order in Kibo. ' +
          'Idempotent by (Kibo tenant, site, `data.externalId`): sending the same event again answers 200 with the stored result and ' +
          '`Idempotent-Replayed: true` without calling Kibo.',
        security,
        body: OrderEventSchema,
        response: {
          201: ImportedResponseSchema.describe('Imported: the order was created in Kibo (or found there after an ambiguous failure).'),
          200: ImportedResponseSchema.describe('A repeat of an imported order: the stored result, header `Idempotent-Replayed: true`.'),
          ...problemResponses(400, 401, 409, 413, 415, 422, 429, 502, 503)
        }
      }
    },
    async function importOrder(request, reply) {
      const result = await app.orderImport.importNow(request.body, request.log)
      reply.header('location', `/v1/imports/${result.body.importId}`)
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(result.status).send(result.body)
    }
  )

  app.post(
    '/orders/preview',
    {
      schema: {
        tags: ['orders'],
        operationId: 'previewOrder',
        summary: 'Show the Kibo payload for an order, sending nothing',
        description: 'Runs the same validation, reconciliation and mapping as an import and returns the Kibo payload it would send. Nothing is stored or sent.',
        security,
        body: OrderEventSchema,
        response: {
          200: z.object({ kiboOrder: KiboOrderSchema }).describe('The payload POST /commerce/orders would receive.'),
          ...problemResponses(400, 401, 413, 415, 422, 429)
        }
      }
    },
    async function previewOrder(request) {
      const mapped = app.mapping.map(request.body)
      if (!mapped.ok) throw new ProblemError(mapped.problem)
      return { kiboOrder: mapped.kiboOrder }
    }
  )
}

export default orderRoutes
