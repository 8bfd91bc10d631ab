// The repository's own sample data, for every test: the contract's examples (examples/, the
// translated-v2 ones in examples/translated/) and the golden files (test/golden/). Only the
// repository's copies are read, so a test's result never depends on what else is on the machine.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const examplesDir = path.join(repoRoot, 'examples')
export const translatedExamplesDir = path.join(examplesDir, 'translated')
export const goldenDir = path.join(repoRoot, 'test/golden')

/** A JSON file's value. */
export function readJson (file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'))
}

function jsonNames (dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

/** The valid examples' names (examples/*.json without the extension). */
export function exampleNames (): string[] {
  return jsonNames(examplesDir)
}

export function invalidExampleNames (): string[] {
  return jsonNames(path.join(examplesDir, 'invalid'))
}

/** A fresh copy of an example, to use or modify in a test. */
export function loadExample (name = 'cybersource-ship-usd'): any {
  return readJson(path.join(examplesDir, `${name}.json`))
}

export function loadInvalidExample (name: string): { expect: { status: number; why: string }; event: any } {
  return readJson(path.join(examplesDir, 'invalid', `${name}.json`))
}

/** A copy of an event with a fresh externalId, so tests do not collide. */
export function withExternalId (event: any, externalId: string): any {
  const copy = structuredClone(event)
  copy.data.externalId = externalId
  return copy
}

export function translatedExampleNames (): string[] {
  return jsonNames(translatedExamplesDir)
}

export function invalidTranslatedExampleNames (): string[] {
  return jsonNames(path.join(translatedExamplesDir, 'invalid'))
}

export function loadTranslatedExample (name: string): any {
  return readJson(path.join(translatedExamplesDir, `${name}.json`))
}

export function loadInvalidTranslatedExample (name: string): { expect: { status: number; type: string; why: string }; event: any } {
  return readJson(path.join(translatedExamplesDir, 'invalid', `${name}.json`))
}

/** A golden file of test/golden/ by its file name. */
export function readGolden (name: string): any {
  return readJson(path.join(goldenDir, name))
}
