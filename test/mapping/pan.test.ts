import t from 'tap'
import { looksLikePan } from '../../src/lib/pan.ts'

t.test('real test card numbers are PANs', async (t) => {
  for (const pan of [
    '4111111111111111', // Visa
    '4012888888881881',
    '4222222222222', // Visa 13 digits
    '5555555555554444', // Mastercard
    '2223003122003222', // Mastercard 2-series
    '378282246310005', // Amex 15
    '30569309025904', // Diners 14
    '6011111111111117', // Discover
    '3530111333300000', // JCB
    '6200000000000005', // UnionPay
    '6759649826438453', // Maestro
    '4111111111111111110' // 19 digits, Luhn-valid
  ]) {
    t.equal(looksLikePan(pan), true, pan)
  }
})

t.test('tokens are not PANs', async (t) => {
  t.equal(looksLikePan('0160184007701111'), false, "Kibo's own example token starts with 0")
  t.equal(looksLikePan('4111111111111112'), false, 'Luhn-invalid')
  t.equal(looksLikePan('411111111111'), false, '12 digits: too short')
  t.equal(looksLikePan('41111111111111111111'), false, '20 digits: too long')
  t.equal(looksLikePan('1111111111111117'), false, 'first digit 1')
  t.equal(looksLikePan('7111111111111119'), false, 'first digit 7')
  t.equal(looksLikePan('9111111111111115'), false, 'first digit 9')
  t.equal(looksLikePan('4111 1111 1111 1111'), false, 'separators: not a bare PAN token')
  t.equal(looksLikePan('4111-1111-1111-1111'), false)
  t.equal(looksLikePan('tok_4111111111111111'), false)
  t.equal(looksLikePan(''), false)
  t.equal(looksLikePan('１１１１１１１１１１１１１'), false, 'full-width digits')
})
