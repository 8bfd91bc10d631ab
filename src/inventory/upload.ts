// Reading an NDJSON or CSV upload line by line from the request stream, never holding the whole
// body: bytes are decoded as UTF-8 as they arrive and each complete line is validated with the
// same zod schema as a JSON body item. Blank lines are skipped.
//
// CSV: a header row naming the columns (locationCode, quantity, and partNumber and/or upc; adjust
// may add reason), then one item per row; fields may be double-quoted ("" for a quote inside).
import type { Readable } from 'node:stream'
import type { z } from 'zod'
import { AdjustItemSchema, RefreshItemSchema, type InventoryItem } from '../../schemas/inventory.ts'
import { formatIssuePath } from '../lib/issue-path.ts'
import type { InventoryKind } from '../store/inventory-store.ts'

export type UploadFormat = 'ndjson' | 'csv'

export type UploadLine = { line: number; item: InventoryItem } | { line: number; errors: Array<{ path: string; message: string }> }

export class UploadTooLargeError extends Error {
  readonly limit: number
  constructor (limit: number) {
    super(`the upload is larger than ${limit} bytes`)
    this.name = 'UploadTooLargeError'
    this.limit = limit
  }
}

/** Complete lines of a byte stream (LF or CRLF), decoded as UTF-8; throws past maxBytes. */
export async function * readLines (
  stream: Readable | AsyncIterable<Buffer | string>,
  maxBytes: number,
  maxLineBytes = 64 * 1024
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let size = 0
  let pending = ''
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += bytes.length
    if (size > maxBytes) throw new UploadTooLargeError(maxBytes)
    pending += decoder.decode(bytes, { stream: true })
    let start = 0
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      yield pending.slice(start, newline).replace(/\r$/, '')
      start = newline + 1
    }
    pending = pending.slice(start)
    if (pending.length > maxLineBytes) throw new SyntaxError(`a line is longer than ${maxLineBytes} characters`)
  }
  pending += decoder.decode()
  if (pending.length > 0) yield pending.replace(/\r$/, '')
}

/** One CSV record (no embedded newlines). */
export function parseCsvLine (line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      fields.push(field)
      field = ''
    } else field += ch
  }
  if (quoted) throw new SyntaxError('unterminated quoted field')
  fields.push(field)
  return fields.map((value) => value.trim())
}

const issues = (error: z.ZodError) =>
  error.issues.map((issue) => ({
    path: formatIssuePath(issue.path as Array<string | number>).replace(/^\(body\)$/, '(line)'),
    message: issue.message
  }))

const CSV_COLUMNS = {
  adjust: ['locationCode', 'partNumber', 'upc', 'quantity', 'reason'],
  refresh: ['locationCode', 'partNumber', 'upc', 'quantity']
} as const

/** Validated items (or what is wrong with a line), in upload order. */
export async function * uploadItems (
  kind: InventoryKind,
  format: UploadFormat,
  stream: Readable | AsyncIterable<Buffer | string>,
  maxBytes: number
): AsyncGenerator<UploadLine> {
  const schema = kind === 'adjust' ? AdjustItemSchema : RefreshItemSchema
  let lineNo = 0
  let columns: string[] | undefined
  for await (const text of readLines(stream, maxBytes)) {
    lineNo++
    if (text.trim() === '') continue
    let candidate: unknown
    if (format === 'ndjson') {
      try {
        candidate = JSON.parse(text)
      } catch {
        yield { line: lineNo, errors: [{ path: '(line)', message: 'is not valid JSON' }] }
        continue
      }
    } else {
      let fields: string[]
      try {
        fields = parseCsvLine(text)
      } catch (error) {
        yield { line: lineNo, errors: [{ path: '(line)', message: (error as Error).message }] }
        continue
      }
      if (columns === undefined) {
        const allowed: readonly string[] = CSV_COLUMNS[kind]
        const unknown = fields.filter((name) => !allowed.includes(name))
        const missing = ['locationCode', 'quantity'].filter((name) => !fields.includes(name))
        if (unknown.length > 0 || missing.length > 0 || (!fields.includes('partNumber') && !fields.includes('upc'))) {
          throw new SyntaxError(
            `the CSV header must name the columns ${allowed.join(', ')} (locationCode, quantity and partNumber or upc required)` +
              (unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : '')
          )
        }
        columns = fields
        continue
      }
      if (fields.length !== columns.length) {
        yield { line: lineNo, errors: [{ path: '(line)', message: `has ${fields.length} fields; the header has ${columns.length}` }] }
        continue
      }
      const record: Record<string, unknown> = {}
      columns.forEach((name, index) => {
        const value = fields[index]
        if (value === '') return // empty cell: absent
        record[name] = name === 'quantity' ? (/^[+-]?[0-9]+$/.test(value) ? Number(value) : value) : value
      })
      candidate = record
    }
    const parsed = schema.safeParse(candidate)
    if (parsed.success) yield { line: lineNo, item: parsed.data }
    else yield { line: lineNo, errors: issues(parsed.error) }
  }
  if (format === 'csv' && columns === undefined) throw new SyntaxError('the CSV upload is empty (a header row is required)')
}
