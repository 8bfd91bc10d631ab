// The Kibo plugin: one KiboTenant (src/kibo/tenants.ts) per configured tenant/site, decorated as
// app.tenants (and app.kibo, the first tenant plus the simulator). Tenants without credentials
// (development) share the built-in simulator, started here in this process and used exactly like
// Kibo (real HTTP over loopback). Every Kibo response is passed to app.kibo.onResponse's
// listeners (metrics); clients, token providers and the simulator close with the app.
import fp from 'fastify-plugin'
import type { KiboConnection } from '../config/config.ts'
import type { KiboResponseInfo } from '../kibo/orders-client.ts'
import { createKiboTenant, type KiboTenant } from '../kibo/tenants.ts'
import { DEFAULT_TENANT, startKiboSimulator, type KiboSimulator, type SimulatorTenant } from '../kibo-simulator/index.ts'

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
      const created = createKiboTenant({
        tenant,
        connection,
        config,
        log: app.log,
        onResponse: (info) => {
          for (const listener of onResponse) listener({ ...info, tenant: tenant.name })
        },
        simulated,
        simulatorUrl: simulator?.url ?? null
      })
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
