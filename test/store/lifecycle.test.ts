// After the claim: only the lease owner finishes an import; async leasing, release, manual retry;
// the history rows each change writes, in order.
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createImportStore, ImportNotFoundError, ImportStateError, LeaseLostError, type ClaimInput } from '../../src/store/index.ts'
import { eachDatabase } from '../support/databases.ts'

function claim (externalId: string, over: Partial<ClaimInput> = {}): ClaimInput {
  return {
    tenantId: 1,
    siteId: 2,
    externalId,
    payloadHash: 'h1',
    event: { externalId },
    mode: 'sync',
    leaseOwner: 'owner-a',
    leaseMs: 60_000,
    ...over
  }
}

const done = { kiboOrderId: 'abc123', kiboOrderNumber: 4711, correlationId: 'corr-9', created: true }

eachDatabase(t, async (t, { db }) => {
  const store = createImportStore(db)

  t.test('markImported by the lease owner', async (t) => {
    const { record } = await store.claimImport(claim('ok-1'))
    await store.recordAttempt(record.importId, { outcome: 'kibo_timeout', detail: { ms: 30_000 } })
    await store.recordAttempt(record.importId, { outcome: 'created' })
    const imported = await store.markImported(record.importId, 'owner-a', done)
    t.match(imported, {
      status: 'imported',
      kiboOrderId: 'abc123',
      kiboOrderNumber: 4711,
      kiboCorrelationId: 'corr-9',
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null
    })
    t.equal(typeof imported.kiboOrderNumber, 'number', 'bigint comes back as a number')
    t.match(imported.importedAt, /Z$/)
    const events = await store.getImportEvents(record.importId)
    t.same(
      events.map((e) => e.kind),
      ['received', 'attempt', 'attempt', 'imported'],
      'history in the order it happened'
    )
    t.same(events[1].detail, { outcome: 'kibo_timeout', ms: 30_000 })
    t.match(events[3].detail, { kiboOrderId: 'abc123', created: true, leaseOwner: 'owner-a' })
    t.ok(
      events.every((e, i) => i === 0 || (e.id > events[i - 1].id && e.at >= events[i - 1].at)),
      'ids and times ascend'
    )
    t.same(await store.getImport(record.importId), imported)
    t.same(await store.findImport({ tenantId: 1, siteId: 2, externalId: 'ok-1' }), imported)
  })

  t.test('others cannot mark an import they do not hold', async (t) => {
    const { record } = await store.claimImport(claim('owned'))
    await t.rejects(store.markImported(record.importId, 'owner-b', done), LeaseLostError)
    await t.rejects(store.markFailed(record.importId, 'owner-b', { status: 'failed', error: 'x' }), LeaseLostError)
    await t.rejects(store.renewLease(record.importId, 'owner-b', 1000), LeaseLostError)
    await t.rejects(store.releaseToQueue(record.importId, 'owner-b'), LeaseLostError)
    await t.rejects(store.markImported('imp_nope', 'owner-a', done), ImportNotFoundError)
    await t.rejects(store.recordAttempt('imp_nope', { outcome: 'x' }), ImportNotFoundError)
    t.match(await store.getImport(record.importId), { status: 'importing', leaseOwner: 'owner-a' }, 'unchanged')
    await store.markImported(record.importId, 'owner-a', done)
    const error = await store.markImported(record.importId, 'owner-a', done).catch((e: unknown) => e)
    t.match(error, { name: 'LeaseLostError', currentStatus: 'imported', currentOwner: null }, 'finished is finished')
  })

  t.test('a lease taken over is lost to its old owner; an expired one nobody took still counts', async (t) => {
    const { record } = await store.claimImport(claim('slow', { leaseMs: 30 }))
    await sleep(80)
    const renewed = await store.renewLease(record.importId, 'owner-a', 60_000)
    t.ok(Date.parse(renewed.leaseExpiresAt!) > Date.now() + 50_000, 'renewed after expiry, nobody had taken it')

    const second = await store.claimImport(claim('slow-2', { leaseMs: 30 }))
    await sleep(80)
    t.match(await store.claimImport(claim('slow-2', { leaseOwner: 'owner-b' })), { outcome: 'reclaimed' })
    await t.rejects(store.markImported(second.record.importId, 'owner-a', done), { name: 'LeaseLostError', currentOwner: 'owner-b' })
    t.match(await store.markImported(second.record.importId, 'owner-b', done), { status: 'imported' })
  })

  t.test('markFailed: failed and dead, with the error kept', async (t) => {
    const { record } = await store.claimImport(claim('bad'))
    const failed = await store.markFailed(record.importId, 'owner-a', { status: 'failed', error: { status: 422, errorCode: 'VALIDATION' } })
    t.match(failed, { status: 'failed', leaseOwner: null, lastError: { status: 422, errorCode: 'VALIDATION' } })
    t.ok(failed.failedAt)
    const { record: r2 } = await store.claimImport(claim('worse'))
    const dead = await store.markFailed(r2.importId, 'owner-a', { status: 'dead', error: new TypeError('nope') })
    t.match(dead, { status: 'dead', lastError: { name: 'TypeError', message: 'nope' } })
  })

  t.test('async: queued → leased by a worker → released → leased again → imported', async (t) => {
    const { record } = await store.claimImport(claim('later', { mode: 'async' }))
    const leased = await store.leaseImport(record.importId, 'worker-1', 60_000)
    t.match(leased, { status: 'importing', leaseOwner: 'worker-1', attempts: 1 })
    t.equal(await store.leaseImport(record.importId, 'worker-2', 60_000), null, 'not while the lease is live')
    const released = await store.releaseToQueue(record.importId, 'worker-1', { error: { status: 503 } })
    t.match(released, { status: 'queued', leaseOwner: null, lastError: { status: 503 } })
    t.match(await store.leaseImport(record.importId, 'worker-2', 60_000), { attempts: 2, leaseOwner: 'worker-2' })
    await store.markImported(record.importId, 'worker-2', done)
    t.equal(await store.leaseImport(record.importId, 'worker-3', 60_000), null, 'not once imported')
    await t.rejects(store.leaseImport('imp_missing', 'worker-3', 60_000), ImportNotFoundError)
    const events = await store.getImportEvents(record.importId)
    t.same(
      events.map((e) => e.kind),
      ['received', 'leased', 'released', 'leased', 'imported']
    )
    t.same(events[1].detail, { leaseOwner: 'worker-1', attempt: 1, previousStatus: 'queued' }, 'each lease says what it took over')
    t.same(events[2].detail, { leaseOwner: 'worker-1', delayMs: 0, error: { status: 503 } })
    t.same(events[3].detail, { leaseOwner: 'worker-2', attempt: 2, previousStatus: 'queued' })
  })

  t.test('a worker taking over an expired lease records whose it was', async (t) => {
    const { record } = await store.claimImport(claim('stalled', { mode: 'async' }))
    await store.leaseImport(record.importId, 'worker-1', 30)
    await sleep(80)
    t.match(await store.leaseImport(record.importId, 'worker-2', 60_000), { attempts: 2, leaseOwner: 'worker-2' })
    const leases = (await store.getImportEvents(record.importId)).filter((e) => e.kind === 'leased')
    t.same(leases.at(-1)?.detail, { leaseOwner: 'worker-2', attempt: 2, previousStatus: 'importing', previousLeaseOwner: 'worker-1' })
    await t.rejects(store.renewLease(record.importId, 'worker-1', 1000), {
      name: 'LeaseLostError',
      currentStatus: 'importing',
      currentOwner: 'worker-2'
    })
  })

  t.test('requeue: failed or dead back to the queue; anything else refused', async (t) => {
    const { record } = await store.claimImport(claim('manual'))
    await t.rejects(store.requeue(record.importId), ImportStateError)
    await store.markFailed(record.importId, 'owner-a', { status: 'dead', error: 'x' })
    const requeued = await store.requeue(record.importId, { requestedBy: 'ops@example.com' })
    t.match(requeued, { status: 'queued', mode: 'async', attempts: 1 })
    const events = await store.getImportEvents(record.importId)
    t.match(events.at(-1), { kind: 'retry_requested', detail: { previousStatus: 'dead', requestedBy: 'ops@example.com' } })
    await t.rejects(store.requeue('imp_missing'), ImportNotFoundError)
  })

  t.test('the check constraints hold even against a buggy caller', async (t) => {
    await t.rejects(
      db.query(
        'INSERT INTO kibo_bridge.imports ' +
          `(import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, created_at, updated_at)
        VALUES ('imp_x', 1, 2, 'c', 'h', '{}', 'importing', 'sync', now(), now())`
      ),
      { code: '23514' },
      'importing needs a lease'
    )
    await t.rejects(
      db.query(
        'INSERT INTO kibo_bridge.imports ' +
          `(import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, created_at, updated_at)
        VALUES ('imp_y', 1, 2, 'd', 'h', '{}', 'lost', 'sync', now(), now())`
      ),
      { code: '23514' },
      'unknown status'
    )
  })
})
