// Builds the app exactly as the server does, on an in-memory PGlite and the built-in Kibo
// simulator unless the caller's environment says otherwise. Tests talk to it with app.inject.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildAppOptions } from '../src/app.ts'
import { loadConfig } from '../src/config/config.ts'
import { freshDatabase, type DatabaseKind } from './support/databases.ts'
import { checkResponses } from './contract/response-conformance.ts'

type Test = Parameters<typeof freshDatabase>[0]

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The contract's examples: ../shared/contract/examples when present (CI), else the copy in examples/. */
export const examplesDir = (() => {
  const shared = path.resolve(repoRoot, '../shared/contract/examples')
  try {
    readdirSync(shared)
    return shared
  } catch {
    return path.join(repoRoot, 'examples')
  }
})()

export function exampleNames (): string[] {
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function invalidExampleNames (): string[] {
  return readdirSync(path.join(examplesDir, 'invalid'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function loadExample (name: string): any {
  return JSON.parse(readFileSync(path.join(examplesDir, `${name}.json`), 'utf8'))
}

export function loadInvalidExample (name: string): { expect: { status: number; why: string }; event: any } {
  return JSON.parse(readFileSync(path.join(examplesDir, 'invalid', `${name}.json`), 'utf8'))
}

export interface TestAppOptions extends BuildAppOptions {
  /** 'pglite' (default): a fresh in-memory PGlite; 'postgres': a throwaway database on 127.0.0.1:5432. */
  databaseKind?: DatabaseKind
}

/**
 * The app on a fresh database: an in-memory PGlite loaded from a pristine dump (initdb takes
 * seconds), a throwaway PostgreSQL database, or whatever DATA_DIR / DATABASE_URL `env` names.
 */
export async function buildTestApp (t: Test, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<FastifyInstance> {
  // Load shedding is off unless a test turns it on: a busy CI machine must not make tests shed.
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0', ...env })
  let database = options.database
  if (database === undefined && config.databaseUrl === undefined && config.dataDir === 'memory://') {
    database = (await freshDatabase(t, options.databaseKind ?? 'pglite')).db
  }
  const app = await buildApp(config, { logger: false, ...options, database })
  // Every answer received through app.inject is checked against the OpenAPI document.
  if (process.env.RESPONSE_CONFORMANCE !== '0') checkResponses(app)
  t.teardown(() => app.close())
  return app
}

/** A copy of an example with a fresh externalId, so tests do not collide. */
export function withExternalId (event: any, externalId: string): any {
  const copy = structuredClone(event)
  copy.data.externalId = externalId
  return copy
}
