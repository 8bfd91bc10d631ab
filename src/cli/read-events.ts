// Reads a file of v1 events one at a time, in constant memory: NDJSON (one event per line, blank
// lines skipped) or a JSON array streamed element by element (@streamparser/json), chosen by the
// first non-blank byte. The file is pulled chunk by chunk only as fast as events are consumed.
import { createReadStream } from 'node:fs'
import { JSONParser } from '@streamparser/json'

export interface SourceEvent {
  /** NDJSON: the 1-based line number; JSON array: the 1-based element number. */
  position: number
  /** The event's JSON text as it should be sent (NDJSON: the line itself, byte for byte). */
  text: string
  /** The parsed value, or undefined when the line is not JSON (then `error` says why). */
  value?: unknown
  error?: string
}

export interface ReadProgress {
  /** Bytes of the file consumed so far (for the rate and the ETA). */
  bytesRead: number
}

export type FileFormat = 'ndjson' | 'json-array'

const HIGH_WATER_MARK = 64 * 1024

/** 'json-array' when the first non-blank byte is `[`, else 'ndjson'. */
export async function detectFormat (file: string): Promise<FileFormat> {
  for await (const chunk of createReadStream(file, { highWaterMark: 4096 }) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0xef || byte === 0xbb || byte === 0xbf) continue
      return byte === 0x5b ? 'json-array' : 'ndjson'
    }
  }
  return 'ndjson'
}

export async function * readEvents (
  file: string,
  format: FileFormat,
  progress: ReadProgress = { bytesRead: 0 }
): AsyncGenerator<SourceEvent> {
  if (format === 'json-array') yield * readJsonArray(file, progress)
  else yield * readNdjson(file, progress)
}

async function * readNdjson (file: string, progress: ReadProgress): AsyncGenerator<SourceEvent> {
  const decoder = new TextDecoder('utf-8')
  let pending = ''
  let line = 0
  const parseLine = (text: string): SourceEvent | undefined => {
    line++
    const trimmed = text.trim()
    if (trimmed === '') return undefined
    try {
      return { position: line, text: trimmed, value: JSON.parse(trimmed) }
    } catch (error) {
      return { position: line, text: trimmed, error: `not JSON: ${(error as Error).message}` }
    }
  }
  let first = true
  for await (const chunk of createReadStream(file, { highWaterMark: HIGH_WATER_MARK }) as AsyncIterable<Buffer>) {
    progress.bytesRead += chunk.length
    let text = decoder.decode(chunk, { stream: true })
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      first = false
    }
    pending += text
    let start = 0
    let newline: number
    while ((newline = pending.indexOf('\n', start)) !== -1) {
      const event = parseLine(pending.slice(start, newline))
      start = newline + 1
      if (event !== undefined) yield event
    }
    pending = pending.slice(start)
  }
  pending += decoder.decode()
  const last = parseLine(pending)
  if (last !== undefined) yield last
}

async function * readJsonArray (file: string, progress: ReadProgress): AsyncGenerator<SourceEvent> {
  // Only the array's elements are emitted, and nothing is kept once emitted (keepStack: false).
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false })
  let ready: unknown[] = []
  let element = 0
  parser.onValue = ({ value }) => {
    ready.push(value)
  }
  let ended = false
  parser.onEnd = () => {
    ended = true
  }
  for await (const chunk of createReadStream(file, { highWaterMark: HIGH_WATER_MARK }) as AsyncIterable<Buffer>) {
    progress.bytesRead += chunk.length
    try {
      parser.write(chunk)
    } catch (error) {
      throw new Error(`${file}: invalid JSON array after element ${element + ready.length}: ${(error as Error).message}`)
    }
    const batch = ready
    ready = []
    for (const value of batch) {
      element++
      yield { position: element, text: JSON.stringify(value), value }
    }
  }
  if (!ended && !parser.isEnded) throw new Error(`${file}: the JSON array is not closed (the file ends after element ${element})`)
}
