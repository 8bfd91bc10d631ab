// Golden tests: every valid contract example maps to exactly the checked-in Kibo payload,
// and every invalid example is refused with its stated status and the right path.
import t from 'tap'
import { OrderEventSchema } from '../../schemas/order-event.ts'
import { KiboOrderSchema } from '../../schemas/kibo-order.ts'
import { ProblemSchema, ProblemTypes } from '../../schemas/problem.ts'
import { mapEventToKiboOrder } from '../../src/mapping/index.ts'
import { exampleNames, invalidExampleNames, loadExample, loadInvalidExample, readGolden } from '../support/examples.ts'
import { goldenOptions, issues } from '../support/mapping.ts'

t.test('the repo examples are exactly the contract examples', async (t) => {
  t.same(exampleNames(), ['authorizenet-pickup-review', 'cybersource-ship-usd', 'historical-completed-jpy', 'paypal-eur'])
  t.same(invalidExampleNames(), ['pan-as-token', 'too-many-decimals', 'totals-mismatch'])
})

for (const name of exampleNames()) {
  t.test(`golden: ${name} maps to test/golden/${name}.kibo.json`, async (t) => {
    const parsed = OrderEventSchema.safeParse(loadExample(name))
    t.ok(parsed.success, parsed.success ? 'valid' : JSON.stringify(parsed.error.issues))
    if (!parsed.success) return
    const result = mapEventToKiboOrder(parsed.data, goldenOptions)
    t.ok(result.ok, 'maps and reconciles')
    if (!result.ok) return
    t.ok(result.reconciliation.ok)
    const golden = readGolden(`${name}.kibo.json`)
    t.same(JSON.parse(JSON.stringify(result.kiboOrder)), golden, 'full Kibo payload equals the golden file')
    t.strictSame(KiboOrderSchema.parse(result.kiboOrder), result.kiboOrder, 'the payload fits KiboOrderSchema without losing fields')
    t.equal(result.kiboOrder.isImport, true)
  })
}

const expectedPaths: Record<string, string> = {
  'pan-as-token': 'data.payments.0.card.token',
  'too-many-decimals': 'data.items.0.unitPrice'
}

for (const name of invalidExampleNames()) {
  const { expect, event } = loadInvalidExample(name)
  t.test(`invalid: ${name} is refused with ${expect.status}`, async (t) => {
    const parsed = OrderEventSchema.safeParse(event)
    if (expect.status === 400) {
      t.notOk(parsed.success, 'schema refuses it')
      const found = issues(event)
      t.ok(
        found.some((issue) => issue.path === expectedPaths[name]),
        `an issue at ${expectedPaths[name]}: ${JSON.stringify(found)}`
      )
      return
    }
    t.equal(expect.status, 422)
    t.ok(parsed.success, 'schema accepts it')
    if (!parsed.success) return
    const result = mapEventToKiboOrder(parsed.data, goldenOptions)
    t.notOk(result.ok)
    if (result.ok) return
    t.equal(result.problem.status, 422)
    t.ok(ProblemSchema.safeParse(result.problem).success, 'a valid problem+json body')
  })
}

t.test('invalid: pan-as-token never shows the PAN', async (t) => {
  const { event } = loadInvalidExample('pan-as-token')
  const result = OrderEventSchema.safeParse(event)
  t.notOk(result.success)
  const serialized = JSON.stringify(result.error?.issues) + String(result.error?.message) + JSON.stringify(result.error?.format())
  t.notMatch(serialized, /4111111111111111/, 'no PAN in issues, message or formatted error')
  const tokenIssue = result.error?.issues.find((issue) => issue.path.join('.') === 'data.payments.0.card.token')
  t.match(tokenIssue?.message, /looks like a card number/)
  t.equal((tokenIssue as { input?: unknown } | undefined)?.input, undefined, 'the issue does not carry the input')
})

t.test('invalid: too-many-decimals says what is wrong, at every JPY amount', async (t) => {
  const found = issues(loadInvalidExample('too-many-decimals').event)
  t.same(found.map((issue) => issue.path).sort(), ['data.items.0.unitPrice', 'data.payments.0.amount', 'data.total'].sort())
  t.match(found[0].message, /1980\.5 has 1 decimal place, but JPY amounts are whole numbers/)
})

t.test('invalid: totals-mismatch answers 422 with the per-line breakdown', async (t) => {
  const event = OrderEventSchema.parse(loadInvalidExample('totals-mismatch').event)
  const result = mapEventToKiboOrder(event, goldenOptions)
  if (result.ok) return t.fail('should not map')
  t.equal(result.problem.type, ProblemTypes.totalsMismatch)
  t.same(result.problem.reconciliation, {
    ok: false,
    currency: 'USD',
    lines: [{ lineId: '1', index: 0, price: '10.10', quantity: 3, lineTotal: '30.30' }],
    lineSum: '30.30',
    paymentSum: '30.31',
    total: '30.31'
  })
  t.same(result.problem.errors, [{ path: 'data.total', message: 'the line totals sum to 30.30 USD but total is 30.31 USD' }])
  t.match(result.problem.detail, /30\.30.*30\.31/)
})
