// pg-boss shares the embedded database: its adapter on db.pglite, our transactions on the same
// instance, interleaved without either corrupting the other.
import t from 'tap'
import { PgBoss, fromPglite } from 'pg-boss'
import { createImportStore, type ImportStore } from '../../src/store/index.ts'
import { eachDatabase } from '../support/databases.ts'

// On PostgreSQL pg-boss simply connects with the same DATABASE_URL (its own pool, its own schema).
eachDatabase(
  t,
  async (t, { db }) => {
    const boss = new PgBoss({ db: fromPglite(db.pglite!), backend: 'pglite', supervise: false, schedule: false })
    boss.on('error', (error) => t.fail(String(error)))
    await boss.start()
    t.teardown(() => boss.stop({ graceful: false }))
    await boss.createQueue('imports')
    const store: ImportStore = createImportStore(db)

    const work = Array.from({ length: 20 }, async (_, i) => {
      const claim = await store.claimImport({
        tenantId: 1,
        siteId: 1,
        externalId: `shared-${i}`,
        payloadHash: 'h',
        event: { i },
        mode: 'async',
        leaseOwner: 'me',
        leaseMs: 1000
      })
      return boss.send('imports', { importId: claim.record.importId })
    })
    const ids = await Promise.all(work)
    t.equal(ids.filter((id) => typeof id === 'string').length, 20, 'every job was queued')
    t.equal((await store.countByStatus()).queued, 20)
    const jobs = await boss.fetch('imports', { batchSize: 50 })
    t.equal(jobs.length, 20)
    const schemas = await db.query<{ schema_name: string }>(
      "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('pgboss', 'kibo_bridge') ORDER BY 1"
    )
    t.same(
      schemas.rows.map((row) => row.schema_name),
      ['kibo_bridge', 'pgboss'],
      'side by side'
    )
  },
  { kinds: ['pglite'] }
)
