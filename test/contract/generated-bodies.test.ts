// Bodies generated from the committed openapi.yaml (fast-check, seeded: schema-arbitrary.ts) are sent to the
// app as a partner's property-based tester would. The published schema is the contract: a body it
// accepts may be refused only for one of the rules it cannot carry (NON_SCHEMA_RULES, listed in
// the OrderEvent description), and the problem must say which (`errors[].rule` for a 400, the
// problem type for a 422); never a 5xx. Then each body is repaired for exactly those rules
// (amounts to the currency's minor units, unique lineIds, totals that reconcile) and must be
// accepted: no order valid by the contract is refused.
//
// GENERATED_BODIES (default 300) sets how many; GENERATED_SEED the seed. Figures are printed.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import t from 'tap'
import YAML from 'yaml'
import { NON_SCHEMA_RULES } from '../../schemas/order-event.ts'
import { problemType } from '../../schemas/problem.ts'
import { Decimal, minorUnits } from '../../src/mapping/money.ts'
import { buildTestApp } from '../support/app.ts'
import { repoRoot } from '../support/examples.ts'
import { schemaArbitrary } from './schema-arbitrary.ts'

const count = Number(process.env.GENERATED_BODIES ?? 300)
const seed = Number(process.env.GENERATED_SEED ?? 20261205)
const document = YAML.parse(readFileSync(path.join(repoRoot, 'openapi.yaml'), 'utf8'))
const root = { $id: 'https://kibo-order-bridge.dev/openapi.json', components: document.components }

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void
const ajv = new Ajv2020({ strict: false, allErrors: false })
addFormats(ajv)
ajv.addSchema(root)
const isOrderEvent: (value: unknown) => boolean = ajv.compile({ $ref: 'https://kibo-order-bridge.dev/openapi.json#/components/schemas/OrderEvent' })

const rules400 = new Set<string>(NON_SCHEMA_RULES.filter((rule) => rule.status === 400).map((rule) => rule.rule))
const ruleByProblemType = new Map<string, string>(
  NON_SCHEMA_RULES.flatMap((rule) => ('problemType' in rule ? [[problemType(rule.problemType), rule.rule] as [string, string]] : []))
)

const ITEM_AMOUNTS = ['unitPrice', 'salePrice', 'overridePrice', 'tax', 'shipping', 'shippingTax', 'handling', 'duty', 'handlingTax']
const DISCOUNTS = ['discount', 'orderDiscount', 'handlingDiscount']

/** The same body made to satisfy the non-schema rules; everything the schema decided stays. */
function repair (event: any): any {
  const copy = structuredClone(event)
  const order = copy.data
  const digits = minorUnits(order.currency)!
  const scaled = (amount: unknown) => new Decimal(String(amount)).mod(1000).toDecimalPlaces(digits, Decimal.ROUND_DOWN).toFixed(digits)
  let total = new Decimal(0)
  order.items.forEach((item: any, index: number) => {
    item.lineId = `line-${index}`
    item.quantity = Math.min(item.quantity, 10)
    for (const field of DISCOUNTS) delete item[field]
    for (const field of ITEM_AMOUNTS) if (item[field] !== undefined && item[field] !== null) item[field] = scaled(item[field])
    const price = new Decimal(item.overridePrice ?? item.salePrice ?? item.unitPrice)
    total = total.plus(price.times(item.quantity))
    for (const field of ['tax', 'shipping', 'shippingTax', 'handling', 'duty', 'handlingTax']) total = total.plus(item[field] ?? 0)
  })
  delete order.translated
  if (order.locale !== undefined && order.locale !== null) order.locale = 'en-US'
  order.total = total.toFixed(digits)
  const payments = order.payments ?? []
  payments.forEach((payment: any, index: number) => {
    payment.amount = index === 0 ? order.total : (0).toFixed(digits)
    if (payment.capture !== undefined && payment.capture !== null) payment.capture.amount = payment.amount
  })
  if (payments.length === 0 && !total.isZero()) {
    // Nothing paid: the schema allowed it because the stated total is 0, so the lines cost nothing.
    for (const item of order.items) {
      for (const field of ITEM_AMOUNTS) if (item[field] !== undefined && item[field] !== null) item[field] = '0'
    }
    order.total = '0'
  }
  return copy
}

t.test(`${count} bodies generated from openapi.yaml: refused only by a listed rule, never 5xx; repaired, all accepted`, async (t) => {
  const app = await buildTestApp(t)
  const bodies: any[] = fc.sample(schemaArbitrary({ $ref: '#/components/schemas/OrderEvent' }, root), { seed, numRuns: count })
  const figures = { generated: 0, schemaValid: 0, accepted: 0, refusedByRule: {} as Record<string, number>, repairedAccepted: 0 }
  const failures: string[] = []
  for (const [index, body] of bodies.entries()) {
    if (failures.length >= 5) break
    figures.generated++
    if (!isOrderEvent(body)) continue // the generator's miss, not the service's: counted, not sent
    figures.schemaValid++
    body.data.externalId = `GEN-${index}`
    const response = await app.inject({ method: 'POST', url: '/v1/orders/preview', payload: body })
    const problem = response.statusCode === 200 ? undefined : response.json()
    if (response.statusCode === 200) figures.accepted++
    else if (response.statusCode === 400 && problem.errors?.length > 0 && problem.errors.every((error: any) => rules400.has(error.rule))) {
      for (const rule of new Set<string>(problem.errors.map((error: any) => error.rule))) {
        figures.refusedByRule[rule] = (figures.refusedByRule[rule] ?? 0) + 1
      }
    } else if (response.statusCode === 422 && ruleByProblemType.has(problem.type)) {
      const rule = ruleByProblemType.get(problem.type)!
      figures.refusedByRule[rule] = (figures.refusedByRule[rule] ?? 0) + 1
    } else {
      failures.push(`body ${index}: ${response.statusCode} ${response.body.slice(0, 600)}\n${JSON.stringify(body).slice(0, 1500)}`)
      continue
    }
    const repaired = repair(body)
    t.ok(isOrderEvent(repaired), `body ${index} repaired is still valid by the schema`)
    const again = await app.inject({ method: 'POST', url: '/v1/orders/preview', payload: repaired })
    if (again.statusCode === 200) figures.repairedAccepted++
    else failures.push(`repaired body ${index}: ${again.statusCode} ${again.body.slice(0, 600)}\n${JSON.stringify(repaired).slice(0, 900)}`)
  }
  t.same(failures, [], 'every answer is 200 or a refusal naming a listed rule; every repaired body is accepted')
  t.ok(figures.schemaValid >= count * 0.5, `the generator produced schema-valid bodies (${figures.schemaValid} of ${figures.generated})`)
  t.comment(`generated-bodies figures: ${JSON.stringify(figures)}`)
})
