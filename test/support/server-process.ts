// Real server processes for end-to-end tests (crash safety, several instances) and benchmarks:
// `node src/server.ts` on a free port, in a process group of its own (so a teardown can kill the
// whole group), with its recent output kept for a failure's diagnosis.
import { startFlags } from '../../scripts/start-flags.ts'
import { DEFAULT_CLIENT_ID, DEFAULT_SHARED_SECRET, DEFAULT_SITE_ID, DEFAULT_TENANT_ID } from '../../src/kibo-simulator/index.ts'
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './examples.ts'
import { waitFor } from './wait.ts'

export const nodeBin = path.join(repoRoot, 'node_modules/.bin/node')

/** How long a server may take to answer 200 on /health/ready (migrations, pg-boss, a Kibo token). */
export const READY_TIMEOUT_MS = 90_000

/** What startServer needs from its caller: a tap Test fits, and so does a bench's own cleanup list. */
/** The env that points a server at a Kibo simulator, with the simulator's default credentials, tenant and site. */
export function kiboSimulatorEnv (kibo: { apiBaseUrl: string; authBaseUrl: string }): Record<string, string> {
  return {
    KIBO_CLIENT_ID: DEFAULT_CLIENT_ID,
    KIBO_SHARED_SECRET: DEFAULT_SHARED_SECRET,
    KIBO_TENANT_ID: String(DEFAULT_TENANT_ID),
    KIBO_SITE_ID: String(DEFAULT_SITE_ID),
    KIBO_API_BASE_URL: kibo.apiBaseUrl,
    KIBO_AUTH_BASE_URL: kibo.authBaseUrl
  }
}

export interface ServerOwner {
  teardown(fn: () => unknown): void
  comment?(message: string): void
}

export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  at: number
}

export interface ServerProcess {
  child: ChildProcess
  pid: number
  port: number
  base: string
  startedAt: number
  readyAt: number
  exited: Promise<Exit>
  alive(): boolean
  /** The last lines it printed (stdout and stderr), for a failure's diagnosis. */
  tail(lines?: number): string
}

export interface StartServerOptions {
  /** false: return once spawned, without waiting for /health/ready (a server expected to refuse to start). */
  waitReady?: boolean
  readyTimeoutMs?: number
}

/** Every server process started by a test, killed (whole process group) in its teardown. */
export async function startServer (t: ServerOwner, env: Record<string, string>, options: StartServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort()
  const startedAt = Date.now()
  const child = spawn(nodeBin, [...startFlags(), 'src/server.ts'], {
    cwd: repoRoot,
    // Only what the server needs: no DATABASE_URL, KIBO_* or API_KEYS leaking in from the caller.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), PORT: String(port), HOST: '127.0.0.1', ...env },
    detached: true, // its own process group: the teardown kills the group
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const pid = child.pid!
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(line)
    if (lines.length > 400) lines.splice(0, lines.length - 400)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  let exit: Exit | null = null
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal, at: Date.now() }
      resolve(exit)
    })
  })
  t.teardown(async () => {
    if (exit !== null) return
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
    await exited
  })
  const server: ServerProcess = {
    child,
    pid,
    port,
    base: `http://127.0.0.1:${port}`,
    startedAt,
    readyAt: 0,
    exited,
    alive: () => exit === null,
    tail: (count = 60) => lines.slice(-count).join('\n')
  }
  if (options.waitReady === false) return server
  try {
    await waitFor(
      'the server to be ready',
      async () => {
        if (exit !== null) throw new Error(`the server exited before it was ready (code ${exit.code}, signal ${exit.signal})`)
        try {
          const res = await fetch(`${server.base}/health/ready`, { signal: AbortSignal.timeout(5000) })
          await res.arrayBuffer()
          return res.status === 200
        } catch {
          return false
        }
      },
      options.readyTimeoutMs ?? READY_TIMEOUT_MS,
      200
    )
  } catch (error) {
    t.comment?.(`server output:\n${server.tail()}`)
    throw error
  }
  server.readyAt = Date.now()
  return server
}
