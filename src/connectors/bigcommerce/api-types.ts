// The parts of BigCommerce's API answers this connector reads, as zod schemas. Loose objects:
// BigCommerce adds fields freely, and a field we do not read must never fail an import. Money is
// read as BigCommerce sends it (four-decimal strings on V2, JSON numbers on V3 transactions and
// consignments) into a normalized decimal string, never a float.
// Sources: reference/orders.v2.oas2.yml and reference/orders.v3.yml of github.com/bigcommerce/docs.
import { z } from 'zod'
import { parseMoney } from '../../mapping/money.ts'

/** A BigCommerce amount ("62.6793", "8", 5.1) → a normalized decimal string; absent, null or "" → "0". */
export const BcMoneySchema = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === '') return '0'
    const parsed = parseMoney(value)
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `amount ${parsed.message}` })
      return z.NEVER
    }
    return parsed.text
  })

const text = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => (value ?? '').trim())
const id = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^[0-9]+$/)
    .transform(Number)
])

export const BcAddressSchema = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text
})
export type BcAddress = z.output<typeof BcAddressSchema>

export const BcShippingAddressSchema = BcAddressSchema.extend({
  id,
  shipping_method: text,
  cost_ex_tax: BcMoneySchema,
  cost_tax: BcMoneySchema,
  handling_cost_ex_tax: BcMoneySchema,
  handling_cost_tax: BcMoneySchema
})
export type BcShippingAddress = z.output<typeof BcShippingAddressSchema>

export const BcFeeSchema = z
  .looseObject({
    id: id.optional(),
    display_name_customer: text,
    // The docs spell it both ways (cost_ex_tax in the schema, cost_exc_tax in an example): read either.
    cost_ex_tax: BcMoneySchema,
    cost_exc_tax: BcMoneySchema,
    cost_inc_tax: BcMoneySchema,
    cost_tax: BcMoneySchema
  })
  .transform((fee) => ({
    ...fee,
    costExTax: fee.cost_ex_tax !== '0' ? fee.cost_ex_tax : fee.cost_exc_tax
  }))
export type BcFee = z.output<typeof BcFeeSchema>

export const BcOrderSchema = z.looseObject({
  id,
  customer_id: id.optional(),
  date_created: z.string().min(1),
  date_modified: z.string().min(1),
  status_id: z.number().int(),
  status: text,
  subtotal_ex_tax: BcMoneySchema,
  subtotal_inc_tax: BcMoneySchema,
  subtotal_tax: BcMoneySchema,
  shipping_cost_ex_tax: BcMoneySchema,
  shipping_cost_inc_tax: BcMoneySchema,
  shipping_cost_tax: BcMoneySchema,
  handling_cost_ex_tax: BcMoneySchema,
  handling_cost_tax: BcMoneySchema,
  wrapping_cost_ex_tax: BcMoneySchema,
  wrapping_cost_tax: BcMoneySchema,
  total_ex_tax: BcMoneySchema,
  total_inc_tax: BcMoneySchema,
  total_tax: BcMoneySchema,
  is_tax_inclusive_pricing: z.boolean().optional(),
  payment_method: text,
  discount_amount: BcMoneySchema,
  coupon_discount: BcMoneySchema,
  store_credit_amount: BcMoneySchema,
  gift_certificate_amount: BcMoneySchema,
  currency_code: text,
  default_currency_code: text,
  store_default_currency_code: text,
  channel_id: id.optional(),
  billing_address: BcAddressSchema,
  fees: z.array(BcFeeSchema).nullish()
})
export type BcOrder = z.output<typeof BcOrderSchema>

export const BcAppliedDiscountSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  amount: BcMoneySchema,
  code: text
})

export const BcProductSchema = z.looseObject({
  id,
  order_id: id.optional(),
  product_id: id.optional(),
  order_address_id: id.nullish(),
  order_pickup_method_id: id.nullish(),
  name: text,
  sku: text,
  upc: text,
  type: text,
  quantity: z.number().int().min(1),
  price_ex_tax: BcMoneySchema,
  total_ex_tax: BcMoneySchema,
  total_inc_tax: BcMoneySchema,
  total_tax: BcMoneySchema,
  wrapping_cost_ex_tax: BcMoneySchema,
  applied_discounts: z.array(BcAppliedDiscountSchema).nullish(),
  parent_order_product_id: id.nullish()
})
export type BcProduct = z.output<typeof BcProductSchema>

export const BcCouponSchema = z.looseObject({
  id: id.optional(),
  code: text,
  amount: BcMoneySchema,
  discount: BcMoneySchema,
  type: z.number().optional()
})
export type BcCoupon = z.output<typeof BcCouponSchema>

export const BcTaxSchema = z.looseObject({
  id: id.optional(),
  order_product_id: id.nullish(),
  line_item_type: text,
  name: text,
  line_amount: BcMoneySchema
})
export type BcTax = z.output<typeof BcTaxSchema>

/** A line item of a consignment: a full order product (include=consignments.line_items) or a {url, resource} reference. */
const ConsignmentLineItemSchema = z.looseObject({ id: id.optional(), resource: z.string().optional() })

export const BcPickupConsignmentSchema = z.looseObject({
  id: id.optional(),
  pickup_method_id: id.optional(),
  pickup_method_display_name: text,
  location: z.looseObject({ id: id.optional(), code: text, name: text }).nullish(),
  line_items: z.array(ConsignmentLineItemSchema).nullish()
})
export type BcPickupConsignment = z.output<typeof BcPickupConsignmentSchema>

export const BcConsignmentsSchema = z.looseObject({ pickups: z.array(BcPickupConsignmentSchema).nullish() })
export type BcConsignments = z.output<typeof BcConsignmentsSchema>

export const BcTransactionSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  event: z.string(),
  method: text,
  amount: BcMoneySchema,
  currency: text,
  // Free-form: the docs' own example sends "squarev2", which its enum does not list.
  gateway: z.string(),
  gateway_transaction_id: z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value) => (value === undefined || value === null ? '' : String(value))),
  status: text,
  test: z.boolean().optional(),
  // The schema says integer; the docs' guide example sends {}: anything that is not a number is absent.
  reference_transaction_id: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'number' ? value : undefined)),
  date_created: text,
  payment_instrument_token: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' && value !== '' ? value : undefined)),
  provider_customer_id: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' && value !== '' ? value : undefined)),
  credit_card: z
    .looseObject({
      card_type: text,
      card_last4: text,
      card_expiry_month: z.number().int().nullish(),
      card_expiry_year: z.number().int().nullish()
    })
    .nullish()
})
export type BcTransaction = z.output<typeof BcTransactionSchema>

export const BcTransactionCollectionSchema = z.looseObject({ data: z.array(BcTransactionSchema) })

/** Everything the worker fetches for one order: what the mapping reads. */
export interface BcOrderBundle {
  order: BcOrder
  products: BcProduct[]
  shippingAddresses: BcShippingAddress[]
  consignments: BcConsignments | null
  coupons: BcCoupon[]
  taxes: BcTax[]
  transactions: BcTransaction[]
}

/** The thin webhook callback: {scope, store_id, data: {type, id, status?}, hash, created_at, producer}. */
export const BcWebhookBodySchema = z.looseObject({
  scope: z.string().min(1).max(200),
  store_id: z.union([z.string(), z.number()]).optional(),
  producer: z.string().regex(/^stores\/[A-Za-z0-9]{1,64}$/, 'must be "stores/{store_hash}"'),
  hash: z.string().min(1).max(200).optional(),
  created_at: z.number().optional(),
  data: z.looseObject({
    type: z.string().optional(),
    id,
    status: z.looseObject({ previous_status_id: z.number().int().optional(), new_status_id: z.number().int().optional() }).nullish()
  })
})
export type BcWebhookBody = z.output<typeof BcWebhookBodySchema>
