// Helpers of the mapping tests: the options the golden files are written with, examples parsed
// by the event schema, and a failed parse's issues.
import type { MappingOptions } from '../../src/mapping/index.ts'
import { OrderEventSchema, type OrderEvent } from '../../schemas/order-event.ts'
import { loadExample } from './examples.ts'

/** The options scripts/update-golden.ts writes the golden files with. */
export const goldenOptions: MappingOptions = { fraudDeclineAction: 'review', defaultChannelCode: 'Online', tenantId: 12345, siteId: 54321 }

export function parseExample (name: string): OrderEvent {
  return OrderEventSchema.parse(loadExample(name))
}

/** Issue paths of a failed parse, joined with dots: data.items.0.unitPrice. */
export function issuePaths (input: unknown): string[] {
  const result = OrderEventSchema.safeParse(input)
  if (result.success) return []
  return result.error.issues.map((issue) => issue.path.join('.'))
}

export function issues (input: unknown): { path: string; message: string }[] {
  const result = OrderEventSchema.safeParse(input)
  if (result.success) return []
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}
