// The durable store: every table, every SQL statement, both database drivers. Layout (one
// concern per file):
//   database.ts     the two drivers (PostgreSQL pool, embedded PGlite) behind one Database interface
//   pglite-worker.ts, pglite-thread.ts  embedded PGlite in a worker thread, and that thread
//   value-parsers.ts how timestamptz and int8 are read, on both drivers
//   group-commit.ts concurrent claims and outcomes share one transaction
//   migrations.ts   applying and checking the schema version
//   sql.ts          every SQL statement, the schema included
//   import-store.ts import records: claims, leases, outcomes, history, listing
//   inventory-store.ts inventory jobs, their Kibo batches and per-item errors
//   kibo-pauses.ts  fleet-wide Kibo rate-limit pauses
//   translated-authorizations.ts results of Create Order Authorize kept for the later create
// To add a SQL statement: write it in sql.ts (its $n listed), call it from the repository of its
// table; nothing outside this folder writes SQL.
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
