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
