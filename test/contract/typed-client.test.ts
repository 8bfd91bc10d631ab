// The client a partner generates from openapi.yaml (openapi-typescript + openapi-fetch) is usable:
// test/contract/typed-client/program.ts is type-checked by `npm run typecheck` against the
// committed generated types (test/openapi.test.ts fails when they drift), and here it runs
// against the app over HTTP.
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { buildTestApp } from '../support/app.ts'
import { repoRoot } from '../support/examples.ts'
import { paymentReference, run } from './typed-client/program.ts'

t.test('the generated client imports an example, reads its import, uploads an inventory file, narrows payments', async (t) => {
  const app = await buildTestApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const result = await run(
    `http://127.0.0.1:${port}`,
    path.join(repoRoot, 'examples', 'paypal-eur.json'),
    path.join(repoRoot, 'examples', 'inventory', 'refresh.ndjson')
  )
  t.match(result, { importId: /^imp_/, status: 'imported', kiboOrderId: String, jobId: /^inv_/ })
  t.same(result.payments, ['8AF73994TM546221D (payer B373JG5S4Y388)'])
  t.equal(paymentReference({ gateway: 'noop', amount: '1.00' }), 'no transaction')
})
