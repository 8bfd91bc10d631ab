// Strict JSON body parsing, run on every request before the schema sees anything.
//
// JSON.parse alone is too lenient for an order import: it keeps the last of two duplicate
// keys, accepts any top-level value, and turns 19.990000000000001 into 19.99 without a word.
// So the body is parsed by the native JSON.parse (fast, exact syntax errors) and then one
// linear scan over the same text checks what JSON.parse cannot see: duplicate keys, the
// prototype-pollution keys, nesting depth, NUL characters, and numbers a binary float cannot carry exactly.
// (secure-json-parse only covers the prototype keys; the scan has to visit every key for
// the duplicate check anyway, so it does both in one pass.)
import { Decimal } from 'decimal.js'
import { formatIssuePath } from './issue-path.ts'

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; message: string; position?: number; path?: string }

export type StrictJsonOptions = {
  /** Deepest allowed nesting of objects and arrays (the top-level object is depth 1). */
  maxDepth?: number
}

export const MAX_JSON_DEPTH = 64

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Parses a request body as a strict JSON object.
 * Refuses: invalid UTF-8, a byte-order mark, syntax errors, a top level that is not an
 * object, `__proto__` / `constructor` / `prototype` keys at any depth, duplicate keys in one
 * object, nesting deeper than `maxDepth` (64), and number literals that would change value as
 * a binary float (send those as decimal strings). `position` is a character offset into the
 * decoded text; `path` names the offending member (`data.items[0].sku`).
 */
export function parseStrictJson (body: Buffer | Uint8Array | string, options: StrictJsonOptions = {}): StrictJsonResult {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH
  let text: string
  if (typeof body === 'string') {
    text = body
  } else {
    if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
      return { ok: false, message: 'The body starts with a UTF-8 byte-order mark; send UTF-8 JSON without a BOM.', position: 0 }
    }
    try {
      text = utf8.decode(body)
    } catch {
      const at = firstInvalidUtf8Byte(body)
      return { ok: false, message: `The body is not valid UTF-8 (invalid byte sequence at byte ${at}).`, position: at }
    }
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return { ok: false, message: 'The body starts with a byte-order mark; send UTF-8 JSON without a BOM.', position: 0 }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const match = /position (\d+)/.exec(detail)
    const position = match ? Number(match[1]) : undefined
    if (text.trim() === '') return { ok: false, message: 'The body is empty; a JSON object is expected.', position: 0 }
    return position === undefined
      ? { ok: false, message: `The body is not valid JSON: ${detail}` }
      : { ok: false, message: `The body is not valid JSON: ${detail}`, position }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    return { ok: false, message: `The top level of the body must be a JSON object, not ${kind}.`, position: firstNonSpace(text) }
  }
  const problem = scan(text, maxDepth)
  return problem ?? { ok: true, value }
}

type Frame = { isObject: boolean; keys: Set<string> | undefined }

/** One pass over text that JSON.parse has already accepted, so the syntax is known good. */
function scan (text: string, maxDepth: number): { ok: false; message: string; position: number; path: string } | undefined {
  const frames: Frame[] = []
  const path: (string | number)[] = []
  let expectKey = false
  // PostgreSQL text and jsonb cannot hold U+0000: refused here (400), not at INSERT time (500).
  const mayHoldNul = /\\u0000/i.test(text)
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const isObject = c === 0x7b
      if (frames.length >= maxDepth) {
        return fail(`The body nests objects/arrays deeper than ${maxDepth} levels`, i, path)
      }
      frames.push({ isObject, keys: undefined })
      path.push(isObject ? '' : 0)
      expectKey = isObject
      i++
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop()
      path.pop()
      expectKey = false
      i++
    } else if (c === 0x2c /* , */) {
      const top = frames.length - 1
      if (frames[top].isObject) expectKey = true
      else (path[top] as number)++
      i++
    } else if (c === 0x22 /* " */) {
      // End of the string: the next quote not preceded by an odd run of backslashes.
      let j = text.indexOf('"', i + 1)
      for (;;) {
        let b = j - 1
        while (text.charCodeAt(b) === 0x5c) b--
        if ((j - 1 - b) % 2 === 0) break
        j = text.indexOf('"', j + 1)
      }
      if (mayHoldNul && (JSON.parse(text.slice(i, j + 1)) as string).includes('\u0000')) {
        return fail('A string contains the NUL character (\\u0000), which cannot be stored', i, path)
      }
      if (expectKey) {
        const raw = text.slice(i + 1, j)
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, j + 1)) as string) : raw
        const top = frames.length - 1
        const frame = frames[top]
        if (FORBIDDEN_KEYS.has(key)) {
          path[top] = key
          return fail(`The key "${key}" is not allowed (at ${formatIssuePath(path)})`, i, path)
        }
        if (frame.keys === undefined) frame.keys = new Set()
        else if (frame.keys.has(key)) {
          path[top] = key
          return fail(`Duplicate key "${key}" (at ${formatIssuePath(path)}); each key may appear once per object`, i, path)
        }
        frame.keys.add(key)
        path[top] = key
        expectKey = false
      }
      i = j + 1
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1
      let digits = c === 0x2d ? 0 : 1
      let simple = true
      for (; j < n; j++) {
        const ch = text.charCodeAt(j)
        if (ch >= 0x30 && ch <= 0x39) digits++
        else if (ch === 0x2e /* . */) continue
        else if (ch === 0x65 || ch === 0x45 || ch === 0x2b || ch === 0x2d) simple = false
        else break
      }
      // Any decimal literal of at most 15 digits survives the trip through a double.
      if (!simple || digits > 15) {
        const literal = text.slice(i, j)
        const problem = checkNumberLiteral(literal)
        if (problem !== undefined) return fail(problem, i, path)
      }
      i = j
    } else {
      i++
    }
  }
  return undefined
}

function checkNumberLiteral (literal: string): string | undefined {
  const parsed = Number(literal)
  if (!Number.isFinite(parsed)) return `The number ${abbreviate(literal)} is too large to be a finite number`
  const exact = new Decimal(literal)
  if (exact.equals(new Decimal(String(parsed)))) return undefined
  return `The number ${abbreviate(literal)} cannot be represented exactly as a binary floating-point number (it would be read ` +
    `as ${String(parsed)}); send it as a decimal string`
}

function abbreviate (text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

function fail (reason: string, position: number, path: (string | number)[]) {
  const where = formatIssuePath(path)
  const message = reason.includes('(at ') || path.length === 0 ? reason : `${reason} (at ${where})`
  return { ok: false as const, message: message.endsWith('.') ? message : `${message}.`, position, path: where }
}

function firstNonSpace (text: string): number {
  const match = /\S/.exec(text)
  return match ? match.index : 0
}

/** Byte offset of the first byte that breaks UTF-8 (only called on the error path). */
function firstInvalidUtf8Byte (bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (next & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return i
}
