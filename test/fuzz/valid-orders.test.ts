// Generated valid orders (fast-check, fixed seed): random lines, quantities, amounts, discounts,
// taxes and shipping in currencies with 0, 2 and 3 minor units, paid by several payments that sum
// exactly to the total. Each one must pass the schema, map (mapEventToKiboOrder, pure), and the
// Kibo payload must reconcile exactly in decimal: Σ item line totals = kiboOrder.total = the
// event's total, and Σ payments' amountRequested = the total.
//
// npm test runs FUZZ_RUNS (default 300) orders; `npm run fuzz` runs 10,000.
import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import t from 'tap'
import { OrderEventSchema } from '../../schemas/order-event.ts'
import { mapEventToKiboOrder, minorUnits } from '../../src/mapping/index.ts'
import { loadExample } from '../support/examples.ts'

const runs = Number(process.env.FUZZ_RUNS ?? 300)
const seed = Number(process.env.FUZZ_SEED ?? 20261124)
const base = loadExample('historical-completed-jpy')
const currencies = ['JPY', 'KRW', 'USD', 'EUR', 'GBP', 'KWD', 'BHD', 'JOD']

/** Minor units (an integer) as the decimal string the contract wants. */
const asAmount = (minor: bigint, digits: number) => new Decimal(minor.toString()).div(new Decimal(10).pow(digits)).toFixed(digits)

const line = fc.record({
  quantity: fc.integer({ min: 1, max: 50 }),
  unitPrice: fc.bigInt({ min: 0n, max: 5_000_000n }),
  discountShare: fc.integer({ min: 0, max: 100 }),
  tax: fc.bigInt({ min: 0n, max: 1_000_000n }),
  shipping: fc.bigInt({ min: 0n, max: 100_000n }),
  shippingTax: fc.bigInt({ min: 0n, max: 20_000n }),
  asNumber: fc.boolean()
})

const order = fc.record({
  currency: fc.constantFrom(...currencies),
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 })
})

type GeneratedOrder = typeof order extends fc.Arbitrary<infer O> ? O : never

function buildEvent (generated: GeneratedOrder, index: number) {
  const digits = minorUnits(generated.currency)!
  let total = 0n
  const items = generated.lines.map((l, i) => {
    const gross = l.unitPrice * BigInt(l.quantity)
    const discount = (gross * BigInt(l.discountShare)) / 100n
    total += gross - discount + l.tax + l.shipping + l.shippingTax
    // Amounts as decimal strings, or as JSON numbers when that is exact (small, few digits).
    const money = (minor: bigint) => {
      const text = asAmount(minor, digits)
      return l.asNumber && minor < 10_000_000n ? Number(text) : text
    }
    return {
      lineId: String(i + 1),
      sku: `SKU-${i + 1}`,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice),
      ...(discount > 0n ? { discount: money(discount) } : {}),
      tax: money(l.tax),
      shipping: money(l.shipping),
      shippingTax: money(l.shippingTax),
      fulfillment: { method: 'Ship', locationCode: 'TYO1' }
    }
  })
  // Split the total into payments at the cut points (in minor units, so they sum exactly).
  const points = [...new Set(generated.cuts.map((c) => BigInt(Math.floor(c * Number(total)))))]
    .filter((p) => p > 0n && p < total)
    .sort((a, b) => (a < b ? -1 : 1))
  const bounds = [0n, ...points, total]
  const payments = bounds
    .slice(1)
    .map((end, i) => ({ gateway: 'noop', amount: asAmount(end - bounds[i], digits), transactionId: `NOOP-${index}-${i}` }))
  const event = structuredClone(base)
  event.type = 'order.created'
  delete event.data.status
  event.data.externalId = `FUZZ-${index}`
  event.data.currency = generated.currency
  event.data.items = items
  event.data.total = asAmount(total, digits)
  event.data.payments = payments
  return { event, total: asAmount(total, digits) }
}

/** A Kibo item's line total, from the fields Kibo adds up. */
function kiboLineTotal (item: any): Decimal {
  const d = (value: unknown) => new Decimal(String(value ?? 0))
  return d(item.product.price.salePrice ?? item.product.price.price)
    .times(item.quantity)
    .minus(d(item.discountTotal))
    .minus(d(item.weightedOrderDiscount))
    .plus(d(item.itemTaxTotal))
    .plus(d(item.shippingTotal))
    .plus(d(item.shippingTaxTotal))
    .plus(d(item.handlingAmount))
    .plus(d(item.dutyAmount))
    .plus(d(item.weightedOrderHandlingFeeTax))
    .minus(d(item.weightedOrderHandlingFeeDiscount))
}

t.test(`${runs} generated valid orders map and reconcile exactly`, async (t) => {
  let index = 0
  const byDigits: Record<number, number> = {}
  const started = Date.now()
  fc.assert(
    fc.property(order, (generated) => {
      const { event, total } = buildEvent(generated, index++)
      const parsed = OrderEventSchema.safeParse(event)
      if (!parsed.success) throw new Error(`schema refused: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`)
      const mapped = mapEventToKiboOrder(parsed.data, { fraudDeclineAction: 'review', tenantId: 1, siteId: 2 })
      if (!mapped.ok) throw new Error(`mapping refused: ${JSON.stringify(mapped.problem)}`)
      const kibo = mapped.kiboOrder as any
      const lines = kibo.items.reduce((sum: Decimal, item: any) => sum.plus(kiboLineTotal(item)), new Decimal(0))
      const paid = kibo.payments.reduce(
        (sum: Decimal, payment: any) => sum.plus(new Decimal(String(payment.amountRequested))),
        new Decimal(0)
      )
      const kiboTotal = new Decimal(String(kibo.total))
      if (!lines.equals(kiboTotal)) throw new Error(`Σ lines ${lines} ≠ kibo total ${kiboTotal}`)
      if (!kiboTotal.equals(new Decimal(total))) throw new Error(`kibo total ${kiboTotal} ≠ event total ${total}`)
      if (!paid.equals(kiboTotal)) throw new Error(`Σ payments ${paid} ≠ total ${kiboTotal}`)
      if (kibo.payments.length !== event.data.payments.length) throw new Error('a payment was lost')
      const digits = minorUnits(generated.currency)!
      byDigits[digits] = (byDigits[digits] ?? 0) + 1
    }),
    { numRuns: runs, seed, endOnFailure: true }
  )
  t.comment(`${runs} orders in ${Date.now() - started} ms (seed ${seed}); by minor units ${JSON.stringify(byDigits)}`)
  t.ok(byDigits[0] > 0 && byDigits[2] > 0 && byDigits[3] > 0, 'currencies with 0, 2 and 3 minor units were all generated')
})
