// The embedded database's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs its
// statements synchronously on the thread that calls it, so in the service's main thread every
// statement stopped request handling for its whole duration. Here it runs in a worker thread;
// `pglite-worker.ts` is the other end and the only code that talks to this file.
//
// Messages in (one at a time per id, answered in any order):
//   { id, op: 'query', sql, params?, txId?, serviceTypes? }  → { id, result: { rows, affectedRows } }
//   { id, op: 'exec', sql, txId? }                           → { id, result: [{ rows, affectedRows }] }
//   { id, op: 'begin' }                                      → { id, result: txId } once BEGIN ran
//   { id, op: 'end', txId, commit }                          → { id, result: null } after COMMIT / ROLLBACK
//   { id, op: 'listen', channel }                            → { id, result: listenId }; then { notify: listenId, payload }
//   { id, op: 'unlisten', listenId }                         → { id, result: null }
//   { id, op: 'close' }                                      → { id, result: null }, then the thread ends
// A failed operation answers { id, error: { message, name, code, … } } (the PostgreSQL error's fields).
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { INT8_OID, parseInt8, parseTimestamp, TIMESTAMPTZ_OID } from './value-parsers.ts'

export interface PgliteThreadData {
  dataDir: string
  settings: string[]
  /** A dump (dumpDataDir's tar) to start from instead of an empty directory. */
  loadDataDir?: Uint8Array
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; txId?: number; serviceTypes?: boolean }
  | { id: number; op: 'exec'; sql: string; txId?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; txId: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listenId: number }
  | { id: number; op: 'close' }

export type ThreadReply =
  { id: number; result: unknown } | { id: number; error: SerializedError } | { notify: number; payload: string } | { ready: true }

export interface SerializedError {
  message: string
  name: string
  [field: string]: string | number | boolean | undefined
}

// The service's value conversions (database.ts): functions cannot cross threads, so a query asks
// for them with `serviceTypes`; pg-boss's queries get the driver's defaults.
const serviceParsers = { [TIMESTAMPTZ_OID]: parseTimestamp, [INT8_OID]: parseInt8 }

if (parentPort === null) throw new Error('pglite-thread.ts runs as a worker thread (see pglite-worker.ts)')
const port = parentPort
const data = workerData as PgliteThreadData

const pglite = await PGlite.create({
  dataDir: data.dataDir,
  postgresqlconf: data.settings,
  ...(data.loadDataDir ? { loadDataDir: new Blob([data.loadDataDir as Uint8Array<ArrayBuffer>]) } : {})
})

interface OpenTransaction {
  tx: Transaction
  /** COMMIT (true) or ROLLBACK; resolves once it ran, rejects when it failed. */
  end(commit: boolean): Promise<void>
}
const transactions = new Map<number, OpenTransaction>()
const listeners = new Map<number, () => Promise<void>>()
let nextTxId = 1
let nextListenId = 1

class RollbackRequested extends Error {}

function serialize (error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error' }
  const fields: SerializedError = { message: error.message, name: error.name }
  for (const [key, value] of Object.entries(error)) {
    // `params` may hold whole orders; `query` is the statement, useful in a log line.
    if (key === 'params') continue
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value
  }
  return fields
}

function target (txId: number | undefined): Pick<PGlite, 'query' | 'exec'> {
  if (txId === undefined) return pglite
  const open = transactions.get(txId)
  if (open === undefined) throw new Error(`transaction ${txId} is not open`)
  return open.tx
}

async function handle (request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const result = await target(request.txId).query(
        request.sql,
        request.params,
        request.serviceTypes ? { parsers: serviceParsers } : undefined
      )
      return { rows: result.rows, affectedRows: result.affectedRows }
    }
    case 'exec': {
      const results = await target(request.txId).exec(request.sql)
      return results.map((result) => ({ rows: result.rows, affectedRows: result.affectedRows }))
    }
    case 'begin': {
      const txId = nextTxId++
      // PGlite's transaction() holds the instance's mutex from BEGIN to COMMIT: every other query,
      // exec or transaction waits, so nothing of another caller lands inside this one.
      const begun = Promise.withResolvers<number>()
      const outcome: Promise<void> = pglite
        .transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              const end = (commit: boolean) => {
                if (commit) resolve()
                else reject(new RollbackRequested())
                return outcome
              }
              transactions.set(txId, { tx, end })
              begun.resolve(txId)
            })
        )
        .catch((error: unknown) => {
          if (!(error instanceof RollbackRequested)) throw error
        })
      outcome.then(
        () => transactions.delete(txId),
        (error: unknown) => {
          // Never opened: BEGIN itself failed, and that is the answer to 'begin'. Otherwise the
          // 'end' request that ended it answers with the error.
          if (!transactions.delete(txId)) begun.reject(error)
        }
      )
      return await begun.promise
    }
    case 'end': {
      const open = transactions.get(request.txId)
      if (open === undefined) throw new Error(`transaction ${request.txId} is not open`)
      await open.end(request.commit)
      return null
    }
    case 'listen': {
      const listenId = nextListenId++
      listeners.set(
        listenId,
        await pglite.listen(request.channel, (payload) => port.postMessage({ notify: listenId, payload } satisfies ThreadReply))
      )
      return listenId
    }
    case 'unlisten': {
      await listeners.get(request.listenId)?.()
      listeners.delete(request.listenId)
      return null
    }
    case 'close': {
      if (!pglite.closed) await pglite.close()
      return null
    }
  }
}

port.on('message', (request: ThreadRequest) => {
  handle(request)
    .then(
      (result) => port.postMessage({ id: request.id, result } satisfies ThreadReply),
      (error: unknown) => port.postMessage({ id: request.id, error: serialize(error) } satisfies ThreadReply)
    )
    .finally(() => {
      if (request.op === 'close') port.close()
    })
})
port.postMessage({ ready: true } satisfies ThreadReply)
