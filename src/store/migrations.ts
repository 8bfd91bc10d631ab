// The schema's life cycle: numbered migrations (their SQL is in sql.ts), applied in order at
// start, inside one transaction, each recorded in kibo_bridge.schema_migrations. A transaction-level
// advisory lock makes instances that start together take turns: the first applies, the others
// then find nothing left to do. A database migrated by a newer build is refused, never downgraded.
import type { Database, Queryable } from './database.ts'
import * as sql from './sql.ts'

export class SchemaVersionError extends Error {
  readonly databaseVersion: number
  readonly supportedVersion: number
  constructor (databaseVersion: number, supportedVersion: number) {
    super(`database schema version ${databaseVersion} is newer than this build supports (${supportedVersion}); upgrade the service`)
    this.name = 'SchemaVersionError'
    this.databaseVersion = databaseVersion
    this.supportedVersion = supportedVersion
  }
}

export interface SchemaStatus {
  /** Highest version recorded in the database (0: never migrated). */
  applied: number
  /** Highest version this build knows. */
  expected: number
  /** applied === expected */
  upToDate: boolean
  /** Versions this build would still apply. */
  pending: number[]
}

export interface MigrateResult {
  from: number
  to: number
  applied: number[]
}

/** The migrations this build knows, checked once: versions 1, 2, 3, … without gaps. */
export function knownMigrations (migrations: readonly sql.Migration[] = sql.MIGRATIONS): readonly sql.Migration[] {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`)
    }
  })
  return migrations
}

export function latestVersion (migrations: readonly sql.Migration[] = sql.MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version
}

async function appliedVersion (q: Queryable): Promise<number> {
  const { rows } = await q.query<{ present: boolean }>(sql.migrationsTableExists)
  if (!rows[0].present) return 0
  const version = await q.query<{ version: number }>(sql.selectSchemaVersion)
  return version.rows[0].version
}

/**
 * Brings the schema up to date; throws SchemaVersionError when the database is ahead of this
 * build. `migrations` is for tests only.
 */
export async function migrate (db: Database, migrations: readonly sql.Migration[] = sql.MIGRATIONS): Promise<MigrateResult> {
  const steps = knownMigrations(migrations)
  const expected = latestVersion(steps)
  return db.transaction(async (tx) => {
    await tx.query(sql.lockMigrations)
    await tx.query(sql.createSchema)
    await tx.query(sql.createMigrationsTable)
    const from = (await tx.query<{ version: number }>(sql.selectSchemaVersion)).rows[0].version
    if (from > expected) throw new SchemaVersionError(from, expected)
    const applied: number[] = []
    for (const migration of steps) {
      if (migration.version <= from) continue
      for (const statement of migration.statements) await tx.query(statement)
      await tx.query(sql.insertMigration, [migration.version, migration.name])
      applied.push(migration.version)
    }
    return { from, to: Math.max(from, expected), applied }
  })
}

/** For the readiness check: applied vs expected, without changing anything. */
export async function schemaStatus (db: Queryable, migrations: readonly sql.Migration[] = sql.MIGRATIONS): Promise<SchemaStatus> {
  const expected = latestVersion(migrations)
  const applied = await appliedVersion(db)
  return {
    applied,
    expected,
    upToDate: applied === expected,
    pending: migrations.filter((migration) => migration.version > applied).map((migration) => migration.version)
  }
}
