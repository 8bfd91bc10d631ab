// Kibo wiring: the token provider (kibo-auth) and the HTTP client (kibo-client) for the
// configured tenant, or, when no Kibo credentials are configured, the built-in simulator
// started in this process and used exactly like Kibo (real HTTP over loopback).
import fp from 'fastify-plugin'
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import type { KiboConnection } from './config.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from './kibo-auth.ts'
import { createKiboClient, KiboError, type ImportOrderOptions, type ImportOrderResult, type KiboClient, type KiboResponseInfo } from './kibo-client.ts'
import { startKiboSimulator, DEFAULT_TENANT, type KiboSimulator } from '../kibo-simulator/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    kibo: {
      tenantId: number
      siteId: number
      client: KiboClient
      tokenProvider: KiboTokenProvider
      /** Set when the built-in simulator stands in for Kibo. */
      simulator: KiboSimulator | null
      simulated: boolean
      /** Listeners for every Kibo response (metrics). */
      onResponse: Set<(info: KiboResponseInfo) => void>
      /**
       * Creates the order through the circuit breaker: after CIRCUIT_FAILURE_THRESHOLD outages in
       * a row Kibo is left alone for CIRCUIT_HALF_OPEN_AFTER_MS, then one call probes it.
       * Throws CircuitOpenError while open.
       */
      importOrder(order: object & { externalId?: unknown }, options?: ImportOrderOptions): Promise<ImportOrderResult>
      circuit: {
        /** 'open' only while calls are held back; once CIRCUIT_HALF_OPEN_AFTER_MS passed, the next call probes. */
        state(): 'closed' | 'open' | 'half-open'
        retryAfterSeconds: number
      }
    }
  }
}

/** Kibo kept failing: calls are held back until the circuit half-opens. Nothing was sent. */
export class CircuitOpenError extends KiboError {
  constructor(retryAfterSeconds: number) {
    super({
      kind: 'unavailable',
      message: `Kibo has been failing; calls are paused for ${retryAfterSeconds} s (circuit open). Nothing was sent.`,
      retryAfterSeconds
    })
    this.name = 'CircuitOpenError'
  }
}

export default fp(
  async function kiboPlugin(app) {
    const { config } = app
    let simulator: KiboSimulator | null = null
    let connection: KiboConnection
    if (config.kibo === null) {
      simulator = await startKiboSimulator({ port: config.simulatorPort, host: '127.0.0.1' })
      connection = {
        tenantId: DEFAULT_TENANT.tenantId,
        siteId: DEFAULT_TENANT.siteIds[0],
        clientId: DEFAULT_TENANT.clientId,
        sharedSecret: DEFAULT_TENANT.sharedSecret,
        apiBaseUrl: simulator.apiBaseUrl,
        authBaseUrl: simulator.authBaseUrl,
        env: 'sandbox'
      }
      app.log.warn(
        { simulator: simulator.url },
        `NO KIBO CREDENTIALS (KIBO_CLIENT_ID unset): using the BUILT-IN KIBO SIMULATOR at ${simulator.url}. Orders are NOT sent to Kibo.`
      )
    } else {
      connection = config.kibo
      app.log.info({ tenantId: connection.tenantId, siteId: connection.siteId, apiBaseUrl: connection.apiBaseUrl }, 'Kibo connection configured')
    }

    const logger = app.log.child({ component: 'kibo' })
    const tokenProvider = createKiboTokenProvider({ connection, timeoutMs: config.kiboTimeoutMs, logger })
    const onResponse = new Set<(info: KiboResponseInfo) => void>()
    const client = createKiboClient({
      connection,
      tokenProvider,
      timeoutMs: config.kiboTimeoutMs,
      connections: config.kiboConnections,
      retryBudgetMs: config.kiboRetryBudgetMs,
      logger,
      onResponse(info) {
        for (const listener of onResponse) listener(info)
      }
    })

    // Only outages open the circuit: a validation error is Kibo working as it should.
    const breaker = circuitBreaker(
      handleWhen((error) => error instanceof KiboError && (error.kind === 'unavailable' || error.kind === 'ambiguous')),
      { halfOpenAfter: config.delivery.circuitHalfOpenAfterMs, breaker: new ConsecutiveBreaker(config.delivery.circuitFailureThreshold) }
    )
    const stateNames = { [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half-open', [CircuitState.Isolated]: 'open' } as const
    // cockatiel moves from open to half-open only when a call is attempted after halfOpenAfter;
    // callers that check the state before calling must see "half-open" by then, or nobody probes.
    let openedAt = 0
    breaker.onBreak(() => {
      openedAt = Date.now()
    })
    breaker.onStateChange((state) => logger.warn({ circuit: stateNames[state] }, `Kibo circuit ${stateNames[state]}`))
    const retryAfterSeconds = Math.max(1, Math.ceil(config.delivery.circuitHalfOpenAfterMs / 1000))
    function circuitState(): 'closed' | 'open' | 'half-open' {
      const state = stateNames[breaker.state]
      if (state === 'open' && Date.now() - openedAt >= config.delivery.circuitHalfOpenAfterMs) return 'half-open'
      return state
    }

    async function importOrder(order: object & { externalId?: unknown }, options?: ImportOrderOptions) {
      try {
        return await breaker.execute(() => client.importOrder(order, options))
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw new CircuitOpenError(retryAfterSeconds)
        throw error
      }
    }

    app.decorate('kibo', {
      tenantId: connection.tenantId,
      siteId: connection.siteId,
      client,
      tokenProvider,
      simulator,
      simulated: simulator !== null,
      onResponse,
      importOrder,
      circuit: { state: circuitState, retryAfterSeconds }
    })

    app.addHook('onClose', async () => {
      await client.close()
      await tokenProvider.close()
      if (simulator) await simulator.close()
    })
  },
  { name: 'kibo' }
)
