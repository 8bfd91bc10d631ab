// How the service reads two PostgreSQL types, on both drivers (the pg pool in database.ts, PGlite in
// its thread, pglite-thread.ts): timestamptz as ISO 8601 UTC strings with millisecond precision,
// int8 as JS numbers.
export const TIMESTAMPTZ_OID = 1184
export const INT8_OID = 20

/** PostgreSQL's ISO output ("2026-11-23 18:52:00.123+00", DateStyle ISO) → "2026-11-23T18:52:00.123Z". */
export function parseTimestamp (text: string): string {
  // The usual case, a UTC session and a year from 1000 ("2026-11-23 18:52:00.12+00"): the ISO
  // text by slicing, without the regular expression and the Date round trip below (a row has up
  // to eight timestamps; this was 1.2 % of an import's CPU). Same result as the general path.
  const length = text.length
  const usual = length >= 22 && length <= 29 && text.endsWith('+00') &&
    text.charCodeAt(0) !== 0x30 && text.charCodeAt(4) === 0x2d && text.charCodeAt(10) === 0x20
  if (usual) {
    const fraction = text.slice(19, length - 3) // "", ".1" … ".123456"
    if (fraction === '' || (fraction.charCodeAt(0) === 0x2e && fraction.length <= 4)) {
      return `${text.slice(0, 10)}T${text.slice(11, 19)}${(fraction === '' ? '.' : fraction).padEnd(4, '0')}Z`
    }
  }
  return parseTimestampSlowly(text)
}

function parseTimestampSlowly (text: string): string {
  if (text === 'infinity' || text === '-infinity') return text
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?([+-]\d\d)(?::?(\d\d))?(?::?(\d\d))?$/.exec(text)
  if (match === null) throw new Error(`unexpected timestamptz text ${JSON.stringify(text)} (the session must use DateStyle ISO)`)
  const [, year, month, day, hour, minute, second, fraction = '', offsetHours, offsetMinutes = '00', offsetSeconds = '00'] = match
  const millis = Math.round(Number(`0${fraction || '.0'}`) * 1000)
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis)
  const sign = offsetHours.startsWith('-') ? -1 : 1
  const offsetMs = sign * (Math.abs(Number(offsetHours)) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds)) * 1000
  return new Date(utc - offsetMs).toISOString()
}

/** int8 → number; ids, counts and Kibo order numbers stay far below 2^53, so anything above is a bug. */
export function parseInt8 (text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`)
  return value
}
