import t from 'tap'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  checkScale,
  Decimal,
  isOrderCurrency,
  minorUnits,
  NO_MINOR_UNIT_CODES,
  parseMoney,
  sum,
  toKiboNumber
} from '../../src/mapping/money.ts'

/** ISO 4217 list one, as shipped with currency-codes: code → minor unit text ("2", "N.A."). */
function isoTable (): Map<string, string> {
  const require = createRequire(import.meta.url)
  const xml = readFileSync(require.resolve('currency-codes/iso-4217-list-one.xml'), 'utf8')
  const table = new Map<string, string>()
  for (const entry of xml.split('<CcyNtry>').slice(1)) {
    const code = /<Ccy>([A-Z]{3})<\/Ccy>/.exec(entry)?.[1]
    const units = /<CcyMnrUnts>([^<]*)<\/CcyMnrUnts>/.exec(entry)?.[1]
    if (code !== undefined && units !== undefined) table.set(code, units)
  }
  return table
}

t.test('NO_MINOR_UNIT_CODES equals the N.A. codes of the shipped ISO 4217 XML', async (t) => {
  const table = isoTable()
  t.ok(table.size > 150, 'the XML was read')
  const fromXml = [...table]
    .filter(([, units]) => units === 'N.A.')
    .map(([code]) => code)
    .sort()
  t.same([...NO_MINOR_UNIT_CODES].sort(), fromXml)
  for (const code of ['XAU', 'XAG', 'XDR', 'XXX', 'XTS', 'XUA', 'XSU']) t.equal(minorUnits(code), undefined, code)
})

t.test('minorUnits agrees with the ISO XML for every currency that has a minor unit', async (t) => {
  for (const [code, units] of isoTable()) {
    if (units === 'N.A.') continue
    t.equal(minorUnits(code), Number(units), code)
  }
})

t.test('minorUnits classes: 0, 2, 3, 4 digits; unknown codes', async (t) => {
  for (const code of ['JPY', 'KRW', 'CLP', 'VND', 'ISK', 'UGX']) t.equal(minorUnits(code), 0, code)
  for (const code of ['USD', 'EUR', 'GBP', 'IDR', 'HUF', 'COP', 'PKR', 'MGA']) t.equal(minorUnits(code), 2, code)
  for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD']) t.equal(minorUnits(code), 3, code)
  t.equal(minorUnits('CLF'), 4)
  for (const code of ['usd', 'ABC', 'US', '', 'USDD', 'XYZ']) {
    t.equal(minorUnits(code), undefined, JSON.stringify(code))
    t.notOk(isOrderCurrency(code))
  }
})

t.test('parseMoney: decimal strings', async (t) => {
  t.same(parseMoney('19.99'), { ok: true, value: new Decimal('19.99'), text: '19.99' })
  t.equal((parseMoney('19.990') as { text: string }).text, '19.99', 'trailing zeros do not count')
  t.equal((parseMoney('10.00') as { text: string }).text, '10')
  t.equal((parseMoney('0.0') as { text: string }).text, '0')
  t.equal((parseMoney('007.50') as { text: string }).text, '7.5')
  t.equal((parseMoney('999999999999') as { text: string }).text, '999999999999')
  t.equal((parseMoney('999999999999.000') as { text: string }).text, '999999999999')
  for (const bad of ['-1', '+1', '1e3', ' 1', '1 ', '1,000', '1.', '.5', '', 'NaN', 'Infinity', '١٢', '0x10', '1_000']) {
    const result = parseMoney(bad)
    t.equal(result.ok, false, JSON.stringify(bad))
  }
  t.match(parseMoney('1000000000000'), { ok: false, message: /at most 999999999999/ })
  t.match(parseMoney('999999999999.01'), { ok: false, message: /at most/ })
  t.match(parseMoney('1'.padEnd(41, '0')), { ok: false, message: /at most 40 characters/ })
})

t.test('parseMoney: JSON numbers go through their shortest round-trip text', async (t) => {
  t.equal((parseMoney(19.99) as { text: string }).text, '19.99')
  t.equal((parseMoney(14.99) as { text: string }).text, '14.99')
  t.equal((parseMoney(0.1 + 0.2) as { text: string }).text, '0.30000000000000004', 'float noise is kept visible, then refused by scale')
  t.equal((parseMoney(-0) as { text: string }).text, '0', '-0 is 0')
  t.equal((parseMoney(0) as { text: string }).text, '0')
  t.equal((parseMoney(1e-7) as { text: string }).text, '0.0000001', 'exponent form read exactly')
  t.equal(checkScale('0.0000001', 'USD'), '0.0000001 has 7 decimal places, but USD allows at most 2')
  t.match(parseMoney(1e21), { ok: false, message: /at most 999999999999/ })
  t.match(parseMoney(1e12), { ok: false, message: /at most/ })
  t.match(parseMoney(Number.NaN), { ok: false, message: /finite/ })
  t.match(parseMoney(Number.POSITIVE_INFINITY), { ok: false, message: /finite/ })
  t.match(parseMoney(-0.01), { ok: false, message: /negative/ })
  t.match(parseMoney(true), { ok: false, message: /number or a decimal string/ })
  t.match(parseMoney(null), { ok: false })
  t.match(parseMoney({}), { ok: false })
})

t.test('checkScale per currency class', async (t) => {
  t.equal(checkScale('19.99', 'USD'), undefined)
  t.equal(checkScale('19.990', 'USD'), undefined, 'trailing zeros do not count')
  t.equal(checkScale('19.999', 'USD'), '19.999 has 3 decimal places, but USD allows at most 2')
  t.equal(checkScale('1980', 'JPY'), undefined)
  t.equal(checkScale('1980.0', 'JPY'), undefined)
  t.equal(checkScale('1980.5', 'JPY'), '1980.5 has 1 decimal place, but JPY amounts are whole numbers')
  t.equal(checkScale('1.234', 'KWD'), undefined)
  t.equal(checkScale('1.2345', 'KWD'), '1.2345 has 4 decimal places, but KWD allows at most 3')
  t.equal(checkScale('1.2345', 'CLF'), undefined)
  t.match(checkScale('1', 'XAU'), /not an ISO 4217 currency with a minor unit/)
})

t.test('toKiboNumber rounds to the currency and returns a plain number', async (t) => {
  t.equal(toKiboNumber('46.71', 'USD'), 46.71)
  t.equal(toKiboNumber('8.5', 'USD'), 8.5)
  t.equal(toKiboNumber('4936', 'JPY'), 4936)
  t.equal(toKiboNumber('1.234', 'KWD'), 1.234)
  t.equal(toKiboNumber(new Decimal('0.125'), 'USD'), 0.12, 'half-even')
  t.equal(toKiboNumber(new Decimal('0.135'), 'USD'), 0.14, 'half-even')
  t.equal(toKiboNumber(new Decimal('-0'), 'USD'), 0)
  t.ok(Object.is(toKiboNumber(new Decimal('-0.001'), 'USD'), 0), 'never -0')
  t.equal(toKiboNumber('999999999999.99', 'USD'), 999999999999.99)
  t.throws(() => toKiboNumber('1', 'XXX'))
})

t.test('sum is exact where floats are not', async (t) => {
  t.equal(0.1 + 0.2 === 0.3, false)
  t.ok(sum(['0.1', '0.2']).equals(new Decimal('0.3')))
  t.ok(sum(['0.1', undefined, null, '0.2']).equals(new Decimal('0.3')), 'absent counts as 0')
  const many = Array.from({ length: 500 }, () => '999999999999.99')
  t.equal(sum(many).toFixed(), '499999999999995', 'no precision loss at scale')
})
