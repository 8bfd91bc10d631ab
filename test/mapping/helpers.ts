// Test helpers: load contract examples from the repo copy (examples/ mirrors shared/contract/examples).
import { readFileSync, readdirSync } from 'node:fs'
import type { MappingOptions } from '../../src/mapping/index.ts'
import { OrderEventSchema, type OrderEvent, type OrderEventInput } from '../../schemas/order-event.ts'

export const examplesDir = new URL('../../examples/', import.meta.url)
export const goldenDir = new URL('../golden/', import.meta.url)

/** The options scripts/update-golden.ts writes the golden files with. */
export const goldenOptions: MappingOptions = { fraudDeclineAction: 'review', defaultChannelCode: 'Online', tenantId: 12345, siteId: 54321 }

export function validExampleNames (): string[] {
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function invalidExampleNames (): string[] {
  return readdirSync(new URL('invalid/', examplesDir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function readExample (name: string): OrderEventInput {
  return JSON.parse(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8')) as OrderEventInput
}

export function readInvalidExample (name: string): { expect: { status: number; why: string }; event: unknown } {
  return JSON.parse(readFileSync(new URL(`invalid/${name}.json`, examplesDir), 'utf8'))
}

export function parseExample (name: string): OrderEvent {
  return OrderEventSchema.parse(readExample(name))
}

/** A deep copy of an example to modify in a test. */
export function example (name = 'cybersource-ship-usd'): any {
  return structuredClone(readExample(name))
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
