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

/**
 * `/data/items/0/unitPrice` (Fastify's instancePath) → `data.items[0].unitPrice`; `` and `/` (the
 * body itself, e.g. an unknown top-level field) → `(body)`.
 */
function pathFromInstancePath (instancePath: string): string {
  if (instancePath === '' || instancePath === '/') return formatIssuePath([])
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The setting a route's bodyLimit comes from, named in its 413 (default BODY_LIMIT). */
    bodyLimitSetting?: string
  }
}

function bodyLimitSetting (request: FastifyRequest): string {
  return request.routeOptions.config?.bodyLimitSetting ?? 'BODY_LIMIT'
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
        errors: error.validation.map((issue) => {
          // A custom issue names the non-schema rule it enforces (schemas/order-event.ts NON_SCHEMA_RULES).
          const rule = (issue.params as { params?: { rule?: unknown } } | undefined)?.params?.rule
          return {
            path: where === 'body' ? pathFromInstancePath(issue.instancePath) : `${where}${issue.instancePath.replace(/\//g, '.')}`,
            message: issue.message ?? 'is invalid',
            ...(typeof rule === 'string' ? { rule } : {})
          }
        })
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
          detail:
            `The body is larger than the limit of ${request.routeOptions.bodyLimit ?? 'the configured'} bytes ` +
            `(${bodyLimitSetting(request)}).`
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

/** Largest over-limit body read and thrown away so the client sees its 413 (see drainBody). */
export const MAX_DRAINED_BYTES = 64 * 1024 * 1024
const DRAIN_TIMEOUT_MS = 10_000

/**
 * A 413 is answered before the body was read. Clients that write the whole body before they
 * read (Node http, undici/fetch, Python requests, curl) would get a connection reset instead of
 * the answer if the socket closed with their bytes unread. So the rest of the body is read and
 * discarded, up to MAX_DRAINED_BYTES and DRAIN_TIMEOUT_MS; then the answer closes the connection.
 */
async function drainBody (request: FastifyRequest): Promise<void> {
  const raw = request.raw
  if (raw.complete || raw.destroyed) return
  await new Promise<void>((resolve) => {
    let seen = 0
    const finish = () => {
      clearTimeout(timer)
      raw.off('data', onData)
      raw.off('end', finish)
      raw.off('error', finish)
      raw.off('close', finish)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > MAX_DRAINED_BYTES) {
        raw.pause()
        finish()
      }
    }
    const timer = setTimeout(finish, DRAIN_TIMEOUT_MS)
    raw.on('data', onData)
    raw.on('end', finish)
    raw.on('error', finish)
    raw.on('close', finish)
    raw.resume()
  })
}

/** `/v1/imports/:importId` → a regular expression matching the paths it serves. */
function routePattern (url: string): RegExp {
  const source = url
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${source}/?$`)
}

export default fp(
  async function problemsPlugin (app) {
    // Every route's method and path pattern, so a known path with another method is a 405 with
    // Allow (RFC 9110) and not a 404; routes registered later by any plugin are included.
    const routes: Array<{ methods: string[]; pattern: RegExp }> = []
    app.addHook('onRoute', (route) => {
      routes.push({ methods: ([] as string[]).concat(route.method), pattern: routePattern(route.url ?? route.path) })
    })
    const allowedMethods = (path: string): string[] => {
      const methods = new Set<string>()
      for (const route of routes) if (route.pattern.test(path)) for (const method of route.methods) methods.add(method)
      return [...methods].sort()
    }

    app.setErrorHandler(async function handleError (error: FastifyError, request, reply) {
      const { problem, headers } = problemFromError(error, request)
      if (problem.status === 413 && !request.raw.complete) {
        await drainBody(request)
        headers.connection = 'close'
      }
      if (problem.status >= 500) {
        request.log.error({ err: error, problemType: problem.type }, 'request failed')
      } else {
        request.log.info({ status: problem.status, problemType: problem.type, errors: problem.errors?.length }, problem.title)
      }
      return sendProblem(reply, problem, headers)
    })

    app.setNotFoundHandler(function handleNotFound (request, reply) {
      const path = request.url.split('?')[0]
      const allow = allowedMethods(path)
      // The method itself may be allowed when the router did not match for another reason (a
      // parameter over maxParamLength): that is a plain 404.
      if (allow.length > 0 && !allow.includes(request.method)) {
        return sendProblem(
          reply,
          {
            type: problemType('method-not-allowed'),
            title: 'Method Not Allowed',
            status: 405,
            detail: `${path} does not take ${request.method}; it takes ${allow.join(', ')}.`
          },
          { allow: allow.join(', ') }
        )
      }
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
