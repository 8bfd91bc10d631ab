// BigCommerce order statuses (GET /v2/order_statuses; ids 0-14, fixed by the platform) and which
// of them are importable. BigCommerce's own "order" field sorts them along an order's life:
// Incomplete, Pending, Awaiting Payment, Awaiting Fulfillment, Awaiting Shipment, Awaiting Pickup,
// Partially Shipped, Completed, Shipped, then the exits (Cancelled, Declined, Refunded, Disputed,
// Manual Verification Required, Partially Refunded).

export const BIGCOMMERCE_STATUSES = {
  0: 'Incomplete',
  1: 'Pending',
  2: 'Shipped',
  3: 'Partially Shipped',
  4: 'Refunded',
  5: 'Cancelled',
  6: 'Declined',
  7: 'Awaiting Payment',
  8: 'Awaiting Pickup',
  9: 'Awaiting Shipment',
  10: 'Completed',
  11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required',
  13: 'Disputed',
  14: 'Partially Refunded'
} as const satisfies Record<number, string>

export type BigCommerceStatusId = keyof typeof BIGCOMMERCE_STATUSES

/**
 * Default importable statuses: payment confirmed and the order not ended.
 * - 11 Awaiting Fulfillment: "checkout process and payment has been confirmed" (the normal paid state);
 * - 9 Awaiting Shipment, 8 Awaiting Pickup, 3 Partially Shipped, 2 Shipped, 10 Completed: later
 *   steps of a paid order (an order whose webhook was lost may be found by the poller already there;
 *   digital orders go straight to Completed).
 * Never by default: 0 Incomplete and 1 Pending (checkout not finished), 7 Awaiting Payment (payment
 * not confirmed: offline methods until the merchant marks it paid), 6 Declined (payment refused),
 * 12 Manual Verification Required (on hold), 5 Cancelled, 4 Refunded, 14 Partially Refunded and
 * 13 Disputed (the money is no longer the order total). Such an order is imported when a later
 * status update moves it to an importable status.
 */
export const DEFAULT_IMPORT_STATUSES: readonly number[] = [11, 9, 8, 3, 2, 10]

/** Statuses that can never be configured as importable: the shopper has not finished or the payment failed. */
export const NEVER_IMPORTABLE_STATUSES: readonly number[] = [0, 1, 6]

/** Statuses whose goods have left the merchant: imported as historical (`order.completed`), so Kibo does not fulfil them again. */
export const FULFILLED_STATUSES: readonly number[] = [2, 10]

export function statusName (statusId: number): string {
  return (BIGCOMMERCE_STATUSES as Record<number, string>)[statusId] ?? `status ${statusId}`
}

/** Reads a configured status: its id (0-14) or its name ("Awaiting Fulfillment", any case). */
export function parseStatus (value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value in BIGCOMMERCE_STATUSES ? value : undefined
  const wanted = value.trim().toLowerCase()
  if (/^[0-9]+$/.test(wanted)) return parseStatus(Number(wanted))
  const found = Object.entries(BIGCOMMERCE_STATUSES).find(([, name]) => name.toLowerCase() === wanted)
  return found === undefined ? undefined : Number(found[0])
}
