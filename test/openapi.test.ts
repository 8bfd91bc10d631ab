import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { generateOpenApiYaml } from '../src/openapi-document.ts'
import { buildTestApp } from './support/app.ts'
import { repoRoot } from './support/examples.ts'

t.test('openapi.yaml is what the routes generate (run `npm run openapi` after changing a schema)', async (t) => {
  const committed = readFileSync(path.join(repoRoot, 'openapi.yaml'), 'utf8')
  const generated = await generateOpenApiYaml()
  t.equal(committed, generated, 'openapi.yaml has drifted from the route schemas: run `npm run openapi` and commit the result')
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
  t.ok(importOrder.requestBody.content['application/json'].schema, 'request body schema published')
  t.ok(importOrder.responses['422'].content['application/problem+json'], 'errors documented as problem+json')
  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.ok(docs.statusCode === 200 || docs.statusCode === 302, '/docs is served')
})
