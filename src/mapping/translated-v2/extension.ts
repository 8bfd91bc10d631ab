// The proposed event extension `data.translated`: what the translated Create Order API needs
// and the Normalized Order Event v1 cannot say. Everything is optional; per-tenant target
// options (map-order.ts `TranslatedTargetOptions`) supply the defaults. The schemas live in
// schemas/translated-extension.ts and are part of OrderSchema (`data.translated`).
import { z } from 'zod'
import { OrderEventSchema, type OrderEvent } from '../../../schemas/order-event.ts'
import { TranslatedExtensionSchema, TranslatedLineExtensionSchema } from '../../../schemas/translated-extension.ts'

export { TranslatedExtensionSchema, TranslatedLineExtensionSchema }

export type TranslatedExtension = z.output<typeof TranslatedExtensionSchema>
export type TranslatedLineExtension = z.output<typeof TranslatedLineExtensionSchema>

/** An event as the translated mapping reads it: v1 plus the optional extension. */
export type TranslatedOrderEvent = OrderEvent & { data: OrderEvent['data'] & { translated?: TranslatedExtension | null } }

export type ParsedTranslatedEvent =
  { success: true; data: TranslatedOrderEvent } | { success: false; issues: { path: string; message: string }[] }

/**
 * Validates an event that may carry `data.translated`: the extension against
 * TranslatedExtensionSchema (also: every key of `lines` must be a lineId of the order), the
 * rest against OrderEventSchema unchanged. Once the lead adds the extension to
 * schemas/order-event.ts this is a plain `OrderEventSchema.safeParse`.
 */
export function parseTranslatedOrderEvent (input: unknown): ParsedTranslatedEvent {
  const issues: { path: string; message: string }[] = []
  let translated: TranslatedExtension | null | undefined
  let rest = input
  const data = (input as { data?: unknown } | null)?.data
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'translated')) {
    const { translated: raw, ...others } = data as Record<string, unknown>
    rest = { ...(input as Record<string, unknown>), data: others }
    const parsed = TranslatedExtensionSchema.nullish().safeParse(raw)
    if (parsed.success) translated = parsed.data
    else {
      for (const issue of parsed.error.issues) {
        issues.push({ path: ['data', 'translated', ...issue.path].join('.'), message: issue.message })
      }
    }
  }
  const event = OrderEventSchema.safeParse(rest)
  if (!event.success) for (const issue of event.error.issues) issues.push({ path: issue.path.join('.'), message: issue.message })
  if (!event.success || issues.length > 0) return { success: false, issues }
  const lineIds = new Set(event.data.data.items.map((item) => item.lineId))
  for (const lineId of Object.keys(translated?.lines ?? {})) {
    if (!lineIds.has(lineId)) {
      issues.push({ path: `data.translated.lines.${lineId}`, message: `no item has lineId ${JSON.stringify(lineId)}` })
    }
  }
  if (issues.length > 0) return { success: false, issues }
  return { success: true, data: { ...event.data, data: { ...event.data.data, translated } } }
}
