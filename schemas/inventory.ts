// Inventory sync: request and response bodies of /v1/inventory/*. The same item schemas check
// JSON bodies and every line of an NDJSON/CSV upload.
import { z } from 'zod'

const code = (what: string) => z.string().trim().min(1, `${what} must not be empty`).max(100, `${what} must be at most 100 characters`)
const upc = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,50}$/, 'upc must be 1 to 50 letters, digits or dashes')

/** Kibo stores whole units; anything else is refused here rather than rounded. */
const wholeNumber = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(-1_000_000_000, `${what} must be at least -1000000000`)
    .max(1_000_000_000, `${what} must be at most 1000000000`)

const identity = {
  locationCode: code('locationCode').meta({ description: 'Kibo location code (exact match)', example: 'WH-EAST' }),
  partNumber: code('partNumber').optional().meta({ description: 'Product part number; give it or `upc`', example: 'TSHIRT-RED-M' }),
  upc: upc.optional().meta({ description: 'Universal Product Code; give it or `partNumber`', example: '012345678905' })
}

function oneIdentifier (item: { partNumber?: string | undefined; upc?: string | undefined }, ctx: z.RefinementCtx) {
  if ((item.partNumber === undefined) === (item.upc === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['partNumber'], message: 'give exactly one of partNumber and upc' })
  }
}

export const ADJUST_REASONS = ['received', 'damaged', 'returned', 'correction'] as const

export const AdjustItemSchema = z
  .strictObject({
    ...identity,
    quantity: wholeNumber('quantity').meta({ description: 'Signed change: +5 received, -2 damaged', example: 5 }),
    reason: z
      .enum(ADJUST_REASONS)
      .optional()
      .meta({ description: 'Why; received and returned must be positive, damaged negative (kept by this service, not sent to Kibo)' })
  })
  .superRefine((item, ctx) => {
    oneIdentifier(item, ctx)
    if (item.quantity === 0) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'an adjustment of 0 changes nothing' })
    if ((item.reason === 'received' || item.reason === 'returned') && item.quantity < 0) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: `${item.reason} quantities are positive` })
    }
    if (item.reason === 'damaged' && item.quantity > 0) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'damaged quantities are negative' })
    }
  })
  .meta({ id: 'InventoryAdjustItem' })

export const RefreshItemSchema = z
  .strictObject({
    ...identity,
    quantity: wholeNumber('quantity').min(0, 'quantity must be at least 0').meta({ description: 'Absolute on-hand quantity', example: 100 })
  })
  .superRefine(oneIdentifier)
  .meta({ id: 'InventoryRefreshItem' })

export type AdjustItem = z.output<typeof AdjustItemSchema>
export type RefreshItem = z.output<typeof RefreshItemSchema>
export type InventoryItem = AdjustItem | RefreshItem

/** Larger sets: upload NDJSON or CSV (streamed). */
export const MAX_JSON_ITEMS = 50_000

export const AdjustRequestSchema = z
  .strictObject({ items: z.array(AdjustItemSchema).min(1).max(MAX_JSON_ITEMS) })
  .meta({
    id: 'InventoryAdjustRequest',
    description: 'Signed deltas per location and product; forwarded to Kibo adjust jobs of at most 1 000 items'
  })

export const RefreshRequestSchema = z
  .strictObject({ items: z.array(RefreshItemSchema).min(1).max(MAX_JSON_ITEMS) })
  .meta({ id: 'InventoryRefreshRequest', description: 'Absolute quantities per location and product; forwarded to Kibo refresh jobs' })

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'Idempotency-Key must be 1 to 255 visible ASCII characters')
    .optional()
    .meta({ description: 'Same key and same items: the same job is returned. Same key, different items: 422.' })
})

export const INVENTORY_JOB_STATUS_VALUES = ['receiving', 'queued', 'running', 'completed', 'completed_with_errors', 'failed'] as const
export const INVENTORY_BATCH_STATUS_VALUES = ['pending', 'submitting', 'submitted', 'completed', 'failed', 'unknown'] as const

export const InventoryJobAcceptedSchema = z
  .object({
    jobId: z.string().meta({ example: 'inv_01JD6K6Z4Q1B8X0Q4B7W3N2M5P' }),
    kind: z.enum(['adjust', 'refresh']),
    status: z.enum(INVENTORY_JOB_STATUS_VALUES),
    itemCount: z.number().int(),
    batchCount: z.number().int().meta({ description: 'Kibo calls it was cut into (one location each, at most the batch size)' }),
    statusUrl: z.string().meta({ example: '/v1/inventory/jobs/inv_01JD6K6Z4Q1B8X0Q4B7W3N2M5P' })
  })
  .meta({ id: 'InventoryJobAccepted', description: 'Stored; it is sent to Kibo and followed until Kibo finishes it.' })

export const InventoryItemErrorSchema = z
  .object({
    batchNo: z.number().int(),
    locationCode: z.string(),
    partNumber: z.string().nullable(),
    upc: z.string().nullable(),
    sku: z.string().nullable(),
    code: z.string().meta({ description: 'ITEM_NOT_FOUND, LOCATION_NOT_FOUND, or another Kibo code', example: 'ITEM_NOT_FOUND' }),
    message: z.string()
  })
  .meta({ id: 'InventoryItemError' })

export const InventoryBatchViewSchema = z
  .object({
    batchNo: z.number().int(),
    locationCode: z.string(),
    itemCount: z.number().int(),
    status: z.enum(INVENTORY_BATCH_STATUS_VALUES).meta({
      description:
        'pending → submitting → submitted (Kibo job queued) → completed; failed (Kibo refused it) or unknown (Kibo may have ' +
          'applied it; not resent)'
    }),
    attempts: z.number().int(),
    kiboJobId: z.number().int().nullable(),
    kiboStatus: z.string().nullable().meta({ description: "Kibo's job status as last seen", example: 'IN_PROGRESS' }),
    lastError: z.unknown(),
    submittedAt: z.string().nullable(),
    finishedAt: z.string().nullable()
  })
  .meta({ id: 'InventoryBatch' })

const counts = <T extends readonly string[]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as { [K in T[number]]: z.ZodNumber })

export const InventoryJobViewSchema = z
  .object({
    jobId: z.string(),
    kind: z.enum(['adjust', 'refresh']),
    source: z.enum(['json', 'ndjson', 'csv']),
    status: z.enum(INVENTORY_JOB_STATUS_VALUES).meta({
      description: 'queued → running → completed | completed_with_errors (some items or batches failed) | failed (nothing applied)'
    }),
    idempotencyKey: z.string().nullable(),
    itemCount: z.number().int(),
    batchCount: z.number().int(),
    progress: z.object({
      batches: counts(INVENTORY_BATCH_STATUS_VALUES),
      items: z.object({
        pending: z.number().int().meta({ description: 'In batches not yet accepted by Kibo' }),
        inKibo: z.number().int().meta({ description: 'In Kibo jobs not finished yet' }),
        done: z.number().int().meta({ description: 'In Kibo jobs that completed (less itemErrors)' }),
        failed: z.number().int().meta({ description: 'In batches Kibo refused or whose outcome is unknown, plus per-item errors' })
      })
    }),
    batches: z.array(InventoryBatchViewSchema),
    itemErrors: z.array(InventoryItemErrorSchema).meta({ description: 'A page of per-item errors (see errorsLimit / errorsOffset)' }),
    itemErrorsTotal: z.number().int(),
    lastError: z.unknown(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable()
  })
  .meta({ id: 'InventoryJob' })

export type InventoryJobView = z.output<typeof InventoryJobViewSchema>

export const InventoryQueryRequestSchema = z
  .strictObject({
    items: z
      .array(z.strictObject({ partNumber: identity.partNumber, upc: identity.upc }).superRefine(oneIdentifier))
      .min(1)
      .max(500)
      .meta({ description: 'Products to look up (one Kibo call)' }),
    locationCodes: z
      .array(code('locationCode'))
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'Only these locations (default: every location)' }),
    type: z.enum(['ALL', 'PARTIAL', 'ANY', 'ALL_STORES']).default('ANY').meta({ description: "Kibo's InventoryRequest type" })
  })
  .meta({ id: 'InventoryQueryRequest' })

export const InventoryQueryResponseSchema = z
  .object({
    items: z.array(
      z
        .object({
          locationCode: z.string(),
          partNumber: z.string().nullable(),
          upc: z.string().nullable(),
          sku: z.string().nullable(),
          onHand: z.number().int(),
          available: z.number().int(),
          allocated: z.number().int()
        })
        .meta({ id: 'InventoryLevel' })
    ),
    notFound: z
      .array(z.object({ partNumber: z.string().optional(), upc: z.string().optional(), code: z.literal('ITEM_NOT_FOUND') }))
      .meta({ description: 'Requested products Kibo returned no inventory record for' })
  })
  .meta({ id: 'InventoryQueryResponse' })
