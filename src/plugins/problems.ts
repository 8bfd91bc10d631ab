// One error handler for the whole app: every error leaves as RFC 9457 application/problem+json.
// 4xx say what is wrong and where; 5xx are logged with the request context and their
// message is hidden from the caller.
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { formatIssuePath } from '../lib/issue-path.ts'
import { problemType, type Problem } from '../../schemas/problem.ts'

/** Throw this from a handler or hook to answer with a specific problem. */
export class ProblemError extends Error {
  readonly problem: Problem
  readonly headers: Record<string, string>
  constructor (problem: Problem, headers: Record<string, string> = {}) {
    super(problem.detail ?? problem.title)
    this.name = 'ProblemError'
    this.problem = problem
    this.headers = headers
  }
}

export function sendProblem (reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  const retryAfter = (problem as { retryAfter?: unknown }).retryAfter
  if (typeof retryAfter === 'number' && headers['retry-after'] === undefined) {
    headers['retry-after'] = String(Math.max(0, Math.ceil(retryAfter)))
  }
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problem)
}

/** `/data/items/0/unitPrice` (Fastify's instancePath) → `data.items[0].unitPrice`. */
function pathFromInstancePath (instancePath: string): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment))
  return formatIssuePath(segments)
}

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

export function titleForStatus (status: number): string {
  return statusTitles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error')
}

function problemFromError (error: FastifyError, request: FastifyRequest): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof ProblemError) return { problem: error.problem, headers: error.headers }
  if (error.validation) {
    const where = error.validationContext ?? 'body'
    return {
      problem: {
        type: problemType('invalid-request'),
        title: where === 'body' ? 'The order event breaks the contract' : `Invalid ${where}`,
        status: 400,
        detail: `${error.validation.length} problem(s) in the request ${where}; see errors for each path.`,
        errors: error.validation.map((issue) => ({
          path: where === 'body' ? pathFromInstancePath(issue.instancePath) : `${where}${issue.instancePath.replace(/\//g, '.')}`,
          message: issue.message ?? 'is invalid'
        }))
      },
      headers: {}
    }
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: {
          type: problemType('body-too-large'),
          title: 'Request body too large',
          status: 413,
          detail: `The body is larger than the limit of ${request.routeOptions.bodyLimit ?? 'the configured'} bytes (BODY_LIMIT).`
        },
        headers: {}
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return {
          problem: {
            type: problemType('unsupported-media-type'),
            title: 'Unsupported media type',
            status: 415,
            detail: 'Send the body as application/json (UTF-8); got ' +
              `${JSON.stringify(request.headers['content-type'] ?? 'no Content-Type')}.`
          },
          headers: {}
        }
      }
      break
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        problem: {
          type: problemType('invalid-json'),
          title: 'Invalid JSON body',
          status: 400,
          detail: 'The request body is empty; a JSON object is expected.'
        },
        headers: {}
      }
  }
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
  if (status >= 500) {
    return {
      problem: {
        type: problemType('internal'),
        title: titleForStatus(status),
        status,
        detail: 'The service failed to handle this request; it has been logged. Retrying later is safe.'
      },
      headers: {}
    }
  }
  return {
    problem: { type: problemType('invalid-request'), title: titleForStatus(status), status, detail: error.message },
    headers: {}
  }
}

export default fp(
  async function problemsPlugin (app) {
    app.setErrorHandler(function handleError (error: FastifyError, request, reply) {
      const { problem, headers } = problemFromError(error, request)
      if (problem.status >= 500) {
        request.log.error({ err: error, problemType: problem.type }, 'request failed')
      } else {
        request.log.info({ status: problem.status, problemType: problem.type, errors: problem.errors?.length }, problem.title)
      }
      return sendProblem(reply, problem, headers)
    })

    app.setNotFoundHandler(function handleNotFound (request, reply) {
      return sendProblem(reply, {
        type: problemType('not-found'),
        title: 'Not Found',
        status: 404,
        detail: `No route ${request.method} ${request.url.split('?')[0]}; see /docs for the API.`
      })
    })
  },
  { name: 'problems' }
)
