// Kibo wiring, per tenant: each configured tenant/site gets its own token provider (kibo-auth),
// HTTP client (kibo-client), circuit breaker and mapping options. Tenants without credentials
// (development) share the built-in simulator, started in this process and used exactly like
// Kibo (real HTTP over loopback).
import fp from 'fastify-plugin'
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import type { FastifyBaseLogger } from 'fastify'
import type { Config, ImportTarget, KiboConnection, TenantConfig } from '../config/config.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from '../kibo/auth.ts'
import {
  createKiboClient,
  KiboError,
  type ImportOrderOptions,
  type ImportOrderResult,
  type KiboClient,
  type KiboResponseInfo
} from '../kibo/orders-client.ts'
import { mapEventToKiboOrder, type MappingOptions, type MappingResult } from '../mapping/index.ts'
import type { OrderEvent } from '../../schemas/order-event.ts'
import type { TranslatedCreateOrderRequest } from '../../schemas/translated-order.ts'
import { problemType } from '../../schemas/problem.ts'
import { mapEventToTranslatedOrder, type TranslatedMappingResult, type TranslatedTargetOptions } from '../mapping/translated-v2/index.ts'
import { createTranslatedClient, translatedBaseUrl, type TranslatedClient, type TranslatedCreateResult } from '../kibo/translated-client.ts'
import { DEFAULT_TENANT, startKiboSimulator, type KiboSimulator, type SimulatorTenant } from '../kibo-simulator/index.ts'

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

declare module 'fastify' {
  interface FastifyInstance {
    /** The first configured tenant, plus the simulator (single-tenant deployments use only this). */
    kibo: KiboTenant & {
      simulator: KiboSimulator | null
      /** Listeners for every Kibo response of every tenant (metrics). */
      onResponse: Set<(info: KiboResponseInfo & { tenant: string }) => void>
    }
    tenants: {
      all: KiboTenant[]
      byName(name: string): KiboTenant | undefined
      /** The tenant an import record belongs to. */
      bySite(tenantId: number, siteId: number): KiboTenant | undefined
      /** Who answers when a request carries no credentials (open development mode): the only tenant. */
      fallback: KiboTenant | null
    }
  }
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

function createTenant (
  tenant: TenantConfig,
  connection: KiboConnection,
  config: Config,
  log: FastifyBaseLogger,
  onResponse: (info: KiboResponseInfo) => void,
  simulated: boolean,
  simulatorUrl: string | null
): KiboTenant {
  const logger = log.child({ component: 'kibo', tenant: tenant.name })
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
                'This tenant imports through the translated Create Order API v2, which has no edit or cancellation ' +
                  'restrictions; send the order without data.restrictions.',
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

export default fp(
  async function kiboPlugin (app) {
    const { config } = app
    const onResponse = new Set<(info: KiboResponseInfo & { tenant: string }) => void>()

    // Tenants without credentials share one built-in simulator that knows each of them.
    let simulator: KiboSimulator | null = null
    const simulatedTenants = config.tenants.filter((tenant) => tenant.kibo === null)
    const simulatorCredentials = new Map<string, SimulatorTenant>()
    if (simulatedTenants.length > 0) {
      const byTenantId = new Map<number, SimulatorTenant>()
      for (const tenant of simulatedTenants) {
        const entry =
          byTenantId.get(tenant.tenantId) ??
          (tenant.tenantId === DEFAULT_TENANT.tenantId
            ? { ...DEFAULT_TENANT, siteIds: [] }
            : {
                tenantId: tenant.tenantId,
                siteIds: [],
                clientId: `kibo-simulator-client-${tenant.tenantId}`,
                sharedSecret: `kibo-simulator-secret-${tenant.tenantId}-not-for-production`
              })
        entry.siteIds.push(tenant.siteId)
        byTenantId.set(tenant.tenantId, entry)
        simulatorCredentials.set(tenant.name, entry)
      }
      // The newest 1,000 orders are kept whole; older ones only as much as look-ups by externalId
      // need, so a long run (a 100,000-event CLI import) stays within its memory.
      simulator = await startKiboSimulator({
        port: config.simulatorPort,
        host: '127.0.0.1',
        tenants: [...byTenantId.values()],
        wholeOrdersKept: 1000
      })
      app.log.warn(
        { simulator: simulator.url, tenants: simulatedTenants.map((tenant) => tenant.name) },
        `BUILT-IN KIBO SIMULATOR at ${simulator.url} stands in for Kibo (no credentials configured). Orders are NOT sent to Kibo.`
      )
    }

    const tenants = config.tenants.map((tenant) => {
      const simulated = tenant.kibo === null
      const credentials = simulatorCredentials.get(tenant.name)
      const connection: KiboConnection =
        tenant.kibo ??
        ({
          tenantId: tenant.tenantId,
          siteId: tenant.siteId,
          clientId: credentials!.clientId,
          sharedSecret: credentials!.sharedSecret,
          apiBaseUrl: simulator!.apiBaseUrl,
          authBaseUrl: simulator!.authBaseUrl,
          env: 'sandbox'
        } satisfies KiboConnection)
      const created = createTenant(
        tenant,
        connection,
        config,
        app.log,
        (info) => {
          for (const listener of onResponse) listener({ ...info, tenant: tenant.name })
        },
        simulated,
        simulator?.url ?? null
      )
      if (!simulated) {
        app.log.info(
          {
            tenant: tenant.name,
            tenantId: tenant.tenantId,
            siteId: tenant.siteId,
            target: tenant.target,
            apiBaseUrl: connection.apiBaseUrl,
            translatedBaseUrl: created.translated?.baseUrl
          },
          'Kibo tenant configured'
        )
      }
      return created
    })

    const bySite = new Map(tenants.map((tenant) => [`${tenant.tenantId}/${tenant.siteId}`, tenant]))
    const byName = new Map(tenants.map((tenant) => [tenant.name, tenant]))
    app.decorate('tenants', {
      all: tenants,
      byName: (name: string) => byName.get(name),
      bySite: (tenantId: number, siteId: number) => bySite.get(`${tenantId}/${siteId}`),
      fallback: tenants.length === 1 ? tenants[0] : null
    })
    app.decorate('kibo', Object.assign(Object.create(null) as object, tenants[0], { simulator, onResponse }) as FastifyInstanceKibo)

    app.addHook('onClose', async () => {
      for (const tenant of tenants) {
        await tenant.client.close()
        await tenant.translated?.client.close()
        await tenant.tokenProvider.close()
      }
      if (simulator) await simulator.close()
    })
  },
  { name: 'kibo' }
)

type FastifyInstanceKibo = import('fastify').FastifyInstance['kibo']
