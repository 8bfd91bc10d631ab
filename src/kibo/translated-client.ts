// HTTP client for Kibo's translated Create Order API v2 and Create Order Authorize:
//   POST {base}/api/v2/createOrder/            base = https://{tenantId}-translation[.sandbox].mozu.com
//   POST {base}/api/v2/createOrder/authorize
// Sent through transport.ts with the OAuth bearer token of auth.ts ("After receiving
// authentication, the Create Order API is used ...") and x-vol-tenant ("Remember to provide the
// x-vol-tenant key for authentication in the headers"), no x-vol-site. Error bodies are parsed,
// and errors raised, with transport.ts's kiboErrorFromResponse / errors.ts's KiboError.
//
// No blind retries. Neither guide documents a way to look a translated order (or an
// authorization) up by externalOrderID / externalCartID, so a call that may have been
// processed (no answer after the request was sent, or a 5xx) is surfaced as
// KiboError kind 'ambiguous' and NOT retried: retrying a create could create the order twice,
// retrying an authorize could hold the shopper's card twice. Only answers that prove nothing
// was done are retried: one 401 (fresh token, once). 429 and 4xx are returned to the caller.
import type { Dispatcher } from 'undici'
import type { KiboTokenProvider } from './auth.ts'
import { KiboError, kiboErrorToProblem, type KiboProblem } from './errors.ts'
import {
  createKiboTransport,
  kiboErrorFromResponse,
  KiboNoResponseError,
  silentLogger,
  type KiboLogger,
  type RawResponse
} from './transport.ts'
import {
  TranslatedAuthorizeResponseSchema,
  TranslatedCreateOrderResponseSchema,
  type TranslatedAuthorizeRequest,
  type TranslatedAuthorizeResponse,
  type TranslatedCreateOrderRequest,
  type TranslatedCreateOrderResponse
} from '../../schemas/translated-order.ts'

export const TRANSLATED_CREATE_ORDER_PATH = '/api/v2/createOrder/'
export const TRANSLATED_AUTHORIZE_PATH = '/api/v2/createOrder/authorize'

export type TranslatedOperation = 'translatedCreateOrder' | 'translatedAuthorize'

/** The documented base URL of a tenant's translated API (the table in Kibo's Create Order guide). */
export function translatedBaseUrl (tenantId: number, env: 'sandbox' | 'production'): string {
  return env === 'sandbox' ? `https://${tenantId}-translation.sandbox.mozu.com` : `https://${tenantId}-translation.mozu.com`
}

export interface TranslatedClientOptions {
  tenantId: number
  /** Default: translatedBaseUrl(tenantId, env). Tests pass the simulator's URL. */
  baseUrl?: string
  env?: 'sandbox' | 'production'
  tokenProvider: KiboTokenProvider
  timeoutMs: number
  connections?: number
  logger?: KiboLogger
  dispatcher?: Dispatcher
}

export interface TranslatedCreateResult {
  order: TranslatedCreateOrderResponse & Record<string, unknown>
  correlationId?: string
}

export interface TranslatedAuthorizeResult {
  authorization: TranslatedAuthorizeResponse
  correlationId?: string
}

export interface TranslatedClient {
  createTranslatedOrder(request: TranslatedCreateOrderRequest): Promise<TranslatedCreateResult>
  authorizeTranslatedOrder(request: TranslatedAuthorizeRequest): Promise<TranslatedAuthorizeResult>
  close(): Promise<void>
}

/**
 * RFC 9457 problem for a translated-API failure. Like kiboErrorToProblem, except that an
 * ambiguous outcome says the truth for this API: it cannot be looked up, so retrying is NOT
 * known to be safe.
 */
export function translatedErrorToProblem (err: unknown): KiboProblem {
  const problem = kiboErrorToProblem(err)
  if (err instanceof KiboError && err.kind === 'ambiguous') {
    const { retryAfter: _retryAfter, ...rest } = problem
    return {
      ...rest,
      detail:
        err.operation === 'translatedAuthorize'
          ? 'Kibo did not confirm the payment authorization, and the translated API offers no way to ask whether it was made; ' +
            'authorizing again could hold the payment twice. Check in Kibo before retrying.'
          : 'Kibo did not confirm the order, and the translated Create Order API offers no way to look it up by externalOrderID; ' +
            'sending it again could create it twice. Check in Kibo before retrying.'
    }
  }
  return problem
}

export function createTranslatedClient (options: TranslatedClientOptions): TranslatedClient {
  const { tokenProvider, timeoutMs } = options
  const logger = options.logger ?? silentLogger
  const transport = createKiboTransport({
    baseUrl: options.baseUrl ?? translatedBaseUrl(options.tenantId, options.env ?? 'sandbox'),
    tenantId: options.tenantId,
    tokens: tokenProvider,
    timeoutMs,
    connections: options.connections ?? 8,
    dispatcher: options.dispatcher,
    logger
  })

  // Any 5xx may have been processed, and nothing can be looked up: ambiguous.
  const errorFrom = (operation: TranslatedOperation, response: RawResponse) =>
    kiboErrorFromResponse(operation, response, { serverErrorKind: 'ambiguous' })

  /** One call; a 401 was refused (nothing done), so it alone is retried once with a fresh token. */
  async function call (operation: TranslatedOperation, path: string, body: unknown): Promise<RawResponse> {
    try {
      return await transport.sendAuthorized(operation, 'POST', path, body)
    } catch (error) {
      if (!(error instanceof KiboNoResponseError)) throw error
      const { code, sent } = error
      logger.warn({ operation, error: code, sent }, 'kibo translated request got no response')
      throw new KiboError({
        kind: sent ? 'ambiguous' : 'unavailable',
        message: sent
          ? `Kibo ${operation} got no response (${code}); it may have been processed and cannot be looked up`
          : `Kibo ${operation} could not connect (${code}); nothing was sent`,
        operation
      })
    }
  }

  function parseSuccess<T> (
    operation: TranslatedOperation,
    response: RawResponse,
    schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } }
  ): T {
    let json: unknown
    try {
      json = JSON.parse(response.text)
    } catch {
      json = undefined
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      // Kibo said yes but the answer is unreadable: the operation happened, its result is unknown.
      throw new KiboError({
        kind: 'ambiguous',
        status: response.status,
        message: `Kibo ${operation} answered HTTP ${response.status} with a body that is not the documented response`,
        operation,
        ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {})
      })
    }
    return parsed.data
  }

  return {
    async createTranslatedOrder (request) {
      const response = await call('translatedCreateOrder', TRANSLATED_CREATE_ORDER_PATH, request)
      if (response.status < 200 || response.status >= 300) throw errorFrom('translatedCreateOrder', response)
      const order = parseSuccess('translatedCreateOrder', response, TranslatedCreateOrderResponseSchema) as TranslatedCreateResult['order']
      logger.info(
        { externalOrderID: request.externalOrderID, orderID: order.orderID, correlationId: response.correlationId },
        'kibo translated order created'
      )
      return { order, ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {}) }
    },
    async authorizeTranslatedOrder (request) {
      const response = await call('translatedAuthorize', TRANSLATED_AUTHORIZE_PATH, request)
      if (response.status < 200 || response.status >= 300) throw errorFrom('translatedAuthorize', response)
      const authorization = parseSuccess('translatedAuthorize', response, TranslatedAuthorizeResponseSchema)
      logger.info(
        { externalCartID: request.externalCartID, orderID: authorization.orderID, correlationId: response.correlationId },
        'kibo translated payment authorized'
      )
      return { authorization, ...(response.correlationId !== undefined ? { correlationId: response.correlationId } : {}) }
    },
    close: async () => {
      await transport.close('drain')
    }
  }
}
