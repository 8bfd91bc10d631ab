// The proposed event extension `data.translated` (Normalized Order Event v1 + what Kibo's
// translated Create Order API v2 needs): part of OrderSchema (schemas/order-event.ts), used by
// the translated-v2 target (src/mapping/translated-v2/).
import { z } from 'zod'
import { AVAILABILITY_CODES } from './translated-order.ts'

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const customData = () =>
  z
    .record(z.string().max(255), z.string().max(255, 'must be at most 255 characters'))
    .refine((value) => Object.keys(value).length <= 50, 'must have at most 50 keys')

export const TranslatedLineExtensionSchema = z
  .strictObject({
    availability: z
      .enum(AVAILABILITY_CODES)
      .nullish()
      .meta({ description: '→ product.availability (default: target option defaultAvailability)' }),
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
      .meta({
        description:
          "→ customerIP: the shopper's external address, NOT the web server's (required unless the target sets defaultCustomerIP)"
      }),
    phone2: z.string().max(20, 'must be at most 20 characters').nullish().meta({ description: '→ customer.phone2' }),
    splitByAvailability: z
      .boolean()
      .nullish()
      .meta({
        description: 'true: lines whose availability must ship as separate orders (P, D, J, I) become child orders instead of a 422'
      }),
    lines: z
      .record(z.string().min(1).max(255), TranslatedLineExtensionSchema)
      .refine((value) => Object.keys(value).length <= 500, 'must have at most 500 lines')
      .nullish()
      .meta({ description: 'Per line, keyed by items[].lineId' }),
    landingCode: z
      .string()
      .min(10, 'must be at least 10 characters')
      .max(200, 'must be at most 200 characters')
      .nullish()
      .meta({ description: '→ landingCode' }),
    optInRetailer: z.boolean().nullish().meta({ description: '→ optInRetailer' }),
    sendEmail: z.boolean().nullish().meta({ description: '→ sendEmail (default: target option, else true)' }),
    isTestOrder: z.boolean().nullish().meta({ description: '→ isTestOrder' }),
    cartId: z.string().max(512).nullish().meta({ description: '→ cartID, and externalCartID of an authorize call' }),
    orderComment: z.string().max(1000).nullish().meta({ description: '→ orderComment' }),
    orderGift: z
      .strictObject({ recipient: text(255), message: z.string().max(1000).nullish() })
      .nullish()
      .meta({ description: '→ orderGift' })
  })
  .meta({ id: 'TranslatedExtension', description: 'Optional data for the translated-v2 target (proposed `data.translated`)' })
