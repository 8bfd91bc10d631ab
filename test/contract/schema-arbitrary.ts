// A fast-check arbitrary for a JSON Schema of the published document: each value's shape follows
// the schema's structural keywords (types, properties, required, enum/const, pattern, lengths,
// bounds, anyOf/oneOf branches, $ref). Cross-field keywords are met conservatively: the keys an
// object's `then`/`else` or first `anyOf` branch requires are always generated, and not null.
// Nothing else of them (conditions, `not`, minProperties) is built in: the caller keeps only the
// values a JSON Schema validator accepts, so what is sent is exactly "valid by the published schema".
// (json-schema-faker 0.6 was tried first: none of its bodies for OrderEvent passed the schema.)
import fc from 'fast-check'

type Schema = Record<string, any>

const MAX_ITEMS = 4
const MAX_TEXT = 24

export function schemaArbitrary (schema: Schema, root: Schema): fc.Arbitrary<unknown> {
  const cache = new Map<string, fc.Arbitrary<unknown>>()
  const build = (node: Schema): fc.Arbitrary<unknown> => {
    if (typeof node.$ref === 'string') {
      const ref = node.$ref
      let arbitrary = cache.get(ref)
      if (arbitrary === undefined) {
        const target = ref
          .replace(/^#\//, '')
          .split('/')
          .reduce((at: Schema, key: string) => at[key], root)
        let built: fc.Arbitrary<unknown> | undefined // built on first use: schemas may refer to themselves
        arbitrary = fc.constant(null).chain(() => (built ??= build(target)))
        cache.set(ref, arbitrary)
      }
      return arbitrary
    }
    if (node.const !== undefined) return fc.constant(node.const)
    if (Array.isArray(node.enum)) return fc.constantFrom(...node.enum)
    const branches = node.oneOf ?? node.anyOf
    if (Array.isArray(branches) && node.type === undefined && node.properties === undefined) {
      const { oneOf, anyOf, ...rest } = node
      return fc.oneof(...branches.map((branch: Schema) => build({ ...rest, ...branch })))
    }
    if (Array.isArray(node.type)) return fc.oneof(...node.type.map((type: string) => build({ ...node, type })))
    switch (node.type) {
      case 'null':
        return fc.constant(null)
      case 'boolean':
        return fc.boolean()
      case 'integer':
        return fc.integer({
          min: Math.max(node.minimum ?? -1_000_000, -2_147_483_648),
          max: Math.min(node.maximum ?? 1_000_000, 2_147_483_647)
        })
      case 'number':
        return fc.oneof(
          fc.integer({ min: Math.ceil(node.minimum ?? -1e6), max: Math.floor(Math.min(node.maximum ?? 1e6, 1e9)) }),
          fc.double({ min: node.minimum ?? -1e6, max: node.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
        )
      case 'string':
        return stringArbitrary(node)
      case 'array':
        return fc.array(build(node.items ?? {}), {
          minLength: node.minItems ?? 0,
          maxLength: Math.max(node.minItems ?? 0, Math.min(node.maxItems ?? MAX_ITEMS, MAX_ITEMS))
        })
      case 'object':
        return objectArbitrary(node, build)
      default:
        return fc.oneof(fc.string(), fc.integer(), fc.boolean())
    }
  }
  return build(schema)
}

function stringArbitrary (node: Schema): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0
  const maxLength = Math.min(node.maxLength ?? MAX_TEXT, Math.max(MAX_TEXT, minLength))
  let arbitrary: fc.Arbitrary<string>
  if (node.format === 'date-time') {
    arbitrary = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString())
  } else if (typeof node.pattern === 'string') {
    arbitrary = fc.stringMatching(new RegExp(node.pattern))
  } else {
    // Any text a storefront may send: letters of every script, emoji, punctuation.
    arbitrary = fc.string({ minLength, maxLength, unit: 'grapheme' })
  }
  return arbitrary.filter((text) => [...text].length >= minLength && [...text].length <= (node.maxLength ?? Infinity))
}

function objectArbitrary (node: Schema, build: (node: Schema) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const forced = new Set<string>()
  for (const part of [node, ...(node.allOf ?? [])]) {
    for (const branch of [part.then, part.else]) for (const key of branch?.required ?? []) forced.add(key)
  }
  for (const part of [node, ...(node.allOf ?? [])]) for (const key of part.anyOf?.[0]?.required ?? []) forced.add(key)
  const properties: Record<string, Schema> = {}
  for (const [name, schema] of Object.entries<Schema>(node.properties ?? {})) {
    const withoutNull = forced.has(name) && Array.isArray(schema.anyOf)
      ? schema.anyOf.filter((branch: Schema) => branch.type !== 'null')
      : undefined
    properties[name] = withoutNull === undefined ? schema : { ...schema, anyOf: withoutNull }
  }
  const required: string[] = [...new Set([...(node.required ?? []), ...forced])]
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, build(schema)])),
    { requiredKeys: required.filter((name) => name in properties) }
  )
  if (node.additionalProperties !== undefined && node.additionalProperties !== false && Object.keys(properties).length === 0) {
    const keys = node.propertyNames ?? { type: 'string', maxLength: 20 }
    return fc.dictionary(build({ type: 'string', ...keys }) as fc.Arbitrary<string>, build(node.additionalProperties), {
      maxKeys: Math.min(node.maxProperties ?? MAX_ITEMS, MAX_ITEMS)
    })
  }
  return record
}
