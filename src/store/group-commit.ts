// Group commit: calls that arrive while a batch is being written wait and are written together in
// the next one, so N concurrent writers cost one transaction instead of N (on PGlite, one
// connection, every transaction is serial; on PostgreSQL, one commit flush instead of N). A lone
// call is written at once (next turn of the event loop), so there is no latency cost at low load.
// DataLoader does the collecting; the schedule below holds a new batch until the running ones end.
import DataLoader from 'dataloader'
import type { ClaimInput, ImportStore, MarkImportedInput } from './import-store.ts'

/** Most calls one batch takes by default. */
export const GROUP_COMMIT_BATCH_SIZE = 128

export interface GroupCommitOptions {
  /** Most calls in one batch; more wait for the next one. */
  maxBatchSize: number
}

/**
 * Returns a function that queues one input and resolves with its own result (or rejects with its
 * own error). `writeBatch` gets the waiting inputs in arrival order and answers one settled
 * result per input, in the same order.
 */
export function groupCommit<In, Out> (
  writeBatch: (inputs: readonly In[]) => Promise<Array<PromiseSettledResult<Out>>>,
  options: GroupCommitOptions
): (input: In) => Promise<Out> {
  let running = 0
  let waiting: Array<() => void> = []
  const loader = new DataLoader<In, Out>(
    async (inputs) => {
      running++
      try {
        const settled = await writeBatch(inputs)
        return settled.map((result) =>
          result.status === 'fulfilled' ? result.value : result.reason instanceof Error ? result.reason : new Error(String(result.reason))
        )
      } finally {
        running--
        if (running === 0) {
          const ready = waiting
          waiting = []
          for (const dispatch of ready) dispatch()
        }
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatchSize,
      batchScheduleFn: (dispatch) => {
        if (running === 0) setImmediate(dispatch)
        else waiting.push(dispatch)
      }
    }
  )
  return (input) => loader.load(input)
}

/** Claims and markImported of concurrent callers share transactions; everything else is as is. */
export function withGroupCommit (store: ImportStore, options: GroupCommitOptions = { maxBatchSize: GROUP_COMMIT_BATCH_SIZE }): ImportStore {
  const claimImport = groupCommit((inputs: readonly ClaimInput[]) => store.claimImports(inputs), options)
  const markImported = groupCommit((items: readonly MarkImportedInput[]) => store.markImportedMany(items), options)
  return {
    ...store,
    claimImport,
    markImported: (importId, leaseOwner, outcome, options) =>
      markImported(options?.event === undefined ? { importId, leaseOwner, outcome } : { importId, leaseOwner, outcome, ...options })
  }
}
