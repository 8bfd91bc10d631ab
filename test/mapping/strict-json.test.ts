import t from 'tap'
import { parseStrictJson, MAX_JSON_DEPTH } from '../../src/lib/strict-json.ts'

const ok = (body: string | Buffer) => parseStrictJson(body)

t.test('accepts a plain object, as string or bytes', async (t) => {
  t.same(ok('{"a":1,"b":[1,2,{"c":"x"}]}'), { ok: true, value: { a: 1, b: [1, 2, { c: 'x' }] } })
  t.same(ok(Buffer.from('{"name":"花子","n":19.99}')), { ok: true, value: { name: '花子', n: 19.99 } })
  t.same(ok('  {}  '), { ok: true, value: {} })
  t.same(ok('{"a":{"x":1},"b":{"x":2}}'), { ok: true, value: { a: { x: 1 }, b: { x: 2 } } }, 'same key in sibling objects is fine')
  t.same(ok('[{"a":1},{"a":2}]'.replace(/^/, '{"list":').concat('}')), { ok: true, value: { list: [{ a: 1 }, { a: 2 }] } })
  t.same(ok('{"s":"a\\"b\\\\","k\\"":1}'), { ok: true, value: { s: 'a"b\\', 'k"': 1 } }, 'escapes inside strings and keys')
  t.same(ok('{"x":"{\\"a\\":1,\\"a\\":2}"}'), { ok: true, value: { x: '{"a":1,"a":2}' } }, 'JSON inside a string is just text')
})

t.test('duplicate keys are refused, with the key and path named', async (t) => {
  const top = ok('{"a":1,"a":2}')
  t.match(top, { ok: false, message: /Duplicate key "a"/, path: 'a' })
  const deep = ok('{"data":{"items":[{"sku":"A"},{"sku":"B","qty":1,"sku":"C"}]}}')
  t.match(deep, { ok: false, message: /Duplicate key "sku".*data\.items\[1\]\.sku/, path: 'data.items[1].sku' })
  t.equal((deep as { position: number }).position, '{"data":{"items":[{"sku":"A"},{"sku":"B","qty":1,'.length)
  t.match(ok('{"a\\u0062":1,"ab":2}'), { ok: false, message: /Duplicate key "ab"/ }, 'escaped spelling of the same key')
})

t.test('prototype keys are refused at any depth', async (t) => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    t.match(ok(`{"${key}":{}}`), { ok: false, message: new RegExp(`"${key}" is not allowed`) }, key)
    t.match(ok(`{"data":{"items":[{"x":{"${key}":1}}]}}`), { ok: false, path: `data.items[0].x.${key}` }, `${key} deep`)
  }
  t.match(ok('{"__pro\\u0074o__":{"polluted":true}}'), { ok: false, message: /"__proto__" is not allowed/ }, 'escaped __proto__')
  t.same(ok('{"x":"__proto__"}'), { ok: true, value: { x: '__proto__' } }, 'as a value it is only text')
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('byte-order mark, invalid UTF-8, empty body', async (t) => {
  t.match(ok(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{}')])), { ok: false, message: /byte-order mark/, position: 0 })
  t.match(ok('\ufeff{}'), { ok: false, message: /byte-order mark/ })
  t.match(ok(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])), {
    ok: false,
    message: /not valid UTF-8.*byte 6/,
    position: 6
  })
  t.match(ok(Buffer.from([0x7b, 0x22, 0xc3, 0x22, 0x7d])), { ok: false, message: /not valid UTF-8/, position: 2 }, 'truncated sequence')
  t.match(ok(Buffer.from([0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])), { ok: false, message: /not valid UTF-8/ }, 'encoded surrogate')
  t.match(ok(Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d])), { ok: false, message: /not valid UTF-8/ }, 'overlong')
  t.match(ok(''), { ok: false, message: /empty/ })
  t.match(ok(Buffer.alloc(0)), { ok: false, message: /empty/ })
})

t.test('syntax errors and non-object top levels', async (t) => {
  const broken = ok('{"a":1,}')
  t.match(broken, { ok: false, message: /not valid JSON/ })
  t.type((broken as { position?: number }).position, 'number')
  for (const [body, kind] of [
    ['[]', 'an array'],
    ['"x"', 'a string'],
    ['1', 'a number'],
    ['null', 'null'],
    ['true', 'a boolean']
  ]) {
    t.match(ok(body), { ok: false, message: new RegExp(`must be a JSON object, not ${kind}`) }, body)
  }
})

t.test(`nesting deeper than ${MAX_JSON_DEPTH} is refused`, async (t) => {
  const nest = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
  t.equal(ok(nest(MAX_JSON_DEPTH)).ok, true, 'exactly 64 levels')
  t.match(ok(nest(MAX_JSON_DEPTH + 1)), { ok: false, message: /deeper than 64/ })
  t.match(ok(`{"a":${'['.repeat(70)}${']'.repeat(70)}}`), { ok: false, message: /deeper than 64/ }, 'arrays count too')
  t.match(parseStrictJson('{"a":{"b":{}}}', { maxDepth: 2 }), { ok: false })
})

t.test('numbers a double cannot carry exactly are refused; others pass', async (t) => {
  t.same(ok('{"a":19.990,"b":1e3,"c":-0,"d":123456789012345,"e":0.1,"f":1E-7}'), {
    ok: true,
    value: { a: 19.99, b: 1000, c: -0, d: 123456789012345, e: 0.1, f: 1e-7 }
  })
  t.match(ok('{"total":19.990000000000001}'), {
    ok: false,
    message: /cannot be represented exactly.*19\.99.*decimal string/,
    path: 'total'
  })
  t.match(ok('{"id":12345678901234567890}'), { ok: false, path: 'id' })
  t.match(ok('{"n":1e400}'), { ok: false, message: /too large/ })
  t.same(ok('{"n":9007199254740991}'), { ok: true, value: { n: 9007199254740991 } })
})
