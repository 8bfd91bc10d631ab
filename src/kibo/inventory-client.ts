// Kibo's inventory HTTP calls, on undici, with the shared token provider and Kibo's error
// parsing from kibo-client.ts (KiboError, parseKiboErrorBody, parseRetryAfter):
//
//   POST {api}/commerce/inventory/v5/inventory/adjust    { locationCode, items } → { jobID }
//   POST {api}/commerce/inventory/v5/inventory/refresh   { locationCode, items } → { jobID }
//   GET  {api}/commerce/inventory/v1/queue/{jobID}        the job: status, itemCount, messages
//   POST {api}/commerce/inventory/v1/inventory            the seed's inventory query → InventoryResponse[]
//
// Submitting a job is not idempotent at Kibo (an adjust sent twice adjusts twice), so a submit is
// never retried here: its error says whether Kibo may have queued it (`ambiguous`: sent, no
// answer or a 5xx) or surely did not (`unavailable`, `rate_limited`: refused or never sent), and
// the worker decides. Reads (job status, query) are retried within a small budget.
import type { Dispatcher } from 'undici'
import {
  KiboError,
  kiboEndpoint,
  kiboErrorFromResponse,
  notSentCodes,
  transportCode,
  type KiboLogger,
  type RawResponse
} from './orders-client.ts'
import type { KiboTokenProvider } from './auth.ts'
import type { KiboInventoryItem } from '../store/inventory-store.ts'

export const KIBO_INVENTORY_PATHS = {
  adjust: '/commerce/inventory/v5/inventory/adjust',
  refresh: '/commerce/inventory/v5/inventory/refresh',
  job: (jobId: number) => `/commerce/inventory/v1/queue/${encodeURIComponent(String(jobId))}`,
  query: '/commerce/inventory/v1/inventory'
} as const

export interface KiboInventoryJob {
  jobID: number
  status?: string
  type?: string
  locationCode?: string
  itemCount?: number
  messages?: string[]
  success?: boolean
  added?: string
  started?: string
  finished?: string
  [field: string]: unknown
}

export interface KiboInventoryQuery {
  type: 'ALL' | 'PARTIAL' | 'ANY' | 'ALL_STORES'
  items: Array<{ partNumber?: string; upc?: string }>
  locationWhitelist?: string[]
}

export interface KiboInventoryRecord {
  locationCode?: string
  partNumber?: string
  upc?: string
  sku?: string
  onHand?: number
  available?: number
  allocated?: number
  [field: string]: unknown
}

export interface KiboInventoryClient {
  submit(kind: 'adjust' | 'refresh', locationCode: string, items: KiboInventoryItem[]): Promise<{ jobId: number; correlationId?: string }>
  getJob(jobId: number): Promise<KiboInventoryJob>
  query(request: KiboInventoryQuery): Promise<KiboInventoryRecord[]>
  close(): Promise<void>
}

export interface KiboInventoryClientOptions {
  apiBaseUrl: string
  tenantId: number
  siteId: number
  tokenProvider: KiboTokenProvider
  timeoutMs: number
  connections?: number
  /** How long reads may spend on retries. */
  retryBudgetMs?: number
  logger?: KiboLogger
  dispatcher?: Dispatcher
}

class NoResponse extends Error {
  readonly code: string
  readonly sent: boolean
  constructor (code: string, sent: boolean) {
    super(code)
    this.code = code
    this.sent = sent
  }
}

const silent: KiboLogger = { debug () {}, info () {}, warn () {}, error () {} }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createKiboInventoryClient (options: KiboInventoryClientOptions): KiboInventoryClient {
  const logger = options.logger ?? silent
  const endpoint = kiboEndpoint({
    baseUrl: options.apiBaseUrl,
    tenantId: options.tenantId,
    siteId: options.siteId,
    timeoutMs: options.timeoutMs,
    connections: options.connections ?? 8,
    dispatcher: options.dispatcher
  })
  const retryBudgetMs = options.retryBudgetMs ?? 10_000

  async function send (method: Dispatcher.HttpMethod, path: string, token: string, body?: unknown): Promise<RawResponse> {
    try {
      return await endpoint.request(method, path, token, body)
    } catch (error) {
      const code = transportCode(error)
      throw new NoResponse(code, !notSentCodes.has(code))
    }
  }

  /** A 401 was refused, never committed: a fresh token and one more try. */
  async function authorized (method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    const token = await options.tokenProvider.getToken()
    const response = await send(method, path, token, body)
    if (response.status !== 401) return response
    options.tokenProvider.invalidate(token)
    return send(method, path, await options.tokenProvider.getToken(), body)
  }

  const errorFrom = (operation: string, response: RawResponse, mayHaveCommitted: boolean) =>
    kiboErrorFromResponse(operation, response, { serverErrorKind: mayHaveCommitted ? 'ambiguous' : 'unavailable' })

  function noResponseError (operation: string, failure: NoResponse, mayHaveCommitted: boolean): KiboError {
    return new KiboError({
      kind: failure.sent && mayHaveCommitted ? 'ambiguous' : 'unavailable',
      message: `Kibo ${operation} got no response (${failure.code})`,
      operation
    })
  }

  /** Reads and queries: retried on no answer, 5xx and 429 within the budget. */
  async function read (operation: string, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    const deadline = Date.now() + retryBudgetMs
    for (let attempt = 1; ; attempt++) {
      let failure: KiboError
      try {
        const response = await authorized(method, path, body)
        if (response.status < 500 && response.status !== 429) return response
        failure = errorFrom(operation, response, false)
      } catch (error) {
        if (!(error instanceof NoResponse)) throw error
        failure = noResponseError(operation, error, false)
      }
      const wait = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : Math.min(2000, 100 * 2 ** (attempt - 1))
      if (Date.now() + wait > deadline) throw failure
      await sleep(wait)
    }
  }

  return {
    async submit (kind, locationCode, items) {
      const operation = kind === 'adjust' ? 'adjustInventory' : 'refreshInventory'
      let response: RawResponse
      try {
        response = await authorized('POST', KIBO_INVENTORY_PATHS[kind], { locationCode, items })
      } catch (error) {
        if (error instanceof NoResponse) throw noResponseError(operation, error, true)
        throw error
      }
      if (response.status < 200 || response.status >= 300) throw errorFrom(operation, response, true)
      let parsed: { jobID?: unknown }
      try {
        parsed = JSON.parse(response.text) as { jobID?: unknown }
      } catch {
        parsed = {}
      }
      const jobId = Number(parsed.jobID)
      if (!Number.isSafeInteger(jobId)) {
        // Kibo took it (2xx) but we cannot follow it: not resendable, not trackable.
        throw new KiboError({
          kind: 'ambiguous',
          status: response.status,
          message: `Kibo ${operation} answered without a jobID`,
          operation,
          ...(response.correlationId ? { correlationId: response.correlationId } : {})
        })
      }
      logger.debug(
        { operation, locationCode, items: items.length, kiboJobId: jobId, correlationId: response.correlationId },
        'kibo inventory job queued'
      )
      return { jobId, ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {}) }
    },

    async getJob (jobId) {
      const response = await read('getInventoryJob', 'GET', KIBO_INVENTORY_PATHS.job(jobId))
      if (response.status < 200 || response.status >= 300) throw errorFrom('getInventoryJob', response, false)
      return JSON.parse(response.text) as KiboInventoryJob
    },

    async query (request) {
      const response = await read('queryInventory', 'POST', KIBO_INVENTORY_PATHS.query, request)
      if (response.status < 200 || response.status >= 300) throw errorFrom('queryInventory', response, false)
      const parsed = JSON.parse(response.text) as unknown
      // The SDK types the answer as InventoryResponse[]; accept a collection ({ items }) too.
      if (Array.isArray(parsed)) return parsed as KiboInventoryRecord[]
      const items = (parsed as { items?: unknown } | null)?.items
      return Array.isArray(items) ? (items as KiboInventoryRecord[]) : []
    },

    async close () {
      if (endpoint.ownsDispatcher) await endpoint.dispatcher.destroy()
    }
  }
}
