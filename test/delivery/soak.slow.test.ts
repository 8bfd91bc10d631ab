// The soak of async delivery: 1,000 signed webhook deliveries against a simulator that fails
// about 30% of the calls in every way it can, with repeated and concurrent deliveries of the same
// order. What only a soak shows: under that load each order is imported exactly once, none is
// lost. (The retry policy itself is unit-tested in test/orders/retry-policy.test.ts.)
import t from 'tap'
import { buildTestApp, fastWorker } from '../support/app.ts'
import { loadExample, withExternalId } from '../support/examples.ts'
import { newWebhookSecret as newSecret, signedHeaders as signed } from '../support/http.ts'
import { waitFor } from '../support/wait.ts'

t.test('1,000 events, ~30% mixed Kibo faults, 20% duplicate or concurrent deliveries: each imported exactly once', async (t) => {
  const secret = newSecret()
  const app = await buildTestApp(t, {
    ...fastWorker,
    WEBHOOK_SECRETS: secret,
    WORKER_CONCURRENCY: '16',
    IMPORT_MAX_ATTEMPTS: '1000',
    CIRCUIT_FAILURE_THRESHOLD: '1000',
    KIBO_TIMEOUT_MS: '400'
  })
  const simulator = app.kibo.simulator!
  simulator.faults.seed(20261123)
  simulator.faults.inject([
    { kind: '500', probability: 0.06 },
    { kind: '503-html', probability: 0.06, retryAfterSeconds: 0 },
    { kind: '429', probability: 0.06, retryAfterSeconds: 0 },
    { kind: 'reset', probability: 0.05 },
    { kind: 'commit-then-fail', probability: 0.05 },
    { kind: 'timeout', probability: 0.02, commit: true, hangMs: 600 }
  ])
  const examples = ['cybersource-ship-usd', 'authorizenet-pickup-review', 'historical-completed-jpy', 'paypal-eur'].map(loadExample)
  const total = 1000
  const bodies = Array.from({ length: total }, (_, i) => JSON.stringify(withExternalId(examples[i % examples.length], `BULK-${i}`)))
  const deliveries: Array<{ index: number; headers: Record<string, string> }> = []
  for (let i = 0; i < total; i++) {
    const headers = signed(secret, bodies[i])
    deliveries.push({ index: i, headers })
    if (i % 5 === 0) deliveries.push({ index: i, headers }) // the same delivery again (storefront retry)
    if (i % 10 === 3) deliveries.push({ index: i, headers: signed(secret, bodies[i]) }) // a new delivery id for the same order
  }
  const importIds = new Map<number, Set<string>>()
  const started = Date.now()
  for (let offset = 0; offset < deliveries.length; offset += 50) {
    const batch = deliveries.slice(offset, offset + 50)
    const responses = await Promise.all(
      batch.map(({ index, headers }) => app.inject({ method: 'POST', url: '/v1/webhooks/orders', headers, payload: bodies[index] }))
    )
    responses.forEach((response, k) => {
      if (![200, 202].includes(response.statusCode)) t.fail(`delivery ${batch[k].index}: ${response.statusCode} ${response.body}`)
      const ids = importIds.get(batch[k].index) ?? new Set<string>()
      ids.add(response.json().importId)
      importIds.set(batch[k].index, ids)
    })
  }
  const acceptedIn = Date.now() - started
  t.ok(
    [...importIds.values()].every((ids) => ids.size === 1),
    'every delivery of one order got the same importId'
  )
  t.equal(importIds.size, total)

  await waitFor(
    'every import to finish',
    async () => {
      const counts = await app.imports.countByStatus()
      return counts.imported === total ? counts : null
    },
    240_000
  )
  const drainedIn = Date.now() - started
  const stats = simulator.stats()
  const faults = Object.values(stats.faultsTriggered).reduce((sum, n) => sum + n, 0)
  t.comment(
    `${deliveries.length} deliveries of ${total} orders accepted in ${acceptedIn} ms; all imported in ${drainedIn} ms; ` +
      `${stats.createCalls} creates, ${faults} faults injected (${JSON.stringify(stats.faultsTriggered)})`
  )
  t.ok(faults / stats.createCalls > 0.2, 'a real share of the calls failed')
  t.equal(stats.orderCount, total, 'exactly one Kibo order per event')
  const doubles = Object.entries(stats.ordersByExternalId).filter(([, n]) => n !== 1)
  t.same(doubles, [], 'no doubles')
  const counts = await app.imports.countByStatus()
  t.same(counts, { queued: 0, importing: 0, imported: total, failed: 0, dead: 0 }, '0 lost')
})
