// Rebuilds tap's Test class for this project's plugin list before tap starts, when it is not built
// for it yet. Run first by every npm script that runs tap.
//
// Why: npm ci installs tap's Test class built with tap's default plugins, @tapjs/typescript among
// them; package.json turns that plugin off because Node 24 strips the types itself. tap notices
// the difference and rebuilds, but only after its runner has loaded the old class, so that first
// run still starts every test file through the TypeScript plugin's loader: on a fresh clone the
// fast suite took 250 s of wall time and 400 s of CPU instead of 140 s and 270 s (2 cores, idle).
// Building before the runner starts makes a fresh clone's first run like every later one.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

async function upToDate (): Promise<boolean> {
  try {
    // tap's own packages (dependencies of tap, installed beside it): the plugin list the Test class
    // was built with, and the one the project's tap configuration asks for.
    // (@tapjs/config first: loading @tapjs/test on its own trips over its own import cycle)
    const { TapConfig } = await import('@tapjs/config') as { TapConfig: { load (): Promise<{ pluginSignature: string }> } }
    const { signature } = await import('@tapjs/test') as { signature: string }
    return signature === (await TapConfig.load()).pluginSignature
  } catch {
    return false // cannot tell: build, which is always correct
  }
}

if (!await upToDate()) {
  const bin = require.resolve('tap/package.json').replace(/package\.json$/, 'dist/esm/run.mjs')
  process.stdout.write('tap: building its Test class for this project\'s plugins (once after an install)\n')
  const result = spawnSync(process.execPath, [bin, 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
