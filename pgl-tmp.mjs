import { PGlite } from '@electric-sql/pglite'
import { mkdtempSync } from 'node:fs'
const mode = process.argv[2]
const rss = (l) => { const m = process.memoryUsage(); console.log(l, 'rss', (m.rss/2**20).toFixed(0), 'ext', (m.external/2**20).toFixed(0), 'ab', (m.arrayBuffers/2**20).toFixed(0), 'heap', (m.heapUsed/2**20).toFixed(0)) }
rss('start')
const dir = process.argv[3] ?? mkdtempSync('/tmp/pgl-')
const opts = { dataDir: mode === 'mem' ? 'memory://' : dir }
if (process.argv[4]) opts.startParams = [...PGlite.defaultStartParams ?? [], ...process.argv[4].split(' ')]
const db = await PGlite.create(opts)
rss('created')
await db.query('select 1')
global.gc?.(); rss('after gc')
console.log(dir)
