// Runs the database migrations and exits: `node src/migrate.ts` (a one-off Kubernetes Job before
// a rollout). Instances also migrate at start, under the same advisory lock, so this is optional.
import { ConfigError, loadConfig } from './config/config.ts'
import { migrate, openDatabase } from './store/index.ts'

try {
  const config = loadConfig()
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const result = await migrate(db)
    process.stdout.write(
      `${JSON.stringify({ msg: 'migrations applied', database: db.kind, from: result.from, to: result.to, applied: result.applied })}\n`
    )
  } finally {
    await db.close()
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
