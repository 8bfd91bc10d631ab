// schemas/translated-order.ts against the two guides: required/optional, lengths, enums.
import t from 'tap'
import {
  AVAILABILITY_CODES,
  TRANSLATED_CURRENCIES,
  TRANSLATED_LOCALES,
  TranslatedAuthorizeRequestSchema,
  TranslatedAuthorizeResponseSchema,
  TranslatedCreateOrderRequestSchema,
  TranslatedCreateOrderResponseSchema
} from '../../schemas/translated-order.ts'
import { readGolden } from '../support/examples.ts'

const seed = (): any => structuredClone(readGolden('translated-seed-sample.json'))
const paths = (schema: { safeParse(v: unknown): any }, value: unknown): string[] => {
  const r = schema.safeParse(value)
  return r.success ? [] : r.error.issues.map((i: any) => i.path.join('.'))
}

t.test("code lists are the guide's", async (t) => {
  t.equal(TRANSLATED_CURRENCIES.length, 162, '"totalCount": 162')
  t.equal(new Set(TRANSLATED_CURRENCIES).size, 162)
  t.ok(TRANSLATED_CURRENCIES.includes('XDR') && !TRANSLATED_CURRENCIES.includes('XAF' as never))
  t.equal(TRANSLATED_LOCALES.length, 21)
  t.same([...AVAILABILITY_CODES], ['Y', 'N', 'L', 'M', 'J', 'P', 'D', 'I', 'S', 'G', 'V', 'F'])
})

t.test('create request: the seed sample parses; each required field is required', async (t) => {
  t.same(paths(TranslatedCreateOrderRequestSchema, seed()), [])
  for (const field of [
    'externalOrderID',
    'manufacturerID',
    'catalogID',
    'locale',
    'currency',
    'customer',
    'orderItems',
    'shippingMethod',
    'shippingAddress',
    'orderPayments',
    'customerIP',
    'sendEmail'
  ]) {
    const r = seed()
    delete r[field]
    t.same(paths(TranslatedCreateOrderRequestSchema, r), [field], `${field} is required`)
  }
  for (const field of [
    'orderID',
    'cartID',
    'orderGift',
    'shippingTax',
    'forceItemTaxOverride',
    'orderComment',
    'optInRetailer',
    'landingCode',
    'customOrderData',
    'allowSplit'
  ]) {
    const r = seed()
    delete r[field]
    t.same(paths(TranslatedCreateOrderRequestSchema, r), [], `${field} is optional`)
  }
})

t.test('create request: lengths, minimums and enums', async (t) => {
  const check = (change: (r: any) => void, expected: string[], what: string) => {
    const r = seed()
    change(r)
    t.same(paths(TranslatedCreateOrderRequestSchema, r), expected, what)
  }
  check((r) => (r.externalOrderID = ''), ['externalOrderID'], 'externalOrderID min 1')
  check((r) => (r.externalOrderID = 'x'.repeat(100)), [], 'externalOrderID max 100')
  check((r) => (r.externalOrderID = 'x'.repeat(101)), ['externalOrderID'], 'externalOrderID > 100')
  check((r) => (r.manufacturerID = 0), ['manufacturerID'], 'manufacturerID min 1')
  check((r) => (r.catalogID = -1), ['catalogID'], 'catalogID min 0')
  check((r) => (r.catalogID = 1.5), ['catalogID'], 'catalogID integer')
  check((r) => (r.locale = 'pt-BR'), ['locale'], 'locale enum')
  check((r) => (r.currency = 'XAF'), ['currency'], 'currency enum')
  check((r) => (r.cartID = 'x'.repeat(513)), ['cartID'], 'cartID max 512')
  check((r) => (r.orderComment = 'x'.repeat(1001)), ['orderComment'], 'orderComment max 1000')
  check((r) => (r.landingCode = 'x'.repeat(9)), ['landingCode'], 'landingCode min 10')
  check((r) => (r.landingCode = 'x'.repeat(201)), ['landingCode'], 'landingCode max 200')
  check((r) => (r.shippingTax = -1), ['shippingTax'], 'shippingTax min 0')
  check((r) => (r.shippingTaxRate = -0.1), ['shippingTaxRate'], 'shippingTaxRate min 0')
  check((r) => (r.orderID = 0), ['orderID'], 'orderID min 1')
  check((r) => (r.customer.firstName = 'x'.repeat(301)), ['customer.firstName'], 'firstName max 300')
  check((r) => (r.customer.email = 'x'.repeat(251)), ['customer.email'], 'email max 250')
  check((r) => (r.customer.phone1 = 'x'.repeat(21)), ['customer.phone1'], 'phone1 max 20')
  check((r) => (r.customer.phone2 = 'x'.repeat(21)), ['customer.phone2'], 'phone2 max 20')
  check((r) => delete r.customer.phone1, ['customer.phone1'], 'phone1 required')
  check((r) => (r.customer.active = 'GONE'), ['customer.active'], 'active enum')
  check((r) => (r.orderItems = []), ['orderItems'], 'at least one item')
  check((r) => (r.orderItems[0].product.availability = 'X'), ['orderItems.0.product.availability'], 'availability enum')
  check((r) => (r.orderItems[0].itemSpecifics.quantity = 0), ['orderItems.0.itemSpecifics.quantity'], 'quantity min 1')
  check(
    (r) => (r.orderPayments[0].paymentMethod.billingAddress.addressLine1 = 'x'.repeat(251)),
    ['orderPayments.0.paymentMethod.billingAddress.addressLine1'],
    'address line max 250'
  )
  check((r) => (r.orderPayments[0].paymentMethod.paymentType = 'XX'), ['orderPayments.0.paymentMethod.paymentType'], 'payment type enum')
  check((r) => (r.orderPayments[0].paymentMethod.cardIssuer = 'XX'), ['orderPayments.0.paymentMethod.cardIssuer'], 'card issuer enum')
  check((r) => (r.orderPayments[0].maxAmount = -1), [], 'maxAmount -1')
  check((r) => (r.orderPayments[0].maxAmount = 5), [], 'maxAmount positive')
  check((r) => (r.orderPayments[0].maxAmount = -2), ['orderPayments.0.maxAmount'], 'maxAmount -2')
  check((r) => (r.shippingMethod = { carrier: 'A', carrierType: 'B' }), ['shippingMethod'], 'carrier triple')
  check((r) => (r.shippingMethod = { carrier: 'A', carrierType: 'B', serviceType: 'C' }), [], 'carrier triple complete')
  check((r) => (r.shippingMethod.description = 'x'), ['shippingMethod.description'], 'read-only description')
})

t.test('authorize request: required fields and lengths (seed 004)', async (t) => {
  const sample: any = {
    externalCartID: '0123456',
    manufacturerID: 1010,
    catalogID: 0,
    currency: 'USD',
    locale: 'en-US',
    customer: { firstName: 'John', lastName: 'Smith', email: 'John.Smith@kibocommerce.com', phone1: '4691111111' },
    paymentMethod: {
      billingAddress: { addressLine1: '111 Example St', city: 'San Luis Obispo', countryCode: 'US' },
      paymentType: 'CC',
      cardNumber: '4111111111111111'
    },
    amount: 2
  }
  t.same(paths(TranslatedAuthorizeRequestSchema, sample), [])
  for (const field of ['externalCartID', 'manufacturerID', 'catalogID', 'currency', 'paymentMethod', 'amount', 'customer']) {
    const r = structuredClone(sample)
    delete r[field]
    t.same(paths(TranslatedAuthorizeRequestSchema, r), [field], `${field} is required`)
  }
  const r = structuredClone(sample)
  delete r.locale
  t.same(paths(TranslatedAuthorizeRequestSchema, r), [], 'locale is optional')
  t.same(paths(TranslatedAuthorizeRequestSchema, { ...sample, externalCartID: 'x'.repeat(256) }), ['externalCartID'], 'max 255')
  t.same(paths(TranslatedAuthorizeRequestSchema, { ...sample, amount: -1 }), ['amount'], 'amount min 0')
})

t.test('responses', async (t) => {
  t.ok(TranslatedCreateOrderResponseSchema.safeParse({ orderID: 5, externalOrderID: 'A', anything: 1 }).success)
  t.notOk(TranslatedCreateOrderResponseSchema.safeParse({ externalOrderID: 'A' }).success, 'orderID is what the response is for')
  t.ok(TranslatedAuthorizeResponseSchema.safeParse({ orderID: 5, paymentMethodToken: 'p', authToken: 'a' }).success)
  t.notOk(TranslatedAuthorizeResponseSchema.safeParse({ orderID: 5 }).success)
})
