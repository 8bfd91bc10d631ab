import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { generateClientTypes, generateOpenApiYaml } from '../src/openapi-document.ts'
import { buildTestApp } from './support/app.ts'
import { repoRoot } from './support/examples.ts'

t.test('openapi.yaml and the client types are what the routes generate (run `npm run openapi` after changing a schema)', async (t) => {
  const committed = readFileSync(path.join(repoRoot, 'openapi.yaml'), 'utf8')
  const generated = await generateOpenApiYaml()
  t.equal(committed, generated, 'openapi.yaml has drifted from the route schemas: run `npm run openapi` and commit the result')
  const types = readFileSync(path.join(repoRoot, 'test/contract/typed-client/openapi-types.ts'), 'utf8')
  t.equal(types, await generateClientTypes(generated), 'the generated client types have drifted: run `npm run openapi`')
})

t.test('the document is OpenAPI 3.1 and describes the public routes', async (t) => {
  const app = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(response.statusCode, 200)
  const document = response.json()
  t.equal(document.openapi, '3.1.0')
  for (const route of ['/v1/orders', '/v1/orders/preview', '/health/live', '/health/ready']) {
    t.ok(document.paths[route], `${route} is documented`)
  }
  const importOrder = document.paths['/v1/orders'].post
  t.same(importOrder.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/OrderEvent' }, 'the event is OrderEvent')
  t.ok(importOrder.requestBody.content['application/json'].examples['paypal-eur'], 'examples from examples/')
  t.ok(importOrder.responses['422'].content['application/problem+json'], 'errors documented as problem+json')
  t.ok(document.servers.length > 0, 'servers')
  for (const [route, operations] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      const where = `${method.toUpperCase()} ${route}`
      t.ok(Array.isArray(operation.security), `${where}: security stated (open routes say [])`)
      for (const [status, answer] of Object.entries<any>(operation.responses)) {
        t.not(answer.description, 'Default Response', `${where} ${status} has a description`)
        t.ok(answer.headers?.['x-request-id'], `${where} ${status}: x-request-id documented`)
      }
      if (operation.requestBody !== undefined) for (const status of ['413', '415']) t.ok(operation.responses[status], `${where}: ${status}`)
      if (route.startsWith('/v1/')) t.ok(operation.responses['429'], `${where}: 429`)
    }
  }
  const upload = document.paths['/v1/inventory/refresh/upload'].post
  t.same(Object.keys(upload.requestBody.content).sort(), ['application/x-ndjson', 'text/csv'], 'upload bodies declared')
  const names = Object.keys(document.components.schemas)
  t.same(names.filter((name) => name.endsWith('Input') && names.includes(name.slice(0, -5))), [], 'no input/output duplicates left')
  const singleBranch: string[] = []
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((entry, index) => walk(entry, `${at}/${index}`))
    else if (value !== null && typeof value === 'object') {
      if (Array.isArray((value as any).oneOf) && (value as any).oneOf.length < 2) singleBranch.push(at)
      for (const [key, child] of Object.entries(value)) walk(child, `${at}/${key}`)
    }
  }
  walk(document, '#')
  t.same(singleBranch, [], 'no single-branch oneOf')
  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.ok(docs.statusCode === 200 || docs.statusCode === 302, '/docs is served')
  const page = await app.inject({ method: 'GET', url: '/docs/static/index.html' })
  if (page.statusCode === 200) t.match(page.body, /<title>Kibo Order Bridge/, 'the docs page has the product title')
})
