// Hostile and malformed bodies against POST /v1/orders (fast-check, fixed seed): wrong types,
// huge numbers, prototype-pollution keys, deep nesting, invalid UTF-8, unknown currencies,
// control characters, duplicate keys, gigantic arrays within the body limit. Every one must be
// answered with a 4xx problem+json, the process must keep serving, and Kibo is never called.
//
// npm test runs FUZZ_RUNS (default 1,000) bodies; `npm run fuzz` runs 10,000 (FUZZ_RUNS=... for more).
import fc from 'fast-check'
import t from 'tap'
import { buildTestApp, exampleNames, loadExample } from '../helper.ts'
import { isOrderCurrency } from '../../src/mapping/index.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 1000)
const seed = Number(process.env.FUZZ_SEED ?? 20261123)
const bodyLimit = 1024 * 1024

const examples = exampleNames().map((name) => loadExample(name))

/** Values that are never what a typed field wants. */
// (null is left out: optional fields accept it.)
const wrongValue = fc.oneof(
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.double({ noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constantFrom(-1, -0.001, 1e21, Number.MAX_SAFE_INTEGER + 2),
  // A NUL character is refused in any string (PostgreSQL cannot store it).
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `\u0000${s}\u001f`)
)
/** Strings that are never what a formatted field (amount, date, code) wants. */
const wrongText = fc.constantFrom('1e309', 'NaN', '', ' 10.00', '10,00', 'USD ', '2026-13-45', '0x10', '∞')

/** A path into an example: every object member and array element, any depth. */
function paths (value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out))
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out)
  if (prefix.length > 0) out.push(prefix)
  return out
}

function setAt (target: any, path: (string | number)[], value: unknown): any {
  const copy = structuredClone(target)
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key]
  node[path.at(-1)!] = value
  return copy
}

// Only the paths whose value is constrained (a wrong value there must be refused).
const typedLeaves =
  /(^|\.)(type|timestamp|externalId|placedAt|currency|quantity|unitPrice|salePrice|tax|discount|total|amount|gateway|method|country|lineId|items|payments|data|billTo|address|shipping|firstName|lastName|line1|city)$/
// ... and of those, the ones with a format, where a wrong string must be refused too.
const formattedLeaves = /(^|\.)(type|timestamp|placedAt|currency|unitPrice|salePrice|tax|discount|total|amount|gateway|method|country)$/
const example = fc.constantFrom(...examples)

const mutatedField = example.chain((event) =>
  fc
    .oneof(
      fc.tuple(fc.constantFrom(...paths(event).filter((p) => typedLeaves.test(p.join('.')))), wrongValue),
      fc.tuple(fc.constantFrom(...paths(event).filter((p) => formattedLeaves.test(p.join('.')))), wrongText)
    )
    .map(([path, value]) => JSON.stringify(setAt(event, path, value)))
)

const unknownCurrency = fc
  .tuple(
    example,
    fc.oneof(
      fc.stringMatching(/^[A-Z]{3}$/).filter((c) => !isOrderCurrency(c)),
      fc.constantFrom('XXX', 'XAU', 'XTS', 'BTC', 'usd', 'US', 'EURO', 'USD\u0000', '\u202eDSU', '')
    )
  )
  .map(([event, currency]) => JSON.stringify(setAt(event, ['data', 'currency'], currency)))

const hugeNumber = fc
  .tuple(
    example,
    fc.constantFrom(
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '0.1000000000000000000000001',
      '9'.repeat(400),
      '1E+2',
      '-0',
      '1e-400'
    )
  )
  .map(([event, literal]) => JSON.stringify(setAt(event, ['data', 'items', 0, 'quantity'], '__N__')).replace('"__N__"', literal))

const pollutionKey = fc
  .tuple(
    example,
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    fc.constantFrom('{"isAdmin":true}', '{"prototype":{"x":1}}', 'null', '1')
  )
  .map(([event, key, value]) => JSON.stringify(event).replace('"externalId":', `"${key}":${value},"externalId":`))

const duplicateKey = fc.tuple(example, fc.constantFrom('externalId', 'currency', 'total', 'data', 'type')).map(([event, key]) => {
  const text = JSON.stringify(event)
  const at = text.indexOf(`"${key}":`)
  return `${text.slice(0, at)}"${key}":"duplicate",${text.slice(at)}`
})

const deepNesting = fc.tuple(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}'
  return `{"data":${open.repeat(depth)}1${close.repeat(depth)}}`
})

const gigantic = fc
  .tuple(example, fc.integer({ min: 10_000, max: 150_000 }), fc.constantFrom('items', 'payments', 'giant'))
  .map(([event, length, key]) => {
    const copy = structuredClone(event)
    const filler = Array.from({ length }, (_, i) => i % 10)
    if (key === 'giant') copy.data.giant = filler
    else copy.data[key] = filler
    return JSON.stringify(copy)
  })
  .filter((text) => Buffer.byteLength(text) < bodyLimit)

const controlChars = fc
  .tuple(
    example,
    fc.constantFrom<(string | number)[]>(
      ['data', 'currency'],
      ['data', 'placedAt'],
      ['data', 'total'],
      ['timestamp'],
      ['type'],
      ['data', 'items', 0, 'unitPrice']
    ),
    fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 })
  )
  .map(([event, path, noise]) => {
    const original = path.reduce((node: any, key) => node[key], event)
    return JSON.stringify(setAt(event, path, `${String(original)}${noise}`))
  })

/** Raw bytes: invalid UTF-8 sequences spliced into a valid body. */
const invalidUtf8 = fc
  .tuple(
    example,
    fc.constantFrom(
      [0xff],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xe2, 0x82],
      [0xfe, 0xfe],
      [0xef, 0xbb, 0xbf]
    ),
    fc.nat()
  )
  .map(([event, bytes, where]) => {
    const text = Buffer.from(JSON.stringify(event))
    const quote = text.indexOf('"externalId":"') + 14
    const at = bytes[0] === 0xef ? 0 : quote + (where % 5)
    return Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)])
  })

const truncated = fc.tuple(example, fc.nat()).map(([event, cut]) => {
  const text = JSON.stringify(event)
  return text.slice(0, 1 + (cut % (text.length - 1)))
})

const notAnObject = fc.oneof(
  fc
    .jsonValue()
    .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.constantFrom('', ' ', 'null', '[]', '"order"', 'undefined', '{,}', "{'a':1}")
)

const randomJson = fc.object({ maxDepth: 4 }).map((value) => JSON.stringify(value))

const hostileBody = fc.oneof(
  { arbitrary: mutatedField, weight: 6 },
  { arbitrary: unknownCurrency, weight: 2 },
  { arbitrary: hugeNumber, weight: 2 },
  { arbitrary: pollutionKey, weight: 2 },
  { arbitrary: duplicateKey, weight: 2 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: gigantic, weight: 1 },
  { arbitrary: controlChars, weight: 2 },
  { arbitrary: invalidUtf8, weight: 2 },
  { arbitrary: truncated, weight: 2 },
  { arbitrary: notAnObject, weight: 1 },
  { arbitrary: randomJson, weight: 2 }
)

t.test(`${runs} hostile bodies: only 4xx problem+json, the app keeps serving, Kibo never called`, async (t) => {
  const app = await buildTestApp(t, { BODY_LIMIT: String(bodyLimit), LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: '0' })
  const simulator = app.kibo.simulator!
  const statuses: Record<number, number> = {}
  const started = Date.now()
  await fc.assert(
    fc.asyncProperty(hostileBody, async (body) => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/orders',
        headers: { 'content-type': 'application/json' },
        payload: body
      })
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
      if (response.statusCode < 400 || response.statusCode >= 500) {
        throw new Error(`answered ${response.statusCode}: ${response.body.slice(0, 300)}`)
      }
      if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) { throw new Error(`not problem+json: ${response.headers['content-type']}`) }
      const problem = response.json()
      if (problem.status !== response.statusCode || typeof problem.title !== 'string' || typeof problem.type !== 'string') {
        throw new Error(`not a problem document: ${response.body.slice(0, 300)}`)
      }
    }),
    { numRuns: runs, seed, endOnFailure: true }
  )
  t.comment(`${runs} bodies in ${Date.now() - started} ms (seed ${seed}); statuses ${JSON.stringify(statuses)}`)
  t.equal(simulator.stats().createCalls, 0, 'no body reached Kibo')
  t.equal((Object.prototype as Record<string, unknown>).isAdmin, undefined, 'no prototype pollution')
  const alive = await app.inject({
    method: 'POST',
    url: '/v1/orders',
    headers: { 'content-type': 'application/json' },
    payload: examples[0]
  })
  t.equal(alive.statusCode, 201, 'a valid order still imports afterwards')
})
