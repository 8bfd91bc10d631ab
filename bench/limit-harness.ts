// The limit harness: the least a server must do to forward an order to Kibo, as the yardstick
// for the service's sync import path. A bare node:http server that reads the body, JSON.parses
// it, sends a Kibo order of the same size (a template mapped once at start, with this event's
// externalId) to the same Kibo simulator over a keep-alive agent, and answers 201.
// No validation, no mapping, no database, no logging: whatever the service costs above this is
// the middleware. Run by bench/run.ts; env: PORT, KIBO_URL (simulator origin), TEMPLATE (the
// Kibo order JSON), KIBO_TENANT_ID, KIBO_SITE_ID, KIBO_CLIENT_ID, KIBO_SHARED_SECRET, KIBO_CONNECTIONS.
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
    call('POST', '/api/commerce/orders', kiboHeaders, JSON.stringify({ ...template, externalId })).then(
      (answer) => {
        if (answer.status !== 201) {
          res.writeHead(502, { 'content-type': 'application/json' }).end(answer.text)
          return
        }
        const order = JSON.parse(answer.text) as { id: string; orderNumber: number }
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
