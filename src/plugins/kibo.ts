// Kibo wiring: the token provider (kibo-auth) and the HTTP client (kibo-client) for the
// configured tenant, or, when no Kibo credentials are configured, the built-in simulator
// started in this process and used exactly like Kibo (real HTTP over loopback).
import fp from 'fastify-plugin'
import type { KiboConnection } from './config.ts'
import { createKiboTokenProvider, type KiboTokenProvider } from './kibo-auth.ts'
import { createKiboClient, type KiboClient, type KiboResponseInfo } from './kibo-client.ts'
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
    }
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
    if (config.apiKeys.length === 0) {
      app.log.warn('NO API_KEYS: the /v1 API is OPEN to anyone who can reach it (allowed outside production only).')
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

    app.decorate('kibo', {
      tenantId: connection.tenantId,
      siteId: connection.siteId,
      client,
      tokenProvider,
      simulator,
      simulated: simulator !== null,
      onResponse
    })

    app.addHook('onClose', async () => {
      await client.close()
      await tokenProvider.close()
      if (simulator) await simulator.close()
    })
  },
  { name: 'kibo' }
)
