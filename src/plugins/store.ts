// The durable store: PostgreSQL when DATABASE_URL is set, else embedded PGlite in DATA_DIR.
// Migrations run at start; the import records live here.
import fp from 'fastify-plugin'
import {
  openDatabase,
  migrate,
  createImportStore,
  createTranslatedAuthorizationStore,
  type Database,
  type ImportStore,
  type TranslatedAuthorizationStore
} from '../store/index.ts'
import { withGroupCommit } from '../store/group-commit.ts'
import { createConnectorStore, type ConnectorStore } from '../store/connector-store.ts'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    imports: ImportStore
    translatedAuthorizations: TranslatedAuthorizationStore
    /** Storefront connectors' deliveries, order keys and per-store checkpoints. */
    connectorStore: ConnectorStore
  }
}

export interface StorePluginOptions {
  /** An already opened database (tests); it is migrated and closed with the app. */
  database?: Database
}

export default fp(
  async function storePlugin (app, options: StorePluginOptions) {
    const { config } = app
    const db = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger: app.log }))
    app.addHook('onClose', async () => {
      await db.close()
    })
    await migrate(db)
    app.log.info({ database: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined }, 'store ready')
    app.decorate('db', db)
    app.decorate('imports', withGroupCommit(createImportStore(db)))
    app.decorate('translatedAuthorizations', createTranslatedAuthorizationStore(db))
    app.decorate('connectorStore', createConnectorStore(db))
  },
  { name: 'store' }
)
