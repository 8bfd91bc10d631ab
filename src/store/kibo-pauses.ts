// Fleet-wide Kibo rate-limit pauses. Kibo's rate limits count every call of a tenant, whichever
// instance makes it, so a 429 with Retry-After seen by one instance pauses that Kibo tenant for
// all of them: the pause is a row in the shared database (kibo_pauses), and each instance reads it
// at most once per `cacheMs` per tenant (so checking it costs no query per job).
import type { Database } from './database.ts'
import * as sql from './sql.ts'

export interface KiboPauses {
  /** Pauses `tenantId` for `ms` for every instance (an existing longer pause is kept); returns the ms left. */
  pause(tenantId: number, ms: number, reason?: Record<string, unknown>): Promise<number>
  /** How long `tenantId` is still paused, in ms (0: not paused); from a cache at most `cacheMs` old. */
  remainingMs(tenantId: number): Promise<number>
}

export interface KiboPausesOptions {
  /** How long a read is reused. Default 1000 ms. */
  cacheMs?: number
  /** Tests only: a fixed clock instead of the database's now(). */
  now?: () => Date
}

/** Longest pause recorded: a Retry-After beyond this is Kibo misbehaving, not a plan. */
const MAX_PAUSE_MS = 15 * 60_000

export function createKiboPauses (db: Database, options: KiboPausesOptions = {}): KiboPauses {
  const cacheMs = options.cacheMs ?? 1000
  const clock = (): string | null => (options.now === undefined ? null : options.now().toISOString())
  /** Per tenant: the pause's end on this process's clock, and when that was read. */
  const cache = new Map<number, { untilMs: number; readAt: number; reading?: Promise<number> }>()

  function remember (tenantId: number, remaining: number): number {
    const now = Date.now()
    cache.set(tenantId, { untilMs: now + remaining, readAt: now })
    return remaining
  }

  return {
    async pause (tenantId, ms, reason = {}) {
      const pauseMs = Math.min(MAX_PAUSE_MS, Math.max(1, Math.round(ms)))
      const { rows } = await db.query<{ remaining_ms: number }>(sql.upsertKiboPause, [clock(), tenantId, pauseMs, JSON.stringify(reason)])
      return remember(tenantId, rows[0]?.remaining_ms ?? pauseMs)
    },

    remainingMs (tenantId) {
      const now = Date.now()
      const cached = cache.get(tenantId)
      if (cached !== undefined && now - cached.readAt < cacheMs) return Promise.resolve(Math.max(0, cached.untilMs - now))
      if (cached?.reading !== undefined) return cached.reading
      // One read at a time per tenant: the workers that ask meanwhile share it.
      const reading = db
        .query<{ remaining_ms: number }>(sql.selectKiboPause, [clock(), tenantId])
        .then(({ rows }) => remember(tenantId, rows[0]?.remaining_ms ?? 0))
        .catch((error: unknown) => {
          const entry = cache.get(tenantId)
          if (entry !== undefined) delete entry.reading
          throw error
        })
      cache.set(tenantId, { untilMs: cached?.untilMs ?? 0, readAt: cached?.readAt ?? 0, reading })
      return reading
    }
  }
}
