// Public API of the translated-v2 target: Normalized Order Event v1 (+ data.translated) →
// Kibo's translated Create Order API v2 request(s), the Create Order Authorize request, and
// the API's documented rules. Pure functions only; HTTP is in src/kibo/translated-client.ts.
export {
  mapEventToTranslatedOrder,
  buildTranslatedAuthorizeRequest,
  applyTranslatedAuthorization,
  mapTranslatedAddress,
  mapTranslatedItem,
  mapTranslatedShippingMethod,
  mapTranslatedFraudData,
  mapTranslatedCustomer,
  actualUnitPrice,
  lineAvailability,
  TranslatedProblemTypes,
  type TranslatedTargetOptions,
  type TranslatedShippingMethodOption,
  type TranslatedMappingResult,
  type TranslatedChildOrder
} from './map-order.ts'
export {
  mapTranslatedPayment,
  mapPaymentMethod,
  maxAmountFor,
  cardExpiration,
  translatedPaymentMappers,
  CARD_ISSUER_BY_BRAND,
  DEFAULT_PAYMENT_TYPES,
  DEFAULT_NO_OPERATION_TYPE,
  NO_OPERATION_PLACEHOLDER_CARD_NUMBER,
  NULL_MAX_AMOUNT_TYPES,
  GIFT_CARD_TYPES,
  type TranslatedPaymentContext
} from './payments.ts'
export {
  checkTranslatedOrder,
  groupByAvailability,
  availabilityGroup,
  isTranslatedCurrency,
  translatedLocale,
  isUsOrder,
  SEPARATE_ORDER_AVAILABILITIES,
  AVAILABILITY_NAMES,
  US_MAX_TAX_RATE_PERCENT,
  type AvailabilityGroup,
  type RuleName,
  type RuleViolation
} from './rules.ts'
export {
  parseTranslatedOrderEvent,
  TranslatedExtensionSchema,
  TranslatedLineExtensionSchema,
  type TranslatedExtension,
  type TranslatedLineExtension,
  type TranslatedOrderEvent,
  type ParsedTranslatedEvent
} from './extension.ts'
