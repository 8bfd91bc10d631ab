// The databases tests run against: an in-memory PGlite, and PostgreSQL (DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test). Each test gets a database of its own — a PGlite
// instance, or a throwaway PostgreSQL database created through the given one and dropped
// afterwards — so test files run in parallel without seeing each other. Booting a PGlite costs
// seconds, so the tests of one file (one process) share one (sharedPglite), emptied before each use.
//
// The store's tests run on PGlite in the fast suite and on PostgreSQL in the slow one
// (STORE_TEST_DATABASES, see eachDatabase); `npm run test:all` covers both.
//
// PostgreSQL unreachable fails the run, loudly, unless SKIP_POSTGRES=1 (then its tests are skipped).
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import type { Test } from 'tap'
import { migrate, openDatabase, pgliteDatabase, type Database } from '../../src/store/index.ts'
import { startPgliteWorker } from '../../src/store/pglite-worker.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface FreshDatabase {
  kind: DatabaseKind
  db: Database
  /**
   * Another, independent connection to the same database — what a second service instance would
   * have. PostgreSQL only: an in-memory PGlite has exactly one connection.
   */
  connectAgain?: () => Promise<Database>
  /** PostgreSQL only: the URL of this throwaway database (for a server process of its own). */
  url?: string
}

export const postgresUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
const skipPostgresAllowed = process.env.SKIP_POSTGRES === '1'

let postgresCheck: Promise<string | null> | undefined

/** null when PostgreSQL answers; the reason when it does not and SKIP_POSTGRES=1; throws otherwise. */
export function postgresUnavailable (): Promise<string | null> {
  postgresCheck ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return null
    } catch (error) {
      const reason = `PostgreSQL at ${redact(postgresUrl)} is not reachable: ${(error as Error).message}`
      if (skipPostgresAllowed) return reason
      throw new Error(`${reason}. Start it, point DATABASE_URL at one, or set SKIP_POSTGRES=1 to run on PGlite only.`)
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return postgresCheck
}

function redact (url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

// initdb in PGlite takes seconds; loading a dump of a pristine instance takes about one. The dump
// is cached on disk (keyed by the installed PGlite build) so parallel test files share it.
let pristine: Promise<Uint8Array> | undefined

export function pristineDump (): Promise<Uint8Array> {
  pristine ??= (async () => {
    const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'))
    const { size, mtimeMs } = await stat(entry)
    const cacheDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/kibo-bridge-tests')
    const cached = path.join(cacheDir, `pglite-pristine-${size}-${Math.round(mtimeMs)}.tar`)
    try {
      return await readFile(cached)
    } catch {
      // not there yet: make it
    }
    const template = await PGlite.create({ dataDir: 'memory://' })
    let dump: Uint8Array
    try {
      dump = new Uint8Array(await (await template.dumpDataDir('none')).arrayBuffer())
    } finally {
      await template.close()
    }
    await mkdir(cacheDir, { recursive: true })
    const partial = `${cached}.${process.pid}.tmp`
    await writeFile(partial, dump)
    await rename(partial, cached) // atomic: a parallel reader sees all of it or nothing
    return dump
  })()
  return pristine
}

async function freshPglite (t: Test): Promise<FreshDatabase> {
  const db = pgliteDatabase(await startPgliteWorker({ dataDir: 'memory://', settings: [], loadDataDir: await pristineDump() }))
  t.teardown(() => db.close())
  return { kind: 'pglite', db }
}

// The PGlite the tests of this file share, and whether a test is using it now.
let shared: Promise<Database> | undefined
let sharedInUse = false

/** Drops every schema (ours, pg-boss's, public) and creates an empty public: as good as a fresh instance. */
const EMPTY_DATABASE = `DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('information_schema') AND nspname NOT LIKE 'pg\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$`

/**
 * An empty in-memory PGlite for `t`: the one this file's tests share (emptied first) when no
 * other test holds it, else a fresh one. Closing it hands it back: `t`'s teardown does, unless
 * `closedByOwner` (an app closes its database itself, after its own last queries).
 */
export async function sharedPglite (t: Test, options: { closedByOwner?: boolean } = {}): Promise<FreshDatabase> {
  if (sharedInUse) return freshPglite(t)
  sharedInUse = true
  try {
    shared ??= (async () => pgliteDatabase(await startPgliteWorker({ dataDir: 'memory://', settings: [], loadDataDir: await pristineDump() })))()
    const db = await shared
    await db.query(EMPTY_DATABASE)
    let handedBack = false
    const open = () => {
      if (handedBack) throw new Error('the database is closed')
    }
    const lease: Database = {
      ...db,
      async query (sql, params) {
        open()
        return db.query(sql, params)
      },
      async transaction (fn) {
        open()
        return db.transaction(fn)
      },
      async ping () {
        open()
        return db.ping()
      },
      async close () {
        if (handedBack) return
        handedBack = true
        sharedInUse = false
      }
    }
    if (options.closedByOwner !== true) t.teardown(() => lease.close())
    return { kind: 'pglite', db: lease }
  } catch (error) {
    sharedInUse = false
    throw error
  }
}

async function freshPostgres (t: Test): Promise<FreshDatabase> {
  const name = `kb_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`)
  } finally {
    await admin.end()
  }
  const url = new URL(postgresUrl)
  url.pathname = `/${name}`
  const opened: Database[] = []
  const connect = async () => {
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' })
    opened.push(db)
    return db
  }
  t.teardown(async () => {
    await Promise.all(opened.map((db) => db.close()))
    const dropper = new pg.Client({ connectionString: postgresUrl })
    await dropper.connect()
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    } finally {
      await dropper.end()
    }
  })
  return { kind: 'postgres', db: await connect(), connectAgain: connect, url: url.toString() }
}

/** A fresh, empty (unmigrated) database of this kind, closed and removed when `t` ends. */
export function freshDatabase (t: Test, kind: DatabaseKind): Promise<FreshDatabase> {
  return kind === 'pglite' ? freshPglite(t) : freshPostgres(t)
}

/**
 * The databases the store's tests run on: STORE_TEST_DATABASES (comma-separated kinds), else
 * both. The fast suite sets 'pglite', the slow suite 'postgres'.
 */
export function storeTestDatabases (): DatabaseKind[] {
  const wanted = (process.env.STORE_TEST_DATABASES ?? 'pglite,postgres').split(',').map((kind) => kind.trim()).filter(Boolean)
  for (const kind of wanted) {
    if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`STORE_TEST_DATABASES: unknown database ${kind}`)
  }
  return wanted as DatabaseKind[]
}

/**
 * Runs `fn` once per database kind, as subtests named after it. `fn` gets an empty database of
 * its own (PGlite: this file's shared one); `migrated: true` (the default) applies the
 * migrations first; `kinds` narrows the databases, within storeTestDatabases().
 */
export async function eachDatabase (
  t: Test,
  fn: (t: Test, fresh: FreshDatabase) => Promise<void>,
  options: { migrated?: boolean; kinds?: readonly DatabaseKind[] } = {}
): Promise<void> {
  const selected = storeTestDatabases()
  const kinds = (options.kinds ?? (['pglite', 'postgres'] as const)).filter((kind) => selected.includes(kind))
  const unavailable = kinds.includes('postgres') ? await postgresUnavailable() : null
  for (const kind of kinds) {
    const skip = kind === 'postgres' && unavailable !== null ? unavailable : false
    await t.test(kind, { skip }, async (t) => {
      const fresh = kind === 'pglite' ? await sharedPglite(t) : await freshDatabase(t, kind)
      if (options.migrated ?? true) await migrate(fresh.db)
      await fn(t, fresh)
    })
  }
}
