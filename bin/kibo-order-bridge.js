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
// The heap's size (issue 16: peak RSS <= 256 MiB). An import allocates ~350 KB per event, nearly
// all short-lived, and little stays (~45 MiB after a full GC at any event count); with V8's default
// 16 MiB semi-spaces the young generation takes 48 MiB, what is in flight at each scavenge is
// promoted, and the old generation fills with ~150 MiB of garbage between full collections.
// 2 MiB semi-spaces (smaller ones cost more in scavenges than they save), and the old generation
// let grow by 20% over what was live after its last collection: peak RSS on 3,000 events
// 453 -> 256 MiB (dry run) and 498 -> 275 MiB (import); speed within the noise under load (one idle pair was
// ~25% slower: more, smaller scavenges; bench/results.md). The semi-space size is
// read only when V8 starts, so the launcher starts Node again with it (process.execve: the same
// process, nothing left running); where execve is missing (Windows) only the second flag applies.
const HEAP_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=20']
const hasHeapFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) =>
  arg.startsWith('--max-semi-space-size')
)
if (!hasHeapFlags && typeof process.execve === 'function' && process.platform !== 'win32') {
  const { fileURLToPath } = await import('node:url')
  const argv = [process.execPath, ...HEAP_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)]
  process.execve(process.execPath, argv, process.env)
}
// The baseline WebAssembly compiler only, as `npm start` runs the server (--liftoff-only): the
// optimizing tier recompiles embedded PGlite a second after start, for ~450 MB more RSS.
const v8 = await import('node:v8')
const runtimeFlags = [HEAP_FLAGS[1], '--liftoff-only', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']
for (const flag of runtimeFlags) v8.setFlagsFromString(flag)
// Compiled modules cached on disk, as the server does (src/server.ts).
const { enableCompileCache } = await import('node:module')
enableCompileCache()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
