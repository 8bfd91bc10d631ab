// Shared fixtures of the translated-v2 tests: the target options the golden files are written
// with, and loaders for examples/translated/.
import { readFileSync, readdirSync } from 'node:fs'
import {
  parseTranslatedOrderEvent,
  type TranslatedOrderEvent,
  type TranslatedTargetOptions
} from '../../src/mapping/translated-v2/index.ts'

export const translatedExamplesDir = new URL('../../examples/translated/', import.meta.url)
export const goldenDir = new URL('../golden/', import.meta.url)

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

export function translatedExampleNames (): string[] {
  return readdirSync(translatedExamplesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function invalidTranslatedExampleNames (): string[] {
  return readdirSync(new URL('invalid/', translatedExamplesDir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function readTranslatedExample (name: string): any {
  return JSON.parse(readFileSync(new URL(`${name}.json`, translatedExamplesDir), 'utf8'))
}

export function readInvalidTranslatedExample (name: string): { expect: { status: number; type: string; why: string }; event: any } {
  return JSON.parse(readFileSync(new URL(`invalid/${name}.json`, translatedExamplesDir), 'utf8'))
}

/** Parses an event (with data.translated) or throws with the issues. */
export function parseEvent (input: unknown): TranslatedOrderEvent {
  const parsed = parseTranslatedOrderEvent(input)
  if (!parsed.success) throw new Error(`invalid event: ${JSON.stringify(parsed.issues)}`)
  return parsed.data
}

export function translatedExample (name = 'seed-sample-usd'): TranslatedOrderEvent {
  return parseEvent(readTranslatedExample(name))
}

export function readGolden (name: string): any {
  return JSON.parse(readFileSync(new URL(name, goldenDir), 'utf8'))
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
