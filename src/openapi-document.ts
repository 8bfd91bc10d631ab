// The OpenAPI document as the running service publishes it, built without listening or
// touching a real database or Kibo (in-memory PGlite, built-in simulator, no keys).
import { buildApp } from './app.ts'
import { loadConfig } from './config/config.ts'

export async function generateOpenApiYaml (): Promise<string> {
  const app = await buildApp(loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), { logger: false })
  try {
    return app.swagger({ yaml: true })
  } finally {
    await app.close()
  }
}
