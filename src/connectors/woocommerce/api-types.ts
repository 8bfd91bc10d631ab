// The WooCommerce REST API answers this connector reads (GET /wp-json/wc/v3/orders[/{id}]), as zod
// schemas: loose (WooCommerce and its plugins add fields), money as WooCommerce sends it (decimal
// strings; line `price` is a number, total / quantity, and is not read), statuses as open strings
// (plugins register their own). The webhook body of order.* topics is the same order.
import { z } from 'zod'

const amount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/, 'must be a decimal amount'))
const text = z.string().nullish().transform((value) => value ?? '')

export const WcAddressSchema = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  address_1: text,
  address_2: text,
  city: text,
  state: text,
  postcode: text,
  country: text,
  email: text.optional().transform((value) => value ?? ''),
  phone: text.optional().transform((value) => value ?? '')
})

export const WcMetaSchema = z.looseObject({ key: z.string(), value: z.unknown() })

export const WcLineItemSchema = z.looseObject({
  id: z.number().int(),
  name: text,
  product_id: z.number().int().nullish(),
  variation_id: z.number().int().nullish(),
  quantity: z.number().int(),
  subtotal: amount,
  subtotal_tax: amount,
  total: amount,
  total_tax: amount,
  sku: text,
  meta_data: z.array(WcMetaSchema).default([])
})

export const WcShippingLineSchema = z.looseObject({
  id: z.number().int(),
  method_title: text,
  method_id: text,
  instance_id: z.union([z.string(), z.number()]).nullish(),
  total: amount,
  total_tax: amount,
  meta_data: z.array(WcMetaSchema).default([])
})

export const WcFeeLineSchema = z.looseObject({
  id: z.number().int(),
  name: text,
  total: amount,
  total_tax: amount
})

export const WcCouponLineSchema = z.looseObject({
  id: z.number().int(),
  code: text,
  discount: amount,
  discount_tax: amount
})

export const WcOrderSchema = z.looseObject({
  id: z.number().int().positive(),
  number: z.union([z.string(), z.number()]).transform(String).optional(),
  status: z.string(),
  currency: z.string(),
  date_created_gmt: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
  discount_total: amount,
  discount_tax: amount,
  shipping_total: amount,
  shipping_tax: amount,
  cart_tax: amount,
  total: amount,
  total_tax: amount,
  prices_include_tax: z.boolean().default(false),
  customer_id: z.number().int().nullish(),
  billing: WcAddressSchema,
  shipping: WcAddressSchema.nullish(),
  payment_method: text,
  payment_method_title: text,
  transaction_id: text,
  line_items: z.array(WcLineItemSchema),
  shipping_lines: z.array(WcShippingLineSchema).default([]),
  fee_lines: z.array(WcFeeLineSchema).default([]),
  coupon_lines: z.array(WcCouponLineSchema).default([])
})

export type WcAddress = z.output<typeof WcAddressSchema>
export type WcLineItem = z.output<typeof WcLineItemSchema>
export type WcShippingLine = z.output<typeof WcShippingLineSchema>
export type WcOrder = z.output<typeof WcOrderSchema>

/** A webhook body as far as the intake reads it (order.* topics: the whole order; deleted: {id}). */
export const WcWebhookOrderSchema = z.looseObject({
  id: z.number().int().positive(),
  status: z.string().optional(),
  date_modified_gmt: z.string().nullish()
})
