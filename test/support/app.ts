// The one app builder of the tests: the app exactly as the server builds it, on an in-memory
// PGlite (this file's shared one, emptied first) and the built-in Kibo simulator unless the
// caller's environment says otherwise. Tests talk to it with app.inject.
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { buildApp, type BuildAppOptions } from '../../src/app.ts'
import { loadConfig } from '../../src/config/config.ts'
import { freshDatabase, sharedPglite, type DatabaseKind } from './databases.ts'
import { waitFor } from './wait.ts'

/** Fast retries for the import worker in tests; everything else stays at its default. */
export const fastWorker = {
  RETRY_BASE_MS: '20',
  RETRY_MAX_MS: '200',
  QUEUE_POLL_MS: '500',
  CIRCUIT_HALF_OPEN_AFTER_MS: '300',
  KIBO_TIMEOUT_MS: '1000'
}

export interface TestAppOptions extends BuildAppOptions {
  /** 'pglite' (default): an empty in-memory PGlite; 'postgres': a throwaway database on 127.0.0.1:5432. */
  databaseKind?: DatabaseKind
}

/**
 * The app on an empty database: an in-memory PGlite (the one this file's tests share, or a fresh
 * one when another app holds it), a throwaway PostgreSQL database, or whatever DATA_DIR /
 * DATABASE_URL `env` names. Closed when `t` ends.
 */
export async function buildTestApp (t: Test, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<FastifyInstance> {
  // Load shedding is off unless a test turns it on: a busy CI machine must not make tests shed.
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0', ...env })
  let database = options.database
  let ours = false
  if (database === undefined && config.databaseUrl === undefined && config.dataDir === 'memory://') {
    const kind = options.databaseKind ?? 'pglite'
    // The app closes the shared PGlite (hands it back) when it closes, after its last queries.
    database = (kind === 'pglite' ? await sharedPglite(t, { closedByOwner: true }) : await freshDatabase(t, kind)).db
    ours = true
  }
  let app: FastifyInstance
  try {
    app = await buildApp(config, { logger: false, ...options, database })
  } catch (error) {
    if (ours) await database!.close()
    throw error
  }
  t.teardown(() => app.close())
  return app
}

/**
 * Waits until GET /v1/imports/{importId} shows `status`; returns that view. On a timeout the error
 * says what was last seen and the import's pg-boss jobs.
 */
export async function waitForStatus (
  app: FastifyInstance,
  importId: string,
  status: string,
  timeoutMs?: number,
  headers: Record<string, string> = {}
) {
  let last: unknown
  try {
    return await waitFor(
      `${importId} to be ${status}`,
      async () => {
        const view = (await app.inject({ method: 'GET', url: `/v1/imports/${importId}`, headers })).json()
        last = view
        return view.status === status ? view : null
      },
      timeoutMs
    )
  } catch (error) {
    const jobs = await app.db
      .query(
        'SELECT state, start_after, retry_count, created_on, completed_on FROM pgboss.job WHERE singleton_key = $1 ORDER BY created_on',
        [importId]
      )
      .catch((e: Error) => ({ rows: [e.message] }))
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}; jobs: ${JSON.stringify(jobs.rows)}`)
  }
}
