// The live progress line of `import`: done / failed / rate / ETA on one redrawn stderr line when
// stderr is a terminal; nothing while running otherwise (a log file or CI gets the summary only).
export interface Counts {
  imported: number
  replayed: number
  valid: number
  failed: number
}

export interface ProgressSource {
  counts: Counts
  /** Bytes read of the file and its size: the ETA is estimated from them (the event count is not known in advance). */
  bytesRead: number
  totalBytes: number
}

export function formatDuration (seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

export function progressLine (source: ProgressSource, elapsedSeconds: number, dryRun: boolean): string {
  const { counts } = source
  const done = counts.imported + counts.replayed + counts.valid
  const handled = done + counts.failed
  const rate = elapsedSeconds > 0 ? handled / elapsedSeconds : 0
  const fraction = source.totalBytes > 0 ? Math.min(1, source.bytesRead / source.totalBytes) : 0
  const eta = fraction > 0 ? (elapsedSeconds / fraction) * (1 - fraction) : Number.NaN
  const width = 20
  const filled = Math.round(fraction * width)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
  const what = dryRun ? `valid ${counts.valid}` : `imported ${counts.imported} · already ${counts.replayed}`
  return `${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${what} · failed ${counts.failed} · ${rate.toFixed(0)}/s · ETA ` +
    `${formatDuration(eta)}`
}

export function startProgress (
  source: ProgressSource,
  options: { enabled: boolean; dryRun: boolean; stream?: NodeJS.WriteStream }
): { stop(): void } {
  const stream = options.stream ?? process.stderr
  if (!options.enabled) return { stop () {} }
  const started = performance.now()
  const draw = () => {
    const line = progressLine(source, (performance.now() - started) / 1000, options.dryRun)
    stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 120) - 1))}\u001b[K`)
  }
  const timer = setInterval(draw, 200)
  timer.unref()
  return {
    stop () {
      clearInterval(timer)
      draw()
      stream.write('\n')
    }
  }
}
