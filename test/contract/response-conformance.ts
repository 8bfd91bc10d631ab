// Response conformance: every answer a test receives through app.inject is checked against the
// app's OpenAPI document (the one openapi.yaml is written from): its status is documented for the
// operation, its Content-Type is one the document lists, and its body matches that schema
// (JSON Schema 2020-12, ajv). Routes the document hides (/docs, /openapi.json, /metrics) and paths
// no route serves (404/405 from the not-found handler) are not operations, so they are skipped.
//
// test/helper.ts installs it on every test app unless RESPONSE_CONFORMANCE=0.
import type { FastifyInstance } from 'fastify'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

type Json = Record<string, any>
type Operation = { pattern: RegExp; template: string; method: string; operation: Json }

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
const DOCUMENT_ID = 'https://kibo-order-bridge.dev/openapi-under-test.json'

let shared: { key: string; ajv: Ajv2020; operations: Operation[]; validators: Map<string, ValidateFunction> } | undefined

/** Compiled once per distinct document (the apps of a test file usually publish the same one). */
const keys = new WeakMap<Json, string>()
function compileDocument (document: Json) {
  let key = keys.get(document)
  if (key === undefined) keys.set(document, (key = JSON.stringify(document)))
  if (shared?.key === key) return shared
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components })
  const operations: Operation[] = []
  for (const [template, methods] of Object.entries<Json>(document.paths ?? {})) {
    const source = template
      .split('/')
      .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')
    for (const [method, operation] of Object.entries<Json>(methods)) {
      operations.push({ pattern: new RegExp(`^${source}/?$`), template, method: method.toUpperCase(), operation })
    }
  }
  // As in Fastify's router, a static segment wins over a parameter: /v1/imports/summary is not
  // /v1/imports/{importId}. Templates with fewer parameters are tried first.
  const parameters = (template: string) => template.split('{').length
  operations.sort((a, b) => parameters(a.template) - parameters(b.template))
  shared = { key, ajv, operations, validators: new Map() }
  return shared
}

/** Problems with one answer, or [] when it conforms (or is not an operation of the document). */
export function conformanceProblems (
  document: Json,
  request: { method: string; url: string },
  response: { statusCode: number; headers: Record<string, unknown>; body: string }
): string[] {
  const compiled = compileDocument(document)
  const path = request.url.split('?')[0]
  const method = request.method.toUpperCase() === 'HEAD' ? 'GET' : request.method.toUpperCase()
  const found = compiled.operations.find((entry) => entry.method === method && entry.pattern.test(path))
  if (found === undefined) return []
  const where = `${request.method} ${request.url} → ${response.statusCode}`
  const responses: Json = found.operation.responses ?? {}
  const documented = responses[String(response.statusCode)] ?? responses[`${String(response.statusCode)[0]}XX`] ?? responses.default
  if (documented === undefined) {
    return [`${where}: status not documented for ${found.method} ${found.template} (documented: ${Object.keys(responses).join(', ')})`]
  }
  const content: Json | undefined = documented.content
  if (content === undefined || response.body.length === 0 || request.method.toUpperCase() === 'HEAD') return []
  const mediaType = String(response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (!(mediaType in content)) return [`${where}: Content-Type ${mediaType || '(none)'} is not one of ${Object.keys(content).join(', ')}`]
  const schema = content[mediaType].schema
  if (schema === undefined || !/json/.test(mediaType)) return []
  const cacheKey = `${found.method} ${found.template} ${response.statusCode} ${mediaType}`
  let validate = compiled.validators.get(cacheKey)
  if (validate === undefined) {
    const resolved = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`))
    validate = compiled.ajv.compile(resolved)
    compiled.validators.set(cacheKey, validate)
  }
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    return [`${where}: the body is not JSON although the Content-Type is ${mediaType}`]
  }
  if (validate(body)) return []
  return [`${where}: body does not match the documented schema: ${compiled.ajv.errorsText(validate.errors, { dataVar: 'body' })}`]
}

/** Wraps app.inject so that every answer is checked; a non-conforming answer fails the call. */
export function checkResponses (app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (options?: any) => any
  let document: Json | undefined
  ;(app as any).inject = function injectChecked (options?: any) {
    if (options === undefined || typeof options === 'function') return inject(options)
    return inject(options).then((response: any) => {
      document ??= app.swagger() as Json
      const request = typeof options === 'string'
        ? { method: 'GET', url: options }
        : { method: options.method ?? 'GET', url: options.url ?? options.path }
      const problems = conformanceProblems(document, { method: String(request.method), url: String(request.url) }, response)
      if (problems.length > 0) throw new Error(`response does not conform to the OpenAPI document:\n${problems.join('\n')}`)
      return response
    })
  }
}
