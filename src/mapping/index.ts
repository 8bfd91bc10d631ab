// Public API of the mapping: Normalized Order Event v1 → Kibo OMS import payload.
// Pure functions only (no I/O, no clock, no Fastify): the import paths in src/orders/ call them.
export {
  mapEventToKiboOrder,
  mapContact,
  mapItem,
  deriveOrderTotals,
  type MappingOptions,
  type MappingResult,
  type OrderTotals
} from './compose.ts'
export {
  reconcileTotals,
  totalsMismatchProblem,
  lineTotal,
  effectivePrice,
  type Reconciliation,
  type ReconciliationLine
} from './reconcile.ts'
export {
  gatewayMappers,
  mapPayment,
  mapAuthorizeNetPayment,
  mapCybersourcePayment,
  mapNoopPayment,
  mapPayPalPayment,
  type GatewayMapper,
  type PaymentContext
} from './gateways/index.ts'
export {
  fraudMappers,
  mapFraud,
  mapKountFraud,
  kountVerdict,
  kountMessages,
  type FraudDeclineAction,
  type FraudContext,
  type FraudOutcome,
  type FraudMapper,
  type KountVerdict
} from './fraud/index.ts'
export { minorUnits, isOrderCurrency, parseMoney, checkScale, toKiboNumber, NO_MINOR_UNIT_CODES, MAX_AMOUNT } from './money.ts'
