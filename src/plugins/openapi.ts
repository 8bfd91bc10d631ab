// The OpenAPI 3.1 document, generated from the routes' zod schemas, served at /openapi.json
// and rendered at /docs. openapi.yaml in the repository is this document written to disk
// (npm run openapi); a test fails when the two drift apart.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import packageJson from '../../package.json' with { type: 'json' }

export default fp(
  async function openapiPlugin (app) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Kibo Order Bridge',
          version: packageJson.version,
          description:
            'Imports completed storefront orders (Normalized Order Event v1) into Kibo Order Management as ' +
            '`isImport: true` orders: exact decimal totals, pre-authorized payments, fraud results, idempotent ' +
            'by (Kibo tenant, site, externalId). Errors are RFC 9457 `application/problem+json`.',
          license: { name: 'MIT', identifier: 'MIT' }
        },
        tags: [
          { name: 'orders', description: 'Import orders into Kibo' },
          { name: 'webhooks', description: 'Signed storefront deliveries (Standard Webhooks), imported asynchronously' },
          { name: 'imports', description: 'Follow, list and retry imports' },
          { name: 'inventory', description: 'Inventory adjustments, refreshes and availability in Kibo' },
          { name: 'health', description: 'Liveness and readiness' }
        ],
        components: {
          securitySchemes: {
            bearerApiKey: { type: 'http', scheme: 'bearer', description: 'An API key from API_KEYS' },
            headerApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key from API_KEYS' }
          }
        }
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject
    })
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' }
)
