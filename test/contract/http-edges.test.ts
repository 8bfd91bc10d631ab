// The edges of the HTTP contract, through HTTP: what a partner's client sees for a UTF-8
// e-mail, an unpaired surrogate, an over-limit body (with the clients partners use), an unknown
// id, a wrong method, and an unsigned webhook with a broken body.
import { execFile } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { request as undiciRequest } from 'undici'
import { Webhook } from 'standardwebhooks'
import t, { type Test } from 'tap'
import { buildTestApp } from '../support/app.ts'
import { loadExample, withExternalId } from '../support/examples.ts'

const run = promisify(execFile)
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
// One app for the whole file (booting is the slow part); webhooks need a signature, /v1 is open.
const app = await buildTestApp(t, { WEBHOOK_SECRETS: secret, BODY_LIMIT: '1048576' })

function signed (payload: string, id = `msg_${Math.random().toString(36).slice(2)}`) {
  const timestamp = new Date()
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, payload)
  }
}

t.test('an e-mail with a UTF-8 local part (RFC 6531) is imported and reaches Kibo unchanged', async (t) => {
  const addresses = ['jörg.müller@example.de', '😀@example.com', '用户@例子.广告', 'o\'brien+tag@example.ie']
  for (const [index, email] of addresses.entries()) {
    const event = withExternalId(loadExample('paypal-eur'), `UTF8-MAIL-${index}`)
    event.data.customer.email = email
    event.data.billTo.email = email
    const preview = await app.inject({ method: 'POST', url: '/v1/orders/preview', payload: event })
    t.equal(preview.statusCode, 200, `${email}: preview ${preview.body.slice(0, 200)}`)
    t.equal(preview.json().kiboOrder.email, email, `${email} is sent as is`)
    const imported = await app.inject({ method: 'POST', url: '/v1/orders', payload: event })
    t.equal(imported.statusCode, 201, `${email}: imported`)
  }
  for (const email of ['no-at-sign.example.com', '@example.com', 'ming@', 'ming li@example.com', 'ming@exa\tmple.com']) {
    const event = withExternalId(loadExample('paypal-eur'), 'BAD-MAIL')
    event.data.customer.email = email
    const response = await app.inject({ method: 'POST', url: '/v1/orders/preview', payload: event })
    t.equal(response.statusCode, 400, `${JSON.stringify(email)} cannot be an address`)
    t.match(response.json().errors, [{ path: 'data.customer.email' }])
  }
})

t.test('an unpaired UTF-16 surrogate escape is a 400 naming the path, never a 500', async (t) => {
  const body = JSON.stringify(withExternalId(loadExample('paypal-eur'), 'SURROGATE'))
  const cases = [
    ['lone high', '\\ud800'],
    ['lone low', '\\udfff'],
    ['reversed pair', '\\udc00\\ud800'],
    ['high then text', '\\ud83dx']
  ]
  for (const [name, escape] of cases) {
    const payload = body.replace('"Jonas"', `"Jo${escape}nas"`)
    for (const url of ['/v1/orders', '/v1/orders/preview', '/v1/webhooks/orders']) {
      const headers = url.includes('webhooks') ? signed(payload) : { 'content-type': 'application/json' }
      const response = await app.inject({ method: 'POST', url, headers, payload })
      t.equal(response.statusCode, 400, `${name} on ${url}`)
      t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
      t.match(response.json(), { type: /invalid-json$/, detail: /unpaired UTF-16 surrogate/, errors: [{ path: 'data.customer.firstName' }] })
    }
  }
  const paired = body.replace('"Jonas"', '"Jonas \\ud83d\\ude00"')
  const response = await app.inject({ method: 'POST', url: '/v1/orders', headers: { 'content-type': 'application/json' }, payload: paired })
  t.equal(response.statusCode, 201, 'a proper pair (an emoji) is text and is imported')
})

t.test('GET /v1/imports/{id}: an id of any other shape is 404; a wrong method on a known path is 405 with Allow', async (t) => {
  for (const id of ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P', 'x']) {
    const response = await app.inject({ method: 'GET', url: `/v1/imports/${id}` })
    t.equal(response.statusCode, 404, id)
    t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(response.json(), { status: 404, title: 'No such import' })
  }
  const job = await app.inject({ method: 'GET', url: '/v1/inventory/jobs/3f2504e0-4f89-11d3-9a0c-0305e82c3301' })
  t.equal(job.statusCode, 404, 'inventory job of another shape')
  const retry = await app.inject({ method: 'POST', url: '/v1/imports/not-an-import/retry' })
  t.equal(retry.statusCode, 404, 'retry of an unknown id')

  const wrongMethods: Array<[string, string, string]> = [
    ['DELETE', '/v1/imports/imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P', 'GET, HEAD'],
    ['GET', '/v1/orders', 'POST'],
    ['PUT', '/v1/orders/', 'POST'],
    ['GET', '/v1/webhooks/orders', 'POST'],
    ['POST', '/health/live', 'GET, HEAD'],
    ['PATCH', '/v1/orders/SO-1/restrictions', 'PUT']
  ]
  for (const [method, url, allow] of wrongMethods) {
    const response = await app.inject({ method: method as 'GET', url })
    t.equal(response.statusCode, 405, `${method} ${url}`)
    t.equal(response.headers.allow, allow, `${method} ${url}: Allow`)
    t.match(response.json(), { status: 405, title: 'Method Not Allowed' })
  }
  const unknown = await app.inject({ method: 'GET', url: '/v1/nothing-here' })
  t.equal(unknown.statusCode, 404, 'an unknown path is still 404')
})

t.test('the webhook route verifies the signature before it parses the body', async (t) => {
  for (const [name, payload, contentType] of [
    ['broken JSON', '{"type": "order.created", ', 'application/json'],
    ['duplicate keys', '{"a": 1, "a": 2}', 'application/json'],
    ['not JSON at all', 'hello', 'text/plain'],
    ['valid event', JSON.stringify(loadExample('paypal-eur')), 'application/json']
  ]) {
    const response = await app.inject({ method: 'POST', url: '/v1/webhooks/orders', headers: { 'content-type': contentType }, payload })
    t.equal(response.statusCode, 401, `${name}, unsigned: 401`)
    t.match(response.json(), { type: /invalid-signature$/ })
    t.notMatch(response.body, /JSON|position|Unexpected/, `${name}: nothing about the parser`)
  }
  const empty = await app.inject({ method: 'POST', url: '/v1/webhooks/orders' })
  t.equal(empty.statusCode, 401, 'no body, unsigned: 401')
})

t.test('a body over BODY_LIMIT sent with its Content-Length: every common client reads the 413 problem', async (t) => {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}/v1/orders`
  const event = loadExample('paypal-eur')
  const item = event.data.items[0]
  event.data.items = Array.from({ length: 10_000 }, (_, i) => ({ ...item, lineId: String(i), name: 'x'.repeat(400) }))
  const body = Buffer.from(JSON.stringify(event)) // about 5 MB
  t.ok(body.length > 4_000_000, `body is ${body.length} bytes`)

  const expectProblem = (t: Test, status: number, contentType: string | undefined, text: string) => {
    t.equal(status, 413)
    t.match(contentType, /^application\/problem\+json/)
    t.match(JSON.parse(text), { status: 413, type: /body-too-large$/ })
  }

  await t.test("Node's http", async (t) => {
    const answer = await new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } })
      request.on('response', (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => { text += chunk })
        response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], text }))
      })
      request.on('error', reject)
      request.end(body)
    })
    expectProblem(t, answer.status, answer.type, answer.text)
  })

  await t.test('undici request', async (t) => {
    const response = await undiciRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expectProblem(t, response.statusCode, response.headers['content-type'] as string, await response.body.text())
  })

  await t.test('fetch', async (t) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expectProblem(t, response.status, response.headers.get('content-type') ?? undefined, await response.text())
  })

  const noCurl = (await run('curl', ['--version']).catch(() => null)) === null
  await t.test('curl', { skip: noCurl && 'curl is not installed' }, async (t) => {
    const file = await writeTemp(body)
    const result = await run('curl', ['-sS', '-o', '-', '-w', '\\n%{http_code} %{content_type}', '-H', 'content-type: application/json',
      '-H', 'expect:', '--data-binary', `@${file}`, url], { maxBuffer: 1 << 20 })
    const lines = result.stdout.split('\n')
    const [status, type] = lines.pop()!.split(' ')
    expectProblem(t, Number(status), type, lines.join('\n'))
  })

  const noRequests = (await run('python3', ['-c', 'import requests']).catch(() => null)) === null
  const skipPython = noRequests && 'Python 3 with requests is not installed (apt-get install -y python3-requests)'
  await t.test('Python requests', { skip: skipPython }, async (t) => {
    const file = await writeTemp(body)
    const script = 'import requests, sys, json\n' +
      'r = requests.post(sys.argv[1], data=open(sys.argv[2], "rb").read(), headers={"content-type": "application/json"})\n' +
      'print(json.dumps({"status": r.status_code, "type": r.headers.get("content-type"), "text": r.text}))'
    const result = await run('python3', ['-c', script, url, file], { maxBuffer: 1 << 20 })
    const answer = JSON.parse(result.stdout)
    expectProblem(t, answer.status, answer.type, answer.text)
  })

  const after = await fetch(`http://127.0.0.1:${port}/health/live`)
  t.equal(after.status, 200, 'the service still answers')
})

async function writeTemp (body: Buffer): Promise<string> {
  const { mkdtemp, writeFile } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const dir = await mkdtemp(path.join(tmpdir(), 'kob-413-'))
  const file = path.join(dir, 'body.json')
  await writeFile(file, body)
  t.teardown(async () => (await import('node:fs/promises')).rm(dir, { recursive: true, force: true }))
  return file
}
