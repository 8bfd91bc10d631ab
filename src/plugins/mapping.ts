// Wraps the pure mapping (src/plugins/mapping/) with this deployment's options. The mapping
// itself has no I/O and no Fastify: it is tested exhaustively on its own.
import fp from 'fastify-plugin'
import { mapEventToKiboOrder, type MappingOptions, type MappingResult } from './mapping/index.ts'
import type { OrderEvent } from '../../schemas/order-event.ts'

declare module 'fastify' {
  interface FastifyInstance {
    mapping: {
      options: MappingOptions
      map(event: OrderEvent): MappingResult
    }
  }
}

export default fp(
  async function mappingPlugin(app) {
    const options: MappingOptions = {
      fraudDeclineAction: app.config.fraudDeclineAction,
      defaultChannelCode: app.config.kiboChannelCode,
      tenantId: app.kibo.tenantId,
      siteId: app.kibo.siteId
    }
    app.decorate('mapping', {
      options,
      map: (event: OrderEvent) => mapEventToKiboOrder(event, options)
    })
  },
  { name: 'mapping', dependencies: ['kibo'] }
)
