// Listing for operators: newest first, keyset cursors, filters, counts.
import t from 'tap'
import { createImportStore, InvalidCursorError, type ImportRecord } from '../../src/store/index.ts'
import { eachDatabase } from '../support/databases.ts'

eachDatabase(t, async (t, { db }) => {
  // A fixed clock: several imports share one created_at, so the import_id tie-break is exercised.
  let now = new Date('2031-05-01T10:00:00.000Z')
  const store = createImportStore(db, { now: () => now })
  const created: ImportRecord[] = []
  for (let i = 0; i < 23; i++) {
    if (i % 3 === 0) now = new Date(now.getTime() + 1000)
    const { record } = await store.claimImport({
      tenantId: i < 20 ? 1 : 9,
      siteId: 1,
      externalId: `order-${String(i).padStart(2, '0')}`,
      payloadHash: 'h',
      event: { i },
      mode: i % 2 === 0 ? 'sync' : 'async',
      leaseOwner: 'me',
      leaseMs: 60_000
    })
    created.push(record)
    if (i % 10 === 0) {
      await store.markImported(record.importId, 'me', { kiboOrderId: `k${i}`, kiboOrderNumber: i, correlationId: null, created: true })
    }
  }
  const newestFirst = [...created].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.importId < b.importId ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1
  )

  t.test('pages through everything, newest first, without gaps or repeats', async (t) => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Awaited<ReturnType<typeof store.listImports>> = await store.listImports({ limit: 5, cursor })
      seen.push(...page.items.map((r) => r.importId))
      cursor = page.nextCursor
      pages++
      t.ok(page.items.length <= 5)
    } while (cursor !== null)
    t.equal(pages, 5)
    t.same(
      seen,
      newestFirst.map((r) => r.importId)
    )
  })

  t.test('a page that ends exactly at the end has no next cursor', async (t) => {
    const all = await store.listImports({ limit: 23 })
    t.equal(all.items.length, 23)
    t.equal(all.nextCursor, null)
    t.match(all.nextCursor === null && (await store.listImports({ limit: 22 })).nextCursor, /^[A-Za-z0-9_-]+$/)
  })

  t.test('filters', async (t) => {
    const imported = await store.listImports({ status: 'imported', limit: 100 })
    t.same(imported.items.map((r) => r.externalId).sort(), ['order-00', 'order-10', 'order-20'])
    const queued = await store.listImports({ status: 'queued', limit: 2 })
    t.equal(queued.items.length, 2)
    const rest = await store.listImports({ status: 'queued', limit: 100, cursor: queued.nextCursor })
    t.ok(rest.items.every((r) => r.status === 'queued'))
    t.equal(queued.items.length + rest.items.length, 11)
    t.same(
      (await store.listImports({ externalId: 'order-07', limit: 10 })).items.map((r) => r.importId),
      [created[7].importId]
    )
    t.equal((await store.listImports({ tenantId: 9, limit: 10 })).items.length, 3)
    t.equal((await store.listImports({ tenantId: 9, siteId: 2, limit: 10 })).items.length, 0)
  })

  t.test('counts by status, every status present', async (t) => {
    t.same(await store.countByStatus(), { queued: 11, importing: 9, imported: 3, failed: 0, dead: 0 })
  })

  t.test('bad cursors and limits are refused', async (t) => {
    await t.rejects(store.listImports({ limit: 5, cursor: 'not-a-cursor' }), InvalidCursorError)
    await t.rejects(store.listImports({ limit: 5, cursor: Buffer.from('["yesterday","imp_x"]').toString('base64url') }), InvalidCursorError)
    await t.rejects(store.listImports({ limit: 0 }), RangeError)
    await t.rejects(store.listImports({ limit: 1001 }), RangeError)
    await t.rejects(store.listImports({ limit: 5, status: 'lost' as 'queued' }), RangeError)
  })
})
