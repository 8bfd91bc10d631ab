// Helpers for bench/run.ts: child processes, free ports, /proc readings, autocannon runs.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
// autocannon ships no types; the few fields used here are typed in AutocannonResult.
// @ts-ignore -- untyped CommonJS module
import autocannon from 'autocannon'

export const nodeBin = process.execPath

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface Child {
  process: ChildProcess
  pid: number
  output: () => string
  stop(): Promise<void>
}

/** Starts `node <script>` with extra environment; stdout (unless sent to a file) and stderr kept (last 64 KiB) for errors. */
export function startNode (script: string, env: Record<string, string>, args: string[] = [], stdoutFd?: number): Child {
  const child = spawn(nodeBin, [...args, script], { env: { ...process.env, ...env }, stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'] })
  let out = ''
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8')
    if (out.length > 65_536) out = out.slice(-65_536)
  }
  child.stdout?.on('data', keep)
  child.stderr!.on('data', keep)
  return {
    process: child,
    pid: child.pid!,
    output: () => out,
    async stop () {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
  }
}

/** Waits until `url` answers 2xx (or the child dies / the time runs out). */
export async function waitForHttp (url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) {
      throw new Error(`process exited (${child.process.exitCode}) before ${url} answered:\n${child.output()}`)
    }
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output()}`)
}

const ticksPerSecond = 100 // USER_HZ on Linux

/** CPU time (user + system, ms) of a process and its RSS / peak RSS (MiB), from /proc. */
export function processStats (pid: number): { cpuMs: number; rssMiB: number; peakRssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is state (field 3); utime is field 14, stime field 15
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
  return { cpuMs, rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 }
}

/** Samples the RSS of a process every 100 ms; VmHWM also covers start-up, this covers the run only. */
export function sampleRss (pid: number): { stop(): number } {
  let peak = 0
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, processStats(pid).rssMiB)
    } catch {
      // process gone
    }
  }, 100)
  return {
    stop () {
      clearInterval(timer)
      return peak
    }
  }
}

export interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p90: number; p99: number; average: number; max: number }
  '2xx': number
  non2xx: number
  errors: number
  timeouts: number
  duration: number
  statusCodeStats?: Record<string, { count: number }>
}

export interface LoadOptions {
  url: string
  path: string
  connections: number
  durationSeconds: number
  /** Requests per second across all connections (fixed-rate latency runs); unset: as fast as possible. */
  overallRate?: number
  headers?: Record<string, string>
  /** A new body for every request (unique externalIds). */
  body: () => string
}

export function runLoad (options: LoadOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        pipelining: 1,
        timeout: 30,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        requests: [
          {
            method: 'POST',
            path: options.path,
            headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
            setupRequest: (request: Record<string, unknown>) => ({ ...request, body: options.body() })
          }
        ]
      },
      (error: Error | null, result: AutocannonResult) => (error ? reject(error) : resolve(result))
    )
  })
}

export async function postJson (url: string, body: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`)
  return text === '' ? undefined : JSON.parse(text)
}

export async function getJson (url: string): Promise<any> {
  const response = await fetch(url)
  const text = await response.text()
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`)
  return JSON.parse(text)
}
