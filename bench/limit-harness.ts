// The limit harness: the least a server must do to forward an order to Kibo, as the yardstick
// for the service's sync import path. A bare node:http server that reads the body, JSON.parses
// it, sends a Kibo order of the same size (a template mapped once at start, with this event's
// externalId) to the same Kibo simulator over a keep-alive agent, and answers 201.
// No validation, no mapping, no database, no logging: whatever the service costs above this is
// the middleware.
//
// With CLAIM_FILE set it is the durable forwarder: the least a server must do to forward an order
// with the service's guarantee ("never created twice"). Before forwarding, it appends a claim line
// to that file and waits for fdatasync; every claim that arrives while a write + flush is running
// waits for the next one, so concurrent claims share one write and one flush (group commit). After
// Kibo answers it appends the outcome line and answers at once: the outcome goes out with the next
// write, and its flush is not waited for (a lost outcome is found again in Kibo by externalId).
//
// Run by bench/run.ts; env: PORT, KIBO_URL (simulator origin), TEMPLATE (the Kibo order JSON),
// KIBO_TENANT_ID, KIBO_SITE_ID, KIBO_CLIENT_ID, KIBO_SHARED_SECRET, KIBO_CONNECTIONS, CLAIM_FILE.
import fs from 'node:fs'
import http from 'node:http'

const env = process.env
const kiboUrl = new URL(env.KIBO_URL!)
const template = JSON.parse(env.TEMPLATE!) as Record<string, unknown>
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(env.KIBO_CONNECTIONS ?? 32) })

function call (method: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: kiboUrl.hostname,
        port: kiboUrl.port,
        method,
        path,
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        response.on('error', reject)
      }
    )
    request.on('error', reject)
    request.end(body)
  })
}

const token = await call(
  'POST',
  '/api/platform/applications/authtickets/oauth',
  {},
  JSON.stringify({ client_id: env.KIBO_CLIENT_ID, client_secret: env.KIBO_SHARED_SECRET, grant_type: 'client_credentials' })
)
if (token.status !== 200) throw new Error(`oauth: HTTP ${token.status} ${token.text}`)
const kiboHeaders = {
  authorization: `Bearer ${(JSON.parse(token.text) as { access_token: string }).access_token}`,
  'x-vol-tenant': String(env.KIBO_TENANT_ID),
  'x-vol-site': String(env.KIBO_SITE_ID)
}

/** Appends lines to CLAIM_FILE, one write + one fdatasync for everything waiting at that moment. */
function claimLog (file: string): { claim(line: string): Promise<void>; outcome(line: string): void } {
  const fd = fs.openSync(file, 'a')
  let pending: string[] = []
  let waiters: Array<(error?: Error) => void> = []
  let flushing = false
  const flush = () => {
    if (flushing || pending.length === 0) return
    flushing = true
    const lines = pending.join('')
    const settle = waiters
    pending = []
    waiters = []
    const done = (error: Error | null) => {
      flushing = false
      for (const waiter of settle) waiter(error ?? undefined)
      flush()
    }
    fs.write(fd, lines, (error) => (error ? done(error) : fs.fdatasync(fd, done)))
  }
  return {
    claim (line) {
      return new Promise((resolve, reject) => {
        pending.push(line)
        waiters.push((error) => (error ? reject(error) : resolve()))
        flush()
      })
    },
    outcome (line) {
      pending.push(line)
      flush()
    }
  }
}
const durable = env.CLAIM_FILE ? claimLog(env.CLAIM_FILE) : undefined

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200).end('ok')
    return
  }
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    let externalId: string
    try {
      externalId = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { externalId: string } }).data.externalId
    } catch {
      res.writeHead(400).end()
      return
    }
    const claimed = durable === undefined ? Promise.resolve() : durable.claim(`claim ${externalId}\n`)
    claimed.then(() => call('POST', '/api/commerce/orders', kiboHeaders, JSON.stringify({ ...template, externalId }))).then(
      (answer) => {
        if (answer.status !== 201) {
          res.writeHead(502, { 'content-type': 'application/json' }).end(answer.text)
          return
        }
        const order = JSON.parse(answer.text) as { id: string; orderNumber: number }
        durable?.outcome(`imported ${externalId} ${order.id}\n`)
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({
              importId: 'imp_harness',
              externalId,
              kiboOrderId: order.id,
              kiboOrderNumber: order.orderNumber,
              status: 'imported'
            })
          )
      },
      () => res.writeHead(502).end()
    )
  })
})
server.keepAliveTimeout = 72_000
server.listen(Number(env.PORT), '127.0.0.1', () => process.stdout.write(`limit harness on ${env.PORT}\n`))
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)) && server.closeAllConnections())
}
