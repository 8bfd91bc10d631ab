// Reconciliation: the contract's totals check, exactly, in decimal, before anything is sent.
//
//   price     = overridePrice ?? salePrice ?? unitPrice
//   lineTotal = price*quantity - discount - orderDiscount + tax + shipping + shippingTax
//               + handling + duty + handlingTax - handlingDiscount
//   sum(lineTotal) == total      and, when payments exist,   sum(payment.amount) == total
//
// A mismatch becomes a 422 whose `reconciliation` member shows every line, so the sender
// sees which line is off.
import type { Item, Order } from '../../schemas/order-event.ts'
import { ProblemTypes, type Problem, type ReconciliationBody } from '../../schemas/problem.ts'
import { Decimal, minorUnits, money, sum, times, toDecimalString } from './money.ts'

export type ReconciliationLine = { lineId: string; index: number; price: string; quantity: number; lineTotal: string }

export type Reconciliation = {
  ok: boolean
  lines: ReconciliationLine[]
  lineSum: string
  /** Sum of payment amounts; null when the order has no payments (then it is not compared). */
  paymentSum: string | null
  total: string
  currency: string
  /** Which equalities failed (empty when ok). */
  mismatches: ('lines' | 'payments')[]
}

/** The unit price the line is sold at. */
export function effectivePrice (item: Item): string {
  return item.overridePrice ?? item.salePrice ?? item.unitPrice
}

/** The line total per the contract formula, exactly. */
export function lineTotal (item: Item): Decimal {
  return times(effectivePrice(item), item.quantity)
    .minus(money(item.discount))
    .minus(money(item.orderDiscount))
    .plus(money(item.tax))
    .plus(money(item.shipping))
    .plus(money(item.shippingTax))
    .plus(money(item.handling))
    .plus(money(item.duty))
    .plus(money(item.handlingTax))
    .minus(money(item.handlingDiscount))
}

/** Amount text at the currency's scale ("30.3" → "30.30" in USD), for people to read. */
function show (value: Decimal, currency: string): string {
  const digits = minorUnits(currency)
  return digits === undefined ? toDecimalString(value) : value.toFixed(Math.max(digits, value.decimalPlaces()))
}

export function reconcileTotals (order: Pick<Order, 'items' | 'total' | 'payments' | 'currency'>): Reconciliation {
  const currency = order.currency
  const lines: ReconciliationLine[] = []
  let lineSum = new Decimal(0)
  order.items.forEach((item, index) => {
    const total = lineTotal(item)
    lineSum = lineSum.plus(total)
    lines.push({
      lineId: item.lineId,
      index,
      price: show(money(effectivePrice(item)), currency),
      quantity: item.quantity,
      lineTotal: show(total, currency)
    })
  })
  const total = money(order.total)
  const payments = order.payments ?? []
  const paymentSum = payments.length === 0 ? null : sum(payments.map((payment) => payment.amount))
  const mismatches: ('lines' | 'payments')[] = []
  if (!lineSum.equals(total)) mismatches.push('lines')
  if (paymentSum !== null && !paymentSum.equals(total)) mismatches.push('payments')
  return {
    ok: mismatches.length === 0,
    lines,
    lineSum: show(lineSum, currency),
    paymentSum: paymentSum === null ? null : show(paymentSum, currency),
    total: show(total, currency),
    currency,
    mismatches
  }
}

/** The 422 problem for a failed reconciliation, with the per-line breakdown. */
export function totalsMismatchProblem (reconciliation: Reconciliation): Problem {
  const { currency, lineSum, paymentSum, total } = reconciliation
  const errors: { path: string; message: string }[] = []
  const sentences: string[] = []
  if (reconciliation.mismatches.includes('lines')) {
    const message = `the line totals sum to ${lineSum} ${currency} but total is ${total} ${currency}`
    sentences.push(message)
    errors.push({ path: 'data.total', message })
  }
  if (reconciliation.mismatches.includes('payments')) {
    const message = `the payment amounts sum to ${paymentSum} ${currency} but total is ${total} ${currency}`
    sentences.push(message)
    errors.push({ path: 'data.payments', message })
  }
  const body: ReconciliationBody = {
    ok: reconciliation.ok,
    currency,
    lines: reconciliation.lines,
    lineSum,
    paymentSum,
    total
  }
  return {
    type: ProblemTypes.totalsMismatch,
    title: 'Order totals do not reconcile',
    status: 422,
    detail:
      `${sentences.join('; ')}. ` +
      'Each line total is price*quantity - discount - orderDiscount + tax + shipping + shippingTax + handling + duty + handlingTax - ' +
      'handlingDiscount; ' +
      'see reconciliation.lines for each line.',
    errors,
    reconciliation: body
  }
}
