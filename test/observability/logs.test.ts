// No secret reaches a log line, at level trace, whatever happens: every contract example imported
// sync, async and by signed webhook, invalid ones refused, Kibo failing in every way the simulator
// can, tokens revoked (401) and token refreshes failing. The captured output is then searched for
// every card token, requestToken, customerProfileId, card number, the Kibo shared secret, every
// access token the simulator issued, the API keys and the webhook secret.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import t from 'tap'
import { DEFAULT_SHARED_SECRET } from '../../src/kibo-simulator/index.ts'
import { loggerOptions, redactEmails } from '../../src/logger.ts'
import { buildTestApp, fastWorker, waitForStatus } from '../support/app.ts'
import { exampleNames, examplesDir, invalidExampleNames, loadExample, loadInvalidExample, withExternalId } from '../support/examples.ts'
import { json, newWebhookSecret, signedHeaders } from '../support/http.ts'
import { waitFor } from '../support/wait.ts'

/** Every value under one of these keys, at any depth. */
function valuesUnder (value: unknown, keys: Set<string>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) valuesUnder(item, keys, found)
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (keys.has(key) && (typeof item === 'string' || typeof item === 'number')) found.add(String(item))
      else valuesUnder(item, keys, found)
    }
  }
  return found
}

function captureLogger (level = 'trace', settings = {}) {
  const lines: string[] = []
  const stream = new Writable({
    write (chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    }
  })
  return { logger: pino(loggerOptions(level, settings), stream), text: () => lines.join('') }
}

const sensitiveKeys = new Set(['token', 'requestToken', 'customerProfileId', 'cardNumberPartOrMask'])

t.test('at level trace no secret reaches the log, through every path and failure', async (t) => {
  const apiKey = 'api-key-for-the-log-test-0123456789'
  const otherApiKey = 'second-api-key-for-the-log-test-9876'
  const webhookSecret = newWebhookSecret()
  const capture = captureLogger('trace')
  const app = await buildTestApp(
    t,
    {
      ...fastWorker,
      API_KEYS: `${apiKey},${otherApiKey}`,
      WEBHOOK_SECRETS: webhookSecret,
      CIRCUIT_FAILURE_THRESHOLD: '1000',
      IMPORT_MAX_ATTEMPTS: '3'
    },
    { loggerInstance: capture.logger }
  )
  const simulator = app.kibo.simulator!
  const tokens = new Set<string>()
  const sampleToken = async () => {
    tokens.add(await app.kibo.tokenProvider.getToken())
  }
  const bearer = { ...json, authorization: `Bearer ${apiKey}` }
  const headerKey = { ...json, 'x-api-key': otherApiKey }
  const importIds: string[] = []

  // Sync, async and signed webhook, every example.
  for (const name of exampleNames()) {
    const sync = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer,
      payload: withExternalId(loadExample(name), `LOG-S-${name}`)
    })
    t.equal(sync.statusCode, 201, `${name} sync`)
    await sampleToken()
    const queued = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: { ...headerKey, prefer: 'respond-async' },
      payload: withExternalId(loadExample(name), `LOG-A-${name}`)
    })
    t.equal(queued.statusCode, 202, `${name} async`)
    importIds.push(queued.json().importId)
    const body = JSON.stringify(withExternalId(loadExample(name), `LOG-W-${name}`))
    const hooked = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/orders',
      headers: signedHeaders(webhookSecret, body),
      payload: body
    })
    t.equal(hooked.statusCode, 202, `${name} webhook`)
    importIds.push(hooked.json().importId)
  }
  for (const importId of importIds) await waitForStatus(app, importId, 'imported', undefined, bearer)
  await sampleToken()

  // Refused before Kibo: invalid examples, a bad key, a bad signature, broken JSON.
  for (const name of invalidExampleNames()) {
    const refused = await app.inject({ method: 'POST', url: '/v1/orders', headers: bearer, payload: loadInvalidExample(name).event })
    t.ok(refused.statusCode >= 400 && refused.statusCode < 500, `${name} refused`)
  }
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { ...json, authorization: `Bearer ${apiKey}x` },
        payload: loadExample('paypal-eur')
      })
    ).statusCode,
    401
  )
  const unsigned = JSON.stringify(loadExample('paypal-eur'))
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/v1/webhooks/orders',
        headers: { ...signedHeaders(newWebhookSecret(), unsigned) },
        payload: unsigned
      })
    ).statusCode,
    401
  )
  t.equal(
    (await app.inject({ method: 'POST', url: '/v1/orders', headers: bearer, payload: '{"data": {"payments": [{"card": {"token": "tok_' }))
      .statusCode,
    400
  )

  // Kibo failing in every way, sync.
  let n = 0
  for (const fault of [
    { kind: '500' as const },
    { kind: '502-empty' as const },
    { kind: '503-html' as const, times: 3 },
    { kind: '429' as const, retryAfterSeconds: 1 },
    { kind: 'reset' as const },
    { kind: 'commit-then-fail' as const, then: 504 as const },
    { kind: 'timeout' as const, hangMs: 1500 },
    { kind: '400-validation' as const },
    { kind: 'auth-401-once' as const }
  ]) {
    await sampleToken()
    simulator.faults.inject(fault)
    const response = await app.inject({
      method: 'POST',
      url: '/v1/orders',
      headers: bearer,
      payload: withExternalId(loadExample('cybersource-ship-usd'), `LOG-F-${++n}`)
    })
    t.ok([201, 422, 502, 503].includes(response.statusCode), `${fault.kind}: ${response.statusCode}`)
    simulator.faults.clear()
    await sampleToken()
  }

  // Tokens revoked behind our back (401, re-authentication), and a failing token refresh.
  simulator.revokeTokens()
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: bearer,
        payload: withExternalId(loadExample('paypal-eur'), 'LOG-REVOKED')
      })
    ).statusCode,
    201
  )
  await sampleToken()
  simulator.revokeTokens()
  simulator.faults.inject({ kind: '500', route: 'oauth', times: 1 })
  const noToken = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: bearer,
    payload: withExternalId(loadExample('paypal-eur'), 'LOG-NO-TOKEN')
  })
  t.ok(noToken.statusCode >= 500, `token refresh failed: ${noToken.statusCode}`)
  simulator.faults.clear()
  await sampleToken()

  // Async failures: retried, then dead.
  simulator.faults.inject({ kind: '500', times: 3 })
  const doomed = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { ...bearer, prefer: 'respond-async' },
    payload: withExternalId(loadExample('authorizenet-pickup-review'), 'LOG-DEAD')
  })
  await waitForStatus(app, doomed.json().importId, 'dead', undefined, bearer)
  simulator.faults.clear()
  await sampleToken()

  // Every token the simulator issued was sampled (each one was the current token at some point).
  const issued = Object.values(simulator.stats().tokensIssuedByTenant).reduce((sum, count) => sum + count, 0)
  t.equal(tokens.size, issued, `all ${issued} issued access tokens are checked`)

  // Let the last lines (worker, lease) be written.
  await waitFor('the log to settle', async () => capture.text().length > 0)
  await app.close()
  const output = capture.text()
  t.ok(output.split('\n').length > 100, `captured ${output.split('\n').length} lines`)
  t.match(output, /"level":20/, 'debug lines were written')
  t.match(output, /order imported/)
  t.match(output, /"outcome":"retry_scheduled"/)

  const secrets = new Map<string, string>()
  const everyExample = [
    ...exampleNames().map((name) => loadExample(name)),
    ...invalidExampleNames().map((name) => loadInvalidExample(name).event)
  ]
  for (const value of valuesUnder(everyExample, sensitiveKeys)) secrets.set(value, 'card or gateway token from the examples')
  t.ok(secrets.size >= 5, `${secrets.size} payment secrets from the examples`)
  secrets.set(DEFAULT_SHARED_SECRET, 'Kibo shared secret')
  for (const token of tokens) secrets.set(token, 'Kibo access token')
  secrets.set(apiKey, 'API key')
  secrets.set(otherApiKey, 'API key')
  secrets.set(webhookSecret, 'webhook secret')
  secrets.set(webhookSecret.slice('whsec_'.length), 'webhook secret (base64)')
  for (const [secret, what] of secrets) {
    if (secret.length < 6) continue // too short to mean anything
    t.notOk(output.includes(secret), `${what} ${secret.slice(0, 4)}… is not in the log`)
  }
})

t.test('LOG_REDACT_EMAILS: e-mail addresses are replaced in every line, wherever they are', async (t) => {
  const plain = captureLogger('info')
  plain.logger.info({ customer: { email: 'ming@example.com' } }, 'for ming@example.com')
  t.match(plain.text(), /ming@example\.com/, 'kept by default')

  const redacted = captureLogger('info', { redactEmails: true })
  redacted.logger.info({ customer: { email: 'ming@example.com' }, nested: { list: ['a.b+c@mail.example.co.uk'] } }, 'for ming@example.com')
  t.notMatch(redacted.text(), /@example|@mail/)
  t.match(redacted.text(), /"email":"\[email\]"/)
  t.equal(redactEmails('x ming.li@example.com y'), 'x [email] y')
  t.equal(redactEmails('no address @ here, nor user@localhost'), 'no address @ here, nor user@localhost')

  // Through the app: every example, sync and refused, with the setting on.
  const capture = captureLogger('trace', { redactEmails: true })
  const app = await buildTestApp(t, { LOG_REDACT_EMAILS: 'true' }, { loggerInstance: capture.logger })
  t.equal(app.config.logRedactEmails, true)
  for (const name of exampleNames()) await app.inject({ method: 'POST', url: '/v1/orders', headers: json, payload: loadExample(name) })
  const emails = valuesUnder(
    exampleNames().map((name) => loadExample(name)),
    new Set(['email'])
  )
  t.ok(emails.size > 0)
  for (const email of emails) t.notOk(capture.text().includes(email), `${email} is not in the log`)
})

t.test('the examples directory holds the files this test reads', async (t) => {
  const files = readdirSync(examplesDir).filter((file) => file.endsWith('.json'))
  t.ok(files.length >= 4)
  for (const file of files) t.doesNotThrow(() => JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8')))
})

t.test('one line per request at info ("request completed", with the request); "incoming request" at debug', async (t) => {
  for (const level of ['info', 'debug']) {
    const capture = captureLogger(level)
    const app = await buildTestApp(t, {}, { loggerInstance: capture.logger })
    const response = await app.inject({ method: 'GET', url: '/health/live', headers: { 'user-agent': 'log-test/1' } })
    t.equal(response.statusCode, 200)
    const requestId = response.headers['x-request-id']
    const lines = capture
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((line) => line.reqId === requestId)
    t.same(
      lines.map((line) => line.msg),
      level === 'info' ? ['request completed'] : ['incoming request', 'request completed'],
      `the request's lines at ${level}`
    )
    t.match(lines.at(-1), {
      level: 30,
      req: { method: 'GET', url: '/health/live', requestId, userAgent: 'log-test/1' },
      res: { statusCode: 200 },
      responseTime: Number
    })
  }
})
