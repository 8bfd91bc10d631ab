// Kibo's inventory calls, on transport.ts (token, x-vol headers, error parsing, KiboError):
//
//   POST {api}/commerce/inventory/v5/inventory/adjust    { locationCode, items } → { jobID }
//   POST {api}/commerce/inventory/v5/inventory/refresh   { locationCode, items } → { jobID }
//   GET  {api}/commerce/inventory/v1/queue/{jobID}        the job: status, itemCount, messages
//   POST {api}/commerce/inventory/v1/inventory            the Inventory guide's query → InventoryResponse[]
//
// Submitting a job is not idempotent at Kibo (an adjust sent twice adjusts twice), so a submit is
// never retried here: its error says whether Kibo may have queued it (`ambiguous`: sent, no
// answer or a 5xx) or surely did not (`unavailable`, `rate_limited`: refused or never sent), and
// the worker decides. Reads (job status, query) are retried within a small budget.
import type { Dispatcher } from 'undici'
import { KiboError } from './errors.ts'
import {
  createKiboTransport,
  kiboErrorFromResponse,
  KiboNoResponseError,
  silentLogger,
  type KiboLogger,
  type RawResponse
} from './transport.ts'
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

export function createKiboInventoryClient (options: KiboInventoryClientOptions): KiboInventoryClient {
  const logger = options.logger ?? silentLogger
  const transport = createKiboTransport({
    baseUrl: options.apiBaseUrl,
    tenantId: options.tenantId,
    siteId: options.siteId,
    tokens: options.tokenProvider,
    timeoutMs: options.timeoutMs,
    connections: options.connections ?? 8,
    dispatcher: options.dispatcher,
    logger
  })
  const retryBudgetMs = options.retryBudgetMs ?? 10_000

  const errorFrom = (operation: string, response: RawResponse, mayHaveCommitted: boolean) =>
    kiboErrorFromResponse(operation, response, { serverErrorKind: mayHaveCommitted ? 'ambiguous' : 'unavailable' })

  /** Reads and queries: retried on no answer, 5xx and 429 within the budget. */
  function read (operation: string, method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<RawResponse> {
    return transport.read(operation, method, path, {
      body,
      deadline: Date.now() + retryBudgetMs,
      backoffMs: (attempt) => Math.min(2000, 100 * 2 ** (attempt - 1))
    })
  }

  return {
    async submit (kind, locationCode, items) {
      const operation = kind === 'adjust' ? 'adjustInventory' : 'refreshInventory'
      let response: RawResponse
      try {
        response = await transport.sendAuthorized(operation, 'POST', KIBO_INVENTORY_PATHS[kind], { locationCode, items })
      } catch (error) {
        if (error instanceof KiboNoResponseError) throw error.toKiboError(true)
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
      await transport.close('abort')
    }
  }
}
