// One small interface over the two database drivers the service runs on: PostgreSQL through a
// `pg.Pool` when DATABASE_URL is set, otherwise embedded PGlite persisted in DATA_DIR, running in a
// worker thread of its own (pglite-worker.ts) so that its statements, which WebAssembly runs
// synchronously, do not hold up request handling. The same SQL runs on both. Values come back the
// same way from both drivers (see `parseTimestamp` and `parseInt8`): timestamptz as ISO 8601 UTC
// strings with millisecond precision, int8 as JS numbers.
//
// Both raw handles are exposed (`pglite`, `pool`) so pg-boss can share the database: on PGlite
// through its `fromPglite(db.pglite)` adapter (PGlite has one connection; its query/exec/transaction
// all take the same mutex, so pg-boss statements wait while one of our transactions runs), on
// PostgreSQL with the same connection string or pool.
import { AsyncLocalStorage } from 'node:async_hooks'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startPgliteWorker, type PgliteStatements, type PgliteWorker } from './pglite-worker.ts'
import { INT8_OID, parseInt8, parseTimestamp, TIMESTAMPTZ_OID } from './value-parsers.ts'

export { parseInt8, parseTimestamp } from './value-parsers.ts'

export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

/** Something SQL can be sent to: the database itself, or the transaction handed to a callback. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite'
  /**
   * Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). Inside `fn` use only
   * `tx`: calling the database itself from there throws, because on PGlite (one connection) it
   * would wait for the transaction forever and on PostgreSQL it would run outside of it.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Throws unless the database answers a trivial query. */
  ping(): Promise<void>
  /** Closes the pool or the PGlite instance (and its data-directory lock). Safe to call twice. */
  close(): Promise<void>
  /** PGlite in its thread (query, exec, listen: what pg-boss's fromPglite adapter takes). */
  readonly pglite?: PgliteWorker
  readonly pool?: pg.Pool
}

/** The subset of a pino / Fastify logger this module writes to. */
export interface StoreLogger {
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

export interface OpenDatabaseOptions {
  /** postgres:// URL: use PostgreSQL. Absent: embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined
  /** Folder for PGlite's files (created when missing); `memory://` keeps everything in memory. */
  dataDir: string
  logger?: StoreLogger
  /** Pool size for PostgreSQL; default 10. */
  maxConnections?: number
}

export class DatabaseBusyError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'DatabaseBusyError'
  }
}

// Applied per query, not per connection or instance: pg-boss may share the PGlite instance or the
// pool, and it expects the drivers' own defaults.
const pgTypes = {
  getTypeParser (oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ_OID) return parseTimestamp
    if (oid === INT8_OID) return parseInt8
    return pg.types.getTypeParser(oid, format ?? 'text')
  }
}

// Marks code running inside one of our transactions, to catch use of the database instead of `tx`.
const inTransaction = new AsyncLocalStorage<Database>()

function refuseInsideTransaction (db: Database): void {
  if (inTransaction.getStore() === db) {
    throw new Error('database used directly inside its own transaction callback: use the tx argument')
  }
}

/** Opens PostgreSQL (databaseUrl) or embedded PGlite (dataDir). Does not run migrations. */
export async function openDatabase (options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      application_name: 'kibo-order-bridge',
      // The timestamp parser reads ISO output; a connection-string `options` still wins.
      options: '-c DateStyle=ISO,MDY'
    })
    const db = postgresDatabase(pool, options.logger)
    try {
      await db.ping()
    } catch (error) {
      await pool.end().catch(() => {})
      throw error
    }
    return db
  }
  // If the thread dies, every later statement fails (so /health/ready turns 503); this line says why.
  const startPglite = (dataDir: string) =>
    startPgliteWorker({
      dataDir,
      settings: PGLITE_SETTINGS,
      onFailure: (err) =>
        options.logger?.error({ err }, 'the embedded database (PGlite thread) stopped: nothing can be stored until the service restarts')
    })
  if (options.dataDir.startsWith('memory://')) {
    return pgliteDatabase(await startPglite(options.dataDir))
  }
  const dataDir = path.resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true })
  const releaseLock = await lockDataDir(dataDir, options.logger)
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await initDataDirInChild(dataDir)
    return pgliteDatabase(await startPglite(dataDir), releaseLock)
  } catch (error) {
    await releaseLock()
    throw error
  }
}

/**
 * PGlite runs inside this process (in a thread of its own, pglite-worker.ts), so its buffers are
 * this process's memory: 16 MB of shared buffers (PostgreSQL's default is 128 MB; measured: no
 * slower for the import store, ~100 MiB less RSS) and the operating system's page cache holds the
 * rest of the data directory. New WAL segments are not zero-filled first (a 16 MB write that would
 * hold up every statement behind it).
 */
const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'wal_init_zero = off']

/**
 * initdb of a new data directory, in a child process: it needs ~1 GB for a moment, which a process
 * that lives on would keep (WebAssembly memory is not given back); the child exits and frees it.
 */
async function initDataDirInChild (dataDir: string): Promise<void> {
  const script = `import { PGlite } from '@electric-sql/pglite'
const db = await PGlite.create({ dataDir: process.argv[1] })
await db.close()`
  await new Promise<void>((resolve, reject) => {
    let stderr = ''
    // Baseline wasm compiler only: it starts sooner and peaks at ~650 MB instead of ~1.1 GB.
    const child = spawn(process.execPath, ['--liftoff-only', '--input-type=module', '--eval', script, dataDir], {
      cwd: path.dirname(fileURLToPath(import.meta.url)),
      stdio: ['ignore', 'ignore', 'pipe']
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initdb of ${dataDir} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-2000)}`))
    )
  })
}

/** Wraps a pool the caller created; `close()` ends it. */
export function postgresDatabase (pool: pg.Pool, logger?: StoreLogger): Database {
  // An idle client losing its connection emits 'error' on the pool; unhandled, it kills the process.
  pool.on('error', (err) => logger?.error({ err }, 'idle PostgreSQL connection failed'))
  let closed: Promise<void> | undefined

  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const result = await client.query({ text: sql, values: params as unknown[] | undefined, types: pgTypes })
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
  }

  const db: Database = {
    kind: 'postgres',
    pool,
    query (sql, params) {
      refuseInsideTransaction(db)
      return run(pool, sql, params)
    },
    async transaction (fn) {
      refuseInsideTransaction(db)
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) }
        const result = await inTransaction.run(db, () => fn(tx))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          // The connection is in an unknown state: drop it rather than hand it to the next caller.
          broken = rollbackError as Error
        }
        throw error
      } finally {
        client.release(broken)
      }
    },
    async ping () {
      await db.query('SELECT 1')
    },
    close () {
      closed ??= pool.end()
      return closed
    }
  }
  return db
}

/** Wraps PGlite in its thread; `close()` closes it and runs `onClose` (the data-directory lock). */
export function pgliteDatabase (pglite: PgliteWorker, onClose?: () => Promise<void>): Database {
  let closed: Promise<void> | undefined

  const run = async <Row>(target: PgliteStatements, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<Row>(sql, params, { serviceTypes: true })
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length }
  }

  const db: Database = {
    kind: 'pglite',
    pglite,
    query (sql, params) {
      refuseInsideTransaction(db)
      return run(pglite, sql, params)
    },
    transaction (fn) {
      refuseInsideTransaction(db)
      // PGlite's transaction() (in its thread) holds the instance's transaction mutex from BEGIN to
      // COMMIT, and every other query()/exec()/transaction() (ours and pg-boss's) waits on that
      // same mutex, so no statement of another caller can land inside this transaction.
      return pglite.transaction((raw) => {
        const tx: Queryable = { query: (sql, params) => run(raw, sql, params) }
        return inTransaction.run(db, () => fn(tx))
      })
    },
    async ping () {
      await db.query('SELECT 1')
    },
    close () {
      closed ??= (async () => {
        try {
          if (!pglite.closed) await pglite.close()
        } finally {
          await onClose?.()
        }
      })()
      return closed
    }
  }
  return db
}

// PGlite has no postmaster.pid of its own: two processes opening one data directory would corrupt
// it. A lock file records the owner; a lock left by a process that is gone is taken over.
const lockedHere = new Set<string>()

async function lockDataDir (dataDir: string, logger?: StoreLogger): Promise<() => Promise<void>> {
  if (lockedHere.has(dataDir)) {
    throw new DatabaseBusyError(`data directory ${dataDir} is already open in this process`)
  }
  const lockFile = path.join(dataDir, 'kibo-bridge.lock')
  const me = { pid: process.pid, hostname: hostname() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(JSON.stringify({ ...me, since: new Date().toISOString() }))
      await handle.close()
      lockedHere.add(dataDir)
      return async () => {
        lockedHere.delete(dataDir)
        await rm(lockFile, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = await readLock(lockFile)
    if (owner !== null && owner.hostname === me.hostname && owner.pid !== me.pid && isAlive(owner.pid)) {
      throw new DatabaseBusyError(
        `data directory ${dataDir} is in use by process ${owner.pid} (${lockFile}); embedded PGlite allows one process per ` +
          'directory — use DATABASE_URL to run several instances'
      )
    }
    // Gone, ours from an earlier life (same pid after a container restart), or another host's.
    logger?.warn({ lockFile, previousOwner: owner }, 'taking over a stale data-directory lock')
    await rm(lockFile, { force: true })
  }
  throw new DatabaseBusyError(`could not lock data directory ${dataDir}`)
}

async function readLock (lockFile: string): Promise<{ pid: number; hostname: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(lockFile, 'utf8')) as { pid?: unknown; hostname?: unknown }
    return typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' ? { pid: parsed.pid, hostname: parsed.hostname } : null
  } catch {
    return null
  }
}

function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
