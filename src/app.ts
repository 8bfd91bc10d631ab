// Builds the Fastify instance: external plugins first, then ours, then the routes.
// Tests build exactly this (test/support/app.ts) and talk to it with app.inject.
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config/config.ts'
import { loggerOptions, OneLinePerRequest } from './logger.ts'
import securityHeaders from './plugins/security-headers.ts'
import loadShedding from './plugins/load-shedding.ts'
import rateLimits from './plugins/rate-limits.ts'
import problems from './plugins/problems.ts'
import jsonBody from './plugins/json-body.ts'
import apiKeys from './plugins/api-keys.ts'
import openapi from './plugins/openapi.ts'
import store from './plugins/store.ts'
import type { Database } from './store/index.ts'
import kibo from './plugins/kibo.ts'
import importOutcomes from './orders/import-outcomes.ts'
import orderImport from './orders/order-import.ts'
import delivery from './orders/import-worker.ts'
import restrictions from './orders/restrictions.ts'
import webhookSignatures from './plugins/webhook-signatures.ts'
import inventory from './inventory/index.ts'
import { CONNECTORS, connectorFrame } from './connectors/index.ts'
import metrics from './plugins/metrics.ts'
import healthRoutes from '../routes/health.ts'
import orderRoutes, { addPreviewRoute } from '../routes/orders.ts'
import webhookRoutes from '../routes/webhooks.ts'
import importRoutes from '../routes/imports.ts'
import inventoryRoutes from '../routes/inventory.ts'
import connectorRoutes from '../routes/connectors.ts'
import metricsRoutes from '../routes/metrics.ts'
import operatorConsole from './plugins/console.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

export interface BuildAppOptions {
  /** Pino options or an instance-compatible logger; false to silence (tests). */
  logger?: FastifyServerOptions['logger'] | false
  loggerInstance?: FastifyServerOptions['loggerInstance']
  /** An already opened database instead of the one the configuration names (tests). */
  database?: Database
}

const requestIdPattern = /^[\w.:-]{1,128}$/

/** The Fastify instance with the server's options, compilers and request-id header, before any plugin. */
function createFastify (config: Config, options: BuildAppOptions) {
  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? loggerOptions(config.logLevel, { redactEmails: config.logRedactEmails }) }),
    logController: new OneLinePerRequest(),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId (request) {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID()
    },
    // Inbound timeouts: the whole request (headers and a body up to BODY_LIMIT) within 60 s; an
    // idle socket is closed once even a slow sync import (a create and a look-up each up to
    // KIBO_TIMEOUT_MS, plus the retry budget) must be over; idle keep-alive outlives a 60 s balancer.
    requestTimeout: 60_000,
    connectionTimeout: Math.max(60_000, 2 * config.kiboTimeoutMs + config.kiboRetryBudgetMs + 5_000),
    keepAliveTimeout: 72_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A first start creates the embedded database (initdb: several seconds, more on a busy
    // machine); PostgreSQL may be slow to answer while it starts. Fastify's 10 s would abort that.
    pluginTimeout: 120_000
  }).withTypeProvider<ZodTypeProvider>()

  app.server.headersTimeout = 30_000 // slow-headers (slowloris) clients are cut off sooner
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorate('config', config)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  return app
}

export async function buildApp (config: Config, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = createFastify(config, options)

  // External plugins first (fastify/demo order): headers, load shedding, rate limits.
  await app.register(securityHeaders)
  await app.register(loadShedding, config.loadShedding)
  if (config.rateLimitPerMinute !== undefined) await app.register(rateLimits, { perMinute: config.rateLimitPerMinute })
  await app.register(problems)
  await app.register(jsonBody)
  await app.register(openapi)
  await app.register(store, { database: options.database })
  await app.register(kibo)
  await app.register(apiKeys)
  await app.register(importOutcomes)
  await app.register(orderImport)
  await app.register(delivery)
  await app.register(inventory)
  await app.register(connectorFrame, { registry: CONNECTORS })
  await app.register(restrictions)
  await app.register(webhookSignatures)
  if (config.metrics.enabled) await app.register(metrics)

  await app.register(healthRoutes)
  await app.register(orderRoutes, { prefix: '/v1' })
  await app.register(webhookRoutes, { prefix: '/v1' })
  await app.register(importRoutes, { prefix: '/v1' })
  await app.register(inventoryRoutes, { prefix: '/v1' })
  await app.register(connectorRoutes, { prefix: '/v1' })
  if (config.metrics.enabled) await app.register(metricsRoutes, { token: config.metrics.token })
  await app.register(operatorConsole)

  await app.ready()
  return app
}

/**
 * The CLI's dry run: only `POST /v1/orders/preview` with what it needs (problems, the JSON body
 * parser, the Kibo tenants, API keys). No database is opened (the preview stores nothing), so a
 * dry run does not carry the embedded PostgreSQL and its WebAssembly memory.
 */
export async function buildPreviewApp (config: Config, options: Omit<BuildAppOptions, 'database'> = {}): Promise<FastifyInstance> {
  const app = createFastify(config, options)
  await app.register(problems)
  await app.register(jsonBody)
  await app.register(kibo)
  await app.register(apiKeys)
  await app.register(
    async function previewRoutes (scope) {
      scope.addHook('onRequest', scope.requireApiKey)
      addPreviewRoute(scope.withTypeProvider<ZodTypeProvider>())
    },
    { prefix: '/v1' }
  )
  await app.ready()
  return app
}
