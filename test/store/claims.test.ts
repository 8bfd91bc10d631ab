// claimImport: the five outcomes, atomicity under concurrency (one process and two "instances"),
// lease expiry, webhook delivery ids.
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createImportStore, QUEUED_RETRY_AFTER_SECONDS, type ImportStore } from '../../src/store/index.ts'
import { eachDatabase } from '../support/databases.ts'
import { claim, key } from '../support/claim-input.ts'

async function importedOrder (store: ImportStore, externalId: string) {
  const first = await store.claimImport(claim(externalId))
  await store.markImported(first.record.importId, 'instance-1', {
    kiboOrderId: 'k-1',
    kiboOrderNumber: 17,
    correlationId: 'c-1',
    created: true
  })
  return first.record.importId
}

eachDatabase(t, async (t, { db, kind, connectAgain }) => {
  const store = createImportStore(db)

  t.test('claimed: a new sync import is importing under our lease', async (t) => {
    const result = await store.claimImport(claim('new-sync'))
    t.equal(result.outcome, 'claimed')
    const r = result.record
    t.match(r.importId, /^imp_[0-9A-HJKMNP-TV-Z]{26}$/)
    t.match(r, {
      status: 'importing',
      mode: 'sync',
      attempts: 1,
      leaseOwner: 'instance-1',
      tenantId: 100,
      siteId: 200,
      externalId: 'new-sync'
    })
    t.same(r.event, { data: { externalId: 'new-sync', lines: [1, 2] } }, 'the event round-trips as JSON (arrays stay arrays)')
    t.match(r.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const leaseLeft = Date.parse(r.leaseExpiresAt!) - Date.parse(r.createdAt)
    t.ok(leaseLeft > 59_000 && leaseLeft <= 60_001, `lease ends leaseMs after creation (${leaseLeft} ms)`)
    const events = await store.getImportEvents(r.importId)
    t.same(
      events.map((e) => e.kind),
      ['received']
    )
  })

  t.test('claimed: a new async import is queued without a lease', async (t) => {
    const result = await store.claimImport(claim('new-async', { mode: 'async' }))
    t.equal(result.outcome, 'claimed')
    t.match(result.record, { status: 'queued', mode: 'async', attempts: 0, leaseOwner: null, leaseExpiresAt: null })
  })

  t.test('replay: already imported with the same payload', async (t) => {
    const importId = await importedOrder(store, 'replayed')
    const again = await store.claimImport(claim('replayed', { leaseOwner: 'instance-2' }))
    t.equal(again.outcome, 'replay')
    t.match(again.record, { importId, status: 'imported', kiboOrderId: 'k-1', kiboOrderNumber: 17 })
  })

  t.test('in_flight: importing under a live lease, or queued', async (t) => {
    const first = await store.claimImport(claim('busy', { leaseMs: 30_000 }))
    const again = await store.claimImport(claim('busy', { leaseOwner: 'instance-2' }))
    t.equal(again.outcome, 'in_flight')
    if (again.outcome !== 'in_flight') return
    t.equal(again.record.importId, first.record.importId)
    t.ok(again.retryAfterSeconds >= 29 && again.retryAfterSeconds <= 30, `Retry-After is the lease left (${again.retryAfterSeconds})`)

    await store.claimImport(claim('waiting', { mode: 'async' }))
    const dup = await store.claimImport(claim('waiting', { mode: 'async' }))
    t.match(dup, { outcome: 'in_flight', retryAfterSeconds: QUEUED_RETRY_AFTER_SECONDS })
    t.same(
      (await store.getImportEvents(first.record.importId)).map((e) => e.kind),
      ['received'],
      'duplicates change nothing'
    )
  })

  t.test('conflict: same key, different payload, imported or in flight', async (t) => {
    await importedOrder(store, 'taken')
    t.match(await store.claimImport(claim('taken', { payloadHash: 'hash-b' })), {
      outcome: 'conflict',
      reason: 'payload',
      record: { status: 'imported' }
    })
    await store.claimImport(claim('taken-busy'))
    t.match(await store.claimImport(claim('taken-busy', { payloadHash: 'hash-b' })), { outcome: 'conflict', reason: 'payload' })
    await store.claimImport(claim('taken-queued', { mode: 'async' }))
    t.match(await store.claimImport(claim('taken-queued', { payloadHash: 'hash-b', mode: 'async' })), {
      outcome: 'conflict',
      record: { status: 'queued' }
    })
  })

  t.test('reclaimed: a failed import, even with a new payload; attempts go on', async (t) => {
    const first = await store.claimImport(claim('retry-me'))
    await store.markFailed(first.record.importId, 'instance-1', { status: 'failed', error: { status: 503 } })
    const again = await store.claimImport(claim('retry-me', { payloadHash: 'hash-b', event: { v: 2 }, leaseOwner: 'instance-2' }))
    t.equal(again.outcome, 'reclaimed')
    if (again.outcome !== 'reclaimed') return
    t.equal(again.previousStatus, 'failed')
    t.match(again.record, {
      importId: first.record.importId,
      status: 'importing',
      attempts: 2,
      leaseOwner: 'instance-2',
      payloadHash: 'hash-b'
    })
    t.same(again.record.event, { v: 2 }, 'the new payload replaced the stored event')
    t.same(again.record.lastError, { status: 503 }, 'the last failure stays visible while retrying')
    const events = await store.getImportEvents(first.record.importId)
    t.same(
      events.map((e) => e.kind),
      ['received', 'failed', 'reclaimed']
    )
    t.match(events[2].detail, { previousStatus: 'failed', payloadChanged: true, leaseOwner: 'instance-2' })
  })

  t.test('reclaimed: a dead import, asynchronously', async (t) => {
    const first = await store.claimImport(claim('dead-one'))
    await store.markFailed(first.record.importId, 'instance-1', { status: 'dead', error: new Error('gave up') })
    const again = await store.claimImport(claim('dead-one', { mode: 'async' }))
    t.match(again, {
      outcome: 'reclaimed',
      previousStatus: 'dead',
      record: { status: 'queued', mode: 'async', leaseOwner: null, attempts: 1 }
    })
  })

  t.test('lease expiry: an import whose owner died is taken over, once', async (t) => {
    const first = await store.claimImport(claim('orphan', { leaseMs: 50 }))
    t.equal(first.outcome, 'claimed')
    await sleep(120)
    const [a, b] = await Promise.all([
      store.claimImport(claim('orphan', { leaseOwner: 'instance-2' })),
      store.claimImport(claim('orphan', { leaseOwner: 'instance-3' }))
    ])
    const outcomes = [a.outcome, b.outcome].sort()
    t.same(outcomes, ['in_flight', 'reclaimed'], 'one instance takes it over, the other sees it in flight')
    const winner = a.outcome === 'reclaimed' ? a : b
    t.match(winner.record, { status: 'importing', attempts: 2 })
    t.not(winner.record.leaseOwner, 'instance-1')
    const events = await store.getImportEvents(first.record.importId)
    t.match(events[1], { kind: 'reclaimed', detail: { previousStatus: 'importing', previousLeaseOwner: 'instance-1' } })
  })

  t.test('lease expiry with a different payload is a conflict (the first attempt may be in Kibo)', async (t) => {
    await store.claimImport(claim('orphan-2', { leaseMs: 20 }))
    await sleep(60)
    t.match(await store.claimImport(claim('orphan-2', { payloadHash: 'hash-b' })), { outcome: 'conflict', reason: 'payload' })
  })

  t.test('an injected clock decides lease expiry in tests', async (t) => {
    let now = new Date('2030-01-01T00:00:00.000Z')
    const timed = createImportStore(db, { now: () => now })
    const first = await timed.claimImport(claim('clocked', { leaseMs: 10_000 }))
    t.equal(first.record.createdAt, '2030-01-01T00:00:00.000Z')
    t.equal(first.record.leaseExpiresAt, '2030-01-01T00:00:10.000Z')
    now = new Date('2030-01-01T00:00:09.000Z')
    t.match(await timed.claimImport(claim('clocked', { leaseOwner: 'instance-2' })), { outcome: 'in_flight', retryAfterSeconds: 1 })
    now = new Date('2030-01-01T00:00:10.001Z')
    t.match(await timed.claimImport(claim('clocked', { leaseOwner: 'instance-2' })), { outcome: 'reclaimed' })
  })

  t.test('50 concurrent claims of one key: exactly one is claimed', async (t) => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.claimImport(claim('race-1', { leaseOwner: `worker-${i}` })))
    )
    const claimed = results.filter((r) => r.outcome === 'claimed')
    t.equal(claimed.length, 1)
    t.equal(results.filter((r) => r.outcome === 'in_flight').length, 49)
    t.equal(new Set(results.map((r) => r.record.importId)).size, 1, 'all of them see the same import')
  })

  t.test(
    '50 concurrent claims from two instances (PostgreSQL: two pools)',
    { skip: kind === 'pglite' ? 'PGlite has one connection' : false },
    async (t) => {
      const other = createImportStore(await connectAgain!())
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 === 0 ? store : other).claimImport(claim('race-2', { leaseOwner: `instance-${i % 2}` }))
        )
      )
      t.equal(results.filter((r) => r.outcome === 'claimed').length, 1)
      t.equal(new Set(results.map((r) => r.record.importId)).size, 1)
    }
  )

  t.test('50 concurrent takeovers of a failed import: exactly one reclaims it', async (t) => {
    const first = await store.claimImport(claim('race-3'))
    await store.markFailed(first.record.importId, 'instance-1', { status: 'failed', error: 'boom' })
    const stores = kind === 'postgres' ? [store, createImportStore(await connectAgain!())] : [store]
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => stores[i % stores.length].claimImport(claim('race-3', { leaseOwner: `w-${i}` })))
    )
    t.equal(results.filter((r) => r.outcome === 'reclaimed').length, 1)
    t.equal(results.filter((r) => r.outcome === 'in_flight').length, 49)
    const events = await store.getImportEvents(first.record.importId)
    t.same(
      events.map((e) => e.kind),
      ['received', 'failed', 'reclaimed']
    )
  })

  t.test('webhook delivery ids are unique per tenant and site', async (t) => {
    const first = await store.claimImport(claim('hook-1', { webhookId: 'wh-1' }))
    t.equal(first.record.webhookId, 'wh-1')
    t.match(await store.claimImport(claim('hook-1', { webhookId: 'wh-1' })), { outcome: 'in_flight' }, 'a redelivery is a duplicate')
    t.match(
      await store.claimImport(claim('hook-2', { webhookId: 'wh-1' })),
      { outcome: 'conflict', reason: 'webhook_id', record: { importId: first.record.importId } },
      'another order under the same delivery id conflicts'
    )
    t.equal(await store.findImport({ ...key, externalId: 'hook-2' }), null, 'and leaves nothing behind')
    t.match(
      await store.claimImport(claim('hook-2', { webhookId: 'wh-1', siteId: 201 })),
      { outcome: 'claimed' },
      'other site, other namespace'
    )
    t.match(await store.claimImport(claim('hook-3')), { outcome: 'claimed', record: { webhookId: null } })
    t.match(await store.claimImport(claim('hook-4')), { outcome: 'claimed' }, 'many imports without a webhook id')
  })

  t.test('bad input is refused before reaching the database', async (t) => {
    await t.rejects(store.claimImport(claim('')), TypeError)
    await t.rejects(store.claimImport(claim('x', { leaseMs: 0 })), RangeError)
    await t.rejects(store.claimImport(claim('x', { tenantId: 1.5 })), TypeError)
  })
})
