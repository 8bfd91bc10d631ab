// POST /v1/orders: import one Normalized Order Event v1 into Kibo now.
// POST /v1/orders/preview: the Kibo payload it would send, sending nothing.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OrderEventSchema } from '../schemas/order-event.ts'
import { KiboOrderSchema } from '../schemas/kibo-order.ts'
import { TranslatedCreateOrderRequestSchema } from '../schemas/translated-order.ts'
import { ImportedResponseSchema, QueuedResponseSchema, RestrictionsBodySchema, RestrictionsResponseSchema } from '../schemas/imports.ts'
import { problemType } from '../schemas/problem.ts'
import { kiboErrorToProblem } from '../src/kibo/errors.ts'
import { translatedErrorToProblem } from '../src/kibo/translated-client.ts'
import { buildTranslatedAuthorizeRequest } from '../src/mapping/translated-v2/index.ts'
import type { TranslatedAuthorization } from '../src/store/index.ts'
import { ProblemError } from '../src/plugins/problems.ts'
import { problemResponses } from './responses.ts'

const security: Array<Record<string, string[]>> = [{ bearerApiKey: [] }, { headerApiKey: [] }]

/** RFC 7240: `Prefer: respond-async` (possibly among other preferences). */
export function prefersAsync (prefer: string | undefined): boolean {
  return (
    prefer !== undefined &&
    prefer.split(',').some(
      (preference) =>
        preference
          .trim()
          .split(/[;=\s]/)[0]
          .toLowerCase() === 'respond-async'
    )
  )
}

const TranslatedAuthorizationSchema = z
  .object({
    externalId: z.string(),
    paymentIndex: z.number().int(),
    orderID: z.number().int().meta({ description: "Kibo's order ID for this cart (the created order takes it)" }),
    authToken: z.string().meta({ description: "Sent as the payment's authorizationID when the order is imported" }),
    amount: z.string().meta({ description: 'The authorized amount' })
  })
  .meta({ id: 'TranslatedAuthorization' })

type OrderRoutesInstance = Parameters<FastifyPluginAsyncZod>[0]

/**
 * POST /orders/preview on `app` (under the caller's prefix and its API-key hook): here, and in the
 * CLI's dry run, which serves only this route and opens no database (src/app.ts buildPreviewApp).
 */
export function addPreviewRoute (app: OrderRoutesInstance): void {
  app.post(
    '/orders/preview',
    {
      schema: {
        tags: ['orders'],
        operationId: 'previewOrder',
        summary: 'Show the Kibo payload for an order, sending nothing',
        description:
          'Runs the same validation, reconciliation and mapping as an import and returns the Kibo payload it would send. ' +
            'Nothing is stored or sent.',
        security,
        body: OrderEventSchema,
        response: {
          200: z
            .object({
              kiboOrder: KiboOrderSchema.optional().meta({
                description: 'Tenants with target oms: the payload POST /commerce/orders would receive'
              }),
              translatedOrders: z
                .array(
                  z.object({
                    group: z.string().optional().meta({ description: 'Availability group of a split order' }),
                    lineIds: z.array(z.string()).optional().meta({ description: 'The event lines this order carries (split orders)' }),
                    request: TranslatedCreateOrderRequestSchema
                  })
                )
                .optional()
                .meta({
                  description:
                    'Tenants with target translated-v2: the request(s) POST /api/v2/createOrder/ would receive, in the order ' +
                      'they are sent (several when the order is split by availability)'
                })
            })
            .describe("The payload the tenant's Kibo API would receive."),
          ...problemResponses(400, 401, 413, 415, 422, 429)
        }
      }
    },
    async function previewOrder (request) {
      const tenant = request.tenant!
      if (tenant.translated !== null) {
        const translated = tenant.translated.map(request.body)
        if (!translated.ok) throw new ProblemError(translated.problem)
        return {
          translatedOrders: translated.split
            ? translated.orders.map((order) => ({ group: order.group, lineIds: order.lineIds, request: order.request }))
            : [{ request: translated.request }]
        }
      }
      const mapped = tenant.map(request.body)
      if (!mapped.ok) throw new ProblemError(mapped.problem)
      return { kiboOrder: mapped.kiboOrder }
    }
  )
}

const orderRoutes: FastifyPluginAsyncZod = async function orderRoutes (app) {
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
          '`Idempotent-Replayed: true` without calling Kibo.\n\n' +
          'With `Prefer: respond-async` the order is validated, reconciled and stored with its delivery job, and the answer is ' +
          '`202 { importId, status: "queued", statusUrl }` at once; a worker imports it (retries with backoff, never twice).',
        security,
        headers: z.object({
          prefer: z.string().optional().meta({ description: '`respond-async`: accept now, import in the background (202)' }),
          'x-import-source': z
            .string()
            .optional()
            .meta({ description: '`cli` when the command-line importer sends it (the import\'s `source`); otherwise the source is `api`' })
        }),
        body: OrderEventSchema,
        response: {
          201: ImportedResponseSchema.describe('Imported: the order was created in Kibo (or found there after an ambiguous failure).'),
          200: ImportedResponseSchema.describe('A repeat of an imported order: the stored result, header `Idempotent-Replayed: true`.'),
          202: QueuedResponseSchema.describe(
            'Accepted for asynchronous import (`Prefer: respond-async`), or a repeat of one still queued: follow `statusUrl`.'
          ),
          ...problemResponses(400, 401, 409, 413, 415, 422, 429, 502, 503)
        }
      }
    },
    async function importOrder (request, reply) {
      const source = request.headers['x-import-source'] === 'cli' ? 'cli' : 'api'
      if (prefersAsync(request.headers.prefer)) {
        const accepted = await app.orderImport.acceptForWorker(request.body, { tenant: request.tenant!, log: request.log, source })
        reply.header('preference-applied', 'respond-async')
        reply.header('location', `/v1/imports/${accepted.body.importId}`)
        if (accepted.replayed) reply.header('idempotent-replayed', 'true')
        return reply.code(accepted.status).send(accepted.body)
      }
      const result = await app.orderImport.importNow(request.body, request.tenant!, request.log, { source })
      reply.header('location', `/v1/imports/${result.body.importId}`)
      if (result.replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(result.status).send(result.body)
    }
  )

  addPreviewRoute(app)

  app.post(
    '/orders/authorize',
    {
      schema: {
        tags: ['orders'],
        operationId: 'authorizeTranslatedOrder',
        summary: "Authorize an order's payment with Kibo's translated Create Order Authorize (translated-v2 tenants)",
        description:
          'Calls `/api/v2/createOrder/authorize` for one payment of the order (`paymentIndex`, default 0) and keeps the ' +
          "orderID and authToken; the later import of the same externalId sends that authToken as the payment's " +
          '`authorizationID`. Asked once per payment: a repeat answers 200 with the stored result and does not hold the ' +
          'payment again. Split orders cannot be authorized (each split order needs its own authorization).',
        security,
        querystring: z.object({ paymentIndex: z.coerce.number().int().min(0).max(19).default(0) }),
        body: OrderEventSchema,
        response: {
          201: TranslatedAuthorizationSchema.describe('Authorized now.'),
          200: TranslatedAuthorizationSchema.describe('Authorized before: the stored result (header `Idempotent-Replayed: true`).'),
          ...problemResponses(400, 401, 409, 422, 502, 503)
        }
      }
    },
    async function authorizeTranslatedOrder (request, reply) {
      const tenant = request.tenant!
      const event = request.body
      const { paymentIndex } = request.query
      if (tenant.translated === null) {
        throw new ProblemError({
          type: problemType('not-translated-target'),
          title: 'Not a translated-v2 tenant',
          status: 409,
          detail: `Tenant ${tenant.name} imports through the OMS API, which takes pre-authorized payments; Create Order ` +
            'Authorize is for translated-v2 tenants.'
        })
      }
      const key = { tenantId: tenant.tenantId, siteId: tenant.siteId, externalId: event.data.externalId }
      const body = (stored: TranslatedAuthorization) => ({
        externalId: stored.externalId,
        paymentIndex: stored.paymentIndex,
        orderID: stored.orderId,
        authToken: stored.authToken,
        amount: stored.amount
      })
      const stored = (await app.translatedAuthorizations.find(key)).find((authorization) => authorization.paymentIndex === paymentIndex)
      if (stored !== undefined) return reply.code(200).header('idempotent-replayed', 'true').send(body(stored))
      const existing = await app.imports.findImport(key)
      if (existing !== null && existing.status === 'imported') {
        throw new ProblemError({
          type: problemType('already-imported'),
          title: 'The order is already imported',
          status: 409,
          detail: `externalId ${JSON.stringify(key.externalId)} was imported (import ${existing.importId}); an authorization ` +
            'now would not reach it.'
        })
      }
      const mapped = tenant.translated.map(event)
      if (!mapped.ok) throw new ProblemError(mapped.problem)
      if (mapped.split) {
        throw new ProblemError({
          type: problemType('translated-unsupported'),
          title: 'Split orders cannot be authorized',
          status: 422,
          detail:
            'Create Order Authorize does not support split orders: the payment token belongs to one order ID. Authorize each ' +
              'split order separately.'
        })
      }
      const built = buildTranslatedAuthorizeRequest(event, tenant.translated.options, { paymentIndex })
      if (!built.ok) throw new ProblemError(built.problem)
      let result
      try {
        result = await tenant.translated.client.authorizeTranslatedOrder(built.request)
      } catch (error) {
        throw new ProblemError(translatedErrorToProblem(error))
      }
      const saved = await app.translatedAuthorizations.save({
        ...key,
        paymentIndex,
        orderId: result.authorization.orderID,
        authToken: result.authorization.authToken,
        paymentMethodToken: result.authorization.paymentMethodToken ?? null,
        amount: String(built.request.amount)
      })
      request.log.info(
        {
          externalId: key.externalId,
          tenant: tenant.name,
          paymentIndex,
          orderID: saved.authorization.orderId,
          kiboCorrelationId: result.correlationId
        },
        'payment authorized (translated API)'
      )
      return reply.code(saved.created ? 201 : 200).send(body(saved.authorization))
    }
  )

  app.put(
    '/orders/:externalId/restrictions',
    {
      schema: {
        tags: ['orders'],
        operationId: 'setOrderRestrictions',
        summary: "Set Kibo's edit and cancellation restrictions of an imported order",
        description:
          'Calls Kibo `updateorderrestrictions` for the order imported under this externalId. 200 when Kibo confirmed them; 202 when ' +
          'Kibo could not be reached now: they are stored on the import record and retried with backoff (follow `statusUrl`). ' +
          'Fields left out keep their current value.',
        security,
        params: z.object({ externalId: z.string().min(1).max(100) }),
        body: RestrictionsBodySchema,
        response: { 200: RestrictionsResponseSchema, 202: RestrictionsResponseSchema, ...problemResponses(400, 401, 404, 409, 422) }
      }
    },
    async function setOrderRestrictions (request, reply) {
      const tenant = request.tenant!
      const record = await app.imports.findImport({
        tenantId: tenant.tenantId,
        siteId: tenant.siteId,
        externalId: request.params.externalId
      })
      if (record === null) {
        throw new ProblemError({
          type: problemType('not-found'),
          title: 'No such order',
          status: 404,
          detail: `No order with externalId ${JSON.stringify(request.params.externalId)} was sent to this tenant.`
        })
      }
      if (record.status !== 'imported' || record.kiboOrderId === null) {
        throw new ProblemError(
          {
            type: problemType('not-imported-yet'),
            title: 'The order is not in Kibo yet',
            status: 409,
            detail: `Import ${record.importId} is ${record.status}; restrictions can be set once it is imported.`,
            importId: record.importId
          },
          { 'retry-after': '5' }
        )
      }
      const current = record.restrictions
      const wanted: { edit?: boolean; cancellation?: boolean } = {}
      const edit = request.body.edit ?? current?.edit
      const cancellation = request.body.cancellation ?? current?.cancellation
      if (typeof edit === 'boolean') wanted.edit = edit
      if (typeof cancellation === 'boolean') wanted.cancellation = cancellation
      const result = await app.restrictions.set(record, wanted, request.log)
      if (result.error?.kind === 'validation') throw new ProblemError({ ...kiboErrorToProblem(result.error), importId: record.importId })
      return reply.code(result.applied ? 200 : 202).send({
        importId: record.importId,
        externalId: record.externalId,
        kiboOrderId: record.kiboOrderId,
        restrictions: { ...wanted, status: result.applied ? 'applied' : 'pending' },
        statusUrl: `/v1/imports/${record.importId}`
      })
    }
  )
}

export default orderRoutes
