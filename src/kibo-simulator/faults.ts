// Fault switches for the Kibo simulator: a queue of faults for the next N requests of a route,
// faults that fire with a probability drawn from a seeded RNG (so a failing run can be
// replayed), and added latency. Driven in-process or over HTTP (POST /_simulator/faults).

export type SimulatorRoute =
  | 'oauth'
  | 'createOrder'
  | 'getOrder'
  | 'findOrders'
  | 'getValidationResults'
  | 'putValidationResults'
  | 'updateOrderRestrictions'
  | 'inventory'

/** `api`: every route but oauth. `any`: every route. */
export type RouteSelector = SimulatorRoute | 'api' | 'any'

export type FaultKind =
  | '500' // Kibo-style JSON error, nothing committed
  | '502-empty' // 502 with an empty body (a proxy in the way), nothing committed
  | '400-validation' // Kibo refuses the order (VALIDATION_ERROR), nothing committed
  | '503-html' // 503 with an HTML page (load balancer), nothing committed
  | '429' // rate limited, Retry-After seconds, nothing committed
  | 'reset' // socket destroyed before any response, nothing committed
  | 'commit-then-fail' // the request IS processed (order stored), then the answer is lost
  | 'timeout' // hang past the client's timeout, after committing or not
  | 'auth-401-once' // 401 as if the token had been revoked (the token is revoked)

export const faultKinds: readonly FaultKind[] = [
  '500',
  '502-empty',
  '400-validation',
  '503-html',
  '429',
  'reset',
  'commit-then-fail',
  'timeout',
  'auth-401-once'
]

export interface FaultSpec {
  kind: FaultKind
  /** Default: `createOrder`, except `auth-401-once` which defaults to `api`. */
  route?: RouteSelector
  /** Queue mode (no probability): how many matching requests get it. Default 1. With a probability: an optional cap. */
  times?: number
  /** 0..1: fire on each matching request with this probability (seeded RNG) until cleared or `times` ran out. */
  probability?: number
  /** 429 / 503-html: Retry-After in seconds (429 defaults to 1; 503-html sends none unless set). */
  retryAfterSeconds?: number
  /** commit-then-fail: how the answer is lost. Default `reset`. */
  then?: 'reset' | 500 | 504
  /** timeout: process (commit) the request before hanging. Default false. */
  commit?: boolean
  /** timeout: how long to hang before destroying the socket. Default 30 000 ms. */
  hangMs?: number
}

export interface LatencySpec {
  /** Fixed delay added before handling. */
  fixedMs?: number
  /** Random extra delay in [minMs, maxMs] (seeded RNG). */
  minMs?: number
  maxMs?: number
  route?: RouteSelector
}

interface ActiveFault {
  spec: FaultSpec
  remaining: number // Infinity for an uncapped probabilistic fault
}

/** mulberry32: tiny, fast, good enough to make fault runs reproducible. */
function mulberry32 (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function routeMatches (selector: RouteSelector, route: SimulatorRoute): boolean {
  if (selector === 'any') return true
  if (selector === 'api') return route !== 'oauth'
  return selector === route
}

export function validateFaultSpec (spec: unknown): FaultSpec {
  if (spec === null || typeof spec !== 'object') throw new Error('A fault must be an object')
  const s = spec as Record<string, unknown>
  if (!faultKinds.includes(s.kind as FaultKind)) {
    throw new Error(`Unknown fault kind ${JSON.stringify(s.kind)}; one of ${faultKinds.join(', ')}`)
  }
  const routes = [
    'oauth',
    'createOrder',
    'getOrder',
    'findOrders',
    'getValidationResults',
    'putValidationResults',
    'updateOrderRestrictions',
    'inventory',
    'api',
    'any'
  ]
  if (s.route !== undefined && !routes.includes(s.route as string)) {
    throw new Error(`Unknown route ${JSON.stringify(s.route)}; one of ${routes.join(', ')}`)
  }
  if (s.times !== undefined && !(Number.isInteger(s.times) && (s.times as number) >= 1)) {
    throw new Error('times must be a whole number >= 1')
  }
  if (s.probability !== undefined && !(typeof s.probability === 'number' && s.probability >= 0 && s.probability <= 1)) {
    throw new Error('probability must be between 0 and 1')
  }
  if (s.then !== undefined && !['reset', 500, 504].includes(s.then as string | number)) throw new Error('then must be "reset", 500 or 504')
  for (const key of ['retryAfterSeconds', 'hangMs'] as const) {
    if (s[key] !== undefined && !(typeof s[key] === 'number' && (s[key] as number) >= 0)) throw new Error(`${key} must be a number >= 0`)
  }
  if (s.commit !== undefined && typeof s.commit !== 'boolean') throw new Error('commit must be a boolean')
  return s as unknown as FaultSpec
}

export class FaultController {
  #faults: ActiveFault[] = []
  #latency: LatencySpec | null = null
  #random: () => number
  #seed: number
  readonly triggered: Record<string, number> = {}

  constructor (seed = 1) {
    this.#seed = seed
    this.#random = mulberry32(seed)
  }

  /** Adds faults; queue faults fire in the order they were added. */
  inject (specs: FaultSpec | FaultSpec[]): void {
    for (const raw of Array.isArray(specs) ? specs : [specs]) {
      const spec = validateFaultSpec(raw)
      const remaining = spec.probability === undefined ? (spec.times ?? 1) : (spec.times ?? Number.POSITIVE_INFINITY)
      this.#faults.push({ spec: { ...spec }, remaining })
    }
  }

  setLatency (latency: LatencySpec | null): void {
    this.#latency = latency === null ? null : { ...latency }
  }

  /** Re-seeds the RNG used by probabilistic faults and random latency. */
  seed (seed: number): void {
    this.#seed = seed
    this.#random = mulberry32(seed)
  }

  clear (): void {
    this.#faults = []
    this.#latency = null
  }

  reset (): void {
    this.clear()
    this.seed(this.#seed)
    for (const key of Object.keys(this.triggered)) delete this.triggered[key]
  }

  list (): { faults: Array<FaultSpec & { remaining: number | null }>; latency: LatencySpec | null; seed: number } {
    return {
      faults: this.#faults.map((f) => ({ ...f.spec, remaining: Number.isFinite(f.remaining) ? f.remaining : null })),
      latency: this.#latency === null ? null : { ...this.#latency },
      seed: this.#seed
    }
  }

  /** The fault for this request, if any; consumes one use of it. */
  take (route: SimulatorRoute): FaultSpec | undefined {
    const selectorOf = (spec: FaultSpec): RouteSelector => spec.route ?? (spec.kind === 'auth-401-once' ? 'api' : 'createOrder')
    // Deterministic queue first, then the probabilistic ones.
    for (const queued of [false, true]) {
      for (const fault of this.#faults) {
        if ((fault.spec.probability !== undefined) !== queued) continue
        if (fault.remaining <= 0 || !routeMatches(selectorOf(fault.spec), route)) continue
        if (queued && this.#random() >= (fault.spec.probability ?? 0)) continue
        fault.remaining--
        this.#faults = this.#faults.filter((f) => f.remaining > 0)
        this.triggered[fault.spec.kind] = (this.triggered[fault.spec.kind] ?? 0) + 1
        return fault.spec
      }
    }
    return undefined
  }

  latencyFor (route: SimulatorRoute): number {
    const latency = this.#latency
    if (latency === null || !routeMatches(latency.route ?? 'any', route)) return 0
    let ms = latency.fixedMs ?? 0
    if (latency.maxMs !== undefined) {
      const min = latency.minMs ?? 0
      ms += min + Math.floor(this.#random() * Math.max(0, latency.maxMs - min + 1))
    }
    return ms
  }
}
