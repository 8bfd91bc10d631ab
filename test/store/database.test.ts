// The driver layer: same values from both drivers, transactions that cannot interleave on
// PGlite's single connection, and an embedded database that survives a restart.
import t from 'tap'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { existsSync } from 'node:fs'
import { createImportStore, DatabaseBusyError, latestVersion, migrate, openDatabase, parseTimestamp } from '../../src/store/index.ts'
import { eachDatabase, storeTestDatabases } from '../support/databases.ts'

t.test('parseTimestamp reads PostgreSQL ISO output', async (t) => {
  t.equal(parseTimestamp('2026-11-23 18:52:00.123+00'), '2026-11-23T18:52:00.123Z')
  t.equal(parseTimestamp('2026-11-23 18:52:00+00'), '2026-11-23T18:52:00.000Z')
  t.equal(parseTimestamp('2026-11-23 18:52:00.1+00'), '2026-11-23T18:52:00.100Z')
  t.equal(parseTimestamp('2026-11-23 18:52:00.12+00'), '2026-11-23T18:52:00.120Z')
  t.equal(parseTimestamp('2026-11-23 18:52:00.1236+00'), '2026-11-23T18:52:00.124Z', 'more than milliseconds: rounded')
  t.equal(parseTimestamp('2026-11-23 20:52:00.5+02'), '2026-11-23T18:52:00.500Z')
  t.equal(parseTimestamp('2026-11-23 13:22:00.123456-05:30'), '2026-11-23T18:52:00.123Z')
  t.equal(parseTimestamp('infinity'), 'infinity')
  t.throws(() => parseTimestamp('11/23/2026 18:52:00 UTC'))
})

eachDatabase(
  t,
  async (t, { db }) => {
    t.test('values come back the same from both drivers', async (t) => {
      const { rows } = await db.query<Record<string, unknown>>(
        `SELECT '2026-11-23T18:52:00.123Z'::timestamptz(3) AS at, 9007199254740991::int8 AS big, 3::int4 AS small,
                '{"a":[1,2]}'::jsonb AS doc, NULL::timestamptz AS nothing, count(*) AS n FROM (VALUES (1), (2)) v(x)`
      )
      t.same(rows[0], { at: '2026-11-23T18:52:00.123Z', big: 9007199254740991, small: 3, doc: { a: [1, 2] }, nothing: null, n: 2 })
      await t.rejects(db.query('SELECT 9007199254740993::int8 AS too_big'), RangeError)
      const params = await db.query<{ echoed: string }>('SELECT $1::timestamptz AS echoed', ['2026-01-02T03:04:05.678Z'])
      t.equal(params.rows[0].echoed, '2026-01-02T03:04:05.678Z')
      t.same(await db.query('SELECT 1 WHERE false'), { rows: [], rowCount: 0 })
    })

    t.test('transactions commit, roll back, and refuse the outer handle inside', async (t) => {
      await db.query('CREATE TABLE scratch (n int)')
      t.equal(await db.transaction(async (tx) => (await tx.query('INSERT INTO scratch VALUES (1), (2)')).rowCount), 2)
      await t.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO scratch VALUES (3)')
          throw new Error('changed my mind')
        }),
        /changed my mind/
      )
      await t.rejects(
        db.transaction(async () => db.query('SELECT 1')),
        /use the tx argument/
      )
      t.same((await db.query('SELECT n FROM scratch ORDER BY n')).rows, [{ n: 1 }, { n: 2 }])
    })

    t.test('concurrent transactions never see each other half-done', async (t) => {
      await db.query('CREATE TABLE counter (n int)')
      await db.query('INSERT INTO counter VALUES (0)')
      // Read, wait, write: interleaved statements would lose updates.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter FOR UPDATE')
            await new Promise((resolve) => setTimeout(resolve, 2))
            await tx.query('UPDATE counter SET n = $1', [rows[0].n + 1])
          })
        )
      )
      t.same((await db.query('SELECT n FROM counter')).rows, [{ n: 20 }])
    })

    t.test('ping and close (twice)', async (t) => {
      await db.ping()
      await db.close()
      await db.close()
      await t.rejects(db.ping())
    })
  },
  { migrated: false }
)

// Database-specific tests run with that database's store tests (the fast suite: PGlite, the slow one: PostgreSQL).
const databases = storeTestDatabases()
const onlyWith = (kind: 'pglite' | 'postgres') => ({ skip: !databases.includes(kind) && `${kind} not in STORE_TEST_DATABASES` })

t.test('embedded PGlite survives a restart in its data directory', onlyWith('pglite'), async (t) => {
  const dataDir = path.join(t.testdir(), 'nested', 'data')
  const first = await openDatabase({ dataDir })
  t.equal(first.kind, 'pglite')
  t.ok(existsSync(path.join(dataDir, 'PG_VERSION')), 'the new data directory was initialized (by a child process)')
  t.same((await first.query('SHOW shared_buffers')).rows, [{ shared_buffers: '16MB' }], 'PGlite runs with the small buffer pool')
  t.same((await first.query('SHOW wal_init_zero')).rows, [{ wal_init_zero: 'off' }])
  await migrate(first)
  const { record } = await createImportStore(first).claimImport({
    tenantId: 1,
    siteId: 1,
    externalId: 'survivor',
    payloadHash: 'h',
    event: { kept: true },
    mode: 'async',
    leaseOwner: 'me',
    leaseMs: 1000
  })
  await t.rejects(openDatabase({ dataDir }), DatabaseBusyError, 'one process per data directory')
  await first.close()

  const second = await openDatabase({ dataDir })
  t.same(await migrate(second), { from: latestVersion(), to: latestVersion(), applied: [] })
  const again = await createImportStore(second).getImport(record.importId)
  t.same(again, record)
  t.same(
    (await createImportStore(second).getImportEvents(record.importId)).map((e) => e.kind),
    ['received']
  )
  await second.close()

  // A lock left behind by a process that is gone does not keep the service down.
  await writeFile(
    path.join(dataDir, 'kibo-bridge.lock'),
    JSON.stringify({ pid: 2 ** 22 + 12345, hostname: (await import('node:os')).hostname() })
  )
  const third = await openDatabase({ dataDir })
  await third.ping()
  await third.close()
})

t.test('an unreachable PostgreSQL fails openDatabase', onlyWith('postgres'), async (t) => {
  await t.rejects(openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: 'unused' }))
})
