// Migrations: idempotent, safe when instances start together, and refusing a newer schema.
import t from 'tap'
import { latestVersion, migrate, schemaStatus, SchemaVersionError } from '../../src/store/index.ts'
import { MIGRATIONS } from '../../src/store/sql.ts'

const allVersions = MIGRATIONS.map((migration) => migration.version)
import { eachDatabase } from '../support/databases.ts'

eachDatabase(
  t,
  async (t, { db, kind, connectAgain }) => {
    const expected = latestVersion()

    t.test('a fresh database reports everything pending', async (t) => {
      t.same(await schemaStatus(db), { applied: 0, expected, upToDate: false, pending: allVersions })
    })

    t.test('migrate applies once, then has nothing to do', async (t) => {
      t.same(await migrate(db), { from: 0, to: expected, applied: allVersions })
      t.same(await migrate(db), { from: expected, to: expected, applied: [] })
      t.same(await schemaStatus(db), { applied: expected, expected, upToDate: true, pending: [] })
      const { rows } = await db.query<{ version: number; name: string; applied_at: string }>('SELECT * FROM kibo_bridge.schema_migrations')
      t.equal(rows.length, allVersions.length, 'one row per migration')
      t.match(rows[0].applied_at, /Z$/)
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'kibo_bridge' ORDER BY table_name"
      )
      t.same(
        tables.rows.map((r) => r.table_name),
        [
          'import_events',
          'imports',
          'inventory_batches',
          'inventory_item_errors',
          'inventory_jobs',
          'kibo_pauses',
          'schema_migrations',
          'translated_authorizations'
        ]
      )
    })

    t.test('a failing migration leaves nothing behind', async (t) => {
      const broken = [
        { version: 1, name: 'imports and their history', statements: [] },
        { version: 2, name: 'half done', statements: ['CREATE TABLE kibo_bridge.half (id int)', 'SELECT no_such_function()'] }
      ]
      await t.rejects(migrate(db, broken))
      t.equal((await schemaStatus(db)).applied, expected)
      const { rows } = await db.query<{ present: boolean }>("SELECT to_regclass('kibo_bridge.half') IS NOT NULL AS present")
      t.equal(rows[0].present, false)
      t.equal((await db.query('SELECT 1 AS ok')).rows.length, 1, 'the connection is usable afterwards')
    })

    t.test('a database ahead of this build is refused', async (t) => {
      await db.query("INSERT INTO kibo_bridge.schema_migrations (version, name) VALUES (99, 'from the future')")
      const error = await migrate(db).catch((e: unknown) => e)
      t.ok(error instanceof SchemaVersionError)
      t.equal((error as Error).message, `database schema version 99 is newer than this build supports (${expected}); upgrade the service`)
      t.match(await schemaStatus(db), { applied: 99, expected, upToDate: false, pending: [] })
      await db.query('DELETE FROM kibo_bridge.schema_migrations WHERE version = 99')
    })

    t.test('instances starting together (PostgreSQL: several pools)', { skip: kind === 'pglite' ? 'one connection' : false }, async (t) => {
      // A second fresh database would be cleaner, but this one is migrated: drop our schema first.
      await db.query('DROP SCHEMA kibo_bridge CASCADE')
      const instances = [db, ...(await Promise.all([connectAgain!(), connectAgain!(), connectAgain!()]))]
      const results = await Promise.all(instances.map((instance) => migrate(instance)))
      t.equal(results.filter((r) => r.applied.length === allVersions.length).length, 1, 'exactly one applies the migrations')
      t.equal(results.filter((r) => r.applied.length === 0).length, 3, 'the others find it done')
      t.same(await schemaStatus(db), { applied: expected, expected, upToDate: true, pending: [] })
    })
  },
  { migrated: false }
)
