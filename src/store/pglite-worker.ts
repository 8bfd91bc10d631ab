// Embedded PGlite in a worker thread (pglite-thread.ts), seen from the service's thread: the same
// query / exec / listen / transaction calls as a PGlite instance, each one a message to the thread.
// WebAssembly PostgreSQL runs its statements synchronously; in the service's own thread a batch of
// inserts held up every request for its whole duration, and it could use only one of the cores.
//
// The thread is kept referenced only while a call is waiting for it, so an idle database does not
// keep the process alive (as an in-process PGlite would not), and a call in flight does.
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { PgliteThreadData, ThreadReply, ThreadRequest, SerializedError } from './pglite-thread.ts'

export interface PgliteResult<Row> {
  rows: Row[]
  affectedRows?: number
}

/** What can run statements: the database, or one of its open transactions. */
export interface PgliteStatements {
  /**
   * One statement (extended protocol, `$1` parameters). `serviceTypes`: timestamptz and int8 the
   * way the service reads them (value-parsers.ts); without it, PGlite's defaults (pg-boss's).
   */
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: { serviceTypes?: boolean }
  ): Promise<PgliteResult<Row>>
  /** Any number of statements, no parameters (simple protocol): one result per statement. */
  exec(sql: string): Promise<Array<PgliteResult<Record<string, unknown>>>>
}

/** Structurally what pg-boss's `fromPglite` adapter takes (query, exec, listen). */
export interface PgliteWorker extends PgliteStatements {
  listen(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>>
  /** BEGIN, `fn`, COMMIT; ROLLBACK when `fn` throws. Everyone else's statements wait meanwhile. */
  transaction<T>(fn: (tx: PgliteStatements) => Promise<T>): Promise<T>
  /** Closes PGlite (flushing its files) and ends the thread. Safe to call twice. */
  close(): Promise<void>
  readonly closed: boolean
}

/** A PostgreSQL error (or any error) thrown in the thread, with its fields (code, constraint, …). */
export class PgliteError extends Error {
  declare code?: string
  declare constraint?: string
  declare detail?: string
}

const standardErrors: Record<string, ErrorConstructor> = { RangeError, TypeError, SyntaxError, ReferenceError }

/** The thread's error on this side: the same class when it is a standard one, with its fields. */
function revive (fields: SerializedError): Error {
  const Standard = standardErrors[fields.name]
  return Object.assign(Standard ? new Standard(fields.message) : new PgliteError(fields.message), fields)
}

export interface StartPgliteWorkerOptions {
  /** A folder (created by initdb when empty), or `memory://`. */
  dataDir: string
  /** postgresql.conf lines. */
  settings: string[]
  /** A dump (PGlite's dumpDataDir tar) to start from. */
  loadDataDir?: Uint8Array
  /** Called once if the thread dies after it started (every later call then rejects). */
  onFailure?: (error: Error) => void
  /** Caps on the thread's own V8 heap (not PGlite's WebAssembly memory); Node's defaults otherwise. */
  resourceLimits?: ResourceLimits
}

/** A request before send() numbers it (Omit applied to each member of the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never
type Message = WithoutId<ThreadRequest>
type Pending = { resolve(value: unknown): void; reject(error: Error): void }

/** Starts the thread and resolves once PGlite in it is open. */
export async function startPgliteWorker (options: StartPgliteWorkerOptions): Promise<PgliteWorker> {
  const workerData: PgliteThreadData = {
    dataDir: options.dataDir,
    settings: options.settings,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
  }
  // The thread inherits the process's Node options (V8 flags such as --liftoff-only apply to every
  // thread already), except in a script run with --eval and --input-type: a thread given that
  // option cannot load its file, so there it gets none.
  const evalScript = process.execArgv.some((arg) => arg.startsWith('--input-type'))
  const thread = new Worker(new URL('./pglite-thread.ts', import.meta.url), {
    workerData,
    name: 'pglite',
    ...(evalScript ? { execArgv: [] } : {}),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {})
  })
  const pending = new Map<number, Pending>()
  const notifications = new Map<number, (payload: string) => void>()
  let nextId = 1
  let started = false
  let stopped: Error | undefined
  let closed: Promise<void> | undefined

  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      if (stopped !== undefined) return // closed on purpose, or already reported
      stopped = error
      if (started) options.onFailure?.(error)
      reject(error)
      for (const call of pending.values()) call.reject(error)
      pending.clear()
      thread.unref()
    }
    thread.on('error', (error) => fail(new Error(`the embedded database thread failed: ${error.message}`, { cause: error })))
    thread.on('exit', (code) => fail(new Error(`the embedded database thread ended (exit code ${code})`)))
    thread.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) return resolve()
      if ('notify' in reply) return notifications.get(reply.notify)?.(reply.payload)
      const call = pending.get(reply.id)
      if (call === undefined) return
      pending.delete(reply.id)
      if (pending.size === 0) thread.unref()
      if ('error' in reply) call.reject(revive(reply.error))
      else call.resolve(reply.result)
    })
  })

  function send<T> (request: Message): Promise<T> {
    if (stopped !== undefined) return Promise.reject(stopped)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) thread.ref()
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      thread.postMessage({ ...request, id } as ThreadRequest)
    })
  }

  const statements = (txId?: number): PgliteStatements => ({
    query: (sql, params, options) =>
      send({
        op: 'query',
        sql,
        ...(params && params.length > 0 ? { params: [...params] } : {}),
        ...(txId !== undefined ? { txId } : {}),
        ...(options?.serviceTypes ? { serviceTypes: true } : {})
      }),
    exec: (sql) => send({ op: 'exec', sql, ...(txId !== undefined ? { txId } : {}) })
  })

  try {
    await ready
  } catch (error) {
    await thread.terminate()
    throw error
  }
  started = true
  thread.unref()

  return {
    ...statements(),
    async listen (channel, onNotification) {
      const listenId = await send<number>({ op: 'listen', channel })
      notifications.set(listenId, onNotification)
      return async () => {
        notifications.delete(listenId)
        await send({ op: 'unlisten', listenId })
      }
    },
    async transaction (fn) {
      const txId = await send<number>({ op: 'begin' })
      let result
      try {
        result = await fn(statements(txId))
      } catch (error) {
        await send({ op: 'end', txId, commit: false }).catch(() => {}) // the thread is gone: nothing to undo
        throw error
      }
      await send({ op: 'end', txId, commit: true })
      return result
    },
    get closed () {
      return closed !== undefined || stopped !== undefined
    },
    close () {
      closed ??= (async () => {
        if (stopped === undefined) {
          try {
            await send({ op: 'close' })
          } finally {
            stopped = new Error('the embedded database is closed')
          }
        }
        await thread.terminate()
        await exited
      })()
      return closed
    }
  }
}
