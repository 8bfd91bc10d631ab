// The import records: follow one, list them, and send failed or dead ones back to the queue.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  IMPORT_STATUS_VALUES,
  ImportPageSchema,
  ImportSummarySchema,
  ImportViewSchema,
  QueuedResponseSchema,
  type ImportView
} from '../schemas/imports.ts'
import type { OrderEvent } from '../schemas/order-event.ts'
import { problemType } from '../schemas/problem.ts'
import { ProblemError } from '../src/plugins/problems.ts'
import { queuedBody } from '../src/orders/order-import.ts'
import { ImportStateError, InvalidCursorError, type ImportRecord } from '../src/store/index.ts'
import { problemResponses } from './responses.ts'

const security: Array<Record<string, string[]>> = [{ bearerApiKey: [] }, { headerApiKey: [] }]
const ImportIdParams = z.object({
  importId: z.string().regex(/^imp_[0-9A-Z]{26}$/, 'must be an import id (imp_ followed by 26 characters)')
})

/** The record as callers see it: everything but the stored event (it holds card tokens). */
export function importView (record: ImportRecord): ImportView {
  return {
    importId: record.importId,
    externalId: record.externalId,
    tenantId: record.tenantId,
    siteId: record.siteId,
    status: record.status,
    mode: record.mode,
    attempts: record.attempts,
    kiboOrderId: record.kiboOrderId,
    kiboOrderNumber: record.kiboOrderNumber,
    kiboCorrelationId: record.kiboCorrelationId,
    lastError: record.lastError ?? null,
    webhookId: record.webhookId,
    source: record.source,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    importedAt: record.importedAt,
    failedAt: record.failedAt,
    nextAttemptAt: record.nextAttemptAt,
    restrictions: record.restrictions
  }
}

const ReceivedRange = {
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Received at or after this time (RFC 3339)' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Received before this time (RFC 3339)' })
}

/** A from after its to is a mistake the caller should hear about, not an empty page. */
function checkRange (range: { from?: string; to?: string }): void {
  if (range.from !== undefined && range.to !== undefined && Date.parse(range.from) >= Date.parse(range.to)) {
    throw new ProblemError({
      type: problemType('invalid-request'),
      title: 'Invalid time range',
      status: 400,
      detail: 'from must be earlier than to',
      errors: [{ path: 'from', message: 'must be earlier than to' }]
    })
  }
}

/** Keys whose values are payment secrets (card tokens, PayPal EC tokens, gateway request tokens). */
const secretKey = /token|cardNumberPartOrMask|paymentServiceCardId|externalTransactionId|authorizationId|customerProfileId|cvv/i

/**
 * The payload with every payment secret replaced: string values under a secret-looking key, and
 * `{ key, value }` pairs (Kibo's gatewayResponseData) whose key names a secret.
 */
export function withoutSecrets (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>)
  const pairKey = (value as Record<string, unknown>).key
  const secretPair = typeof pairKey === 'string' && secretKey.test(pairKey)
  return Object.fromEntries(
    entries.map(([key, inner]) => {
      if ((secretKey.test(key) || (secretPair && key === 'value')) && typeof inner === 'string') {
        return [key, '[redacted]']
      }
      return [key, withoutSecrets(inner)]
    })
  )
}

function notFound (importId: string): ProblemError {
  return new ProblemError({
    type: problemType('not-found'),
    title: 'No such import',
    status: 404,
    detail: `There is no import ${importId} for this tenant and site.`
  })
}

const importRoutes: FastifyPluginAsyncZod = async function importRoutes (app) {
  app.addHook('onRequest', app.requireApiKey)

  /** An import of the caller's tenant and site, or a 404 (another tenant's imports do not exist for it). */
  async function ownImport (request: FastifyRequest, importId: string): Promise<ImportRecord> {
    const record = await app.imports.getImport(importId)
    if (record === null || !isOwn(request, record)) throw notFound(importId)
    return record
  }
  const isOwn = (request: FastifyRequest, record: ImportRecord) =>
    record.tenantId === request.tenant!.tenantId && record.siteId === request.tenant!.siteId

  app.get(
    '/imports/:importId',
    {
      schema: {
        tags: ['imports'],
        operationId: 'getImport',
        summary: 'Follow one import: its state, last error and full history',
        security,
        params: ImportIdParams,
        response: { 200: ImportViewSchema, ...problemResponses(400, 401, 404) }
      }
    },
    async (request) => {
      const record = await ownImport(request, request.params.importId)
      const history = await app.imports.getImportEvents(record.importId)
      return { ...importView(record), history: history.map((event) => ({ at: event.at, kind: event.kind, detail: event.detail })) }
    }
  )

  app.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        operationId: 'listImports',
        summary: 'List imports, newest first, filtered by status, externalId or source',
        security,
        querystring: z.object({
          status: z.enum(IMPORT_STATUS_VALUES).optional(),
          externalId: z.string().min(1).max(100).optional(),
          source: z
            .string()
            .min(1)
            .max(300)
            .optional()
            .meta({ description: "Only imports from this intake path: 'api', 'webhook', 'cli' or 'shopify:<shop>.myshopify.com'" }),
          cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
          limit: z.coerce.number().int().min(1).max(1000).default(50),
          ...ReceivedRange
        }),
        response: { 200: ImportPageSchema, ...problemResponses(400, 401) }
      }
    },
    async (request) => {
      const { status, externalId, source, cursor, limit, from, to } = request.query
      checkRange({ from, to })
      try {
        const page = await app.imports.listImports({
          status,
          externalId,
          source,
          cursor: cursor ?? null,
          limit,
          from,
          to,
          tenantId: request.tenant!.tenantId,
          siteId: request.tenant!.siteId
        })
        return { items: page.items.map(importView), nextCursor: page.nextCursor }
      } catch (error) {
        if (error instanceof InvalidCursorError) {
          throw new ProblemError({
            type: problemType('invalid-request'),
            title: 'Invalid cursor',
            status: 400,
            detail: 'cursor must be a nextCursor value from a previous page',
            errors: [{ path: 'cursor', message: 'is not a cursor this service issued' }]
          })
        }
        throw error
      }
    }
  )

  app.get(
    '/imports/summary',
    {
      schema: {
        tags: ['imports'],
        operationId: 'summarizeImports',
        summary: "The caller's imports counted per status, and the age of the oldest queued one",
        security,
        querystring: z.object(ReceivedRange),
        response: { 200: ImportSummarySchema, ...problemResponses(400, 401) }
      }
    },
    async (request) => {
      checkRange(request.query)
      return app.imports.summarizeImports({
        tenantId: request.tenant!.tenantId,
        siteId: request.tenant!.siteId,
        from: request.query.from,
        to: request.query.to
      })
    }
  )

  app.get(
    '/imports/:importId/kibo-payload',
    {
      schema: {
        tags: ['imports'],
        operationId: 'getImportKiboPayload',
        summary: 'The Kibo payload for the stored event of an import, payment secrets redacted',
        description:
          'Maps the event as it was received with the current mapping (the same as POST /v1/orders/preview would). Card tokens, ' +
          'PayPal tokens and gateway request tokens are replaced by "[redacted]".',
        security,
        params: ImportIdParams,
        response: {
          200: z
            .object({
              kiboOrder: z.record(z.string(), z.unknown()).optional().meta({ description: 'Tenants with target oms' }),
              translatedOrders: z
                .array(
                  z.object({
                    group: z.string().optional(),
                    lineIds: z.array(z.string()).optional(),
                    request: z.record(z.string(), z.unknown())
                  })
                )
                .optional()
                .meta({ description: 'Tenants with target translated-v2: one request per (child) order' })
            })
            .meta({ id: 'ImportKiboPayload' }),
          ...problemResponses(400, 401, 404, 422)
        }
      }
    },
    async (request) => {
      const record = await ownImport(request, request.params.importId)
      const tenant = request.tenant!
      const event = record.event as OrderEvent
      if (tenant.translated !== null) {
        const translated = tenant.translated.map(event)
        if (!translated.ok) throw new ProblemError(translated.problem)
        const orders = translated.split
          ? translated.orders.map((order) => ({ group: order.group, lineIds: order.lineIds, request: order.request }))
          : [{ request: translated.request }]
        return {
          translatedOrders: orders.map((order) => ({ ...order, request: withoutSecrets(order.request) as Record<string, unknown> }))
        }
      }
      const mapped = tenant.map(event)
      if (!mapped.ok) throw new ProblemError(mapped.problem)
      return { kiboOrder: withoutSecrets(mapped.kiboOrder) as Record<string, unknown> }
    }
  )

  async function retry (record: ImportRecord, requestedBy: string): Promise<ImportRecord> {
    // Back to queued, then a job: if the process dies in between, the sweeper sends the job.
    const queued = await app.imports.requeue(record.importId, { requestedBy })
    await app.importWorker.enqueue(queued.importId)
    return queued
  }

  app.post(
    '/imports/:importId/retry',
    {
      schema: {
        tags: ['imports'],
        operationId: 'retryImport',
        summary: 'Send a failed or dead import back to the queue',
        description:
          'OMS tenants: Kibo is asked by externalId before anything is created, so a retry never makes a second order. ' +
          "Translated-v2 tenants: that API has no look-up, so this call is the operator's statement that the order is not in " +
            'Kibo; it is sent again.',
        security,
        params: ImportIdParams,
        response: { 202: QueuedResponseSchema, ...problemResponses(400, 401, 404, 409) }
      }
    },
    async (request, reply) => {
      const record = await ownImport(request, request.params.importId)
      try {
        const queued = await retry(record, request.apiKeyId ?? 'api')
        return reply.code(202).header('location', `/v1/imports/${queued.importId}`).send(queuedBody(queued))
      } catch (error) {
        if (error instanceof ImportStateError) {
          throw new ProblemError({
            type: problemType('import-not-retryable'),
            title: 'Only failed or dead imports can be retried',
            status: 409,
            detail: `Import ${record.importId} is ${record.status}.`,
            importId: record.importId
          })
        }
        throw error
      }
    }
  )

  app.post(
    '/imports/retry',
    {
      schema: {
        tags: ['imports'],
        operationId: 'retryImports',
        summary: 'Send dead (or failed) imports back to the queue in bulk',
        security,
        body: z
          .object({
            status: z.enum(['dead', 'failed']).default('dead'),
            limit: z.number().int().min(1).max(1000).default(100),
            ...ReceivedRange
          })
          .strict()
          .default({ status: 'dead', limit: 100 }),
        response: {
          202: z.object({ requeued: z.number().int(), importIds: z.array(z.string()) }).meta({ id: 'BulkRetry' }),
          ...problemResponses(400, 401)
        }
      }
    },
    async (request, reply) => {
      const { status, limit, from, to } = request.body
      checkRange({ from, to })
      const importIds: string[] = []
      for (const importId of await app.imports.listRetryable(status, limit, request.tenant!, { from, to })) {
        const record = await app.imports.getImport(importId)
        if (record === null || !isOwn(request, record)) continue
        try {
          importIds.push((await retry(record, request.apiKeyId ?? 'api')).importId)
        } catch (error) {
          if (!(error instanceof ImportStateError)) throw error // changed meanwhile: skip it
        }
      }
      return reply.code(202).send({ requeued: importIds.length, importIds })
    }
  )
}

export default importRoutes
