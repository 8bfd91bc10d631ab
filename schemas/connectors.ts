// Storefront connector routes: delivery answers, reconciliation summaries, the stores view.
import { z } from 'zod'
import { KiboOrderSchema } from './kibo-order.ts'

export const DeliveryAnswerSchema = z
  .object({
    status: z.enum(['accepted', 'duplicate', 'skipped']).meta({
      description:
        'accepted: an import was started (202); duplicate: same event or same order already received; ' +
        'skipped: nothing to import (see reason)'
    }),
    platform: z.string().meta({ example: 'shopify' }),
    store: z.string().meta({ example: 'acme.myshopify.com' }),
    topic: z.string().meta({ example: 'orders/paid' }),
    orderKey: z
      .string()
      .nullable()
      .meta({ description: "The platform's order id (with the store, the import key)", example: '820982911946154508' }),
    reason: z.string().optional().meta({ description: 'Why nothing (new) is imported', example: 'test order (importTestOrders is off)' })
  })
  .meta({ id: 'ConnectorDeliveryAnswer' })

export const ReconcileBodySchema = z
  .object({
    since: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({
        description: "List orders updated at or after this instant (a backfill); default: the store's checkpoint",
        example: '2026-12-01T00:00:00Z'
      })
  })
  .strict()

export const ReconcileSummarySchema = z
  .object({
    platform: z.string(),
    store: z.string(),
    since: z.string().meta({ description: 'Orders updated at or after this were listed' }),
    checkpoint: z.string().nullable().meta({ description: 'The durable checkpoint after this run (never moves back)' }),
    listed: z.number().int(),
    foundWithoutWebhook: z.number().int().meta({ description: 'Importable orders no delivery had brought: their import was started now' }),
    pages: z.number().int(),
    status: z.enum(['ok', 'failed']),
    error: z.string().optional()
  })
  .meta({ id: 'ConnectorReconcileSummary' })

export const ConnectorStoresSchema = z
  .object({
    stores: z.array(
      z.object({
        platform: z.string().meta({ example: 'shopify' }),
        store: z.string().meta({ example: 'acme.myshopify.com' }),
        lastWebhookAt: z.string().nullable(),
        reconcile: z.object({
          checkpoint: z.string().nullable(),
          lastRunAt: z.string().nullable(),
          lastRunStatus: z.string().nullable().meta({ description: 'ok or failed' }),
          foundWithoutWebhook: z.number().int().meta({ description: 'Orders the reconciler imported that no webhook brought (all runs)' })
        })
      })
    )
  })
  .meta({ id: 'ConnectorStores' })

export const ConnectorPreviewSchema = z
  .object({
    // Not OrderEventSchema itself: one component has one form, and a response would publish the
    // event's output form (money as strings only) under the name of the request schema.
    event: z.record(z.string(), z.unknown()).meta({
      description: 'The Normalized Order Event v1 the order maps to (the OrderEvent request schema; money as normalized decimal strings)'
    }),
    kiboOrder: KiboOrderSchema.meta({ description: 'The payload Kibo would receive' }),
    assumptions: z.array(z.string()).meta({ description: 'What the preview had to assume (e.g. no transactions given)' })
  })
  .meta({ id: 'ConnectorPreview' })
