// BigCommerce fixtures: the docs' samples verbatim (fixtures/docs/, see fixtures/SOURCES.md) and
// the order bundles derived from them (fixtures/*.json: what the stand-in serves for one order).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')

export function bundleNames (): string[] {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

/** A derived order bundle: { order, products, shippingAddresses, consignments, coupons, taxes, transactions }, raw API JSON. */
export function loadBundle (name: string): any {
  return JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'))
}

export function loadDocsSample (file: string): any {
  return JSON.parse(readFileSync(path.join(fixturesDir, 'docs', file), 'utf8'))
}
