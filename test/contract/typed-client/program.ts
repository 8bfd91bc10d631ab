// A partner's program, written against the client generated from openapi.yaml (openapi-typescript
// types + openapi-fetch): import an example order, read its import, upload an inventory file,
// narrow a payment by gateway. `npm run typecheck` compiles it, so a document change that breaks
// such a client fails the build; test/contract/typed-client.test.ts also runs it against the app.
import { readFileSync } from 'node:fs'
import createClient from 'openapi-fetch'
import type { components, paths } from './openapi-types.ts'

type OrderEvent = components['schemas']['OrderEvent']
type Payment = components['schemas']['Payment']

/** What a partner logs for a payment: each gateway's own reference, found by narrowing on `gateway`. */
export function paymentReference (payment: Payment): string {
  switch (payment.gateway) {
    case 'cybersource':
      return `${payment.transactionId} (request ${payment.requestId})`
    case 'authorizenet':
      return `${payment.transactionId} (profile ${payment.customerPaymentProfileId})`
    case 'paypal':
      return `${payment.authorizationId} (payer ${payment.payerId})`
    case 'noop':
      return payment.transactionId ?? 'no transaction'
  }
}

export async function run (baseUrl: string, examplePath: string, inventoryPath: string, fetchFn: typeof fetch = fetch) {
  const client = createClient<paths>({ baseUrl, fetch: fetchFn })
  const event = JSON.parse(readFileSync(examplePath, 'utf8')) as OrderEvent

  const imported = await client.POST('/v1/orders', { body: event })
  if (imported.error !== undefined) throw new Error(`import refused: ${imported.error.status} ${imported.error.detail}`)
  const importId: string = imported.data.importId

  const followed = await client.GET('/v1/imports/{importId}', { params: { path: { importId } } })
  if (followed.error !== undefined) throw new Error(`import not found: ${followed.error.detail}`)
  const status = followed.data.status

  const upload = await client.POST('/v1/inventory/refresh/upload', {
    body: readFileSync(inventoryPath, 'utf8'),
    headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': `upload-${importId}` },
    bodySerializer: (body) => body
  })
  if (upload.error !== undefined) throw new Error(`upload refused: ${upload.error.detail}`)

  return {
    importId,
    status,
    kiboOrderId: followed.data.kiboOrderId,
    jobId: upload.data.jobId,
    payments: (event.data.payments ?? []).map(paymentReference)
  }
}
