// What a request to the simulator is (RequestContext) and what it answers (Answer), and
// HttpFailure: an error answer in Kibo's body shape, thrown by any handler.
import type http from 'node:http'

export interface RequestContext {
  req: http.IncomingMessage
  url: URL
  params: Record<string, string>
  body: unknown
  /** Set by authentication from the token and x-vol-tenant / x-vol-site. */
  tenantId?: number
  siteId?: number
}

export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** Kibo's error body: { message, errorCode, applicationName, additionalErrorData, items }. */
export function kiboErrorBody (errorCode: string, message: string, extra: Record<string, string> = {}, items: unknown[] = []) {
  return {
    message,
    errorCode,
    applicationName: 'Commerce',
    additionalErrorData: Object.entries(extra).map(([name, value]) => ({ name, value })),
    items
  }
}

/** An error answer: the status and Kibo's error body (see kiboErrorBody). */
export class HttpFailure extends Error {
  readonly status: number
  readonly errorCode: string
  readonly extra: Record<string, string>
  readonly items: unknown[]
  constructor (status: number, errorCode: string, message: string, extra: Record<string, string> = {}, items: unknown[] = []) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.extra = extra
    this.items = items
  }
}
