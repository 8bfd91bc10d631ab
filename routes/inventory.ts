// Inventory sync: adjustments (signed deltas) and refreshes (absolute quantities) forwarded to
// Kibo's adjust/refresh jobs, their progress, and the many-SKU availability query.
//
// JSON bodies go through the app's strict JSON parser. The /upload routes take NDJSON or CSV and
// read it from request.raw line by line: their content-type parsers are registered here only
// (this plugin is encapsulated) and consume nothing, so no body is ever buffered whole.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AdjustRequestSchema,
  IdempotencyHeadersSchema,
  InventoryJobAcceptedSchema,
  InventoryJobViewSchema,
  InventoryQueryRequestSchema,
  InventoryQueryResponseSchema,
  RefreshRequestSchema,
  INVENTORY_BATCH_STATUS_VALUES,
  type InventoryJobView
} from '../schemas/inventory.ts'
import { problemType } from '../schemas/problem.ts'
import { ProblemError } from '../src/plugins/problems.ts'
import { KiboError, kiboErrorToProblem } from '../src/kibo/errors.ts'
import { jsonLines } from '../src/inventory/intake.ts'
import { uploadItems, type UploadFormat } from '../src/inventory/upload.ts'
import type { InventoryJobRecord, InventoryKind } from '../src/store/inventory-store.ts'
import type { KiboTenant } from '../src/kibo/tenants.ts'
import { problemResponses } from './responses.ts'

const security: Array<Record<string, string[]>> = [{ bearerApiKey: [] }, { headerApiKey: [] }]
const JobIdParams = z.object({ id: z.string().regex(/^inv_[0-9A-Z]{26}$/, 'must be an inventory job id (inv_ followed by 26 characters)') })

const uploadMediaTypes: Record<string, UploadFormat> = { 'application/x-ndjson': 'ndjson', 'text/csv': 'csv' }

function acceptedBody (record: InventoryJobRecord) {
  return {
    jobId: record.jobId,
    kind: record.kind,
    status: record.status,
    itemCount: record.itemCount,
    batchCount: record.batchCount,
    statusUrl: `/v1/inventory/jobs/${record.jobId}`
  }
}

const inventoryResponses = {
  202: InventoryJobAcceptedSchema.describe('Accepted: stored and queued for Kibo'),
  200: InventoryJobAcceptedSchema.describe(
    'Idempotent replay: this Idempotency-Key was already used for the same items (header Idempotent-Replayed: true)'
  )
}

const inventoryRoutes: FastifyPluginAsyncZod = async function inventoryRoutes (app) {
  app.addHook('onRequest', app.requireApiKey)

  // Uploads: the parser consumes nothing; the handler reads request.raw as it arrives.
  app.addContentTypeParser(Object.keys(uploadMediaTypes), function passThrough (_request, _payload, done) {
    done(null, undefined)
  })

  function reply202 (reply: FastifyReply, result: { outcome: 'created' | 'replayed'; record: InventoryJobRecord }) {
    const location = `/v1/inventory/jobs/${result.record.jobId}`
    if (result.outcome === 'replayed') {
      return reply.code(200).header('location', location).header('idempotent-replayed', 'true').send(acceptedBody(result.record))
    }
    return reply.code(202).header('location', location).send(acceptedBody(result.record))
  }

  /** Set by requireApiKey from the caller's key (or the only tenant when the API is open). */
  function tenantOf (request: FastifyRequest): KiboTenant {
    if (request.tenant === undefined) {
      throw new ProblemError({
        type: problemType('unauthorized'),
        title: 'No tenant',
        status: 401,
        detail: 'This call could not be tied to a Kibo tenant; send an API key.'
      })
    }
    return request.tenant
  }

  function idempotencyKey (request: FastifyRequest): string | null {
    const value = (request.headers as Record<string, unknown>)['idempotency-key']
    return typeof value === 'string' ? value : null
  }

  for (const [kind, path, schema, summary] of [
    ['adjust', '/inventory/adjustments', AdjustRequestSchema, 'Adjust stock by signed deltas (received, damaged, returned)'],
    ['refresh', '/inventory/refresh', RefreshRequestSchema, 'Set absolute stock quantities from a master system']
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: ['inventory'],
          operationId: kind === 'adjust' ? 'adjustInventory' : 'refreshInventory',
          summary,
          description:
            `Items are grouped by locationCode and sent to Kibo's ${kind} job endpoint in batches of at most ` +
            `${kind === 'adjust' ? 'INVENTORY_ADJUST_BATCH_SIZE (1 000)' : 'INVENTORY_REFRESH_BATCH_SIZE (3 000)'} items; ` +
            'the job is followed until Kibo finishes it. ' +
            'Send an Idempotency-Key to make retries safe. For large sets use the /upload variant (NDJSON or CSV, streamed).',
          security,
          headers: IdempotencyHeadersSchema,
          body: schema,
          response: { ...inventoryResponses, ...problemResponses(400, 401, 409, 413, 415, 422) }
        }
      },
      async (request, reply) => {
        const result = await app.inventory.accept(tenantOf(request), {
          kind,
          source: 'json',
          idempotencyKey: idempotencyKey(request),
          lines: jsonLines(request.body.items)
        })
        return reply202(reply, result)
      }
    )

    app.post(
      `${path}/upload`,
      {
        schema: {
          tags: ['inventory'],
          operationId: kind === 'adjust' ? 'uploadInventoryAdjustments' : 'uploadInventoryRefresh',
          summary: `${summary}: a large NDJSON or CSV upload, streamed`,
          description:
            'Content-Type `application/x-ndjson`: one JSON item per line, the same item as in the JSON body. ' +
            'Content-Type `text/csv`: a header row ' +
            `(${kind === 'adjust' ? 'locationCode,partNumber,upc,quantity,reason' : 'locationCode,partNumber,upc,quantity'}; ` +
            'partNumber or upc may be left out), then one item per row. ' +
            'The body is read line by line and written in batches as it arrives (never held in memory); ' +
            'at most INVENTORY_UPLOAD_MAX_BYTES. ' +
            'If any line is invalid nothing is accepted and the first 20 problems are listed by line number.',
          security,
          headers: IdempotencyHeadersSchema,
          response: { ...inventoryResponses, ...problemResponses(400, 401, 409, 413, 415, 422) }
        }
      },
      async (request, reply) => {
        const mediaType = String(request.headers['content-type'] ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase()
        const format = uploadMediaTypes[mediaType]
        if (format === undefined) {
          throw new ProblemError({
            type: problemType('unsupported-media-type'),
            title: 'Unsupported media type',
            status: 415,
            detail: 'Send the upload as application/x-ndjson or text/csv; got ' +
              `${JSON.stringify(request.headers['content-type'] ?? 'no Content-Type')}.`
          })
        }
        const lines = uploadItems(kind as InventoryKind, format, request.raw, app.config.inventory.uploadMaxBytes)
        const result = await app.inventory.accept(tenantOf(request), {
          kind,
          source: format,
          idempotencyKey: idempotencyKey(request),
          lines
        })
        return reply202(reply, result)
      }
    )
  }

  app.get(
    '/inventory/jobs/:id',
    {
      schema: {
        tags: ['inventory'],
        operationId: 'getInventoryJob',
        summary: 'Follow an inventory job: its batches, their Kibo jobs and per-item errors',
        security,
        params: JobIdParams,
        querystring: z.object({
          errorsLimit: z.coerce.number().int().min(0).max(1000).default(100).meta({ description: 'How many per-item errors to list' }),
          errorsOffset: z.coerce.number().int().min(0).default(0)
        }),
        response: { 200: InventoryJobViewSchema, ...problemResponses(400, 401, 404) }
      }
    },
    async (request): Promise<InventoryJobView> => {
      const record = await app.inventory.ownJob(tenantOf(request), request.params.id)
      if (record === null) {
        throw new ProblemError({
          type: problemType('not-found'),
          title: 'No such inventory job',
          status: 404,
          detail: `There is no inventory job ${request.params.id} for this tenant and site.`
        })
      }
      const [batches, errors, errorsByBatch] = await Promise.all([
        app.inventory.store.listBatches(record.jobId),
        app.inventory.store.itemErrors(record.jobId, request.query.errorsLimit, request.query.errorsOffset),
        app.inventory.store.itemErrorCountsByBatch(record.jobId)
      ])
      const batchCounts = Object.fromEntries(INVENTORY_BATCH_STATUS_VALUES.map((status) => [status, 0])) as Record<
        (typeof INVENTORY_BATCH_STATUS_VALUES)[number],
        number
      >
      const items = { pending: 0, inKibo: 0, done: 0, failed: 0 }
      for (const batch of batches) {
        batchCounts[batch.status]++
        if (batch.status === 'pending' || batch.status === 'submitting') items.pending += batch.itemCount
        else if (batch.status === 'submitted') items.inKibo += batch.itemCount
        else if (batch.status === 'completed') {
          // Kibo completed the batch but reported some of its items (ITEM_NOT_FOUND).
          const errored = Math.min(batch.itemCount, errorsByBatch.get(batch.batchNo) ?? 0)
          items.done += batch.itemCount - errored
          items.failed += errored
        } else items.failed += batch.itemCount
      }
      return {
        jobId: record.jobId,
        kind: record.kind,
        source: record.source,
        status: record.status,
        idempotencyKey: record.idempotencyKey,
        itemCount: record.itemCount,
        batchCount: record.batchCount,
        progress: { batches: batchCounts, items },
        batches: batches.map((batch) => ({
          batchNo: batch.batchNo,
          locationCode: batch.locationCode,
          itemCount: batch.itemCount,
          status: batch.status,
          attempts: batch.attempts,
          kiboJobId: batch.kiboJobId,
          kiboStatus: batch.kiboStatus,
          lastError: batch.lastError ?? null,
          submittedAt: batch.submittedAt,
          finishedAt: batch.finishedAt
        })),
        itemErrors: errors.items,
        itemErrorsTotal: errors.total,
        lastError: record.lastError ?? null,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        finishedAt: record.finishedAt
      }
    }
  )

  app.post(
    '/inventory/query',
    {
      schema: {
        tags: ['inventory'],
        operationId: 'queryInventory',
        summary: 'Availability of many products across locations, in one Kibo call',
        description: "Kibo's POST inventory query. `available` is what can be sold (onHand less what is allocated to open orders).",
        security,
        body: InventoryQueryRequestSchema,
        response: { 200: InventoryQueryResponseSchema, ...problemResponses(400, 401, 415, 422, 502, 503) }
      }
    },
    async (request) => {
      const { items, locationCodes, type } = request.body
      let records
      try {
        records = await app.inventory.query(tenantOf(request), {
          type,
          items: items.map((item) => (item.partNumber !== undefined ? { partNumber: item.partNumber } : { upc: item.upc! })),
          ...(locationCodes !== undefined ? { locationWhitelist: locationCodes } : {})
        })
      } catch (error) {
        if (error instanceof KiboError && error.errorCode === 'LOCATION_NOT_FOUND') {
          throw new ProblemError({
            type: problemType('inventory-location-not-found'),
            title: 'Unknown location',
            status: 422,
            detail: error.kiboMessage ?? 'A locationCode is not a Kibo location (or not active).',
            errorCode: 'LOCATION_NOT_FOUND',
            ...(error.correlationId !== undefined ? { correlationId: error.correlationId } : {})
          })
        }
        if (error instanceof KiboError) {
          const problem = kiboErrorToProblem(error)
          throw new ProblemError(error.kind === 'validation' ? { ...problem, title: 'Kibo refused the inventory query' } : problem)
        }
        throw error
      }
      const whole = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0)
      const levels = records.map((record) => ({
        locationCode: String(record.locationCode ?? ''),
        partNumber: typeof record.partNumber === 'string' ? record.partNumber : null,
        upc: typeof record.upc === 'string' ? record.upc : null,
        sku: typeof record.sku === 'string' ? record.sku : null,
        onHand: whole(record.onHand),
        available: whole(record.available),
        allocated: whole(record.allocated)
      }))
      const notFound = items
        .filter(
          (item) => !levels.some((level) => (item.partNumber !== undefined ? level.partNumber === item.partNumber : level.upc === item.upc))
        )
        .map((item) => ({
          ...(item.partNumber !== undefined ? { partNumber: item.partNumber } : { upc: item.upc! }),
          code: 'ITEM_NOT_FOUND' as const
        }))
      return { items: levels, notFound }
    }
  )
}

export default inventoryRoutes
