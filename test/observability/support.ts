// Helpers for the observability and hardening tests: the Prometheus text parsed into series,
// waiting for async work, signed webhook headers.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Webhook } from 'standardwebhooks'

export const json = { 'content-type': 'application/json' }

/** Fast retries for tests; everything else stays at its default. */
export const fastDelivery = {
  RETRY_BASE_MS: '20',
  RETRY_MAX_MS: '200',
  QUEUE_POLL_MS: '500',
  CIRCUIT_HALF_OPEN_AFTER_MS: '300',
  KIBO_TIMEOUT_MS: '1000'
}

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`

export function signedHeaders (secret: string, body: string, id = `msg_${randomBytes(8).toString('hex')}`) {
  const at = new Date()
  return {
    ...json,
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body)
  }
}

export async function waitFor<T> (
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function waitForStatus (
  app: FastifyInstance,
  importId: string,
  status: string,
  timeoutMs?: number,
  headers: Record<string, string> = {}
) {
  let last: unknown
  try {
    return await waitFor(
      `${importId} to be ${status}`,
      async () => {
        const view = (await app.inject({ method: 'GET', url: `/v1/imports/${importId}`, headers })).json()
        last = view
        return view.status === status ? view : null
      },
      timeoutMs
    )
  } catch (error) {
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`)
  }
}

/** Series of a Prometheus text exposition: `name{a="x",b="y"}` (labels sorted) → value. */
export function parseMetrics (text: string): Map<string, number> {
  const series = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (match === null) throw new Error(`not a Prometheus sample line: ${line}`)
    const labels =
      match[2] === undefined || match[2] === ''
        ? []
        : [...match[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => `${m[1]}="${m[2]}"`).sort()
    series.set(labels.length === 0 ? match[1] : `${match[1]}{${labels.join(',')}}`, Number(match[3]))
  }
  return series
}

/** The key parseMetrics uses for a series. */
export function seriesKey (name: string, labels: Record<string, string> = {}): string {
  const parts = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
  return parts.length === 0 ? name : `${name}{${parts.join(',')}}`
}

export async function scrape (app: FastifyInstance, headers: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url: '/metrics', headers })
  if (response.statusCode !== 200) throw new Error(`GET /metrics: ${response.statusCode} ${response.body}`)
  const series = parseMetrics(response.body)
  return { response, series, value: (name: string, labels?: Record<string, string>) => series.get(seriesKey(name, labels)) }
}
