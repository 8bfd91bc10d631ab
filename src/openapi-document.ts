// The OpenAPI document as the running service publishes it, built without listening or
// touching a real database or Kibo (in-memory PGlite, built-in simulator, no keys), and the
// TypeScript types a partner's generated client (openapi-typescript) gets from it.
import openapiTS, { astToString } from 'openapi-typescript'
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

/** openapi-typescript's `paths`/`components` types for the document (test/contract/typed-client/ compiles against them). */
export async function generateClientTypes (yaml: string): Promise<string> {
  const nodes = await openapiTS(yaml)
  return '/* eslint-disable */\n// Generated from openapi.yaml by openapi-typescript (npm run openapi). Do not edit.\n' + astToString(nodes)
}
