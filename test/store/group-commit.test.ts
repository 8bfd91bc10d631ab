// Group commit: claimImports / markImportedMany write many imports in one statement and fall back
// to the one-by-one path for everything else, with the same outcomes; groupCommit batches calls
// that arrive while a batch is being written; withGroupCommit gives the store's callers both.
import t, { type Test } from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createImportStore, type ClaimInput, type ImportRecord, type Queryable } from '../../src/store/index.ts'
import { groupCommit, withGroupCommit } from '../../src/store/group-commit.ts'
import { eachDatabase } from '../support/databases.ts'
import { claim as claimInput, key } from '../support/claim-input.ts'

const claim = (externalId: string, over: Partial<ClaimInput> = {}) =>
  claimInput(externalId, { event: { data: { externalId, lines: [1, 2], note: 'naïve ☃ "quoted"' } }, ...over })

const outcome = (n: number) => ({ kiboOrderId: `k-${n}`, kiboOrderNumber: n, correlationId: `c-${n}`, created: true })

function fulfilled<T> (t: Test, result: PromiseSettledResult<T> | undefined): T {
  if (result?.status !== 'fulfilled') {
    t.fail(`expected a result, got ${result?.status === 'rejected' ? String(result.reason) : 'nothing'}`)
    throw new Error('not fulfilled')
  }
  return result.value
}

t.test('groupCommit: calls made while a batch is written go together into the next one', async (t) => {
  const batches: number[][] = []
  let firstStarted!: () => void
  const started = new Promise<void>((resolve) => (firstStarted = resolve))
  let openGate!: () => void
  const gate = new Promise<void>((resolve) => (openGate = resolve))
  const write = groupCommit(
    async (inputs: readonly number[]) => {
      batches.push([...inputs])
      firstStarted()
      await gate
      return inputs.map((n): PromiseSettledResult<number> =>
        n === 13 ? { status: 'rejected', reason: new Error('thirteen') } : { status: 'fulfilled', value: n * 2 }
      )
    },
    { maxBatchSize: 40 }
  )
  const first = write(1)
  await started // the first batch is being written now
  const rest = Array.from({ length: 60 }, (_, i) =>
    write(i + 2).then(
      (v) => v,
      (e: Error) => e.message
    )
  )
  await sleep(20)
  t.same(batches.length, 1, 'nothing else is written while the first batch runs')
  openGate()
  t.equal(await first, 2, 'a lone call is written at once')
  const answers = await Promise.all(rest)
  t.same(
    batches.map((b) => b.length),
    [1, 40, 20],
    'the 60 waiting calls went in batches of at most 40, after the first one ended'
  )
  t.same(
    batches.flat(),
    Array.from({ length: 61 }, (_, i) => i + 1),
    'in arrival order'
  )
  t.equal(answers[11], 'thirteen', 'an input that failed gets its own error')
  t.equal(answers[0], 4)
  t.equal(answers[59], 122, 'every other input gets its own result')
})

t.test('groupCommit: a batch whose writer throws rejects its calls, and the next batch still runs', async (t) => {
  let calls = 0
  const write = groupCommit(
    async (inputs: readonly string[]) => {
      calls++
      if (calls === 1) throw new Error('database gone')
      return inputs.map((s): PromiseSettledResult<string> => ({ status: 'fulfilled', value: s.toUpperCase() }))
    },
    { maxBatchSize: 10 }
  )
  await t.rejects(write('a'), /database gone/)
  t.equal(await write('b'), 'B')
})

eachDatabase(t, async (t, { db, kind }) => {
  const store = createImportStore(db)

  t.test('claimImports: new imports in one batch, each with its received event', async (t) => {
    const inputs = [claim('batch-1'), claim('batch-2', { mode: 'async' }), claim('batch-3', { webhookId: 'wh-3', mode: 'async' })]
    const seen: ImportRecord[][] = []
    const results = await store.claimImports(inputs, {
      onClaimed: async (tx: Queryable, records) => {
        seen.push(records)
        const { rows } = await tx.query<{ n: number }>(
          "SELECT count(*)::integer AS n FROM kibo_bridge.imports WHERE external_id LIKE 'batch-%'"
        )
        t.equal(rows[0].n, 3, 'onClaimed runs inside the transaction that holds the new rows')
      }
    })
    t.equal(seen.length, 1, 'onClaimed is called once for the batch')
    t.same(
      seen[0].map((r) => r.externalId),
      ['batch-1', 'batch-2', 'batch-3']
    )
    const records = results.map((r) => fulfilled(t, r))
    t.same(
      records.map((r) => r.outcome),
      ['claimed', 'claimed', 'claimed']
    )
    t.match(records[0].record, { externalId: 'batch-1', status: 'importing', mode: 'sync', attempts: 1, leaseOwner: 'instance-1' })
    t.match(records[1].record, {
      externalId: 'batch-2',
      status: 'queued',
      mode: 'async',
      attempts: 0,
      leaseOwner: null,
      leaseExpiresAt: null
    })
    t.match(records[2].record, { externalId: 'batch-3', webhookId: 'wh-3' })
    t.same(records[0].record.event, inputs[0].event, 'the record carries the event as claimed')
    t.same(
      (await store.getImport(records[0].record.importId))?.event,
      inputs[0].event,
      'the stored event round-trips (unicode and quotes included)'
    )
    const leaseLeft = Date.parse(records[0].record.leaseExpiresAt!) - Date.parse(records[0].record.createdAt)
    t.ok(leaseLeft > 59_000 && leaseLeft <= 60_001, `the lease ends leaseMs after creation (${leaseLeft} ms)`)
    for (const [i, r] of records.entries()) {
      const events = await store.getImportEvents(r.record.importId)
      t.same(
        events.map((e) => e.kind),
        ['received']
      )
      t.same(
        events[0].detail,
        {
          mode: inputs[i].mode,
          payloadHash: 'hash-a',
          ...(inputs[i].mode === 'sync' ? { leaseOwner: 'instance-1' } : {}),
          ...(inputs[i].webhookId ? { webhookId: inputs[i].webhookId } : {})
        },
        'the same history row as a claim alone writes'
      )
    }
  })

  t.test('claimImports: existing keys, duplicates within the batch and bad input get their own outcomes', async (t) => {
    const imported = await store.claimImport(claim('mixed-imported'))
    await store.markImported(imported.record.importId, 'instance-1', outcome(1))
    await store.claimImport(claim('mixed-webhook', { mode: 'async', webhookId: 'wh-taken' }))
    const results = await store.claimImports([
      claim('mixed-new'),
      claim('mixed-imported'), // same payload: replay
      claim('mixed-imported', { payloadHash: 'hash-b' }), // different payload: conflict
      claim('mixed-twice'),
      claim('mixed-twice'), // the first one of the batch holds a live lease now
      claim('mixed-other', { mode: 'async', webhookId: 'wh-taken' }), // webhook id of another import
      claim('') // bad input
    ])
    t.equal(fulfilled(t, results[0]).outcome, 'claimed')
    t.equal(fulfilled(t, results[1]).outcome, 'replay')
    t.match(fulfilled(t, results[2]), { outcome: 'conflict', reason: 'payload' })
    t.equal(fulfilled(t, results[3]).outcome, 'claimed')
    t.match(fulfilled(t, results[4]), { outcome: 'in_flight' })
    t.equal(fulfilled(t, results[4]).record.importId, fulfilled(t, results[3]).record.importId, 'one import for the key')
    t.match(fulfilled(t, results[5]), { outcome: 'conflict', reason: 'webhook_id', record: { externalId: 'mixed-webhook' } })
    t.equal(results[6].status, 'rejected')
    t.match((results[6] as PromiseRejectedResult).reason, { name: 'TypeError', message: /externalId/ })
    const found = await store.findImport({ ...key, externalId: 'mixed-other' })
    t.equal(found, null, 'the refused one left no row')
  })

  t.test('claimImports: when the batch fails as a whole, every input is claimed alone', async (t) => {
    let batchCalls = 0
    const results = await store.claimImports([claim('fallback-1', { mode: 'async' }), claim('fallback-2', { mode: 'async' })], {
      onClaimed: async (_tx, records) => {
        batchCalls++
        if (records.length > 1) throw new Error('the queue refused the batch')
      }
    })
    t.equal(batchCalls, 3, 'once for the batch (rolled back), then once per import alone')
    t.same(
      results.map((r) => fulfilled(t, r).outcome),
      ['claimed', 'claimed']
    )
    const failing = await store.claimImports([claim('fallback-3', { mode: 'async' })], {
      onClaimed: async () => {
        throw new Error('the queue is down')
      }
    })
    t.equal(failing[0].status, 'rejected', 'an input whose own claim fails gets the error')
    t.equal(await store.findImport({ ...key, externalId: 'fallback-3' }), null, 'and nothing of it was stored')
  })

  t.test('markImportedMany: many outcomes in one statement; a lost lease is refused alone', async (t) => {
    const inputs = [claim('mark-1'), claim('mark-2'), claim('mark-3', { leaseOwner: 'instance-2' })]
    const claims = await store.claimImports(inputs)
    const [a, b, c] = claims.map((r) => fulfilled(t, r).record)
    const heldEvent = { data: { externalId: 'mark-2', note: 'held by the caller' } }
    const results = await store.markImportedMany([
      { importId: a.importId, leaseOwner: 'instance-1', outcome: outcome(1) },
      {
        importId: b.importId,
        leaseOwner: 'instance-1',
        outcome: { ...outcome(2), created: false, detail: { orderIds: ['x', 'y'] } },
        event: heldEvent
      },
      { importId: c.importId, leaseOwner: 'instance-1', outcome: outcome(3) }, // instance-2 holds it
      { importId: a.importId, leaseOwner: 'instance-1', outcome: outcome(1) } // already done above
    ])
    t.same(fulfilled(t, results[0]).event, inputs[0].event, 'without the event given, the record has the stored one')
    t.same(fulfilled(t, results[1]).event, heldEvent, 'with the event given, the record has that one (not read back)')
    t.same((await store.getImport(b.importId))?.event, inputs[1].event, 'the stored event is unchanged')
    t.match(fulfilled(t, results[0]), {
      status: 'imported',
      kiboOrderId: 'k-1',
      kiboOrderNumber: 1,
      kiboCorrelationId: 'c-1',
      leaseOwner: null
    })
    t.match(fulfilled(t, results[1]), { status: 'imported', kiboOrderId: 'k-2' })
    t.match(results[2], { status: 'rejected', reason: { name: 'LeaseLostError', currentOwner: 'instance-2' } })
    t.match(results[3], { status: 'rejected', reason: { name: 'LeaseLostError', currentStatus: 'imported' } })
    const events = await store.getImportEvents(b.importId)
    t.same(
      events.map((e) => e.kind),
      ['received', 'imported'],
      'one history row per import'
    )
    t.same(events[1].detail, {
      leaseOwner: 'instance-1',
      kiboOrderId: 'k-2',
      kiboOrderNumber: 2,
      correlationId: 'c-2',
      created: false,
      orderIds: ['x', 'y']
    })
    t.same(
      (await store.getImportEvents(c.importId)).map((e) => e.kind),
      ['received'],
      'nothing written for the refused one'
    )
  })

  t.test(`withGroupCommit on ${kind}: 200 concurrent claims and outcomes in few transactions, none lost or doubled`, async (t) => {
    let claimBatches = 0
    let markBatches = 0
    const counted = {
      ...store,
      claimImports: (inputs: readonly ClaimInput[]) => {
        claimBatches++
        return store.claimImports(inputs)
      },
      markImportedMany: (items: Parameters<typeof store.markImportedMany>[0]) => {
        markBatches++
        return store.markImportedMany(items)
      }
    }
    const grouped = withGroupCommit(counted, { maxBatchSize: 64 })
    const ids = Array.from({ length: 200 }, (_, i) => `gc-${i % 150}`) // 50 keys sent twice
    const claims = await Promise.all(ids.map((id) => grouped.claimImport(claim(id))))
    t.equal(claims.filter((c) => c.outcome === 'claimed').length, 150, 'one claim per key')
    t.equal(claims.filter((c) => c.outcome === 'in_flight').length, 50, 'the second of each key sees it in flight')
    t.ok(claimBatches < 20, `${claimBatches} batches for 200 claims`)
    const done = await Promise.all(
      claims.filter((c) => c.outcome === 'claimed').map((c, n) => grouped.markImported(c.record.importId, 'instance-1', outcome(n)))
    )
    t.equal(done.filter((r) => r.status === 'imported').length, 150)
    t.ok(markBatches < 20, `${markBatches} batches for 150 outcomes`)
    const rows = await Promise.all(Array.from({ length: 150 }, (_, i) => store.findImport({ ...key, externalId: `gc-${i}` })))
    t.ok(
      rows.every((r) => r?.status === 'imported'),
      'every key is imported, none left importing'
    )
    const histories = await Promise.all(rows.map((r) => store.getImportEvents(r!.importId)))
    t.ok(
      histories.every((h) => h.map((e) => e.kind).join() === 'received,imported'),
      'each with exactly one received and one imported row'
    )
  })
})
