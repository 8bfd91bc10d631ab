// Money: the one module that does arithmetic on amounts. Everything is decimal.js; a binary
// float never decides equality or rounding. Amounts travel through the code as normalized
// decimal strings ("19.99", "5", "0.5") and only become JS numbers at the very end, in
// `toKiboNumber`, when the Kibo payload is serialized.
import { createRequire } from 'node:module'
import { Decimal as DecimalBase } from 'decimal.js'

// A private Decimal constructor: enough precision for any amount we accept
// (12 integer digits + up to 4 fraction digits, times a quantity of 1,000,000 and summed
// over 10,000 lines, MAX_ORDER_ITEMS) so that no operation here ever rounds implicitly.
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 })
// eslint-disable-next-line @typescript-eslint/no-redeclare -- the type of the values the Decimal constructor makes, named like it
export type Decimal = InstanceType<typeof Decimal>

const require = createRequire(import.meta.url)
const currencyCodes = require('currency-codes') as typeof import('currency-codes')

/**
 * ISO 4217 codes whose minor unit is "N.A." (precious metals, bond-market units, SDR,
 * test and "no currency" codes). The `currency-codes` package reports them as 0 digits,
 * which would make "XAU" look like a zero-decimal currency; none of them is a currency an
 * order can be priced in. test/mapping/money.test.ts derives this set from the ISO XML
 * shipped with `currency-codes` and fails if the two drift apart.
 */
export const NO_MINOR_UNIT_CODES: ReadonlySet<string> = new Set([
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX'
])

/** Largest amount accepted, in major units (999,999,999,999). */
export const MAX_AMOUNT = new Decimal('999999999999')
export const MAX_AMOUNT_TEXT = '999999999999'

const minorUnitCache = new Map<string, number | undefined>()

/**
 * ISO 4217 minor units of an alpha-3 code: 0 (JPY), 2 (USD), 3 (KWD), 4 (CLF); `undefined`
 * for an unknown code or one whose minor unit is N.A. (not an order currency).
 */
export function minorUnits (currency: string): number | undefined {
  if (minorUnitCache.has(currency)) return minorUnitCache.get(currency)
  let digits: number | undefined
  if (/^[A-Z]{3}$/.test(currency) && !NO_MINOR_UNIT_CODES.has(currency)) {
    digits = currencyCodes.code(currency)?.digits
  }
  if (minorUnitCache.size < 1000) minorUnitCache.set(currency, digits)
  return digits
}

/** True for a known ISO 4217 code that has a minor unit. */
export function isOrderCurrency (currency: string): boolean {
  return minorUnits(currency) !== undefined
}

/** Every code `isOrderCurrency` accepts, sorted (for documentation and JSON Schema). */
export function orderCurrencyCodes (): string[] {
  return currencyCodes
    .codes()
    .filter((code) => isOrderCurrency(code))
    .sort()
}

export const DECIMAL_STRING_PATTERN = /^[0-9]+(\.[0-9]+)?$/
/** Longest decimal string accepted (12 integer digits, a point, generous trailing zeros). */
export const MAX_MONEY_TEXT_LENGTH = 40

export type MoneyParseResult = { ok: true; value: Decimal; text: string } | { ok: false; message: string }

/**
 * Reads a money value from the wire: a JSON number or a decimal string
 * (`^[0-9]+(\.[0-9]+)?$`). Checks sign, finiteness and the upper limit; the number of
 * fraction digits is checked against the order currency separately (`checkScale`), because
 * the currency is a sibling field. A JSON number is read through its shortest round-trip
 * string (`String(n)`), never through float arithmetic; `-0` is 0.
 */
export function parseMoney (input: unknown): MoneyParseResult {
  // The same amount is read two or three times per event (the schema's check, its decode, the
  // order rules, the mapping): decimal.js parsing was most of validation + mapping's CPU.
  // Results are immutable (Decimal values never change), so one is kept per input.
  if (typeof input === 'string' || typeof input === 'number') {
    const known = parsedMoney.get(input)
    if (known !== undefined) return known
    const parsed = parseMoneyOnce(input)
    if (parsedMoney.size >= MONEY_CACHE_SIZE) parsedMoney.clear()
    parsedMoney.set(input, parsed)
    return parsed
  }
  return parseMoneyOnce(input)
}

/** Kept results: a few thousand amounts (an event carries tens; a flood only refills it). */
const MONEY_CACHE_SIZE = 4096
const parsedMoney = new Map<string | number, MoneyParseResult>()
const decimals = new Map<string, Decimal>()

function parseMoneyOnce (input: unknown): MoneyParseResult {
  let text: string
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: 'must be a finite number' }
    if (input < 0) return { ok: false, message: 'must not be negative' }
    text = Object.is(input, -0) ? '0' : String(input)
    // String(n) uses exponent notation below 1e-6 and from 1e21 on; decimal.js reads both
    // exactly, and the scale / limit checks below refuse them with a precise message.
  } else if (typeof input === 'string') {
    if (input.length > MAX_MONEY_TEXT_LENGTH) return { ok: false, message: `must be at most ${MAX_MONEY_TEXT_LENGTH} characters` }
    if (!DECIMAL_STRING_PATTERN.test(input)) {
      return {
        ok: false,
        message:
          'must be a decimal string of ASCII digits with an optional fraction, like "19.99" (no sign, exponent, spaces or ' +
            'thousands separators)'
      }
    }
    text = input
  } else {
    return { ok: false, message: 'must be a number or a decimal string' }
  }
  let value: Decimal
  try {
    value = new Decimal(text)
  } catch {
    return { ok: false, message: 'is not a decimal number' }
  }
  if (!value.isFinite()) return { ok: false, message: 'must be a finite number' }
  if (value.isNegative() && !value.isZero()) return { ok: false, message: 'must not be negative' }
  if (value.isZero()) value = new Decimal(0)
  if (value.greaterThan(MAX_AMOUNT)) return { ok: false, message: `must be at most ${MAX_AMOUNT_TEXT}` }
  return { ok: true, value, text: toDecimalString(value) }
}

/** Normalized plain decimal text: no exponent, no trailing fraction zeros, "0" for zero. */
export function toDecimalString (value: Decimal): string {
  if (value.isZero()) return '0'
  return value.toFixed()
}

/** Normalizes any accepted money input to its decimal string, or throws. */
export function normalizeMoney (input: unknown): string {
  const parsed = parseMoney(input)
  if (!parsed.ok) throw new RangeError(`money ${parsed.message}`)
  return parsed.text
}

/** Number of significant fraction digits ("19.990" → 2, "5" → 0). */
export function fractionDigits (amount: string | Decimal): number {
  return toDecimal(amount).decimalPlaces()
}

/**
 * Checks that an amount has no more fraction digits than the currency allows (trailing
 * zeros do not count). Returns an error message, or undefined when it fits.
 */
export function checkScale (amount: string | Decimal, currency: string): string | undefined {
  const digits = minorUnits(currency)
  if (digits === undefined) return `cannot be checked: ${currency} is not an ISO 4217 currency with a minor unit`
  const places = fractionDigits(amount)
  if (places <= digits) return undefined
  const shown = toDecimalString(toDecimal(amount))
  if (digits === 0) return `${shown} has ${places} decimal place${places === 1 ? '' : 's'}, but ${currency} amounts are whole numbers`
  return `${shown} has ${places} decimal places, but ${currency} allows at most ${digits}`
}

function toDecimal (amount: string | number | Decimal): Decimal {
  if (amount instanceof Decimal) return amount
  if (typeof amount === 'number') {
    const parsed = parseMoney(amount)
    if (!parsed.ok) throw new RangeError(`money ${parsed.message}`)
    return parsed.value
  }
  let value = decimals.get(amount)
  if (value === undefined) {
    value = new Decimal(amount)
    if (decimals.size >= MONEY_CACHE_SIZE) decimals.clear()
    decimals.set(amount, value)
  }
  return value
}

/** A Decimal from a normalized amount (or undefined/null, read as 0). */
export function money (amount: string | Decimal | null | undefined): Decimal {
  if (amount === undefined || amount === null) return new Decimal(0)
  return toDecimal(amount)
}

/** Sum of amounts (absent ones count as 0). */
export function sum (amounts: Iterable<string | Decimal | null | undefined>): Decimal {
  let total = new Decimal(0)
  for (const amount of amounts) total = total.plus(money(amount))
  return total
}

/** price × quantity, exactly. */
export function times (amount: string | Decimal, quantity: number): Decimal {
  return money(amount).times(quantity)
}

/** Exact decimal equality (no tolerance). */
export function equals (a: string | Decimal, b: string | Decimal): boolean {
  return money(a).equals(money(b))
}

/**
 * The JS number to put in the Kibo JSON: rounded to the currency's minor units (half-even
 * only matters for values that were not validated; validated amounts are already exact),
 * then converted through its decimal text so the double is the closest one to that text.
 */
export function toKiboNumber (amount: string | Decimal, currency: string): number {
  const digits = minorUnits(currency)
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with a minor unit`)
  const rounded = money(amount).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN)
  const out = Number(rounded.toFixed(digits))
  return Object.is(out, -0) ? 0 : out
}

// ---------------------------------------------------------------- added for the translated-v2 target

/** a − b, exactly. */
export function difference (a: string | Decimal | null | undefined, b: string | Decimal | null | undefined): Decimal {
  return money(a).minus(money(b))
}

/** `part` as a percentage of `base` (exact to 60 digits); undefined when base is 0. */
export function percentOf (part: string | Decimal, base: string | Decimal): Decimal | undefined {
  const denominator = money(base)
  if (denominator.isZero()) return undefined
  return money(part).times(100).dividedBy(denominator)
}

/** True when `part` is more than `limitPercent` % of `base`; any positive part of a zero base is. */
export function exceedsPercent (part: string | Decimal, base: string | Decimal, limitPercent: string): boolean {
  const rate = percentOf(part, base)
  if (rate === undefined) return money(part).greaterThan(0)
  return rate.greaterThan(new Decimal(limitPercent))
}

/**
 * `lineAmount / quantity` as a normalized decimal string when the division is exact at the
 * currency's minor units (25.50 / 3 = 8.50); undefined when it is not (10.00 / 3).
 */
export function exactUnitPrice (lineAmount: string | Decimal, quantity: number, currency: string): string | undefined {
  const digits = minorUnits(currency)
  if (digits === undefined || quantity < 1) return undefined
  const unit = money(lineAmount).dividedBy(quantity)
  if (unit.decimalPlaces() > digits || !unit.times(quantity).equals(money(lineAmount))) return undefined
  return toDecimalString(unit)
}

/**
 * Fills `needs` from `available` in order (the first source until it is used up, then the
 * next): result[n][s] is what source s gives to need n (zeros included). Undefined when
 * Σ available ≠ Σ needs.
 */
export function allocateInOrder (available: readonly (string | Decimal)[], needs: readonly (string | Decimal)[]): Decimal[][] | undefined {
  if (!sum(available).equals(sum(needs))) return undefined
  const left = available.map((amount) => money(amount))
  return needs.map((need) => {
    let missing = money(need)
    return left.map((_, index) => {
      const take = Decimal.min(left[index], missing)
      left[index] = left[index].minus(take)
      missing = missing.minus(take)
      return take
    })
  })
}

// ---------------------------------------------------------------- added for storefront connectors

/**
 * Splits `amount` across `weights` exactly in the currency's minor units by largest remainder:
 * each share is floored to a minor unit, then the units left over go one each to the largest
 * remainders (ties: the earlier weight). Σ shares = amount, always. All weights 0: split evenly.
 * Undefined for a currency without minor units or an amount finer than them.
 */
export function allocateLargestRemainder (
  amount: string | Decimal,
  weights: readonly (string | Decimal)[],
  currency: string
): Decimal[] | undefined {
  const digits = minorUnits(currency)
  if (digits === undefined || weights.length === 0) return undefined
  const unit = new Decimal(10).pow(-digits)
  const units = money(amount).dividedBy(unit)
  if (!units.isInteger()) return undefined
  let given = weights.map((weight) => money(weight))
  if (given.some((weight) => weight.isNegative())) return undefined
  if (given.every((weight) => weight.isZero())) given = given.map(() => new Decimal(1))
  const totalWeight = sum(given)
  const exact = given.map((weight) => units.times(weight).dividedBy(totalWeight))
  const floors = exact.map((share) => share.floor())
  let left = units.minus(sum(floors)).toNumber()
  const order = exact
    .map((share, index) => ({ index, remainder: share.minus(floors[index]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index)
  for (const { index } of order) {
    if (left <= 0) break
    floors[index] = floors[index].plus(1)
    left -= 1
  }
  return floors.map((share) => share.times(unit))
}

/** The amount as a normalized decimal string (what the Normalized Order Event carries). */
export function moneyText (amount: string | Decimal): string {
  return toDecimalString(money(amount))
}

/** The currency's minor unit as a Decimal (0.01 for USD, 1 for JPY, 0.001 for KWD). */
function minorUnit (currency: string): Decimal {
  const digits = minorUnits(currency)
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with a minor unit`)
  return new Decimal(1).dividedBy(new Decimal(10).pow(digits))
}

/** An amount rounded to the currency's minor units (half-even). */
export function roundToMinorUnits (amount: string | Decimal, currency: string): Decimal {
  const digits = minorUnits(currency)
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with a minor unit`)
  return money(amount).toDecimalPlaces(digits, Decimal.ROUND_HALF_EVEN)
}

/** One exact amount that adds to (or, `subtract`, takes from) a total. */
export interface SignedPart {
  amount: string | Decimal
  subtract?: boolean
}

/**
 * Rounds each part to the currency's minor units exactly once, then moves whole minor units
 * so that Σ(+added parts) − Σ(subtracted parts) equals `target` exactly: the rounding residue
 * goes, one minor unit per part, to the parts whose rounding moved them furthest from their
 * exact value in the direction needed (largest remainder; ties to the lower index), and no part
 * becomes negative. Undefined when the gap is more than one minor unit per part, or `target`
 * has more decimals than the currency allows: then it is not a rounding residue.
 */
export function roundPartsToTotal (parts: readonly SignedPart[], target: string | Decimal, currency: string): Decimal[] | undefined {
  const unit = minorUnit(currency)
  const goal = money(target)
  if (!roundToMinorUnits(goal, currency).equals(goal)) return undefined
  const exact = parts.map((part) => money(part.amount))
  const rounded = exact.map((amount) => roundToMinorUnits(amount, currency))
  const sign = parts.map((part) => (part.subtract === true ? -1 : 1))
  const signedSum = () => rounded.reduce((total, amount, index) => total.plus(amount.times(sign[index])), new Decimal(0))
  const steps = goal.minus(signedSum()).dividedBy(unit)
  if (!steps.isInteger() || steps.abs().greaterThan(parts.length)) return undefined
  const up = steps.isPositive()
  // shortfall: how far the signed rounded value is below the signed exact one.
  const order = exact
    .map((amount, index) => ({ index, shortfall: amount.minus(rounded[index]).times(sign[index]) }))
    .sort((a, b) => (up ? b.shortfall.comparedTo(a.shortfall) : a.shortfall.comparedTo(b.shortfall)) || a.index - b.index)
  let left = steps.abs().toNumber()
  for (const { index } of order) {
    if (left === 0) break
    const change = unit.times(sign[index]).times(up ? 1 : -1)
    const next = rounded[index].plus(change)
    if (next.isNegative()) continue
    rounded[index] = next
    left -= 1
  }
  return left === 0 ? rounded : undefined
}

/** The smallest unit price in whole minor units whose `quantity` multiple is at least `lineAmount`. */
export function unitPriceCovering (lineAmount: string | Decimal, quantity: number, currency: string): Decimal {
  const unit = minorUnit(currency)
  return money(lineAmount).dividedBy(quantity).dividedBy(unit).ceil().times(unit)
}
