// The durable import store. Layout (one concern per file):
//   database.ts     the two drivers (PostgreSQL pool, embedded PGlite) behind one Database interface
//   pglite-worker.ts, pglite-thread.ts  embedded PGlite in a worker thread, and that thread
//   value-parsers.ts how timestamptz and int8 are read, on both drivers
//   group-commit.ts concurrent claims and outcomes share one transaction
//   migrations.ts   applying and checking the schema version
//   sql.ts          every SQL statement, the schema included
//   import-store.ts import records: claims, leases, outcomes, history, listing
export {
  openDatabase,
  postgresDatabase,
  pgliteDatabase,
  parseTimestamp,
  parseInt8,
  DatabaseBusyError,
  type Database,
  type Queryable,
  type QueryResult,
  type OpenDatabaseOptions,
  type StoreLogger
} from './database.ts'
export { migrate, schemaStatus, latestVersion, SchemaVersionError, type SchemaStatus, type MigrateResult } from './migrations.ts'
export { SCHEMA, IMPORT_STATUSES } from './sql.ts'
export {
  createImportStore,
  newImportId,
  encodeCursor,
  decodeCursor,
  ImportNotFoundError,
  LeaseLostError,
  ImportStateError,
  InvalidCursorError,
  QUEUED_RETRY_AFTER_SECONDS,
  type ImportStore,
  type ImportStoreOptions,
  type ImportRecord,
  type ImportEvent,
  type ImportStatus,
  type ImportMode,
  type ClaimInput,
  type ClaimResult,
  type ClaimBatchOptions,
  type ImportedOutcome,
  type MarkImportedInput,
  type ListImportsQuery,
  type ImportSummary,
  type ImportPage
} from './import-store.ts'
export {
  createTranslatedAuthorizationStore,
  type TranslatedAuthorization,
  type TranslatedAuthorizationStore
} from './translated-authorizations.ts'
