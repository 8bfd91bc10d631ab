// Writes test/golden/<example>.kibo.json: the Kibo payload for each valid contract example.
// Run `node scripts/update-golden.ts` only when the mapping changes on purpose, then review
// every diff by hand against shared/contract/README.md: the golden files pin the contract.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { OrderEventSchema } from '../schemas/order-event.ts'
import { mapEventToKiboOrder, type MappingOptions } from '../src/mapping/index.ts'

const GOLDEN_OPTIONS: MappingOptions = { fraudDeclineAction: 'review', defaultChannelCode: 'Online', tenantId: 12345, siteId: 54321 }

const root = new URL('..', import.meta.url).pathname
const examplesDir = join(root, 'examples')
const goldenDir = join(root, 'test', 'golden')

for (const file of readdirSync(examplesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const event = OrderEventSchema.parse(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')))
  const result = mapEventToKiboOrder(event, GOLDEN_OPTIONS)
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problem)}`)
  const out = join(goldenDir, `${basename(file, '.json')}.kibo.json`)
  writeFileSync(out, `${JSON.stringify(result.kiboOrder, null, 2)}\n`)
  console.log(`wrote ${out}`)
}
