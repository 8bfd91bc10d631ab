#!/usr/bin/env node
// The package's command (`npx kibo-order-bridge import orders.ndjson`): a thin launcher for the
// TypeScript entry, which Node 24 runs directly (type stripping). Inside this project, npx puts
// the pinned Node 24 (the `node` devDependency) first on PATH; a Node older than 22.18 cannot
// run .ts files, so it is refused here with a clear message instead of a syntax error.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `kibo-order-bridge needs Node.js 24 (found ${process.versions.node}). In this project run it with npx or npm run, ` +
      'which use the pinned Node 24 from node_modules/.bin, or call node_modules/.bin/node bin/kibo-order-bridge.js.\n'
  )
  process.exit(1)
}
// The baseline WebAssembly compiler only, as `npm start` runs the server (--liftoff-only): the
// optimizing tier recompiles embedded PGlite a second after start, for ~450 MB more RSS.
const v8 = await import('node:v8')
for (const flag of ['--liftoff-only', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']) v8.setFlagsFromString(flag)
// Compiled modules cached on disk, as the server does (src/server.ts).
const { enableCompileCache } = await import('node:module')
enableCompileCache()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
