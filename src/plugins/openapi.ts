// The OpenAPI 3.1 document, generated from the routes' zod schemas, served at /openapi.json
// and rendered at /docs. openapi.yaml in the repository is this document written to disk
// (npm run openapi); a test fails when the two drift apart.
//
// finishDocument adds what holds for every route, so a route added anywhere gets it without
// saying so: the statuses the cross-cutting plugins answer (413/415 with a body, 401 with
// security, 429 under /v1, 503 from load shedding), the response headers (x-request-id on every
// answer, Retry-After, x-ratelimit-*, Location, Idempotent-Replayed), API-key security on /v1
// routes that name none (open routes say `security: []`), and a tidy components section (the
// request schemas under their plain names, no unused or duplicate components, no one-branch oneOf).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import packageJson from '../../package.json' with { type: 'json' }
import { titleForStatus } from './problems.ts'

type Json = Record<string, any>

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const API_TITLE = 'Kibo Order Bridge'
const SCHEMA_REF = '#/components/schemas/'
const apiKeySecurity = [{ bearerApiKey: [] }, { headerApiKey: [] }]

const headers: Record<string, Json> = {
  RequestId: {
    description: 'The request id: the caller\'s `x-request-id` when it is 1–128 characters of `[A-Za-z0-9_.:-]`, else a generated UUID',
    schema: { type: 'string' }
  },
  RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
  Location: { description: 'Where to follow the result (the import or inventory job)', schema: { type: 'string' } },
  IdempotentReplayed: {
    description: '`true` when this answer is the stored result of an earlier request',
    schema: { type: 'string', enum: ['true'] }
  },
  PreferenceApplied: { description: '`respond-async` when the request was accepted asynchronously', schema: { type: 'string' } },
  RateLimitLimit: { description: 'Requests allowed per minute (with RATE_LIMIT_PER_MINUTE)', schema: { type: 'integer' } },
  RateLimitRemaining: { description: 'Requests left in the current minute (with RATE_LIMIT_PER_MINUTE)', schema: { type: 'integer' } },
  RateLimitReset: { description: 'Seconds until the current minute ends (with RATE_LIMIT_PER_MINUTE)', schema: { type: 'integer' } }
}
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` })

/** Headers a handler sets, by operationId and status (x-request-id and the rate-limit headers are added everywhere). */
const handlerHeaders: Record<string, Record<string, string[]>> = {
  importOrder: { 200: ['Location', 'IdempotentReplayed'], 201: ['Location'], 202: ['Location', 'IdempotentReplayed', 'PreferenceApplied'] },
  receiveOrderWebhook: { 200: ['Location', 'IdempotentReplayed'], 202: ['Location', 'IdempotentReplayed'] },
  authorizeTranslatedOrder: { 200: ['IdempotentReplayed'] },
  retryImport: { 202: ['Location'] },
  adjustInventory: { 200: ['Location', 'IdempotentReplayed'], 202: ['Location'] },
  refreshInventory: { 200: ['Location', 'IdempotentReplayed'], 202: ['Location'] },
  uploadInventoryAdjustments: { 200: ['Location', 'IdempotentReplayed'], 202: ['Location'] },
  uploadInventoryRefresh: { 200: ['Location', 'IdempotentReplayed'], 202: ['Location'] }
}

const problemDescriptions: Record<number, string> = {
  401: 'Missing or invalid API key.',
  413: 'The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES).',
  415: 'The body is not of a media type this operation takes.',
  429: 'Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds.',
  503: 'The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe.'
}
const successDescriptions: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' }

/** NDJSON / CSV bodies of the upload routes (their parser streams request.raw, so zod never sees them). */
function uploadRequestBody (kind: 'adjust' | 'refresh'): Json {
  const base = kind === 'adjust' ? 'adjustments' : 'refresh'
  const read = (file: string) => {
    try {
      return readFileSync(path.join(repoRoot, 'examples', 'inventory', file), 'utf8')
    } catch {
      return undefined
    }
  }
  const ndjson = read(`${base}.ndjson`)
  const csv = read(`${base}.csv`)
  return {
    required: true,
    content: {
      'application/x-ndjson': {
        schema: { type: 'string', description: `One ${kind === 'adjust' ? 'InventoryAdjustItem' : 'InventoryRefreshItem'} per line` },
        ...(ndjson === undefined ? {} : { example: ndjson })
      },
      'text/csv': {
        schema: {
          type: 'string',
          description: `A header row (locationCode,partNumber,upc,quantity${kind === 'adjust' ? ',reason' : ''}), then one item a row`
        },
        ...(csv === undefined ? {} : { example: csv })
      }
    }
  }
}

/** The order event examples in examples/ (one per gateway), as OpenAPI examples. */
function orderEventExamples (): Json {
  const examples: Json = {}
  let names: string[] = []
  try {
    names = readdirSync(path.join(repoRoot, 'examples')).filter((name) => name.endsWith('.json')).sort()
  } catch {
    return examples
  }
  for (const name of names) {
    const value = JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8'))
    const gateways = [...new Set((value.data?.payments ?? []).map((payment: Json) => payment.gateway))].join(', ')
    examples[name.replace(/\.json$/, '')] = { summary: `${value.type}, ${value.data?.currency}, paid with ${gateways || 'nothing'}`, value }
  }
  return examples
}

function walk (value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) for (const entry of value) walk(entry, visit)
  else if (value !== null && typeof value === 'object') {
    visit(value as Json)
    for (const child of Object.values(value)) walk(child, visit)
  }
}

/** A `oneOf` with one branch is that branch; an `anyOf` with an empty (match-all) branch says nothing. */
function collapseSingleBranchOneOf (document: Json): void {
  walk(document, (node) => {
    if (Array.isArray(node.anyOf) && node.anyOf.some((branch: unknown) => JSON.stringify(branch) === '{}')) delete node.anyOf
    if (Array.isArray(node.oneOf) && node.oneOf.length === 1) {
      const [branch] = node.oneOf
      delete node.oneOf
      Object.assign(node, branch)
    }
  })
}

function referencedSchemas (document: Json): Set<string> {
  const seen = new Set<string>()
  const pending: unknown[] = [document.paths]
  while (pending.length > 0) {
    walk(pending.pop(), (node) => {
      if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF)) {
        const name = node.$ref.slice(SCHEMA_REF.length)
        if (!seen.has(name)) {
          seen.add(name)
          pending.push(document.components.schemas[name])
        }
      }
    })
  }
  return seen
}

function renameSchemaRefs (document: Json, renames: Map<string, string>): void {
  walk(document, (node) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF)) {
      const renamed = renames.get(node.$ref.slice(SCHEMA_REF.length))
      if (renamed !== undefined) node.$ref = SCHEMA_REF + renamed
    }
  })
}

/**
 * fastify-type-provider-zod emits every registered schema twice (`X` for responses, `XInput`
 * for requests). Keep the used ones; a request schema takes the plain name when no response
 * uses it (so the event is `OrderEvent`), and an input identical to its output is merged into it.
 */
function tidyComponents (document: Json): void {
  const schemas: Json = document.components.schemas
  for (let pass = 0; pass < 6; pass++) {
    const used = referencedSchemas(document)
    for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name]
    const renames = new Map<string, string>()
    for (const name of Object.keys(schemas)) {
      if (!name.endsWith('Input')) continue
      const plain = name.slice(0, -'Input'.length)
      if (!(plain in schemas)) renames.set(name, plain)
      else {
        const asPlain = JSON.stringify(schemas[name]).replace(/"#\/components\/schemas\/([A-Za-z0-9_]+)Input"/g, '"#/components/schemas/$1"')
        if (asPlain === JSON.stringify(schemas[plain])) renames.set(name, plain)
      }
    }
    if (renames.size === 0) break
    renameSchemaRefs(document, renames)
    for (const [from, to] of renames) {
      if (!(to in schemas)) schemas[to] = schemas[from]
      delete schemas[from]
    }
  }
  document.components.schemas = Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, schemas[name]]))
}

const problemResponse = (status: number) => ({
  description: problemDescriptions[status] ?? titleForStatus(status),
  content: { 'application/problem+json': { schema: { $ref: `${SCHEMA_REF}Problem` } } }
})

export function finishDocument (document: Json): Json {
  document.servers = [{ url: 'http://127.0.0.1:3000', description: 'A local `npm start`; a deployment serves the same paths at its own address' }]
  document.components.headers = headers
  const eventExamples = orderEventExamples()
  for (const [route, operations] of Object.entries(document.paths as Json)) {
    for (const operation of Object.values(operations as Json) as Json[]) {
      if (operation.security === undefined) operation.security = route.startsWith('/v1/') ? apiKeySecurity : []
      const responses: Json = (operation.responses ??= {})
      if (operation.operationId === 'uploadInventoryAdjustments') operation.requestBody = uploadRequestBody('adjust')
      if (operation.operationId === 'uploadInventoryRefresh') operation.requestBody = uploadRequestBody('refresh')
      // A route that documents one of these statuses itself (e.g. /health/ready's 503 report) can
      // still answer it from the shared mechanism (load shedding, body limits…): both forms are listed.
      const add = (status: number) => {
        const shared = problemResponse(status)
        if (responses[status] === undefined) responses[status] = shared
        else (responses[status].content ??= {})['application/problem+json'] ??= shared.content['application/problem+json']
      }
      if (operation.requestBody !== undefined) { add(400); add(413); add(415) }
      if (operation.security.length > 0) add(401)
      if (route.startsWith('/v1/')) add(429)
      if (route !== '/health/live') add(503)
      const eventBody = operation.requestBody?.content?.['application/json']
      if (eventBody !== undefined && /OrderEvent(Input)?$/.test(eventBody.schema?.$ref ?? '')) eventBody.examples = eventExamples
      for (const [status, response] of Object.entries(responses) as Array<[string, Json]>) {
        if (response.description === undefined || response.description === 'Default Response') {
          response.description = successDescriptions[status] ?? titleForStatus(Number(status))
        }
        const names = ['RequestId', ...(handlerHeaders[operation.operationId]?.[status] ?? [])]
        if (['409', '429', '502', '503'].includes(status)) names.push('RetryAfter')
        if (route.startsWith('/v1/')) names.push('RateLimitLimit', 'RateLimitRemaining', 'RateLimitReset')
        const headerNames: Record<string, string> = {
          RequestId: 'x-request-id',
          RetryAfter: 'Retry-After',
          Location: 'Location',
          IdempotentReplayed: 'Idempotent-Replayed',
          PreferenceApplied: 'Preference-Applied',
          RateLimitLimit: 'x-ratelimit-limit',
          RateLimitRemaining: 'x-ratelimit-remaining',
          RateLimitReset: 'x-ratelimit-reset'
        }
        response.headers = { ...Object.fromEntries(names.map((name) => [headerNames[name], headerRef(name)])), ...response.headers }
      }
      operation.responses = Object.fromEntries(Object.keys(responses).sort().map((status) => [status, responses[status]]))
    }
  }
  collapseSingleBranchOneOf(document)
  tidyComponents(document)
  return document
}

export default fp(
  async function openapiPlugin (app) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: API_TITLE,
          version: packageJson.version,
          description:
            'Imports completed storefront orders (Normalized Order Event v1, schema `OrderEvent`) into Kibo Order Management as ' +
            '`isImport: true` orders: exact decimal totals, pre-authorized payments, fraud results, idempotent ' +
            'by (Kibo tenant, site, externalId). Errors are RFC 9457 `application/problem+json`. The rules of the event that ' +
            'JSON Schema cannot carry are listed in the `OrderEvent` description.',
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
      transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as Json) as ReturnType<typeof jsonSchemaTransformObject>
    })
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true },
      theme: { title: `${API_TITLE} API` }
    })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' }
)
