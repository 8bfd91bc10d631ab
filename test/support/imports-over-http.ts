// Reading a running server's imports over its REST API (GET /v1/imports…), for the tests that
// start real server processes and check what they delivered.
import type { Test } from 'tap'
import type { ServerProcess } from './server-process.ts'
import { waitFor } from './wait.ts'

export interface ImportSummary {
  importId: string
  externalId: string
  status: string
  attempts: number
  importedAt: string | null
  history?: Array<{ at: string; kind: string; detail: Record<string, unknown> }>
}

export async function getJson<T> (url: string): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) })
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** Every import in this status, all pages. */
export async function listByStatus (base: string, status: string): Promise<ImportSummary[]> {
  const items: ImportSummary[] = []
  let cursor: string | null = null
  do {
    const query: string = `status=${status}&limit=1000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const page: { items: ImportSummary[]; nextCursor: string | null } = await getJson(`${base}/v1/imports?${query}`)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

/**
 * Waits until every one of `importIds` is imported on `server` (fails at once when any import is
 * failed or dead); returns when that was. On a timeout it comments what is still pending and the
 * server's output.
 */
export async function waitUntilImported (
  t: Test,
  server: ServerProcess,
  importIds: Iterable<string>,
  options: { what: string; timeoutMs: number; serverName: string }
): Promise<number> {
  const wanted = new Set(importIds)
  try {
    return await waitFor(
      options.what,
      async () => {
        const broken = [...(await listByStatus(server.base, 'failed')), ...(await listByStatus(server.base, 'dead'))]
        if (broken.length > 0) throw new Error(`imports failed or dead: ${JSON.stringify(broken.slice(0, 5))}`)
        const imported = new Set((await listByStatus(server.base, 'imported')).map((item) => item.importId))
        for (const id of wanted) if (!imported.has(id)) return undefined
        return Date.now()
      },
      options.timeoutMs,
      250
    )
  } catch (error) {
    const pending = [...(await listByStatus(server.base, 'queued')), ...(await listByStatus(server.base, 'importing'))]
    t.comment(`still pending: ${pending.length}: ${JSON.stringify(pending.slice(0, 5))}`)
    t.comment(`${options.serverName} output:\n${server.tail()}`)
    throw error
  }
}
