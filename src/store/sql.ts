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
        restrictions jsonb,
        restrictions_status text CONSTRAINT imports_restrictions_status_check CHECK (restrictions_status IN ('pending', 'applied')),
        restrictions_error jsonb,
        restrictions_attempts integer NOT NULL DEFAULT 0,
        restrictions_applied_at timestamptz(3),
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
  },
  {
    version: 2,
    name: 'inventory jobs, their Kibo batches and per-item errors',
    statements: [
      // One adjust or refresh we accepted. 'receiving' only while an upload streams in (under the
      // uploader's lease); then queued → running (under a worker's lease) → a final status.
      `CREATE TABLE ${SCHEMA}.inventory_jobs (
        job_id text PRIMARY KEY,
        tenant_id integer NOT NULL,
        site_id integer NOT NULL,
        kind text NOT NULL CONSTRAINT inventory_jobs_kind_check CHECK (kind IN ('adjust', 'refresh')),
        source text NOT NULL CONSTRAINT inventory_jobs_source_check CHECK (source IN ('json', 'ndjson', 'csv')),
        idempotency_key text,
        payload_hash text,
        status text NOT NULL CONSTRAINT inventory_jobs_status_check
          CHECK (status IN ('receiving', 'queued', 'running', 'completed', 'completed_with_errors', 'failed')),
        item_count integer NOT NULL DEFAULT 0,
        batch_count integer NOT NULL DEFAULT 0,
        passes integer NOT NULL DEFAULT 0,
        lease_owner text,
        lease_expires_at timestamptz(3),
        next_attempt_at timestamptz(3),
        last_error jsonb,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3),
        CONSTRAINT inventory_jobs_lease_pair CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL)),
        CONSTRAINT inventory_jobs_hash_once_received CHECK (status = 'receiving' OR payload_hash IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX inventory_jobs_idempotency_key ON ${SCHEMA}.inventory_jobs (tenant_id, site_id, idempotency_key)` +
        ' WHERE idempotency_key IS NOT NULL',
      `CREATE INDEX inventory_jobs_active_idx ON ${SCHEMA}.inventory_jobs (status, next_attempt_at)` +
        " WHERE status IN ('receiving', 'queued', 'running')",
      // One Kibo adjust/refresh call: one location, at most Kibo's batch limit of items.
      `CREATE TABLE ${SCHEMA}.inventory_batches (
        job_id text NOT NULL REFERENCES ${SCHEMA}.inventory_jobs (job_id) ON DELETE CASCADE,
        batch_no integer NOT NULL,
        location_code text NOT NULL,
        items jsonb NOT NULL,
        item_count integer NOT NULL,
        status text NOT NULL CONSTRAINT inventory_batches_status_check
          CHECK (status IN ('pending', 'submitting', 'submitted', 'completed', 'failed', 'unknown')),
        attempts integer NOT NULL DEFAULT 0,
        kibo_job_id bigint,
        kibo_status text,
        kibo_correlation_id text,
        next_attempt_at timestamptz(3),
        last_error jsonb,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        submitted_at timestamptz(3),
        finished_at timestamptz(3),
        PRIMARY KEY (job_id, batch_no),
        CONSTRAINT inventory_batches_submitted_has_job CHECK (status <> 'submitted' OR kibo_job_id IS NOT NULL)
      )`,
      `CREATE TABLE ${SCHEMA}.inventory_item_errors (
        id bigserial PRIMARY KEY,
        job_id text NOT NULL REFERENCES ${SCHEMA}.inventory_jobs (job_id) ON DELETE CASCADE,
        batch_no integer NOT NULL,
        location_code text NOT NULL,
        part_number text,
        upc text,
        sku text,
        code text NOT NULL,
        message text NOT NULL
      )`,
      `CREATE INDEX inventory_item_errors_job_idx ON ${SCHEMA}.inventory_item_errors (job_id, id)`
    ]
  },
  {
    version: 3,
    name: 'fleet-wide Kibo rate-limit pauses',
    statements: [
      // Kibo answered 429 with Retry-After to one instance: every instance's workers leave this
      // Kibo tenant alone until paused_until (read by the delivery workers before each import).
      `CREATE TABLE ${SCHEMA}.kibo_pauses (
        tenant_id integer PRIMARY KEY,
        paused_until timestamptz(3) NOT NULL,
        reason jsonb NOT NULL DEFAULT '{}'::jsonb,
        updated_at timestamptz(3) NOT NULL
      )`
    ]
  },
  {
    version: 4,
    name: 'translated Create Order Authorize results',
    statements: [
      // One authorization per (tenant, site, order, payment): Kibo's authorize holds the payment,
      // so it is asked once and its orderID/authToken are fed into the later create.
      `CREATE TABLE ${SCHEMA}.translated_authorizations (
        tenant_id integer NOT NULL,
        site_id integer NOT NULL,
        external_id text NOT NULL,
        payment_index integer NOT NULL,
        order_id bigint NOT NULL,
        auth_token text NOT NULL,
        payment_method_token text,
        amount text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, site_id, external_id, payment_index)
      )`
    ]
  },
  {
    version: 5,
    name: 'storefront connectors (deliveries, orders, stores) and the source of every import',
    statements: [
      // Which intake path created an import: 'api', 'webhook', 'cli' or '<platform>:<store>'.
      `ALTER TABLE ${SCHEMA}.imports ADD COLUMN source text`,
      `UPDATE ${SCHEMA}.imports SET source = CASE WHEN webhook_id IS NOT NULL THEN 'webhook' ELSE 'api' END`,
      `CREATE INDEX imports_source_created_idx ON ${SCHEMA}.imports (source, created_at DESC, import_id DESC)`,
      // Every signed delivery a connector received (unsigned ones are refused and never stored).
      `CREATE TABLE ${SCHEMA}.connector_deliveries (
        id bigserial PRIMARY KEY,
        platform text NOT NULL,
        store text NOT NULL,
        delivery_id text,
        event_id text,
        topic text NOT NULL,
        order_key text,
        triggered_at timestamptz(3),
        received_at timestamptz(3) NOT NULL,
        outcome text NOT NULL CONSTRAINT connector_deliveries_outcome_check CHECK (outcome IN ('accepted', 'duplicate', 'skipped')),
        reason text
      )`,
      // One event (per topic) is worked on once: a repeat is stored as a 'duplicate' row.
      `CREATE UNIQUE INDEX connector_deliveries_event_key ON ${SCHEMA}.connector_deliveries (platform, store, topic, event_id)
        WHERE event_id IS NOT NULL AND outcome <> 'duplicate'`,
      `CREATE INDEX connector_deliveries_order_idx ON ${SCHEMA}.connector_deliveries (platform, store, order_key)`,
      // One row per storefront order we decided to import: the import key (platform, store, order key).
      `CREATE TABLE ${SCHEMA}.connector_orders (
        platform text NOT NULL,
        store text NOT NULL,
        order_key text NOT NULL,
        tenant_id integer NOT NULL,
        site_id integer NOT NULL,
        found_by text NOT NULL CONSTRAINT connector_orders_found_by_check CHECK (found_by IN ('webhook', 'reconcile')),
        status text NOT NULL CONSTRAINT connector_orders_status_check CHECK (status IN ('fetching', 'handed_off', 'failed')),
        import_id text,
        external_id text,
        attempts integer NOT NULL DEFAULT 0,
        last_error jsonb,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        PRIMARY KEY (platform, store, order_key)
      )`,
      // Per store: the last delivery seen, and the reconciliation checkpoint with its run lease.
      `CREATE TABLE ${SCHEMA}.connector_stores (
        platform text NOT NULL,
        store text NOT NULL,
        tenant_id integer NOT NULL,
        site_id integer NOT NULL,
        last_webhook_at timestamptz(3),
        checkpoint timestamptz(3),
        last_run_at timestamptz(3),
        last_run_status text,
        last_run_error jsonb,
        found_without_webhook integer NOT NULL DEFAULT 0,
        lease_owner text,
        lease_expires_at timestamptz(3),
        PRIMARY KEY (platform, store)
      )`
    ]
  }
]

// ---- migrations -------------------------------------------------------------------------------

/** Serializes migrations across instances; released at COMMIT. The key is arbitrary but fixed. */
export const lockMigrations = 'SELECT pg_advisory_xact_lock(7366840192018734) AS locked'
/**
 * Serializes pg-boss's install (its own advisory lock does not stop its CREATE SCHEMA from racing
 * when instances start together on an empty database) and queue creation across instances.
 * Session-level, PostgreSQL only: taken on a connection of its own, released when done.
 */
export const lockQueueSetup = 'SELECT pg_advisory_lock(7366840192018735) AS locked'
export const unlockQueueSetup = 'SELECT pg_advisory_unlock(7366840192018735) AS unlocked'
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
 * Every column of imports but the event, for statements whose caller already holds the event (a
 * claim, an outcome): the event (~2 kB of jsonb) is not sent back, rendered and parsed again.
 */
const importColumnsButEvent = (table: string) =>
  ['import_id', 'tenant_id', 'site_id', 'external_id', 'payload_hash', 'status', 'mode', 'attempts', 'lease_owner',
    'lease_expires_at', 'kibo_order_id', 'kibo_order_number', 'kibo_correlation_id', 'last_error', 'webhook_id', 'created_at',
    'updated_at', 'imported_at', 'failed_at', 'next_attempt_at', 'restrictions', 'restrictions_status', 'restrictions_error',
    'restrictions_attempts', 'restrictions_applied_at', 'source']
    .map((column) => `${table}.${column}`)
    .join(', ')

/**
 * A new import, or nothing when (tenant, site, externalId) exists.
 * $1 clock, $2 import_id, $3 tenant_id, $4 site_id, $5 external_id, $6 payload_hash, $7 event
 * (JSON text), $8 status, $9 mode, $10 attempts, $11 lease_owner, $12 lease ms (null: no lease),
 * $13 webhook_id, $14 source
 */
export const insertImport = `INSERT INTO ${SCHEMA}.imports (
    import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, attempts,
    lease_owner, lease_expires_at, webhook_id, created_at, updated_at, source
  )
  VALUES (
    $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10,
    $11, ${CLOCK} + $12::integer * interval '1 millisecond', $13, ${CLOCK}, ${CLOCK}, $14
  )
  ON CONFLICT (tenant_id, site_id, external_id) DO NOTHING
  RETURNING *`

/**
 * Many new imports in one statement (group commit), each with its 'received' history row; a row
 * whose key or webhook id already exists is skipped (the caller claims those one by one). The rows
 * come back without their event (the caller has it).
 * $1 clock, $2 JSON array of {import_id, tenant_id, site_id, external_id, payload_hash, event,
 * status, mode, attempts, lease_owner, lease_ms, webhook_id, detail, source}
 */
export const insertImports = `WITH input AS (
    SELECT * FROM json_to_recordset($2::text::json) AS r (
      import_id text, tenant_id integer, site_id integer, external_id text, payload_hash text,
      event jsonb, status text, mode text, attempts integer, lease_owner text, lease_ms integer,
      webhook_id text, detail jsonb, source text
    )
  ),
  inserted AS (
    INSERT INTO ${SCHEMA}.imports (
      import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, attempts,
      lease_owner, lease_expires_at, webhook_id, created_at, updated_at, source
    )
    SELECT import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, attempts,
      lease_owner, ${CLOCK} + lease_ms * interval '1 millisecond', webhook_id, ${CLOCK}, ${CLOCK}, source
    FROM input
    ON CONFLICT DO NOTHING
    RETURNING *
  ),
  history AS (
    INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
    SELECT inserted.import_id, ${CLOCK}, 'received', input.detail
    FROM inserted JOIN input USING (import_id)
  )
  SELECT ${importColumnsButEvent('inserted')} FROM inserted`

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
 * $11 attempts to add, $12 source (null: keep)
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
    source = coalesce($12, i.source),
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

/** The SET list of an import that is in Kibo now: its order id, number and correlation id are SQL expressions. */
function setImported (orderId: string, orderNumber: string, correlationId: string): string {
  return `status = 'imported',
    kibo_order_id = ${orderId},
    kibo_order_number = ${orderNumber},
    kibo_correlation_id = ${correlationId},
    lease_owner = NULL,
    lease_expires_at = NULL,
    last_error = NULL,
    failed_at = NULL,
    imported_at = ${CLOCK},
    updated_at = ${CLOCK}`
}

/**
 * Only the lease owner may finish an import; an expired lease that nobody took over still counts.
 * $1 clock, $2 import_id, $3 lease_owner, $4 kibo_order_id, $5 kibo_order_number, $6 correlation id
 */
export const markImported = `UPDATE ${SCHEMA}.imports AS i SET
    ${setImported('$4', '$5::bigint', '$6')}
  WHERE i.import_id = $2 AND i.status = 'importing' AND i.lease_owner = $3
  RETURNING i.*`

/**
 * markImported for many imports in one statement (group commit), each with its 'imported' history
 * row; an import not held by that owner is skipped (the caller marks those one by one).
 * $1 clock, $2 JSON array of {import_id, lease_owner, kibo_order_id, kibo_order_number,
 * correlation_id, detail, event_known}; the event comes back null where event_known (the caller has it).
 */
export const markImportedMany = `WITH input AS (
    SELECT * FROM json_to_recordset($2::text::json) AS r (
      import_id text, lease_owner text, kibo_order_id text, kibo_order_number bigint, correlation_id text, detail jsonb,
      event_known boolean
    )
  ),
  updated AS (
    UPDATE ${SCHEMA}.imports AS i SET
      ${setImported('input.kibo_order_id', 'input.kibo_order_number', 'input.correlation_id')}
    FROM input
    WHERE i.import_id = input.import_id AND i.status = 'importing' AND i.lease_owner = input.lease_owner
    RETURNING i.*
  ),
  history AS (
    INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
    SELECT updated.import_id, ${CLOCK}, 'imported', input.detail
    FROM updated JOIN input USING (import_id)
  )
  SELECT ${importColumnsButEvent('updated')}, CASE WHEN input.event_known THEN NULL ELSE updated.event END AS event
  FROM updated JOIN input USING (import_id)`

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
 * $1 clock, $2 import_id, $3 lease_owner, $4 error (JSON text, null: keep the last one), $5 delay ms,
 * $6 attempts to take back (1 when the lease was handed back without trying Kibo)
 */
export const releaseToQueue = `UPDATE ${SCHEMA}.imports AS i SET
    status = 'queued',
    attempts = greatest(0, i.attempts - $6::integer),
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
 * $7 limit, $8 received at or after, $9 received before, $10 source
 */
export const listImports = `SELECT * FROM ${SCHEMA}.imports
  WHERE ($1::text IS NULL OR status = $1)
    AND ($2::text IS NULL OR external_id = $2)
    AND ($3::integer IS NULL OR tenant_id = $3)
    AND ($4::integer IS NULL OR site_id = $4)
    AND ($5::timestamptz IS NULL OR (created_at, import_id) < ($5::timestamptz, $6::text))
    AND ($8::timestamptz IS NULL OR created_at >= $8::timestamptz)
    AND ($9::timestamptz IS NULL OR created_at < $9::timestamptz)
    AND ($10::text IS NULL OR source = $10)
  ORDER BY created_at DESC, import_id DESC
  LIMIT $7`

/**
 * One tenant/site's imports counted per status, with the oldest queued one's age in seconds
 * (the console's summary). $1 clock, $2 tenant_id, $3 site_id, $4 received at or after, $5 received before
 */
export const summarizeImports = `SELECT status, count(*)::integer AS count,
    extract(epoch FROM (${CLOCK} - min(created_at)))::float8 AS oldest_seconds
  FROM ${SCHEMA}.imports
  WHERE tenant_id = $2 AND site_id = $3
    AND ($4::timestamptz IS NULL OR created_at >= $4::timestamptz)
    AND ($5::timestamptz IS NULL OR created_at < $5::timestamptz)
  GROUP BY status`

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

/**
 * Failed and dead imports of one tenant/site, oldest first, for a bulk retry.
 * $1 status, $2 limit, $3 tenant_id, $4 site_id, $5 received at or after, $6 received before (null: any)
 */
export const selectRetryable = `SELECT import_id FROM ${SCHEMA}.imports
  WHERE status = $1 AND tenant_id = $3 AND site_id = $4
    AND ($5::timestamptz IS NULL OR created_at >= $5::timestamptz)
    AND ($6::timestamptz IS NULL OR created_at < $6::timestamptz)
  ORDER BY created_at, import_id LIMIT $2`

// ---- order restrictions (applied to the Kibo order after its import) --------------------------

/**
 * Records the restrictions wanted for an imported order (pending until Kibo confirms them).
 * $1 clock, $2 import_id, $3 restrictions (JSON text)
 */
export const setRestrictions = `UPDATE ${SCHEMA}.imports AS i SET
    restrictions = $3::jsonb,
    restrictions_status = 'pending',
    restrictions_error = NULL,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2
  RETURNING i.*`

/** Kibo confirmed them; only if they are still the ones that were sent. $1 clock, $2 import_id, $3 restrictions sent (JSON text) */
export const markRestrictionsApplied = `UPDATE ${SCHEMA}.imports AS i SET
    restrictions_status = 'applied',
    restrictions_error = NULL,
    restrictions_attempts = i.restrictions_attempts + 1,
    restrictions_applied_at = ${CLOCK},
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.restrictions = $3::jsonb
  RETURNING i.*`

/** A try failed; they stay pending and are tried again. $1 clock, $2 import_id, $3 error (JSON text) */
export const markRestrictionsFailed = `UPDATE ${SCHEMA}.imports AS i SET
    restrictions_error = $3::jsonb,
    restrictions_attempts = i.restrictions_attempts + 1,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.restrictions_status = 'pending'
  RETURNING i.*`

/**
 * Imported orders whose restrictions Kibo does not have yet after a grace period: pending ones,
 * and ones whose event asks for restrictions that were never recorded (the process died between
 * the import and recording them). $1 clock, $2 grace ms, $3 limit
 */
export const selectPendingRestrictions = `SELECT import_id FROM ${SCHEMA}.imports AS i
  WHERE i.status = 'imported'
    AND (i.restrictions_status = 'pending'
         OR (i.restrictions_status IS NULL AND jsonb_typeof(i.event -> 'data' -> 'restrictions') = 'object'))
    AND i.updated_at < ${CLOCK} - $2::integer * interval '1 millisecond'
  ORDER BY i.updated_at
  LIMIT $3`

// ---- translated Create Order Authorize ------------------------------------------------------------

/** $1 tenant_id, $2 site_id, $3 external_id, $4 payment_index, $5 order_id, $6 auth_token, $7 payment_method_token, $8 amount */
export const insertTranslatedAuthorization = `INSERT INTO ${SCHEMA}.translated_authorizations
    (tenant_id, site_id, external_id, payment_index, order_id, auth_token, payment_method_token, amount)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (tenant_id, site_id, external_id, payment_index) DO NOTHING
  RETURNING *`

/** $1 tenant_id, $2 site_id, $3 external_id */
export const selectTranslatedAuthorizations = `SELECT * FROM ${SCHEMA}.translated_authorizations
  WHERE tenant_id = $1 AND site_id = $2 AND external_id = $3 ORDER BY payment_index`

export const countByStatus = `SELECT status, count(*) AS count FROM ${SCHEMA}.imports GROUP BY status`

// ---- history ----------------------------------------------------------------------------------

/** $1 clock, $2 import_id, $3 kind, $4 detail (JSON text) */
export const insertEvent = `INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
  VALUES ($2, ${CLOCK}, $3, $4::jsonb)
  RETURNING id`

/**
 * `change` (an UPDATE … RETURNING i.* of one import; $1 clock, $2 import_id, then its own
 * parameters, `changeParams` of them in all) and, if it changed a row, that row's history entry of
 * kind $n+1 with detail $n+2: one statement, so one round trip and no transaction around it.
 */
export function withHistory (change: string, changeParams: number): string {
  return `WITH changed AS (${change}),
  history AS (
    INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
    SELECT changed.import_id, ${CLOCK}, $${changeParams + 1}, $${changeParams + 2}::jsonb FROM changed
  )
  SELECT * FROM changed`
}

/**
 * leaseImport and its 'leased' history row in one statement: the detail is $5 (leaseOwner) plus the
 * attempt it starts and the status (and lease owner, if any) it took the import from.
 */
export const leaseImportWithHistory = `WITH previous AS (
    SELECT status, lease_owner FROM ${SCHEMA}.imports WHERE import_id = $2
  ),
  changed AS (${leaseImport}),
  history AS (
    INSERT INTO ${SCHEMA}.import_events (import_id, at, kind, detail)
    SELECT changed.import_id, ${CLOCK}, 'leased',
      $5::jsonb || jsonb_build_object('attempt', changed.attempts, 'previousStatus', previous.status)
        || CASE WHEN previous.lease_owner IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('previousLeaseOwner', previous.lease_owner) END
    FROM changed, previous
  )
  SELECT * FROM changed`

/** Oldest first. $1 import_id */
export const selectEvents = `SELECT id, import_id, at, kind, detail FROM ${SCHEMA}.import_events
  WHERE import_id = $1
  ORDER BY id`

// ---- inventory (src/store/inventory-store.ts) --------------------------------------

export const INVENTORY_JOB_STATUSES = ['receiving', 'queued', 'running', 'completed', 'completed_with_errors', 'failed'] as const
export const INVENTORY_BATCH_STATUSES = ['pending', 'submitting', 'submitted', 'completed', 'failed', 'unknown'] as const

const INVENTORY_JOB_LEASE = `(j.lease_expires_at > ${CLOCK}) AS lease_live,
  greatest(1, ceil(extract(epoch FROM (j.lease_expires_at - ${CLOCK}))))::integer AS lease_seconds_left`

/**
 * A new job, or nothing when the idempotency key is taken.
 * $1 clock, $2 job_id, $3 tenant_id, $4 site_id, $5 kind, $6 source, $7 idempotency_key (null: none),
 * $8 lease_owner, $9 lease ms
 */
export const insertInventoryJob = `INSERT INTO ${SCHEMA}.inventory_jobs (
    job_id, tenant_id, site_id, kind, source, idempotency_key, status, lease_owner, lease_expires_at, created_at, updated_at
  )
  VALUES ($2, $3, $4, $5, $6, $7, 'receiving', $8, ${CLOCK} + $9::integer * interval '1 millisecond', ${CLOCK}, ${CLOCK})
  ON CONFLICT (tenant_id, site_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING *`

/** $1 clock, $2 tenant_id, $3 site_id, $4 idempotency_key */
export const selectInventoryJobByKey = `SELECT j.*, ${INVENTORY_JOB_LEASE}
  FROM ${SCHEMA}.inventory_jobs j
  WHERE j.tenant_id = $2 AND j.site_id = $3 AND j.idempotency_key = $4`

/** An upload that died (its lease expired) frees its key. $1 clock, $2 job_id */
export const deleteStaleReceivingJob = `DELETE FROM ${SCHEMA}.inventory_jobs AS j
  WHERE j.job_id = $2 AND j.status = 'receiving' AND j.lease_expires_at <= ${CLOCK}
  RETURNING j.job_id`

/** Every upload that died, at once (the sweeper). $1 clock, $2 limit */
export const deleteStaleReceivingJobs = `DELETE FROM ${SCHEMA}.inventory_jobs AS j
  WHERE j.job_id IN (
    SELECT job_id FROM ${SCHEMA}.inventory_jobs
    WHERE status = 'receiving' AND lease_expires_at <= ${CLOCK}
    LIMIT $2
  )
  RETURNING j.job_id`

/** The uploader gives up (bad line, client gone). $1 job_id, $2 lease_owner */
export const deleteReceivingJob = `DELETE FROM ${SCHEMA}.inventory_jobs
  WHERE job_id = $1 AND status = 'receiving' AND lease_owner = $2`

/** $1 clock, $2 job_id, $3 batch_no, $4 location_code, $5 items (JSON text), $6 item_count */
export const insertInventoryBatch = `INSERT INTO ${SCHEMA}.inventory_batches (
    job_id, batch_no, location_code, items, item_count, status, created_at, updated_at
  )
  VALUES ($2, $3, $4, $5::jsonb, $6, 'pending', ${CLOCK}, ${CLOCK})`

/**
 * The upload is complete: the job is queued (the caller enqueues its reminder in the same
 * transaction). $1 clock, $2 job_id, $3 lease_owner, $4 payload_hash, $5 item_count, $6 batch_count
 */
export const finishReceiving = `UPDATE ${SCHEMA}.inventory_jobs AS j SET
    status = 'queued',
    payload_hash = $4,
    item_count = $5,
    batch_count = $6,
    lease_owner = NULL,
    lease_expires_at = NULL,
    next_attempt_at = NULL,
    updated_at = ${CLOCK}
  WHERE j.job_id = $2 AND j.status = 'receiving' AND j.lease_owner = $3
  RETURNING j.*`

/** Uploader or worker keeps its lease. $1 clock, $2 job_id, $3 lease_owner, $4 lease ms */
export const renewInventoryJobLease = `UPDATE ${SCHEMA}.inventory_jobs AS j SET
    lease_expires_at = ${CLOCK} + $4::integer * interval '1 millisecond'
  WHERE j.job_id = $2 AND j.status IN ('receiving', 'running') AND j.lease_owner = $3
  RETURNING j.job_id`

/**
 * A worker takes a queued job that is due, or a running one whose worker died.
 * $1 clock, $2 job_id, $3 lease_owner, $4 lease ms
 */
export const leaseInventoryJob = `UPDATE ${SCHEMA}.inventory_jobs AS j SET
    status = 'running',
    passes = j.passes + 1,
    lease_owner = $3,
    lease_expires_at = ${CLOCK} + $4::integer * interval '1 millisecond',
    next_attempt_at = NULL,
    updated_at = ${CLOCK}
  WHERE j.job_id = $2
    AND (
      (j.status = 'queued' AND (j.next_attempt_at IS NULL OR j.next_attempt_at <= ${CLOCK}))
      OR (j.status = 'running' AND j.lease_expires_at <= ${CLOCK})
    )
  RETURNING j.*`

/** Back to the queue until the next pass. $1 clock, $2 job_id, $3 lease_owner, $4 delay ms */
export const releaseInventoryJob = `UPDATE ${SCHEMA}.inventory_jobs AS j SET
    status = 'queued',
    lease_owner = NULL,
    lease_expires_at = NULL,
    next_attempt_at = ${CLOCK} + $4::integer * interval '1 millisecond',
    updated_at = ${CLOCK}
  WHERE j.job_id = $2 AND j.status = 'running' AND j.lease_owner = $3
  RETURNING j.*`

/** $1 clock, $2 job_id, $3 lease_owner, $4 final status, $5 last_error (JSON text or null) */
export const finishInventoryJob = `UPDATE ${SCHEMA}.inventory_jobs AS j SET
    status = $4,
    last_error = $5::jsonb,
    lease_owner = NULL,
    lease_expires_at = NULL,
    next_attempt_at = NULL,
    finished_at = ${CLOCK},
    updated_at = ${CLOCK}
  WHERE j.job_id = $2 AND j.status = 'running' AND j.lease_owner = $3
  RETURNING j.*`

/** $1 job_id */
export const selectInventoryJob = `SELECT * FROM ${SCHEMA}.inventory_jobs WHERE job_id = $1`

/** The batches without their items (those can be thousands). $1 job_id */
export const selectInventoryBatches = `SELECT job_id, batch_no, location_code, item_count, status, attempts, kibo_job_id,
    kibo_status, kibo_correlation_id, next_attempt_at, last_error, created_at, updated_at, submitted_at, finished_at
  FROM ${SCHEMA}.inventory_batches WHERE job_id = $1 ORDER BY batch_no`

/** $1 job_id, $2 batch_no */
export const selectInventoryBatchItems = `SELECT items FROM ${SCHEMA}.inventory_batches WHERE job_id = $1 AND batch_no = $2`

/**
 * Moves a batch from one status to another, only while the caller holds the job's lease.
 * $1 clock, $2 job_id, $3 batch_no, $4 lease_owner, $5 from status, $6 to status, $7 attempts to add,
 * $8 kibo_job_id (null: keep), $9 kibo_status (null: keep), $10 correlation id (null: keep),
 * $11 last_error (JSON text; null: clear), $12 due in ms (null: now)
 */
export const transitionInventoryBatch = `UPDATE ${SCHEMA}.inventory_batches AS b SET
    status = $6,
    attempts = b.attempts + $7::integer,
    kibo_job_id = coalesce($8::bigint, b.kibo_job_id),
    kibo_status = coalesce($9, b.kibo_status),
    kibo_correlation_id = coalesce($10, b.kibo_correlation_id),
    last_error = $11::jsonb,
    next_attempt_at = CASE WHEN $12::integer IS NULL THEN NULL ELSE ${CLOCK} + $12::integer * interval '1 millisecond' END,
    submitted_at = CASE WHEN $6 = 'submitted' AND b.status <> 'submitted' THEN ${CLOCK} ELSE b.submitted_at END,
    finished_at = CASE WHEN $6 IN ('completed', 'failed', 'unknown') THEN ${CLOCK} ELSE NULL END,
    updated_at = ${CLOCK}
  FROM ${SCHEMA}.inventory_jobs AS j
  WHERE b.job_id = $2 AND b.batch_no = $3 AND b.status = $5
    AND j.job_id = b.job_id AND j.status = 'running' AND j.lease_owner = $4
  RETURNING b.batch_no`

/**
 * Per-item errors of one batch. $1 job_id, $2 batch_no, $3 location_code,
 * $4 errors (JSON text: [{ partNumber, upc, sku, code, message }])
 */
export const insertInventoryItemErrors =
  `INSERT INTO ${SCHEMA}.inventory_item_errors (job_id, batch_no, location_code, part_number, upc, sku, code, message)
  SELECT $1, $2, $3, e."partNumber", e.upc, e.sku, e.code, e.message
  FROM jsonb_to_recordset($4::jsonb) AS e("partNumber" text, upc text, sku text, code text, message text)`

/** Oldest first. $1 job_id, $2 limit, $3 offset */
export const selectInventoryItemErrors = `SELECT batch_no, location_code, part_number, upc, sku, code, message
  FROM ${SCHEMA}.inventory_item_errors WHERE job_id = $1 ORDER BY id LIMIT $2 OFFSET $3`

/** $1 job_id */
export const countInventoryItemErrors = `SELECT count(*)::integer AS count FROM ${SCHEMA}.inventory_item_errors WHERE job_id = $1`

/** Per batch, for progress. $1 job_id */
export const countInventoryItemErrorsByBatch = `SELECT batch_no, count(*)::integer AS count FROM ${SCHEMA}.inventory_item_errors
  WHERE job_id = $1 GROUP BY batch_no`

/**
 * Jobs nobody works on although they should be: queued and due for longer than a grace period
 * (their reminder was lost), or running under an expired lease (their worker died).
 * $1 clock, $2 grace ms, $3 limit
 */
export const selectStrandedInventoryJobs = `SELECT job_id FROM ${SCHEMA}.inventory_jobs AS j
  WHERE (j.status = 'queued' AND coalesce(j.next_attempt_at, j.updated_at) < ${CLOCK} - $2::integer * interval '1 millisecond')
     OR (j.status = 'running' AND j.lease_expires_at <= ${CLOCK})
  ORDER BY coalesce(j.next_attempt_at, j.updated_at)
  LIMIT $3`

// ---- Kibo rate-limit pauses -------------------------------------------------------------------

/**
 * Pauses a Kibo tenant for every instance; an existing, longer pause is kept (never shortened).
 * $1 clock, $2 tenant_id, $3 pause ms, $4 reason (JSON text). Returns the ms left of the pause.
 */
export const upsertKiboPause = `INSERT INTO ${SCHEMA}.kibo_pauses AS p (tenant_id, paused_until, reason, updated_at)
  VALUES ($2, ${CLOCK} + $3::integer * interval '1 millisecond', $4::jsonb, ${CLOCK})
  ON CONFLICT (tenant_id) DO UPDATE SET
    paused_until = greatest(p.paused_until, excluded.paused_until),
    reason = CASE WHEN excluded.paused_until >= p.paused_until THEN excluded.reason ELSE p.reason END,
    updated_at = excluded.updated_at
  RETURNING greatest(0, ceil(extract(epoch FROM (p.paused_until - ${CLOCK})) * 1000))::integer AS remaining_ms`

/** How long a Kibo tenant is still paused, in ms (no row: not paused). $1 clock, $2 tenant_id */
export const selectKiboPause = `SELECT greatest(0, ceil(extract(epoch FROM (p.paused_until - ${CLOCK})) * 1000))::integer AS remaining_ms
  FROM ${SCHEMA}.kibo_pauses AS p WHERE p.tenant_id = $2 AND p.paused_until > ${CLOCK}`

// ---- imports a storefront connector could not map ----------------------------------------------

/**
 * A connector's order that could not be mapped exactly: a failed import (event = the connector's
 * reference to the order, so a retry fetches and maps it again). An existing failed or dead import
 * of the same source gets the new error; any other existing import is left alone (nothing returned).
 * $1 clock, $2 import_id, $3 tenant_id, $4 site_id, $5 external_id, $6 payload_hash, $7 event (JSON
 * text), $8 last_error (JSON text), $9 source
 */
export const upsertUnmappedImport = `INSERT INTO ${SCHEMA}.imports AS i (
    import_id, tenant_id, site_id, external_id, payload_hash, event, status, mode, attempts,
    last_error, failed_at, created_at, updated_at, source
  )
  VALUES ($2, $3, $4, $5, $6, $7::jsonb, 'failed', 'async', 0, $8::jsonb, ${CLOCK}, ${CLOCK}, ${CLOCK}, $9)
  ON CONFLICT (tenant_id, site_id, external_id) DO UPDATE SET
    last_error = excluded.last_error,
    event = excluded.event,
    payload_hash = excluded.payload_hash,
    failed_at = excluded.failed_at,
    updated_at = excluded.updated_at
  WHERE i.status IN ('failed', 'dead') AND i.source IS NOT DISTINCT FROM excluded.source
  RETURNING i.*`

/**
 * The lease owner swaps a connector reference for the event mapped from it (a retry after a
 * configuration change). $1 clock, $2 import_id, $3 lease_owner, $4 event (JSON text), $5 payload_hash
 */
export const replaceImportEvent = `UPDATE ${SCHEMA}.imports AS i SET
    event = $4::jsonb,
    payload_hash = $5,
    updated_at = ${CLOCK}
  WHERE i.import_id = $2 AND i.lease_owner = $3
  RETURNING i.*`

// ---- storefront connectors --------------------------------------------------------------------

/**
 * One received delivery. An event (per topic) already stored as accepted/skipped makes this
 * insert return nothing: the caller stores it again as a 'duplicate'.
 * $1 clock, $2 platform, $3 store, $4 delivery_id, $5 event_id, $6 topic, $7 order_key,
 * $8 triggered_at, $9 outcome, $10 reason
 */
export const insertConnectorDelivery = `INSERT INTO ${SCHEMA}.connector_deliveries (
    platform, store, delivery_id, event_id, topic, order_key, triggered_at, received_at, outcome, reason
  )
  VALUES ($2, $3, $4, $5, $6, $7, $8::timestamptz, ${CLOCK}, $9, $10)
  ON CONFLICT (platform, store, topic, event_id) WHERE event_id IS NOT NULL AND outcome <> 'duplicate' DO NOTHING
  RETURNING id`

/** $1 platform, $2 store, $3 limit: newest first. */
export const selectConnectorDeliveries = `SELECT * FROM ${SCHEMA}.connector_deliveries
  WHERE platform = $1 AND store = $2 ORDER BY id DESC LIMIT $3`

/**
 * The store's row (created on first sight); `webhook` true also stamps last_webhook_at.
 * $1 clock, $2 platform, $3 store, $4 tenant_id, $5 site_id, $6 webhook (boolean)
 */
export const upsertConnectorStore = `INSERT INTO ${SCHEMA}.connector_stores AS s (platform, store, tenant_id, site_id, last_webhook_at)
  VALUES ($2, $3, $4, $5, CASE WHEN $6::boolean THEN ${CLOCK} END)
  ON CONFLICT (platform, store) DO UPDATE SET
    tenant_id = excluded.tenant_id,
    site_id = excluded.site_id,
    last_webhook_at = coalesce(excluded.last_webhook_at, s.last_webhook_at)
  RETURNING s.*`

/** $1 tenant_id, $2 site_id */
export const selectConnectorStores = `SELECT * FROM ${SCHEMA}.connector_stores
  WHERE tenant_id = $1 AND site_id = $2 ORDER BY platform, store`

/**
 * The import key: the first caller for (platform, store, order_key) gets the row, later ones nothing.
 * $1 clock, $2 platform, $3 store, $4 order_key, $5 tenant_id, $6 site_id, $7 found_by
 */
export const insertConnectorOrder = `INSERT INTO ${SCHEMA}.connector_orders (
    platform, store, order_key, tenant_id, site_id, found_by, status, created_at, updated_at
  )
  VALUES ($2, $3, $4, $5, $6, $7, 'fetching', ${CLOCK}, ${CLOCK})
  ON CONFLICT (platform, store, order_key) DO NOTHING
  RETURNING *`

/** $1 platform, $2 store, $3 order_key */
export const selectConnectorOrder = `SELECT * FROM ${SCHEMA}.connector_orders WHERE platform = $1 AND store = $2 AND order_key = $3`

/**
 * After a fetch: handed to the import pipeline, or failed (with the problem).
 * $1 clock, $2 platform, $3 store, $4 order_key, $5 status, $6 import_id, $7 external_id, $8 last_error (JSON text)
 */
export const updateConnectorOrder = `UPDATE ${SCHEMA}.connector_orders SET
    status = $5,
    import_id = coalesce($6, import_id),
    external_id = coalesce($7, external_id),
    last_error = $8::jsonb,
    attempts = attempts + 1,
    updated_at = ${CLOCK}
  WHERE platform = $2 AND store = $3 AND order_key = $4
  RETURNING *`

/**
 * The reconciliation run lease of a store: granted when free, expired or already ours.
 * $1 clock, $2 platform, $3 store, $4 lease_owner, $5 lease ms
 */
export const leaseConnectorStore = `UPDATE ${SCHEMA}.connector_stores AS s SET
    lease_owner = $4,
    lease_expires_at = ${CLOCK} + $5::integer * interval '1 millisecond'
  WHERE s.platform = $2 AND s.store = $3
    AND (s.lease_owner IS NULL OR s.lease_expires_at <= ${CLOCK} OR s.lease_owner = $4)
  RETURNING s.*`

/**
 * Progress of a run under its lease: the checkpoint moves forward only.
 * $1 platform, $2 store, $3 lease_owner, $4 checkpoint, $5 found without a webhook (to add)
 */
export const advanceConnectorCheckpoint = `UPDATE ${SCHEMA}.connector_stores AS s SET
    checkpoint = greatest(s.checkpoint, $4::timestamptz),
    found_without_webhook = s.found_without_webhook + $5::integer
  WHERE s.platform = $1 AND s.store = $2 AND s.lease_owner = $3
  RETURNING s.*`

/**
 * The end of a run: its status, and the lease given back.
 * $1 clock, $2 platform, $3 store, $4 lease_owner, $5 status, $6 error (JSON text or null)
 */
export const finishConnectorRun = `UPDATE ${SCHEMA}.connector_stores AS s SET
    last_run_at = ${CLOCK},
    last_run_status = $5,
    last_run_error = $6::jsonb,
    lease_owner = NULL,
    lease_expires_at = NULL
  WHERE s.platform = $2 AND s.store = $3 AND s.lease_owner = $4
  RETURNING s.*`
