// Helpers of the translated-v2 tests: the target options the golden files are written with, and
// examples/translated/ parsed (the loaders are in examples.ts).
import {
  parseTranslatedOrderEvent,
  type TranslatedOrderEvent,
  type TranslatedTargetOptions
} from '../../src/mapping/translated-v2/index.ts'
import { loadTranslatedExample } from './examples.ts'

/** The tenant options test/golden/translated-*.json are written with (manufacturer/catalog as in seed 004's sample). */
export const goldenTranslatedOptions: TranslatedTargetOptions = {
  manufacturerId: 1010,
  catalogId: 0,
  defaultAvailability: 'Y',
  shippingMethods: {
    standard: { shippingType: 'standard', shippingClass: 'Standard' },
    fedex_intl: {
      shippingType: 'standard',
      deliveryMethod: 'SHIP_TO_HOME',
      carrier: 'FEDEX_CROSS_BORDER',
      carrierType: 'INTERNATIONAL',
      serviceType: 'INTERNATIONAL_ECONOMY'
    }
  },
  defaultShippingMethod: { shippingType: 'standard', shippingClass: 'Standard' },
  fraudDeclineAction: 'review'
}

/** Parses an event (with data.translated) or throws with the issues. */
export function parseEvent (input: unknown): TranslatedOrderEvent {
  const parsed = parseTranslatedOrderEvent(input)
  if (!parsed.success) throw new Error(`invalid event: ${JSON.stringify(parsed.issues)}`)
  return parsed.data
}

export function translatedExample (name = 'seed-sample-usd'): TranslatedOrderEvent {
  return parseEvent(loadTranslatedExample(name))
}

/** Drops members whose value is null, recursively ("null" means absent in the guides' samples). */
export function dropNulls (value: any): any {
  if (Array.isArray(value)) return value.map(dropNulls)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, dropNulls(v)])
    )
  }
  return value
}
