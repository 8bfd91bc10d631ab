// OpenAPI response entries shared by the routes: every error is application/problem+json.
import { ProblemSchema } from '../schemas/problem.ts'

const descriptions: Record<number, string> = {
  400: 'The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path.',
  401: 'Missing or invalid API key (or webhook signature).',
  404: 'Not found.',
  409: 'The same externalId is being imported right now; retry after `Retry-After` seconds.',
  413: 'The body is over BODY_LIMIT.',
  415: 'The body is not application/json.',
  422: 'Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a ' +
    "different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`).",
  429: 'Over the rate limit; retry after `Retry-After` seconds.',
  502: 'Kibo answered in a way we could not use (for example it refused our credentials).',
  503: 'Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice.'
}

export function problemResponses (...statuses: number[]) {
  const responses: Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }> = {}
  for (const status of statuses) {
    responses[status] = { description: descriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } }
  }
  return responses
}
