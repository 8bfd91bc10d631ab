// The file reader streams: 50,000 events (~95 MB) are read, as NDJSON and as a JSON array, by a
// process whose JavaScript heap is capped far below the file's size.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { spawn } from 'node:child_process'
import path from 'node:path'
import t from 'tap'
import { repoRoot } from '../helper.ts'
import { event, tempDir } from './support.ts'

const COUNT = 50_000

async function writeLarge (file: string, format: 'ndjson' | 'json-array'): Promise<number> {
  const out = createWriteStream(file)
  const template = JSON.stringify(event('__ID__'))
  if (format === 'json-array') out.write('[\n')
  for (let i = 0; i < COUNT; i++) {
    const line = template.replace('__ID__', `BIG-${i}`)
    const text = format === 'ndjson' ? `${line}\n` : `${i === 0 ? '' : ',\n'}${line}`
    if (!out.write(text)) await once(out, 'drain')
  }
  if (format === 'json-array') out.write('\n]\n')
  out.end()
  await once(out, 'finish')
  return out.bytesWritten
}

const reader = `
import { detectFormat, readEvents } from ${JSON.stringify(path.join(repoRoot, 'src/cli/read-events.ts'))}
const file = process.argv[1]
let n = 0, last = ''
for await (const e of readEvents(file, await detectFormat(file))) {
  n++
  last = e.value.data.externalId
  if (e.error) throw new Error(e.error)
}
process.stdout.write(JSON.stringify({ n, last, peakRss: process.resourceUsage().maxRSS * 1024, heap: process.memoryUsage().heapUsed }))
`

for (const format of ['ndjson', 'json-array'] as const) {
  t.test(`${COUNT} events as ${format} stream in bounded memory`, async (t) => {
    const dir = tempDir(t)
    const file = path.join(dir, `big.${format === 'ndjson' ? 'ndjson' : 'json'}`)
    const bytes = await writeLarge(file, format)
    t.ok(bytes > 80 * 2 ** 20, `the file is large (${(bytes / 2 ** 20).toFixed(0)} MiB)`)
    // 32 MiB of heap: the file could never be held whole (a string of it alone is larger).
    const child = spawn(process.execPath, ['--max-old-space-size=32', '--input-type=module', '-e', reader, file], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c))
    child.stderr.on('data', (c: Buffer) => (err += c))
    const [code] = await once(child, 'exit')
    t.equal(code, 0, err)
    const result = JSON.parse(out)
    t.equal(result.n, COUNT)
    t.equal(result.last, `BIG-${COUNT - 1}`)
    // The heap cap above is the assertion: holding the file (or a growing share of it) would end
    // the child with an out-of-memory error. RSS also counts freed buffers the allocator has not
    // returned yet, which varies with machine load, so it is reported, not asserted.
    t.ok(result.heap < 32 * 2 ** 20, `heap ${(result.heap / 2 ** 20).toFixed(0)} MiB at the end`)
    t.comment(`peak RSS ${(result.peakRss / 2 ** 20).toFixed(0)} MiB for a ${(bytes / 2 ** 20).toFixed(0)} MiB file`)
  })
}
