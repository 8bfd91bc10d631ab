// Helpers for the CLI tests: event files in a temp dir, the CLI as a child process on Node 24.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Test } from 'tap'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_SHARED_SECRET,
  DEFAULT_SITE_ID,
  DEFAULT_TENANT_ID,
  type KiboSimulator
} from '../../src/kibo-simulator/index.ts'
import { loadExample, repoRoot, withExternalId } from './examples.ts'

export const cliPath = path.join(repoRoot, 'bin/kibo-order-bridge.js')

export function tempDir (t: Test): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kob-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const base = loadExample('cybersource-ship-usd')

export function event (externalId: string): any {
  return withExternalId(base, externalId)
}

export function writeNdjson (file: string, lines: string[]): string {
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

/** The environment of an in-process CLI run against `simulator`, with its database in `dir`. */
export function cliEnv (simulator: KiboSimulator, dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KIBO_CLIENT_ID: DEFAULT_CLIENT_ID,
    KIBO_SHARED_SECRET: DEFAULT_SHARED_SECRET,
    KIBO_TENANT_ID: String(DEFAULT_TENANT_ID),
    KIBO_SITE_ID: String(DEFAULT_SITE_ID),
    KIBO_API_BASE_URL: simulator.apiBaseUrl,
    KIBO_AUTH_BASE_URL: simulator.authBaseUrl,
    DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'error',
    ...extra
  }
}

export interface CliRun {
  child: ChildProcess
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>
}

export function startCli (args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
  return { child, done }
}

export function runCli (args: string[], env: Record<string, string>) {
  return startCli(args, env).done
}

export function readReport (file: string): any[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
}
