// `kibo-order-bridge import FILE`: sends every event of a file through the service's own import
// path — in this process (the app built by buildApp, driven with app.inject, so validation, API
// keys, tenants, mapping, the idempotency store and the Kibo client are exactly the service's) or
// to a running service (--target-url, over undici). Bounded concurrency; the file is streamed.
//
// Resume is the idempotency store's job: a rerun after an interruption gets 200 (already
// imported) for what was done, and whatever was mid-import when the process died comes back as
// 409 in-flight until its lease expires, is then taken over and looked up in Kibo before any
// create. So nothing is imported twice, and the CLI keeps no state of its own.
import { createWriteStream, statSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { Pool } from 'undici'
import { detectFormat, readEvents, type ReadProgress, type SourceEvent } from './read-events.ts'
import { formatDuration, startProgress, type Counts } from './progress.ts'

export interface ImportOptions {
  file: string
  concurrency: number
  dryRun: boolean
  /** Send to a running service instead of in-process. */
  targetUrl?: string
  apiKey?: string
  reportFile: string
  progress: boolean
  /** How many times one event is tried when the answer says "later" (409 in flight, 429, 502, 503). */
  attempts: number
  /** Longest single wait on Retry-After, in seconds. */
  maxRetryAfterSeconds: number
  /** Resolves when the run should stop taking new events (SIGINT). */
  stopSignal?: AbortSignal
  log?: (line: string) => void
}

export interface ImportSummary {
  type: 'summary'
  file: string
  mode: 'in-process' | 'remote'
  dryRun: boolean
  total: number
  imported: number
  /** Already imported before this run (200, Idempotent-Replayed): what a resumed run skips. */
  alreadyImported: number
  valid: number
  failed: number
  retries: number
  interrupted: boolean
  durationMs: number
  eventsPerSecond: number
  reportFile: string
}

/** One POST to the service: in-process (app.inject) or remote (undici). */
export interface Sender {
  send(path: string, body: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>
  close(): Promise<void>
}

export function remoteSender (targetUrl: string, apiKey: string | undefined, connections: number): Sender {
  const url = new URL(targetUrl)
  const base = url.pathname.replace(/\/+$/, '')
  const pool = new Pool(url.origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 })
  return {
    async send (path, body) {
      const response = await pool.request({
        method: 'POST',
        path: `${base}${path}`,
        headers: { 'content-type': 'application/json', 'x-import-source': 'cli', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body
      })
      return { status: response.statusCode, headers: response.headers, body: await response.body.text() }
    },
    close: () => pool.close()
  }
}

interface Outcome {
  kind: 'imported' | 'replayed' | 'valid' | 'failed'
  status: number
  attempts: number
  reason?: string
  problem?: Record<string, unknown>
  importId?: string
  kiboOrderId?: string
}

const RETRYABLE = new Set([409, 429, 502, 503, 504])

function header (headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function parseBody (text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function reasonOf (status: number, body: Record<string, unknown> | undefined, text: string): string {
  if (body === undefined) return `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`
  const parts = [typeof body.title === 'string' ? body.title : `HTTP ${status}`]
  if (typeof body.detail === 'string') parts.push(body.detail)
  const errors = Array.isArray(body.errors) ? (body.errors as Array<{ path?: string; message?: string }>) : []
  const listed = errors.slice(0, 5).map((e) => `${e.path ?? ''}: ${e.message ?? ''}`)
  if (listed.length > 0) parts.push(listed.join('; '))
  return parts.join(' — ')
}

async function processEvent (sender: Sender, event: SourceEvent, options: ImportOptions, counters: { retries: number }): Promise<Outcome> {
  if (event.error !== undefined) return { kind: 'failed', status: 0, attempts: 0, reason: event.error }
  const path = options.dryRun ? '/v1/orders/preview' : '/v1/orders'
  for (let attempt = 1; ; attempt++) {
    let status: number
    let body: Record<string, unknown> | undefined
    let text = ''
    let retryAfter: number | undefined
    try {
      const response = await sender.send(path, event.text)
      status = response.status
      text = response.body
      body = parseBody(text)
      const given = Number(header(response.headers, 'retry-after'))
      retryAfter = Number.isFinite(given) && given >= 0 ? given : undefined
      if (status === 201) {
        return { kind: 'imported', status, attempts: attempt, importId: body?.importId as string, kiboOrderId: body?.kiboOrderId as string }
      }
      if (status === 200 && options.dryRun) return { kind: 'valid', status, attempts: attempt }
      if (status === 200) {
        return { kind: 'replayed', status, attempts: attempt, importId: body?.importId as string, kiboOrderId: body?.kiboOrderId as string }
      }
    } catch (error) {
      // The service did not answer (remote mode): as safe to retry as any other "later".
      status = 0
      text = (error as Error).message
    }
    if ((status === 0 || RETRYABLE.has(status)) && attempt < options.attempts && options.stopSignal?.aborted !== true) {
      counters.retries++
      const backoff = Math.min(30, 0.25 * 2 ** (attempt - 1))
      await sleep(Math.min(options.maxRetryAfterSeconds, retryAfter ?? backoff) * 1000 + Math.random() * 100)
      continue
    }
    return {
      kind: 'failed',
      status,
      attempts: attempt,
      reason: status === 0 ? `no answer: ${text}` : reasonOf(status, body, text),
      ...(body ? { problem: body } : {})
    }
  }
}

async function writeLine (stream: WriteStream, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain')
}

export async function runImport (options: ImportOptions, makeSender: () => Promise<Sender>): Promise<ImportSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const totalBytes = statSync(options.file).size
  const format = await detectFormat(options.file)
  const sender = await makeSender()
  const report = createWriteStream(options.reportFile, { flags: 'w' })
  const counts: Counts = { imported: 0, replayed: 0, valid: 0, failed: 0 }
  const counters = { retries: 0 }
  const read: ReadProgress = { bytesRead: 0 }
  const progressSource = {
    counts,
    totalBytes,
    get bytesRead () {
      return read.bytesRead
    }
  }
  const progress = startProgress(progressSource, { enabled: options.progress, dryRun: options.dryRun })
  const started = performance.now()
  let total = 0
  let interrupted = false

  // Bounded concurrency: at most `concurrency` events in flight; the reader waits for a free slot,
  // so neither events nor outcomes pile up in memory.
  const running = new Set<Promise<void>>()
  const handle = async (event: SourceEvent) => {
    const outcome = await processEvent(sender, event, options, counters)
    const externalId = ((event.value as { data?: { externalId?: unknown } } | undefined)?.data?.externalId ?? null) as string | null
    switch (outcome.kind) {
      case 'imported':
        counts.imported++
        break
      case 'replayed':
        counts.replayed++
        break
      case 'valid':
        counts.valid++
        break
      case 'failed':
        counts.failed++
        await writeLine(report, {
          type: 'failure',
          [format === 'ndjson' ? 'line' : 'element']: event.position,
          externalId,
          status: outcome.status,
          reason: outcome.reason,
          attempts: outcome.attempts,
          ...(outcome.problem ? { problem: outcome.problem } : {})
        })
        break
    }
  }
  try {
    for await (const event of readEvents(options.file, format, read)) {
      if (options.stopSignal?.aborted) {
        interrupted = true
        break
      }
      total++
      const task: Promise<void> = handle(event).finally(() => running.delete(task))
      running.add(task)
      if (running.size >= options.concurrency) await Promise.race(running)
    }
  } finally {
    await Promise.all(running)
    progress.stop()
    await sender.close()
  }
  if (options.stopSignal?.aborted) interrupted = true
  const durationMs = performance.now() - started
  const summary: ImportSummary = {
    type: 'summary',
    file: options.file,
    mode: options.targetUrl ? 'remote' : 'in-process',
    dryRun: options.dryRun,
    total,
    imported: counts.imported,
    alreadyImported: counts.replayed,
    valid: counts.valid,
    failed: counts.failed,
    retries: counters.retries,
    interrupted,
    durationMs: Math.round(durationMs),
    eventsPerSecond: Math.round((total / Math.max(durationMs, 1)) * 1000),
    reportFile: options.reportFile
  }
  await writeLine(report, summary)
  report.end()
  await once(report, 'finish')
  log(
    [
      `${interrupted ? 'Interrupted' : 'Done'}: ${total} events in ${formatDuration(durationMs / 1000)} (${summary.eventsPerSecond}/s)`,
      options.dryRun
        ? `  valid ${counts.valid}, refused ${counts.failed}`
        : `  imported ${counts.imported}, already imported ${counts.replayed}, failed ${counts.failed}`,
      `  report: ${options.reportFile}${counts.failed > 0 ? ' (one line per failure with its reason, then the summary)' : ''}`,
      ...(interrupted ? ['  run the same command again to resume: what was imported is skipped, nothing is imported twice'] : [])
    ].join('\n')
  )
  return summary
}
