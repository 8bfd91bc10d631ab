// The payload hash that decides "same order, same payload" for idempotency.
// It covers `type` and `data` after schema parsing (money normalized, so "19.990" and 19.99
// hash the same), and leaves out the delivery metadata `id`, `timestamp` and `source`.
// Null and absent are the same thing in the event contract, so null members are dropped.
import { createHash } from 'node:crypto'

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, null/undefined
 * members dropped, arrays kept in order (null array elements are kept as null).
 */
export function canonicalJson (value: unknown): string {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot carry a non-finite number')
      return JSON.stringify(Object.is(value, -0) ? 0 : value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((element) => canonicalJson(element)).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined && record[key] !== null)
        .sort()
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON cannot carry a ${typeof value}`)
  }
}

/** sha256 hex of the canonical JSON of `{ type, data }` of a parsed event. */
export function payloadHash (event: { type: string; data: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ type: event.type, data: event.data }))
    .digest('hex')
}
