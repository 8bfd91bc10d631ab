// Every SQL statement of the store, and nothing else: the schema (as numbered migrations) and the
// queries. Parameters are positional; each statement lists what its $n are.
//
// Time: statements that need "now" take it as $1 and read it through CLOCK, which is the
// DATABASE clock (`now()`, the transaction's start time) unless a test passes a fixed time. Several
// instances therefore agree on when a lease expires, whatever their own clocks say.
//
// Every timestamp column is timestamptz(3): millisecond precision, so the ISO strings the driver
// layer returns are exact and a cursor built from them compares equal to the stored value.

export const SCHEMA = 'kibo_bridge'

const CLOCK = 'coalesce($1::timestamptz, now())'

export const IMPORT_STATUSES = ['queued', 'importing', 'imported', 'failed', 'dead'] as const

export interface Migration {
  version: number
  name: string
  /** One statement per entry (PGlite's extended protocol runs one statement per query). */
  statements: readonly string[]
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'imports and their history',
    statements: [
      `CREATE TABLE ${SCHEMA}.imports (
        import_id text PRIMARY KEY,
        tenant_id integer NOT NULL,
        site_id integer NOT NULL,
        external_id text NOT NULL,
        payload_hash text NOT NULL,
        event jsonb NOT NULL,
        status text NOT NULL CONSTRAINT imports_status_check CHECK (status IN ('queued', 'importing', 'imported', 'failed', 'dead')),
        mode text NOT NULL CONSTRAINT imports_mode_check CHECK (mode IN ('sync', 'async')),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT imports_attempts_check CHECK (attempts >= 0),
        lease_owner text,
        lease_expires_at timestamptz(3),
        kibo_order_id text,
        kibo_order_number bigint,
        kibo_correlation_id text,
        last_error jsonb,
        webhook_id text,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        imported_at timestamptz(3),
        failed_at timestamptz(3),
        next_attempt_at timestamptz(3),
        CONSTRAINT imports_external_key UNIQUE (tenant_id, site_id, external_id),
        CONSTRAINT imports_lease_pair CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
        CONSTRAINT imports_lease_only_while_importing CHECK ((status = 'importing') = (lease_owner IS NOT NULL)),
        CONSTRAINT imports_imported_has_order CHECK (status <> 'imported' OR (kibo_order_id IS NOT NULL AND imported_at IS NOT NULL))
      )`,
      // A webhook delivery id identifies one delivery: a second row for it is a conflict.
      `CREATE UNIQUE INDEX imports_webhook_key ON ${SCHEMA}.imports (tenant_id, site_id, webhook_id) WHERE webhook_id IS NOT NULL`,
      // Listing newest first, with and without a status filter (keyset pagination on both).
      `CREATE INDEX imports_created_idx ON ${SCHEMA}.imports (created_at DESC, import_id DESC)`,
      `CREATE INDEX imports_status_created_idx ON ${SCHEMA}.imports (status, created_at DESC, import_id DESC)`,
      `CREATE INDEX imports_external_id_idx ON ${SCHEMA}.imports (external_id)`,
      // Finding imports whose owner died (expired leases) without scanning the table.
      `CREATE INDEX imports_lease_expiry_idx ON ${SCHEMA}.imports (lease_expires_at) WHERE status = 'importing'`,
      // Queued imports by when they are due (the delivery sweeper's look-up).
      `CREATE INDEX imports_due_idx ON ${SCHEMA}.imports (next_attempt_at) WHERE status = 'queued'`,
      `CREATE TABLE ${SCHEMA}.import_events (
        id bigserial PRIMARY KEY,
        import_id text NOT NULL REFERENCES ${SCHEMA}.imports (import_id) ON DELETE CASCADE,
        at timestamptz(3) NOT NULL,
        kind text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`,
      `CREATE INDEX import_events_import_idx ON ${SCHEMA}.import_events (import_id, id)`
    ]
  }
]

// ---- migrations -------------------------------------------------------------------------------

/** Serializes migrations across instances; released at COMMIT. The key is arbitrary but fixed. */
export const lockMigrations = `SELECT pg_advisory_xact_lock(7366840192018734) AS locked`
export const createSchema = `CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`
export const createMigrationsTable = `CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz(3) NOT NULL DEFAULT now()
)`
/** No parameters; false before the first migration ever ran. */
export const migrationsTableExists = `SELECT to_regclass('${SCHEMA}.schema_migrations') IS NOT NULL AS present`
export const selectSchemaVersion = `SELECT coalesce(max(version), 0)::integer AS version FROM ${SCHEMA}.schema_migrations`
/** $1 version, $2 name */
export const insertMigration = `INSERT INTO ${SCHEMA}.schema_migrations (version, name) VALUES ($1, $2)`

// ---- imports ----------------------------------------------------------------------------------

/**
 * A new import, or nothing when (tenant, site, externalId) exists.
 * $1 clock, $2 import_id, $3 tenant_id, $4 site_id, $5 external_id, $6 payload_hash, $7 event
 * (JSON text), $8 status, $9 mode, $10 attempts, $11 lease_owner, $12 lease ms (null: no lease),
 * $13 webhook_id
 */
export const insertImport = `INSERT INTO ${SCHEMA}.imports (
    import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, attempts,
    lease_owner, lease_expires_at, webhook_id, created_at, updated_at
  )
  VALUES (
    $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10,
    $11, ${CLOCK} + $12::integer * interval '1 millisecond', $13, ${CLOCK}, ${CLOCK}
  )
  ON CONFLICT (tenant_id, site_id, external_id) DO NOTHING
  RETURNING *`

const LEASE_STATE = `(i.lease_expires_at > ${CLOCK}) AS lease_live,
  greatest(1, ceil(extract(epoch FROM (i.lease_expires_at - ${CLOCK}))))::integer AS lease_seconds_left`

/** The row for a key, with whether its lease is live. $1 clock, $2 tenant_id, $3 site_id, $4 external_id */
export const selectImportForClaim = `SELECT i.*, ${LEASE_STATE}
  FROM ${SCHEMA}.imports i
  WHERE i.tenant_id = $2 AND i.site_id = $3 AND i.external_id = $4`

/** $1 tenant_id, $2 site_id, $3 webhook_id */
export const selectImportByWebhook = `SELECT * FROM ${SCHEMA}.imports WHERE tenant_id = $1 AND site_id = $2 AND webhook_id = $3`

/**
 * Takes over a failed/dead import, or an importing one whose lease expired (same payload only).
 * Decided by this WHERE, so of several concurrent takers exactly one gets a row back.
 * $1 clock, $2 import_id, $3 status seen, $4 payload_hash, $5 event (JSON text), $6 new status,
 * $7 mode, $8 lease_owner (null: none), $9 lease ms (null: none), $10 webhook_id (null: keep),
 * $11 attempts to add
 */
export const reclaimImport = `UPDATE ${SCHEMA}.imports AS i SET
    status = $6,
    mode = $7,
    payload_hash = $4,
    event = $5::jsonb,
    attempts = i.attempts + $11::integer,
    lease_owner = $8,
    lease_expires_at = ${CLOCK} + $9::integer * interval '1 millisecond',
    webhook_id = coalesce($10, i.webhook_id),
    next_attempt_at = NULL,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2
    AND i.status = $3
    AND (
      i.status IN ('failed', 'dead')
      OR (i.status = 'importing' AND i.lease_expires_at <= ${CLOCK} AND i.payload_hash = $4)
    )
  RETURNING i.*`

/**
 * An async worker takes a queued import that is due (or one whose previous lease expired).
 * $1 clock, $2 import_id, $3 lease_owner, $4 lease ms
 */
export const leaseImport = `UPDATE ${SCHEMA}.imports AS i SET
    status = 'importing',
    attempts = i.attempts + 1,
    lease_owner = $3,
    lease_expires_at = ${CLOCK} + $4::integer * interval '1 millisecond',
    next_attempt_at = NULL,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2
    AND (
      (i.status = 'queued' AND (i.next_attempt_at IS NULL OR i.next_attempt_at <= ${CLOCK}))
      OR (i.status = 'importing' AND i.lease_expires_at <= ${CLOCK})
    )
  RETURNING i.*`

/**
 * Only the lease owner may finish an import; an expired lease that nobody took over still counts.
 * $1 clock, $2 import_id, $3 lease_owner, $4 kibo_order_id, $5 kibo_order_number, $6 correlation id
 */
export const markImported = `UPDATE ${SCHEMA}.imports AS i SET
    status = 'imported',
    kibo_order_id = $4,
    kibo_order_number = $5::bigint,
    kibo_correlation_id = $6,
    lease_owner = NULL,
    lease_expires_at = NULL,
    last_error = NULL,
    failed_at = NULL,
    imported_at = ${CLOCK},
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.status = 'importing' AND i.lease_owner = $3
  RETURNING i.*`

/** $1 clock, $2 import_id, $3 lease_owner, $4 'failed' | 'dead', $5 error (JSON text) */
export const markFailed = `UPDATE ${SCHEMA}.imports AS i SET
    status = $4,
    last_error = $5::jsonb,
    lease_owner = NULL,
    lease_expires_at = NULL,
    failed_at = ${CLOCK},
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.status = 'importing' AND i.lease_owner = $3
  RETURNING i.*`

/** $1 clock, $2 import_id, $3 lease_owner, $4 lease ms */
export const renewLease = `UPDATE ${SCHEMA}.imports AS i SET
    lease_expires_at = ${CLOCK} + $4::integer * interval '1 millisecond'
  WHERE i.import_id = $2 AND i.status = 'importing' AND i.lease_owner = $3
  RETURNING i.*`

/**
 * Back to the queue, due again after a delay (the retry backoff).
 * $1 clock, $2 import_id, $3 lease_owner, $4 error (JSON text, null: keep the last one), $5 delay ms
 */
export const releaseToQueue = `UPDATE ${SCHEMA}.imports AS i SET
    status = 'queued',
    lease_owner = NULL,
    lease_expires_at = NULL,
    last_error = coalesce($4::jsonb, i.last_error),
    next_attempt_at = ${CLOCK} + $5::integer * interval '1 millisecond',
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.status = 'importing' AND i.lease_owner = $3
  RETURNING i.*`

/** Manual retry: a failed or dead import goes back to the queue. $1 clock, $2 import_id */
export const requeue = `UPDATE ${SCHEMA}.imports AS i SET
    status = 'queued',
    mode = 'async',
    next_attempt_at = NULL,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.status IN ('failed', 'dead')
  RETURNING i.*`

/** $1 import_id */
export const selectImport = `SELECT * FROM ${SCHEMA}.imports WHERE import_id = $1`

/** $1 tenant_id, $2 site_id, $3 external_id */
export const selectImportByKey = `SELECT * FROM ${SCHEMA}.imports WHERE tenant_id = $1 AND site_id = $2 AND external_id = $3`

/**
 * Newest first, keyset-paginated on (created_at, import_id). Null filters match everything.
 * $1 status, $2 external_id, $3 tenant_id, $4 site_id, $5 cursor created_at, $6 cursor import_id,
 * $7 limit
 */
export const listImports = `SELECT * FROM ${SCHEMA}.imports
  WHERE ($1::text IS NULL OR status = $1)
    AND ($2::text IS NULL OR external_id = $2)
    AND ($3::integer IS NULL OR tenant_id = $3)
    AND ($4::integer IS NULL OR site_id = $4)
    AND ($5::timestamptz IS NULL OR (created_at, import_id) < ($5::timestamptz, $6::text))
  ORDER BY created_at DESC, import_id DESC
  LIMIT $7`

/**
 * Async imports that nobody is working on although they should be: queued and due for longer
 * than a grace period (their job was lost), or importing under an expired lease (their worker
 * died). The delivery sweeper sends each a job again; the job's singleton key and the lease make
 * a surplus job harmless. $1 clock, $2 grace ms, $3 limit
 */
export const selectStrandedImports = `SELECT import_id FROM ${SCHEMA}.imports AS i
  WHERE (i.status = 'queued' AND i.mode = 'async'
         AND coalesce(i.next_attempt_at, i.updated_at) < ${CLOCK} - $2::integer * interval '1 millisecond')
     OR (i.status = 'importing' AND i.mode = 'async' AND i.lease_expires_at <= ${CLOCK})
  ORDER BY coalesce(i.next_attempt_at, i.updated_at)
  LIMIT $3`

/** Queue depth and the age of its oldest import, for metrics and readiness. $1 clock */
export const selectQueueDepth = `SELECT count(*)::integer AS depth,
    coalesce(extract(epoch FROM (${CLOCK} - min(i.created_at))), 0)::float8 AS oldest_seconds
  FROM ${SCHEMA}.imports AS i WHERE i.status IN ('queued', 'importing')`

/** Failed and dead imports, oldest first, for a bulk retry. $1 status, $2 limit */
export const selectRetryable = `SELECT import_id FROM ${SCHEMA}.imports
  WHERE status = $1 ORDER BY created_at, import_id LIMIT $2`

export const countByStatus = `SELECT status, count(*) AS count FROM ${SCHEMA}.imports GROUP BY status`

// ---- history ----------------------------------------------------------------------------------

/** $1 clock, $2 import_id, $3 kind, $4 detail (JSON text) */
export const insertEvent = `INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
  VALUES ($2, ${CLOCK}, $3, $4::jsonb)
  RETURNING id`

/** Oldest first. $1 import_id */
export const selectEvents = `SELECT id, import_id, at, kind, detail FROM ${SCHEMA}.import_events
  WHERE import_id = $1
  ORDER BY id`
