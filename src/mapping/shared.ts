// Small pure helpers the mapping modules share (no money arithmetic here: see money.ts).

type Present<T> = { [K in keyof T as null extends T[K] ? never : undefined extends T[K] ? never : K]: T[K] }
type Absentable<T> = { [K in keyof T as null extends T[K] ? K : undefined extends T[K] ? K : never]?: Exclude<T[K], null | undefined> }
type Compacted<T> = Present<T> & Absentable<T>

/**
 * Drops members whose value is undefined or null, so optional fields are absent from the
 * Kibo JSON rather than sent as null (null means "absent" in the event contract).
 */
export function compact<T extends Record<string, unknown>> (object: T): Compacted<T> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value !== undefined && value !== null) out[key] = value
  }
  return out as Compacted<T>
}

/**
 * An RFC 3339 instant as Kibo writes dates: UTC with milliseconds
 * ("2019-03-14T11:20:00+09:00" → "2019-03-14T02:20:00.000Z"). Parsing only, no clock.
 */
export function toKiboDate (value: string): string {
  const time = Date.parse(value)
  if (!Number.isFinite(time)) throw new RangeError(`not a date-time: ${value}`)
  return new Date(time).toISOString()
}
