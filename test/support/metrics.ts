// The Prometheus text of GET /metrics parsed into series.
import type { FastifyInstance } from 'fastify'

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
