// Helpers of the inventory tests: a fast-polling app, waiting for a job to finish, catalogs.
import type { FastifyInstance } from 'fastify'

/** Short poll intervals so jobs finish in about a second against the simulator. */
export const fastInventoryEnv = { INVENTORY_POLL_MS: '150', QUEUE_POLL_MS: '200', WORKER_LEASE_MS: '3000' }

export const FINAL = ['completed', 'completed_with_errors', 'failed']

export async function waitForJob (app: FastifyInstance, jobId: string, timeoutMs = 20_000, query = ''): Promise<any> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/v1/inventory/jobs/${jobId}${query}` })
    if (response.statusCode !== 200) throw new Error(`GET job ${jobId}: ${response.statusCode} ${response.body}`)
    const body = response.json()
    if (FINAL.includes(body.status)) return body
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${body.status} after ${timeoutMs} ms: ${JSON.stringify(body.progress)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** `count` products PART-00000 … with UPCs 9000000000000 + n, at the given locations. */
export function bigCatalog (count: number, locations: string[]) {
  return {
    locations,
    products: Array.from({ length: count }, (_, n) => ({
      partNumber: `PART-${String(n).padStart(5, '0')}`,
      upc: String(9_000_000_000_000 + n)
    }))
  }
}
