// What happened to each import, as events for whoever wants to count or watch them (metrics).
// The import paths emit; nothing in them depends on who listens.
import { EventEmitter } from 'node:events'
import fp from 'fastify-plugin'

export type ImportOutcome =
  | 'imported' // created in Kibo, or found there after an unknown outcome
  | 'replayed' // a repeat of an imported order, answered from the store
  | 'queued' // accepted for async delivery
  | 'duplicate' // a repeat of a queued or importing order (async), acknowledged
  | 'in_flight' // a repeat while it is being imported (sync: 409)
  | 'conflict' // same externalId, different payload (422)
  | 'refused' // the mapping refused it (totals, fraud decline)
  | 'retry_scheduled' // an async try failed; another is scheduled
  | 'failed' // Kibo refused it, or a sync try failed
  | 'dead' // async retries exhausted

export interface ImportOutcomeEvent {
  mode: 'sync' | 'async'
  outcome: ImportOutcome
  /** The first payment's gateway, or 'none'. */
  gateway: string
  /** How long this step took. */
  durationMs?: number
  /** For imported async orders: from receipt to import. */
  endToEndMs?: number
  /** HTTP status we answered or stored. */
  status?: number
  /** For failures: the failure kind (validation, unavailable, ambiguous, ...). */
  kind?: string
}

export interface ImportOutcomes {
  on(event: 'outcome', listener: (event: ImportOutcomeEvent) => void): this
  off(event: 'outcome', listener: (event: ImportOutcomeEvent) => void): this
  emit(event: 'outcome', payload: ImportOutcomeEvent): boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    importOutcomes: ImportOutcomes
  }
}

/** The gateway label of an event or stored event (`data.payments[0].gateway`). */
export function gatewayOf (event: unknown): string {
  const payments = (event as { data?: { payments?: Array<{ gateway?: unknown }> | null } } | null)?.data?.payments
  const gateway = payments?.[0]?.gateway
  return typeof gateway === 'string' ? gateway : 'none'
}

export default fp(
  async function importOutcomesPlugin (app) {
    const emitter = new EventEmitter() as EventEmitter & ImportOutcomes
    emitter.setMaxListeners(50)
    app.decorate('importOutcomes', emitter)
  },
  { name: 'import-outcomes' }
)
