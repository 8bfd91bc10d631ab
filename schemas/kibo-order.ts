// The Kibo OMS import payload we send to POST /commerce/orders (isImport: true), modelled on
// Kibo's "Import Orders for OMS-Only" guide and its sample payloads. Only the fields the
// mapping fills are declared; every one of them exists on the Kibo SDK's `Order` model
// (test/mapping/kibo-sdk-types.test.ts checks assignability). Numbers are already rounded
// to the currency's minor units by money.toKiboNumber.
import { z } from 'zod'

const amount = () => z.number().min(0)

export const KiboAddressSchema = z.object({
  address1: z.string(),
  address2: z.string().optional(),
  address3: z.string().optional(),
  address4: z.string().optional(),
  cityOrTown: z.string(),
  stateOrProvince: z.string().optional(),
  postalOrZipCode: z.string().optional(),
  countryCode: z.string(),
  addressType: z.enum(['Residential', 'Commercial']).optional()
})

export const KiboContactSchema = z.object({
  firstName: z.string(),
  lastNameOrSurname: z.string(),
  email: z.string().optional(),
  companyOrOrganization: z.string().optional(),
  phoneNumbers: z.object({ home: z.string().optional() }).optional(),
  address: KiboAddressSchema
})

export const KiboCardSchema = z.object({
  paymentOrCardType: z.string().optional(),
  cardNumberPartOrMask: z.string(),
  ccLastFour: z.string().optional(),
  isTokenized: z.literal(true),
  expireMonth: z.number().int().optional(),
  expireYear: z.number().int().optional(),
  nameOnCard: z.string().optional()
})

export const KiboBillingInfoSchema = z.object({
  paymentType: z.string().optional(),
  paymentWorkflow: z.string().optional(),
  billingContact: KiboContactSchema,
  card: KiboCardSchema.optional(),
  data: z.object({ paypal: z.object({ payerId: z.string() }) }).optional()
})

export const KiboGatewayResponseDataSchema = z.object({ key: z.string(), value: z.string() })

export const KiboPaymentInteractionSchema = z.object({
  interactionType: z.enum(['Authorization', 'Capture']),
  status: z.enum(['Authorized', 'Captured']),
  amount: amount(),
  currencyCode: z.string(),
  interactionDate: z.string(),
  gatewayTransactionId: z.string().optional(),
  gatewayAuthCode: z.string().optional(),
  gatewayAVSCodes: z.string().optional(),
  gatewayCVV2Codes: z.string().optional(),
  gatewayResponseCode: z.string().optional(),
  gatewayResponseText: z.string().optional(),
  gatewayResponseData: z.array(KiboGatewayResponseDataSchema).optional()
})

export const KiboPaymentSchema = z.object({
  paymentType: z.string(),
  paymentWorkflow: z.string(),
  status: z.enum(['Authorized', 'Collected']),
  amountRequested: amount(),
  amountCollected: amount(),
  externalTransactionId: z.string().optional(),
  billingInfo: KiboBillingInfoSchema,
  interactions: z.array(KiboPaymentInteractionSchema),
  data: z.object({ customerPaymentProfileId: z.string() }).optional()
})

export const KiboOrderItemSchema = z.object({
  lineId: z.number().int().min(1),
  quantity: z.number().int().min(1),
  fulfillmentMethod: z.enum(['Ship', 'Pickup', 'Digital']),
  fulfillmentLocationCode: z.string().optional(),
  localeCode: z.string().optional(),
  product: z.object({
    productCode: z.string(),
    variationProductCode: z.string().optional(),
    upc: z.string().optional(),
    name: z.string().optional(),
    price: z.object({
      price: amount(),
      salePrice: amount().optional(),
      tenantOverridePrice: amount().optional()
    })
  }),
  discountTotal: amount(),
  weightedOrderDiscount: amount(),
  itemTaxTotal: amount(),
  shippingTotal: amount(),
  shippingTaxTotal: amount(),
  handlingAmount: amount(),
  dutyAmount: amount(),
  weightedOrderHandlingFeeDiscount: amount(),
  weightedOrderHandlingFeeTax: amount(),
  data: z.object({ externalLineId: z.string() })
})

export const KiboValidationResultSchema = z.object({
  validationId: z.string(),
  validatorName: z.string(),
  validatorType: z.string(),
  status: z.enum(['Pass', 'Review']),
  createdDate: z.string(),
  messages: z.array(z.object({ message: z.string(), messageType: z.literal('Info') }))
})

export const KiboFulfillmentInfoSchema = z.object({
  fulfillmentContact: KiboContactSchema.optional(),
  shippingMethodCode: z.string().optional(),
  shippingMethodName: z.string().optional()
})

export const KiboOrderSchema = z
  .object({
    isImport: z.literal(true),
    isHistoricalImport: z.literal(true).optional(),
    type: z.literal('Offline'),
    status: z.enum(['Completed', 'Cancelled']).optional(),
    externalId: z.string(),
    tenantId: z.number().int().optional(),
    siteId: z.number().int().optional(),
    channelCode: z.string().optional(),
    currencyCode: z.string(),
    submittedDate: z.string(),
    customerAccountId: z.number().int().optional(),
    email: z.string(),
    items: z.array(KiboOrderItemSchema),
    billingInfo: KiboBillingInfoSchema,
    payments: z.array(KiboPaymentSchema),
    fulfillmentInfo: KiboFulfillmentInfoSchema,
    validationResults: z.array(KiboValidationResultSchema).optional(),
    data: z.object({ attributes: z.record(z.string(), z.string()) }).optional(),
    subtotal: amount(),
    discountTotal: amount(),
    itemTaxTotal: amount(),
    shippingTotal: amount(),
    shippingTaxTotal: amount(),
    handlingTotal: amount(),
    handlingTaxTotal: amount(),
    dutyTotal: amount(),
    taxTotal: amount(),
    total: amount()
  })
  .meta({ id: 'KiboOrder', description: 'The payload sent to Kibo POST /commerce/orders' })

export type KiboOrder = z.output<typeof KiboOrderSchema>
export type KiboOrderItem = z.output<typeof KiboOrderItemSchema>
export type KiboPayment = z.output<typeof KiboPaymentSchema>
export type KiboPaymentInteraction = z.output<typeof KiboPaymentInteractionSchema>
export type KiboBillingInfo = z.output<typeof KiboBillingInfoSchema>
export type KiboCard = z.output<typeof KiboCardSchema>
export type KiboContact = z.output<typeof KiboContactSchema>
export type KiboGatewayResponseData = z.output<typeof KiboGatewayResponseDataSchema>
export type KiboValidationResult = z.output<typeof KiboValidationResultSchema>
export type KiboFulfillmentInfo = z.output<typeof KiboFulfillmentInfoSchema>
