// Response bodies of the import routes (contract section "Responses").
import { z } from 'zod'

export const ImportedResponseSchema = z
  .object({
    importId: z.string().meta({ description: 'Our id of this import', example: 'imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P' }),
    externalId: z.string().meta({ description: 'The storefront order number', example: 'SO-100234' }),
    kiboOrderId: z.string().meta({ description: 'The Kibo order id', example: '1a2b3c4d5e6f40718293a4b5c6d7e8f9' }),
    kiboOrderNumber: z.number().int().nullable().meta({ description: 'The Kibo order number', example: 1001 }),
    status: z.literal('imported')
  })
  .meta({ id: 'ImportedOrder', description: 'The order is in Kibo.' })

export type ImportedResponse = z.output<typeof ImportedResponseSchema>

export const QueuedResponseSchema = z
  .object({
    importId: z.string(),
    externalId: z.string(),
    status: z.literal('queued'),
    statusUrl: z.string().meta({ description: 'Where to follow the import', example: '/v1/imports/imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P' })
  })
  .meta({ id: 'QueuedImport', description: 'Accepted and stored; it will be imported asynchronously.' })

export type QueuedResponse = z.output<typeof QueuedResponseSchema>

export const IMPORT_STATUS_VALUES = ['queued', 'importing', 'imported', 'failed', 'dead'] as const

export const ImportHistoryEntrySchema = z
  .object({
    at: z.string().meta({ description: 'When (RFC 3339, UTC)' }),
    kind: z
      .string()
      .meta({ description: 'received, reclaimed, leased, attempt, released, imported, failed, dead, retry_requested', example: 'attempt' }),
    detail: z.record(z.string(), z.unknown())
  })
  .meta({ id: 'ImportHistoryEntry' })

export const ImportViewSchema = z
  .object({
    importId: z.string(),
    externalId: z.string(),
    tenantId: z.number().int(),
    siteId: z.number().int(),
    status: z
      .enum(IMPORT_STATUS_VALUES)
      .meta({ description: 'queued → importing → imported; failed (Kibo refused it) or dead (retries exhausted)' }),
    mode: z.enum(['sync', 'async']),
    attempts: z.number().int().meta({ description: 'How many times a worker or request took it on' }),
    kiboOrderId: z.string().nullable(),
    kiboOrderNumber: z.number().int().nullable(),
    kiboCorrelationId: z.string().nullable(),
    lastError: z.unknown().meta({ description: 'The last failure as a problem object (with `kind`), null once imported' }),
    webhookId: z.string().nullable(),
    source: z
      .string()
      .nullable()
      .meta({ description: "Which intake path created it: 'api', 'webhook', 'cli' or '<platform>:<store>' (e.g. 'shopify:demo.myshopify.com')" }),
    createdAt: z.string().meta({ description: 'Received' }),
    updatedAt: z.string(),
    importedAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    nextAttemptAt: z.string().nullable().meta({ description: 'Queued for a retry: not before this time' }),
    restrictions: z
      .object({
        edit: z.boolean().optional(),
        cancellation: z.boolean().optional(),
        status: z.enum(['pending', 'applied']).meta({ description: 'pending until Kibo confirms them (retried with backoff)' }),
        attempts: z.number().int(),
        lastError: z.unknown(),
        appliedAt: z.string().nullable()
      })
      .nullable()
      .meta({ id: 'OrderRestrictionsState', description: "Kibo's edit/cancellation restrictions for the order, if any were asked for" }),
    history: z.array(ImportHistoryEntrySchema).optional().meta({ description: 'Every state change, oldest first (single import only)' })
  })
  .meta({ id: 'Import' })

export type ImportView = z.output<typeof ImportViewSchema>

export const ImportPageSchema = z
  .object({
    items: z.array(ImportViewSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page' })
  })
  .meta({ id: 'ImportPage' })

export const ImportSummarySchema = z
  .object({
    counts: z
      .object(Object.fromEntries(IMPORT_STATUS_VALUES.map((status) => [status, z.number().int()])) as Record<
        (typeof IMPORT_STATUS_VALUES)[number],
        z.ZodNumber
      >)
      .meta({ description: 'Imports per status' }),
    oldestQueuedSeconds: z
      .number()
      .nullable()
      .meta({ description: 'Seconds since the oldest queued import was received; null when none is queued' })
  })
  .meta({ id: 'ImportSummary' })

export const RestrictionsBodySchema = z
  .strictObject({
    edit: z.boolean().optional().meta({ description: 'true: only roles with "Override Order Update Restriction" may edit the order' }),
    cancellation: z.boolean().optional().meta({ description: 'true: only those roles may cancel it' })
  })
  .refine((value) => value.edit !== undefined || value.cancellation !== undefined, 'send edit, cancellation or both')
  .meta({ id: 'OrderRestrictions' })

export const RestrictionsResponseSchema = z
  .object({
    importId: z.string(),
    externalId: z.string(),
    kiboOrderId: z.string(),
    restrictions: z.object({
      edit: z.boolean().optional(),
      cancellation: z.boolean().optional(),
      status: z.enum(['pending', 'applied'])
    }),
    statusUrl: z.string()
  })
  .meta({ id: 'OrderRestrictionsResult' })
