// One Kibo tenant/site as the service uses it: its token provider (auth.ts), order client
// (orders-client.ts), translated client when its target is translated-v2 (translated-client.ts),
// a cockatiel circuit breaker in front of the imports, and its mapping options. Built from the
// tenant's configuration; src/plugins/kibo.ts builds one per configured tenant and decorates
// the Fastify app with them.
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import type { Config, ImportTarget, KiboConnection, TenantConfig } from '../config/config.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from './auth.ts'
import { KiboError } from './errors.ts'
import type { KiboLogger } from './transport.ts'
import {
  createKiboClient,
  type ImportOrderOptions,
  type ImportOrderResult,
  type KiboClient,
  type KiboResponseInfo
} from './orders-client.ts'
import { createTranslatedClient, translatedBaseUrl, type TranslatedClient, type TranslatedCreateResult } from './translated-client.ts'
import { mapEventToKiboOrder, type MappingOptions, type MappingResult } from '../mapping/index.ts'
import { mapEventToTranslatedOrder, type TranslatedMappingResult, type TranslatedTargetOptions } from '../mapping/translated-v2/index.ts'
import type { OrderEvent } from '../../schemas/order-event.ts'
import type { TranslatedCreateOrderRequest } from '../../schemas/translated-order.ts'
import { problemType } from '../../schemas/problem.ts'

export type CircuitStateName = 'closed' | 'open' | 'half-open'

/** Everything the service needs to import into one Kibo tenant/site. */
export interface KiboTenant {
  name: string
  tenantId: number
  siteId: number
  client: KiboClient
  tokenProvider: KiboTokenProvider
  mappingOptions: MappingOptions
  /** The event → Kibo payload mapping with this tenant's options (pure). */
  map(event: OrderEvent): MappingResult
  /**
   * Creates the order through this tenant's circuit breaker: after CIRCUIT_FAILURE_THRESHOLD
   * outages in a row Kibo is left alone for CIRCUIT_HALF_OPEN_AFTER_MS, then one call probes it.
   * Throws CircuitOpenError while open.
   */
  importOrder(order: object & { externalId?: unknown }, options?: ImportOrderOptions): Promise<ImportOrderResult>
  circuit: {
    /** 'open' only while calls are held back; once CIRCUIT_HALF_OPEN_AFTER_MS passed, the next call probes. */
    state(): CircuitStateName
    retryAfterSeconds: number
  }
  /** Set when the built-in simulator stands in for this tenant's Kibo. */
  simulated: boolean
  /** Which Kibo API this tenant's orders go to. */
  target: ImportTarget
  /** The translated Create Order API v2 of this tenant (target translated-v2 only). */
  translated: TranslatedTarget | null
}

/** A tenant's translated-v2 target: its client, options and mapping. */
export interface TranslatedTarget {
  client: TranslatedClient
  baseUrl: string
  options: TranslatedTargetOptions
  /** The event → translated request(s) mapping with this tenant's options (pure). */
  map(event: OrderEvent): TranslatedMappingResult
  /**
   * One create, through the tenant's circuit breaker; never retried here (the API has no
   * look-up, so a lost answer is KiboError kind 'ambiguous'). Throws CircuitOpenError while open.
   */
  createOrder(request: TranslatedCreateOrderRequest): Promise<TranslatedCreateResult>
}

/** Kibo kept failing: calls are held back until the circuit half-opens. Nothing was sent. */
export class CircuitOpenError extends KiboError {
  constructor (retryAfterSeconds: number) {
    super({
      kind: 'unavailable',
      message: `Kibo has been failing; calls are paused for ${retryAfterSeconds} s (circuit open). Nothing was sent.`,
      retryAfterSeconds
    })
    this.name = 'CircuitOpenError'
  }
}

const stateNames = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open'
} as const

export interface KiboTenantOptions {
  tenant: TenantConfig
  /** Where and as whom to reach Kibo (the simulator's, for a simulated tenant). */
  connection: KiboConnection
  config: Config
  /** The service logger; the tenant logs through a child bound to { component: 'kibo', tenant }. */
  log: { child(bindings: Record<string, unknown>): KiboLogger }
  /** Every Kibo order-API response of this tenant (metrics). */
  onResponse: (info: KiboResponseInfo) => void
  /** true when the built-in simulator stands in for this tenant's Kibo. */
  simulated: boolean
  /** The simulator's origin, when one runs (the translated API of a simulated tenant). */
  simulatorUrl: string | null
}

/** One tenant's token provider, clients, circuit breaker and mapping options (close its clients and token provider when done). */
export function createKiboTenant (options: KiboTenantOptions): KiboTenant {
  const { tenant, connection, config, onResponse, simulated, simulatorUrl } = options
  const logger = options.log.child({ component: 'kibo', tenant: tenant.name })
  const tokenProvider = createKiboTokenProvider({ connection, timeoutMs: config.kiboTimeoutMs, logger })
  const client = createKiboClient({
    connection,
    tokenProvider,
    timeoutMs: config.kiboTimeoutMs,
    connections: config.kiboConnections,
    retryBudgetMs: config.kiboRetryBudgetMs,
    logger,
    onResponse
  })

  // Only outages open the circuit: a validation error is Kibo working as it should.
  const breaker = circuitBreaker(
    handleWhen((error) => error instanceof KiboError && (error.kind === 'unavailable' || error.kind === 'ambiguous')),
    { halfOpenAfter: config.worker.circuitHalfOpenAfterMs, breaker: new ConsecutiveBreaker(config.worker.circuitFailureThreshold) }
  )
  // cockatiel moves from open to half-open only when a call is attempted after halfOpenAfter;
  // callers that check the state before calling must see "half-open" by then, or nobody probes.
  let openedAt = 0
  breaker.onBreak(() => {
    openedAt = Date.now()
  })
  breaker.onStateChange((state) => logger.warn({ circuit: stateNames[state] }, `Kibo circuit ${stateNames[state]}`))
  const retryAfterSeconds = Math.max(1, Math.ceil(config.worker.circuitHalfOpenAfterMs / 1000))
  function circuitState (): CircuitStateName {
    const state = stateNames[breaker.state]
    if (state === 'open' && Date.now() - openedAt >= config.worker.circuitHalfOpenAfterMs) return 'half-open'
    return state
  }

  const mappingOptions: MappingOptions = {
    fraudDeclineAction: tenant.fraudDeclineAction,
    defaultChannelCode: tenant.channelCode,
    tenantId: tenant.tenantId,
    siteId: tenant.siteId
  }

  async function throughBreaker<T> (call: () => Promise<T>): Promise<T> {
    try {
      return await breaker.execute(call)
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(retryAfterSeconds)
      throw error
    }
  }

  let translated: TranslatedTarget | null = null
  if (tenant.target === 'translated-v2' && tenant.translated !== null) {
    const { baseUrl: configuredBaseUrl, ...targetConfig } = tenant.translated
    const baseUrl =
      configuredBaseUrl ?? (simulated && simulatorUrl !== null ? simulatorUrl : translatedBaseUrl(tenant.tenantId, connection.env))
    const translatedClient = createTranslatedClient({
      tenantId: tenant.tenantId,
      baseUrl,
      tokenProvider,
      timeoutMs: config.kiboTimeoutMs,
      connections: config.kiboConnections,
      logger
    })
    const options: TranslatedTargetOptions = { ...targetConfig, fraudDeclineAction: tenant.fraudDeclineAction }
    translated = {
      client: translatedClient,
      baseUrl,
      options,
      map: (event) => {
        // Restrictions are an OMS order call (updateorderrestrictions): the translated API has no
        // counterpart, so an event that asks for them is refused rather than silently imported without.
        const restrictions = event.data.restrictions
        if (
          restrictions !== undefined &&
          restrictions !== null &&
          (typeof restrictions.edit === 'boolean' || typeof restrictions.cancellation === 'boolean')
        ) {
          return {
            ok: false,
            problem: {
              type: problemType('translated-unsupported'),
              title: 'Not supported by the translated Create Order API',
              status: 422,
              detail:
                'This tenant imports through the translated Create Order API v2, which has no edit or cancellation restrictions; ' +
                'send the order without data.restrictions.',
              errors: [{ path: 'data.restrictions', message: 'not supported for target translated-v2' }]
            }
          }
        }
        return mapEventToTranslatedOrder(event, options)
      },
      createOrder: (request) => throughBreaker(() => translatedClient.createTranslatedOrder(request))
    }
  }

  return {
    target: tenant.target,
    translated,
    name: tenant.name,
    tenantId: tenant.tenantId,
    siteId: tenant.siteId,
    client,
    tokenProvider,
    mappingOptions,
    map: (event) => mapEventToKiboOrder(event, mappingOptions),
    importOrder: (order, options) => throughBreaker(() => client.importOrder(order, options)),
    circuit: { state: circuitState, retryAfterSeconds },
    simulated
  }
}
