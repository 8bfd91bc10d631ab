// The proposed event extension `data.translated`: what the translated Create Order API needs
// and the Normalized Order Event v1 cannot say. Everything is optional; per-tenant target
// options (map-order.ts `TranslatedTargetOptions`) supply the defaults. This is a PROPOSAL for
// schemas/order-event.ts (the order is a strictObject, so today an event carrying
// `data.translated` is refused there): `parseTranslatedOrderEvent` below validates an event
// with the extension without touching that file.
import { z } from 'zod'
import { OrderEventSchema, type OrderEvent } from '../../../../schemas/order-event.ts'
import { AVAILABILITY_CODES } from '../../../../schemas/translated-order.ts'

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const customData = () =>
  z
    .record(z.string().max(255), z.string().max(255, 'must be at most 255 characters'))
    .refine((value) => Object.keys(value).length <= 50, 'must have at most 50 keys')

export const TranslatedLineExtensionSchema = z
  .strictObject({
    availability: z.enum(AVAILABILITY_CODES).nullish().meta({ description: '→ product.availability (default: target option defaultAvailability)' }),
    averageDealerMargin: z.number().min(0).max(1).nullish().meta({ description: '→ product.averageDealerMargin' }),
    options: customData().nullish().meta({ description: '→ itemSpecifics.options, e.g. { "size": "12", "color": "black" }' }),
    customItemData: customData().nullish().meta({ description: '→ itemSpecifics.customItemData' })
  })
  .meta({ id: 'TranslatedLineExtension' })

export const TranslatedExtensionSchema = z
  .strictObject({
    customerIP: z
      .union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' })
      .nullish()
      .meta({ description: "→ customerIP: the shopper's external address, NOT the web server's (required unless the target sets defaultCustomerIP)" }),
    phone2: z.string().max(20, 'must be at most 20 characters').nullish().meta({ description: '→ customer.phone2' }),
    splitByAvailability: z
      .boolean()
      .nullish()
      .meta({ description: 'true: lines whose availability must ship as separate orders (P, D, J, I) become child orders instead of a 422' }),
    lines: z
      .record(z.string().min(1).max(255), TranslatedLineExtensionSchema)
      .refine((value) => Object.keys(value).length <= 500, 'must have at most 500 lines')
      .nullish()
      .meta({ description: 'Per line, keyed by items[].lineId' }),
    landingCode: z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters').nullish().meta({ description: '→ landingCode' }),
    optInRetailer: z.boolean().nullish().meta({ description: '→ optInRetailer' }),
    sendEmail: z.boolean().nullish().meta({ description: '→ sendEmail (default: target option, else true)' }),
    isTestOrder: z.boolean().nullish().meta({ description: '→ isTestOrder' }),
    cartId: z.string().max(512).nullish().meta({ description: '→ cartID, and externalCartID of an authorize call' }),
    orderComment: z.string().max(1000).nullish().meta({ description: '→ orderComment' }),
    orderGift: z.strictObject({ recipient: text(255), message: z.string().max(1000).nullish() }).nullish().meta({ description: '→ orderGift' })
  })
  .meta({ id: 'TranslatedExtension', description: 'Optional data for the translated-v2 target (proposed `data.translated`)' })

export type TranslatedExtension = z.output<typeof TranslatedExtensionSchema>
export type TranslatedLineExtension = z.output<typeof TranslatedLineExtensionSchema>

/** An event as the translated mapping reads it: v1 plus the optional extension. */
export type TranslatedOrderEvent = OrderEvent & { data: OrderEvent['data'] & { translated?: TranslatedExtension | null } }

export type ParsedTranslatedEvent =
  | { success: true; data: TranslatedOrderEvent }
  | { success: false; issues: { path: string; message: string }[] }

/**
 * Validates an event that may carry `data.translated`: the extension against
 * TranslatedExtensionSchema (also: every key of `lines` must be a lineId of the order), the
 * rest against OrderEventSchema unchanged. Once the lead adds the extension to
 * schemas/order-event.ts this is a plain `OrderEventSchema.safeParse`.
 */
export function parseTranslatedOrderEvent(input: unknown): ParsedTranslatedEvent {
  const issues: { path: string; message: string }[] = []
  let translated: TranslatedExtension | null | undefined
  let rest = input
  const data = (input as { data?: unknown } | null)?.data
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'translated')) {
    const { translated: raw, ...others } = data as Record<string, unknown>
    rest = { ...(input as Record<string, unknown>), data: others }
    const parsed = TranslatedExtensionSchema.nullish().safeParse(raw)
    if (parsed.success) translated = parsed.data
    else for (const issue of parsed.error.issues) issues.push({ path: ['data', 'translated', ...issue.path].join('.'), message: issue.message })
  }
  const event = OrderEventSchema.safeParse(rest)
  if (!event.success) for (const issue of event.error.issues) issues.push({ path: issue.path.join('.'), message: issue.message })
  if (!event.success || issues.length > 0) return { success: false, issues }
  const lineIds = new Set(event.data.data.items.map((item) => item.lineId))
  for (const lineId of Object.keys(translated?.lines ?? {})) {
    if (!lineIds.has(lineId)) issues.push({ path: `data.translated.lines.${lineId}`, message: `no item has lineId ${JSON.stringify(lineId)}` })
  }
  if (issues.length > 0) return { success: false, issues }
  return { success: true, data: { ...event.data, data: { ...event.data.data, translated } } }
}
