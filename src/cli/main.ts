// The command line: `kibo-order-bridge import FILE [flags]` (bin/kibo-order-bridge.js runs this
// file on Node 24). Exit codes: 0 every event imported/valid, 1 some failed, 2 bad usage,
// 78 bad configuration (like the server), 130 interrupted (run again to resume).
import path from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import type { FastifyInstance } from 'fastify'
import { runImport, remoteSender, type Sender } from './import-command.ts'

export const usage = `Usage: kibo-order-bridge import FILE [options]

Imports a file of Normalized Order Event v1 events (NDJSON, one per line, or a JSON array)
through the service's import path, in this process or into a running service.

Options:
  -c, --concurrency N     events in flight at once (default 8)
      --dry-run           validate and reconcile only (POST /v1/orders/preview): nothing is stored or sent to Kibo
      --target-url URL    send to a running service (e.g. http://127.0.0.1:3000) instead of in-process
      --api-key KEY       API key for /v1 (remote, or in-process when API_KEYS is set)
      --report FILE       where the NDJSON report goes (default FILE.report.ndjson)
      --attempts N        tries per event when the service says "later" (409, 429, 502, 503; default 8)
      --max-retry-after S longest wait on one Retry-After, in seconds (default 150)
      --progress / --no-progress   force the live progress line on or off (default: on when stderr is a terminal)
  -h, --help

In-process mode reads the same environment as the server (DATABASE_URL or DATA_DIR, KIBO_*,
API_KEYS, ...; see README "Configuration") and does not run the async delivery workers;
a dry run opens no database.
A rerun of the same file resumes: what was imported is answered from the idempotency store.
`

class UsageError extends Error {}

export function parseCommandLine (argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      concurrency: { type: 'string', short: 'c', default: '8' },
      'dry-run': { type: 'boolean', default: false },
      'target-url': { type: 'string' },
      'api-key': { type: 'string' },
      report: { type: 'string' },
      attempts: { type: 'string', default: '8' },
      'max-retry-after': { type: 'string', default: '150' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) return { help: true as const }
  const [command, file, ...rest] = positionals
  if (command !== 'import') throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`)
  if (file === undefined) throw new UsageError('import needs a FILE')
  if (rest.length > 0) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`)
  const whole = (name: string, text: string, min: number, max: number) => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`)
    return n
  }
  const targetUrl = values['target-url']
  if (targetUrl !== undefined && !/^https?:\/\/[^/]/.test(targetUrl)) throw new UsageError('--target-url must be an http(s) URL')
  return {
    help: false as const,
    file,
    concurrency: whole('concurrency', values.concurrency, 1, 1024),
    dryRun: values['dry-run'],
    targetUrl,
    apiKey: values['api-key'],
    reportFile: values.report ?? `${file}.report.ndjson`,
    attempts: whole('attempts', values.attempts, 1, 100),
    maxRetryAfterSeconds: whole('max-retry-after', values['max-retry-after'], 0, 3600),
    progress: values['no-progress'] ? false : (values.progress ?? process.stderr.isTTY === true)
  }
}

/**
 * The service's app in this process, as the server builds it, without listening and without async
 * workers; for a dry run only its preview route, without the database (nothing is stored).
 */
async function inProcessSender (apiKey: string | undefined, dryRun: boolean): Promise<Sender> {
  const { loadConfig } = await import('../config/config.ts')
  const { buildApp, buildPreviewApp } = await import('../app.ts')
  const config = loadConfig()
  // Background delivery belongs to the server; a CLI run only does its own imports.
  if (process.env.WORKER_CONCURRENCY === undefined) config.worker.concurrency = 0
  // Load shedding protects a server's other clients; here the only client is this run, which
  // already bounds its concurrency (and PGlite's start-up would otherwise count as overload).
  if (process.env.LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS === undefined) config.loadShedding.maxEventLoopDelayMs = 0
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  const app: FastifyInstance = await (dryRun ? buildPreviewApp : buildApp)(config, { loggerInstance: logger })
  const headers = { 'content-type': 'application/json', 'x-import-source': 'cli', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) }
  return {
    async send (url, body) {
      const response = await app.inject({ method: 'POST', url, headers, payload: body })
      return {
        status: response.statusCode,
        headers: response.headers as Record<string, string | string[] | undefined>,
        body: response.body
      }
    },
    close: () => app.close()
  }
}

export async function main (argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseCommandLine(argv)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (parsed.help) {
    process.stdout.write(usage)
    return 0
  }
  const stop = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130)
    process.stderr.write(`\n${signal}: finishing the events in flight, then stopping (again to stop at once)\n`)
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const summary = await runImport(
      { ...parsed, file: path.resolve(parsed.file), reportFile: path.resolve(parsed.reportFile), stopSignal: stop.signal },
      () =>
        parsed.targetUrl
          ? Promise.resolve(remoteSender(parsed.targetUrl, parsed.apiKey, parsed.concurrency))
          : inProcessSender(parsed.apiKey, parsed.dryRun)
    )
    if (summary.interrupted) return 130
    return summary.failed > 0 ? 1 : 0
  } catch (error) {
    if ((error as Error).name === 'ConfigError') {
      process.stderr.write(`${(error as Error).message}\n`)
      return 78
    }
    process.stderr.write(`kibo-order-bridge: ${(error as Error).message}\n`)
    return 1
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2))
