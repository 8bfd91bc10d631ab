// WooCommerce fixtures: the REST docs' order example verbatim (fixtures/docs/, see fixtures/SOURCES.md)
// and the orders derived from it (fixtures/*.json: what GET /wp-json/wc/v3/orders/{id} answers).
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')

/** Every order fixture: the docs' example (docs/order-retrieve.example) and the derived ones. */
export function fixtureNames (): string[] {
  return [
    'docs/order-retrieve.example',
    ...readdirSync(fixturesDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''))
      .sort()
  ]
}

export function loadFixture (name: string): any {
  return JSON.parse(readFileSync(path.join(fixturesDir, `${name}.json`), 'utf8'))
}
