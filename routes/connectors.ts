// Storefront connector routes, generated for every platform in the registry (src/connectors):
//   POST /v1/connectors/{platform}/webhooks           the platform's signed deliveries (raw body)
//   POST /v1/connectors/{platform}/preview            platform order → { event, kiboOrder }, nothing stored
//   POST /v1/connectors/{platform}/{store}/reconcile  reconcile (or backfill `since`) one store now
//   GET  /v1/connectors                                the tenant's stores: last delivery, checkpoint, last run
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ConnectorPreviewSchema,
  ConnectorStoresSchema,
  DeliveryAnswerSchema,
  ReconcileBodySchema,
  ReconcileSummarySchema
} from '../schemas/connectors.ts'
import { problemType } from '../schemas/problem.ts'
import { ProblemError } from '../src/plugins/problems.ts'
import { problemResponses } from './responses.ts'

const security: Array<Record<string, string[]>> = [{ bearerApiKey: [] }, { headerApiKey: [] }]

const connectorRoutes: FastifyPluginAsyncZod = async function connectorRoutes (app) {
  for (const connector of app.connectors.registry) {
    const platform = connector.platform

    // The webhook: its own scope, where a body is kept as raw bytes and parsed only once signed.
    await app.register(async function rawBodyScope (scope) {
      scope.removeAllContentTypeParsers()
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
        request.rawBody = body as Buffer
        done(null, undefined)
      })
      scope.withTypeProvider().post(
        `/connectors/${platform}/webhooks`,
        {
          // A platform sends the whole order: a large one (Shopify: about 850 lines a MiB) is over
          // BODY_LIMIT, and a platform that keeps getting 413 drops the subscription.
          bodyLimit: app.config.webhookBodyLimit,
          config: { bodyLimitSetting: 'WEBHOOK_BODY_LIMIT' },
          schema: {
            tags: ['connectors'],
            operationId: `receive${connector.title}Webhook`,
            summary: connector.webhookDocs?.summary ?? `Receive a ${connector.title} order webhook (orders/paid or orders/create)`,
            description:
              connector.webhookDocs?.description ??
              'The store is chosen by its header and the signature is checked over the raw bytes with the store\'s secrets ' +
              '(several during a rotation) before the body is parsed; an unknown store, a bad signature or a stale delivery is 401 and ' +
              'nothing is stored. A verified delivery is stored and answered at once: 202 when it starts an import (fetched from the ' +
              'Admin API and imported by a worker), 200 when it is a duplicate (the same event, or an order already received under ' +
              'any topic) or imports nothing (a test order, not yet paid, another topic; the reason is recorded). The body is the ' +
              `${connector.title} REST order the webhook sends.`,
            headers: connector.webhookHeaders,
            response: {
              202: DeliveryAnswerSchema.describe('Stored; the order will be fetched and imported.'),
              200: DeliveryAnswerSchema.describe('Stored; nothing new to import (duplicate or skipped, with the reason).'),
              ...problemResponses(400, 401, 413, 429, 503),
              413: { ...problemResponses(413)[413], description: 'The body is over WEBHOOK_BODY_LIMIT.' }
            }
          }
        },
        async function receiveDelivery (request, reply) {
          const answer = await app.connectors.receive(platform, request.rawBody, request.headers, request.log)
          return reply.code(answer.status).send(answer.body)
        }
      )
    })

    app.post(
      `/connectors/${platform}/preview`,
      {
        onRequest: app.requireApiKey,
        schema: {
          tags: ['connectors'],
          operationId: `preview${connector.title}Order`,
          summary: `Show the event and Kibo payload a ${connector.title} order maps to, storing and sending nothing`,
          security,
          querystring: z.object({
            store: z
              .string()
              .optional()
              .meta({ description: "Use this store's options (currency, externalId, gateways); default: the tenant's first store" })
          }),
          body: connector.preview.body,
          response: { 200: ConnectorPreviewSchema, ...problemResponses(400, 401, 404, 413, 415, 422, 429) }
        }
      },
      async (request) => app.connectors.preview(platform, request.body, request.tenant!, request.query.store)
    )

    app.post(
      `/connectors/${platform}/:store/reconcile`,
      {
        onRequest: app.requireApiKey,
        schema: {
          tags: ['connectors'],
          operationId: `reconcile${connector.title}Store`,
          summary: `Reconcile one ${connector.title} store now (or backfill from \`since\`)`,
          description:
            'Lists the orders updated since the checkpoint (or `since`) and starts the import of every importable order ' +
            'no webhook brought. The scheduled run does the same every reconcileIntervalMs on one instance of the fleet. ' +
            '409 while another run holds the store.',
          security,
          params: z.object({ store: z.string().min(1).max(255) }),
          body: ReconcileBodySchema.optional(),
          response: { 200: ReconcileSummarySchema, ...problemResponses(400, 401, 404, 409, 429) }
        }
      },
      async (request) => {
        const bound = app.connectors.find(platform, request.params.store)
        if (bound === undefined || bound.tenant.name !== request.tenant!.name) {
          throw new ProblemError({
            type: problemType('not-found'),
            title: 'Unknown store',
            status: 404,
            detail: `No ${connector.title} store ${request.params.store} is configured for this tenant.`
          })
        }
        return app.connectors.reconcile(platform, request.params.store, { since: request.body?.since })
      }
    )
  }

  app.get(
    '/connectors',
    {
      onRequest: app.requireApiKey,
      schema: {
        tags: ['connectors'],
        operationId: 'listConnectorStores',
        summary: "The tenant's storefront stores: last delivery and reconciliation state",
        security,
        response: { 200: ConnectorStoresSchema, ...problemResponses(401, 429) }
      }
    },
    async (request) => ({ stores: await app.connectors.storesOf(request.tenant!) })
  )
}

export default connectorRoutes
