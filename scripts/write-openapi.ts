// Writes openapi.yaml from the routes' schemas: `npm run openapi`.
// test/openapi.test.ts fails when the committed file drifts from what the code generates.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateOpenApiYaml } from '../src/openapi-document.ts'

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi.yaml')
writeFileSync(target, await generateOpenApiYaml())
process.stdout.write(`wrote ${target}\n`)
