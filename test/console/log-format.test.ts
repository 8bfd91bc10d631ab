// The terminal side of issue 18: readable pino-pretty lines for a person at a terminal, JSON
// lines for everything else, LOG_FORMAT to force either; redaction applies to both.
import { PassThrough } from 'node:stream'
import t from 'tap'
import { loadConfig, ConfigError } from '../../src/config/config.ts'
import { chooseLogFormat, createLogger } from '../../src/logger.ts'

function capture () {
  const stream = new PassThrough()
  const chunks: string[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')))
  return { stream, text: () => chunks.join('') }
}

t.test('LOG_FORMAT decides; unset, a terminal gets pretty lines and a pipe gets JSON', async (t) => {
  t.equal(chooseLogFormat(undefined, true), 'pretty')
  t.equal(chooseLogFormat(undefined, false), 'json')
  t.equal(chooseLogFormat('json', true), 'json')
  t.equal(chooseLogFormat('pretty', false), 'pretty')
  t.equal(loadConfig({ DATA_DIR: 'memory://', LOG_FORMAT: 'pretty' }).logFormat, 'pretty')
  t.equal(loadConfig({ DATA_DIR: 'memory://' }).logFormat, undefined)
  t.throws(() => loadConfig({ DATA_DIR: 'memory://', LOG_FORMAT: 'xml' }), ConfigError)
})

t.test('pretty: level, time, import id and message on one line; secrets still redacted', async (t) => {
  const out = capture()
  const log = createLogger('info', { format: 'pretty', destination: out.stream })
  log.info({ importId: 'imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P', token: { accessToken: 'tok-secret-123' } }, 'imported')
  await new Promise((resolve) => setImmediate(resolve))
  const first = out.text().split('\n')[0]
  t.match(first, /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P\] imported$/)
  t.notOk(out.text().includes('tok-secret-123'), 'access token redacted')
})

t.test('json: one JSON object per line', async (t) => {
  const out = capture()
  const log = createLogger('info', { format: 'json', destination: out.stream })
  log.info({ importId: 'imp_X', token: { accessToken: 'tok-secret-123' } }, 'imported')
  await new Promise((resolve) => setImmediate(resolve))
  const line = JSON.parse(out.text().trim())
  t.match(line, { level: 30, importId: 'imp_X', msg: 'imported', token: { accessToken: '[redacted]' } })
})
