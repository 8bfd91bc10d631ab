// The part of Shopify's GraphQL Admin API schema (2025-01) the connector reads, as SDL: every type,
// field, argument (with its default) and enum value copied from Shopify's published introspection
// (github.com/Shopify/dev-mcp data/admin_schema_2025-01.json.gz, commit 441a0dea), only the fields
// not used here left out. The stand-in validates each document against it and prices it with it
// (cost.ts), as Shopify does before executing a query.
export const ADMIN_SCHEMA_SDL = `
schema { query: QueryRoot }

type QueryRoot {
  order(id: ID!): Order
  fulfillmentOrder(id: ID!): FulfillmentOrder
  orders(
    first: Int
    after: String
    last: Int
    before: String
    reverse: Boolean = false
    sortKey: OrderSortKeys = PROCESSED_AT
    query: String
    savedSearchId: ID
  ): OrderConnection!
}

type Order {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
  createdAt: DateTime!
  processedAt: DateTime!
  updatedAt: DateTime!
  cancelledAt: DateTime
  test: Boolean!
  taxesIncluded: Boolean!
  currencyCode: CurrencyCode!
  presentmentCurrencyCode: CurrencyCode!
  displayFinancialStatus: OrderDisplayFinancialStatus
  email: String
  phone: String
  customerLocale: String
  customer: Customer
  billingAddress: MailingAddress
  shippingAddress: MailingAddress
  customAttributes: [Attribute!]!
  totalPriceSet: MoneyBag!
  currentTotalPriceSet: MoneyBag!
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
  shippingLines(
    includeRemovals: Boolean = false
    first: Int
    after: String
    last: Int
    before: String
    reverse: Boolean = false
  ): ShippingLineConnection!
  transactions(first: Int, capturable: Boolean, manuallyResolvable: Boolean): [OrderTransaction!]!
  fulfillmentOrders(
    displayable: Boolean = false
    first: Int
    after: String
    last: Int
    before: String
    reverse: Boolean = false
    query: String
  ): FulfillmentOrderConnection!
}

type LineItem {
  id: ID!
  sku: String
  name: String!
  quantity: Int!
  requiresShipping: Boolean!
  isGiftCard: Boolean!
  originalUnitPriceSet: MoneyBag!
  discountAllocations: [DiscountAllocation!]!
  taxLines(first: Int): [TaxLine!]!
  variant: ProductVariant
}

type ShippingLine {
  title: String!
  code: String
  isRemoved: Boolean!
  discountedPriceSet: MoneyBag!
  taxLines: [TaxLine!]!
}

type OrderTransaction {
  id: ID!
  gateway: String
  formattedGateway: String
  kind: OrderTransactionKind!
  status: OrderTransactionStatus!
  test: Boolean!
  authorizationCode: String
  processedAt: DateTime
  createdAt: DateTime!
  amountSet: MoneyBag!
  parentTransaction: OrderTransaction
  paymentDetails: PaymentDetails
}

type FulfillmentOrder {
  id: ID!
  status: FulfillmentOrderStatus!
  deliveryMethod: DeliveryMethod
  assignedLocation: FulfillmentOrderAssignedLocation!
  lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): FulfillmentOrderLineItemConnection!
}

type FulfillmentOrderLineItem {
  id: ID!
  lineItem: LineItem!
  totalQuantity: Int!
}

type FulfillmentOrderAssignedLocation {
  name: String!
  location: Location
}

type DeliveryMethod {
  id: ID!
  methodType: DeliveryMethodType!
  presentedName: String
}

type Customer {
  id: ID!
  firstName: String
  lastName: String
  email: String
  phone: String
}

type MailingAddress {
  firstName: String
  lastName: String
  company: String
  address1: String
  address2: String
  city: String
  province: String
  provinceCode: String
  zip: String
  countryCodeV2: CountryCode
  phone: String
}

type Attribute {
  key: String!
  value: String
}

type MoneyBag {
  shopMoney: MoneyV2!
  presentmentMoney: MoneyV2!
}

type MoneyV2 {
  amount: Decimal!
  currencyCode: CurrencyCode!
}

type DiscountAllocation {
  allocatedAmountSet: MoneyBag!
}

type TaxLine {
  title: String!
  rate: Float
  priceSet: MoneyBag!
}

type ProductVariant {
  id: ID!
  legacyResourceId: UnsignedInt64!
  sku: String
}

type Location {
  id: ID!
  legacyResourceId: UnsignedInt64!
  name: String!
}

type CardPaymentDetails {
  company: String
  number: String
  paymentMethodName: String
  name: String
}

type LocalPaymentMethodsPaymentDetails {
  paymentMethodName: String
  paymentDescriptor: String
}

type ShopPayInstallmentsPaymentDetails {
  paymentMethodName: String
}

type PageInfo {
  hasNextPage: Boolean!
  endCursor: String
  hasPreviousPage: Boolean!
  startCursor: String
}

type LineItemConnection {
  edges: [LineItemEdge!]!
  nodes: [LineItem!]!
  pageInfo: PageInfo!
}

type ShippingLineConnection {
  edges: [ShippingLineEdge!]!
  nodes: [ShippingLine!]!
  pageInfo: PageInfo!
}

type FulfillmentOrderConnection {
  edges: [FulfillmentOrderEdge!]!
  nodes: [FulfillmentOrder!]!
  pageInfo: PageInfo!
}

type FulfillmentOrderLineItemConnection {
  edges: [FulfillmentOrderLineItemEdge!]!
  nodes: [FulfillmentOrderLineItem!]!
  pageInfo: PageInfo!
}

type OrderConnection {
  edges: [OrderEdge!]!
  nodes: [Order!]!
  pageInfo: PageInfo!
}

type LineItemEdge {
  cursor: String!
  node: LineItem!
}

type ShippingLineEdge {
  cursor: String!
  node: ShippingLine!
}

type FulfillmentOrderEdge {
  cursor: String!
  node: FulfillmentOrder!
}

type FulfillmentOrderLineItemEdge {
  cursor: String!
  node: FulfillmentOrderLineItem!
}

type OrderEdge {
  cursor: String!
  node: Order!
}

union PaymentDetails = CardPaymentDetails | LocalPaymentMethodsPaymentDetails | ShopPayInstallmentsPaymentDetails

enum CountryCode {
  AF
  AX
  AL
  DZ
  AD
  AO
  AI
  AG
  AR
  AM
  AW
  AC
  AU
  AT
  AZ
  BS
  BH
  BD
  BB
  BY
  BE
  BZ
  BJ
  BM
  BT
  BO
  BA
  BW
  BV
  BR
  IO
  BN
  BG
  BF
  BI
  KH
  CA
  CV
  BQ
  KY
  CF
  TD
  CL
  CN
  CX
  CC
  CO
  KM
  CG
  CD
  CK
  CR
  HR
  CU
  CW
  CY
  CZ
  CI
  DK
  DJ
  DM
  DO
  EC
  EG
  SV
  GQ
  ER
  EE
  SZ
  ET
  FK
  FO
  FJ
  FI
  FR
  GF
  PF
  TF
  GA
  GM
  GE
  DE
  GH
  GI
  GR
  GL
  GD
  GP
  GT
  GG
  GN
  GW
  GY
  HT
  HM
  VA
  HN
  HK
  HU
  IS
  IN
  ID
  IR
  IQ
  IE
  IM
  IL
  IT
  JM
  JP
  JE
  JO
  KZ
  KE
  KI
  KP
  XK
  KW
  KG
  LA
  LV
  LB
  LS
  LR
  LY
  LI
  LT
  LU
  MO
  MG
  MW
  MY
  MV
  ML
  MT
  MQ
  MR
  MU
  YT
  MX
  MD
  MC
  MN
  ME
  MS
  MA
  MZ
  MM
  NA
  NR
  NP
  NL
  AN
  NC
  NZ
  NI
  NE
  NG
  NU
  NF
  MK
  NO
  OM
  PK
  PS
  PA
  PG
  PY
  PE
  PH
  PN
  PL
  PT
  QA
  CM
  RE
  RO
  RU
  RW
  BL
  SH
  KN
  LC
  MF
  PM
  WS
  SM
  ST
  SA
  SN
  RS
  SC
  SL
  SG
  SX
  SK
  SI
  SB
  SO
  ZA
  GS
  KR
  SS
  ES
  LK
  VC
  SD
  SR
  SJ
  SE
  CH
  SY
  TW
  TJ
  TZ
  TH
  TL
  TG
  TK
  TO
  TT
  TA
  TN
  TR
  TM
  TC
  TV
  UG
  UA
  AE
  GB
  US
  UM
  UY
  UZ
  VU
  VE
  VN
  VG
  WF
  EH
  YE
  ZM
  ZW
  ZZ
}

enum CurrencyCode {
  USD
  EUR
  GBP
  CAD
  AFN
  ALL
  DZD
  AOA
  ARS
  AMD
  AWG
  AUD
  BBD
  AZN
  BDT
  BSD
  BHD
  BIF
  BYN
  BZD
  BMD
  BTN
  BAM
  BRL
  BOB
  BWP
  BND
  BGN
  MMK
  KHR
  CVE
  KYD
  XAF
  CLP
  CNY
  COP
  KMF
  CDF
  CRC
  HRK
  CZK
  DKK
  DJF
  DOP
  XCD
  EGP
  ERN
  ETB
  FKP
  XPF
  FJD
  GIP
  GMD
  GHS
  GTQ
  GYD
  GEL
  GNF
  HTG
  HNL
  HKD
  HUF
  ISK
  INR
  IDR
  ILS
  IRR
  IQD
  JMD
  JPY
  JEP
  JOD
  KZT
  KES
  KID
  KWD
  KGS
  LAK
  LVL
  LBP
  LSL
  LRD
  LYD
  LTL
  MGA
  MKD
  MOP
  MWK
  MVR
  MRU
  MXN
  MYR
  MUR
  MDL
  MAD
  MNT
  MZN
  NAD
  NPR
  ANG
  NZD
  NIO
  NGN
  NOK
  OMR
  PAB
  PKR
  PGK
  PYG
  PEN
  PHP
  PLN
  QAR
  RON
  RUB
  RWF
  WST
  SHP
  SAR
  RSD
  SCR
  SLL
  SGD
  SDG
  SOS
  SYP
  ZAR
  KRW
  SSP
  SBD
  LKR
  SRD
  SZL
  SEK
  CHF
  TWD
  THB
  TJS
  TZS
  TOP
  TTD
  TND
  TRY
  TMT
  UGX
  UAH
  AED
  UYU
  UZS
  VUV
  VES
  VND
  XOF
  YER
  ZMW
  BYR
  STD
  STN
  VED
  VEF
  XXX
}

scalar DateTime

scalar Decimal

enum DeliveryMethodType {
  SHIPPING
  PICK_UP
  NONE
  RETAIL
  LOCAL
  PICKUP_POINT
}

enum FulfillmentOrderStatus {
  OPEN
  IN_PROGRESS
  CANCELLED
  INCOMPLETE
  CLOSED
  SCHEDULED
  ON_HOLD
}

enum OrderDisplayFinancialStatus {
  PENDING
  AUTHORIZED
  PARTIALLY_PAID
  PARTIALLY_REFUNDED
  VOIDED
  PAID
  REFUNDED
  EXPIRED
}

enum OrderSortKeys {
  CREATED_AT
  CUSTOMER_NAME
  DESTINATION
  FINANCIAL_STATUS
  FULFILLMENT_STATUS
  ID
  ORDER_NUMBER
  PO_NUMBER
  PROCESSED_AT
  RELEVANCE
  TOTAL_ITEMS_QUANTITY
  TOTAL_PRICE
  UPDATED_AT
}

enum OrderTransactionKind {
  SALE
  CAPTURE
  AUTHORIZATION
  VOID
  REFUND
  CHANGE
  EMV_AUTHORIZATION
  SUGGESTED_REFUND
}

enum OrderTransactionStatus {
  SUCCESS
  FAILURE
  PENDING
  ERROR
  AWAITING_RESPONSE
  UNKNOWN
}

scalar UnsignedInt64
`
