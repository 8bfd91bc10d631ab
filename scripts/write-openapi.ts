// Writes openapi.yaml from the routes' schemas, and the typed-client types generated from it:
// `npm run openapi`. test/openapi.test.ts fails when either committed file drifts from the code.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateClientTypes, generateOpenApiYaml } from '../src/openapi-document.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const yaml = await generateOpenApiYaml()
for (const [file, text] of [
  ['openapi.yaml', yaml],
  ['test/contract/typed-client/openapi-types.ts', await generateClientTypes(yaml)]
]) {
  writeFileSync(path.join(root, file), text)
  process.stdout.write(`wrote ${file}\n`)
}
