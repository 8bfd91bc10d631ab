// A claimImport input for the store's tests: tenant 100, site 200, a sync claim by instance-1.
import type { ClaimInput } from '../../src/store/index.ts'

export const key = { tenantId: 100, siteId: 200 }

export function claim (externalId: string, over: Partial<ClaimInput> = {}): ClaimInput {
  return {
    ...key,
    externalId,
    payloadHash: 'hash-a',
    event: { data: { externalId, lines: [1, 2] } },
    mode: 'sync',
    leaseOwner: 'instance-1',
    leaseMs: 60_000,
    ...over
  }
}
