// Security headers, the JSON depth limit, strict content types, inbound timeouts, and the
// production refusal without API keys.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { loadExample, repoRoot } from '../support/examples.ts'
import { json } from '../support/http.ts'
import { MAX_JSON_DEPTH } from '../../src/lib/strict-json.ts'

t.test('API responses carry strict security headers', async (t) => {
  const app = await buildTestApp(t)
  for (const request of [
    { method: 'GET' as const, url: '/health/live' },
    { method: 'POST' as const, url: '/v1/orders/preview', headers: json, payload: loadExample('paypal-eur') },
    { method: 'POST' as const, url: '/v1/orders', headers: json, payload: '{"nope":' }
  ]) {
    const response = await app.inject(request)
    const h = response.headers
    t.equal(
      h['content-security-policy'],
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      `${request.url}: CSP`
    )
    t.equal(h['x-content-type-options'], 'nosniff')
    t.equal(h['x-frame-options'], 'SAMEORIGIN')
    t.match(h['strict-transport-security'], /max-age=\d+/)
    t.equal(h['referrer-policy'], 'no-referrer')
    t.equal(h['x-powered-by'], undefined)
  }
})

t.test('/docs keeps a policy Swagger UI can run under', async (t) => {
  const app = await buildTestApp(t)
  const page = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(page.statusCode, 200)
  const csp = String(page.headers['content-security-policy'])
  t.match(csp, /script-src 'self'/)
  t.match(csp, /style-src 'self' 'unsafe-inline'/)
  t.match(csp, /img-src 'self' data:/)
  t.notMatch(csp, /upgrade-insecure-requests/, 'no upgrade: the docs work over plain http on localhost')
  // Every script and stylesheet of the page is same-origin (nothing inline to be blocked).
  const html = page.body
  t.notMatch(html, /<script>(?!\s*<\/script>)[^<]+<\/script>/, 'no inline script')
  for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) {
    t.notMatch(src, /^https?:/, `script ${src} is same-origin`)
    const asset = await app.inject({ method: 'GET', url: new URL(src, 'http://x/docs').pathname })
    t.equal(asset.statusCode, 200, `${src} is served`)
  }
  for (const [, href] of html.matchAll(/<link[^>]*href="([^"]+)"/g)) t.notMatch(href, /^https?:/, `${href} is same-origin`)
  const spec = await app.inject({ method: 'GET', url: '/docs/json' })
  t.equal(spec.statusCode, 200, 'the UI can fetch the document (connect-src self)')
})

t.test(`JSON nesting deeper than ${MAX_JSON_DEPTH} is a 400 problem, and the limit is at most 64`, async (t) => {
  t.ok(MAX_JSON_DEPTH <= 64)
  const app = await buildTestApp(t)
  const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`
  const tooDeep = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: nested(MAX_JSON_DEPTH + 1) })
  t.equal(tooDeep.statusCode, 400)
  t.match(tooDeep.headers['content-type'], /^application\/problem\+json/)
  t.match(tooDeep.json().detail, new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`))
  const deepButAllowed = await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: nested(MAX_JSON_DEPTH) })
  t.equal(deepButAllowed.statusCode, 400, 'parsed, then refused by the schema')
  t.notMatch(deepButAllowed.json().detail, /deeper than/)
  const wrongType = await app.inject({ method: 'POST', url: '/v1/orders', headers: { 'content-type': 'text/plain' }, payload: '{}' })
  t.equal(wrongType.statusCode, 415)
})

t.test('inbound timeouts are set on the server', async (t) => {
  const app = await buildTestApp(t)
  t.ok(app.server.requestTimeout > 0 && app.server.requestTimeout <= 60_000, `requestTimeout ${app.server.requestTimeout}`)
  t.ok(
    app.server.headersTimeout > 0 && app.server.headersTimeout <= app.server.requestTimeout,
    `headersTimeout ${app.server.headersTimeout}`
  )
  t.ok(app.server.keepAliveTimeout > 0, `keepAliveTimeout ${app.server.keepAliveTimeout}`)
  t.ok(
    app.server.timeout >= 2 * app.config.kiboTimeoutMs + app.config.kiboRetryBudgetMs,
    `socket idle timeout ${app.server.timeout} outlasts a slow sync import`
  )
})

t.test('NODE_ENV=production without API_KEYS: the server refuses to start, saying why', async (t) => {
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), ['src/server.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      KIBO_CLIENT_ID: 'client',
      KIBO_SHARED_SECRET: 'a-shared-secret-of-some-length',
      KIBO_TENANT_ID: '12345',
      KIBO_SITE_ID: '54321',
      PORT: '0',
      DATA_DIR: 'memory://'
    }
  })
  t.not(result.status, 0, `exit code ${result.status}`)
  t.equal(result.status, 78, 'EX_CONFIG')
  t.match(result.stderr, /Invalid configuration/)
  t.match(result.stderr, /API_KEYS: required .*NODE_ENV=production/)
  t.notMatch(result.stderr + result.stdout, /a-shared-secret-of-some-length/, 'the secret is not echoed')
})
