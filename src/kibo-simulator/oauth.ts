// The simulator's Kibo authentication: the applications it knows (SimulatorTenant: tenant, sites,
// client id and shared secret), the OAuth client-credentials endpoint that issues bearer tokens,
// and the check every order and inventory call passes: `Authorization: Bearer <token issued
// here>`, x-vol-tenant naming the token's tenant and x-vol-site one of its sites.
//
//   POST {authBaseUrl}/api/platform/applications/authtickets/oauth   client credentials → token
import { randomBytes } from 'node:crypto'
import { HttpFailure, type Answer, type RequestContext } from './answers.ts'

export interface SimulatorTenant {
  tenantId: number
  siteIds: number[]
  clientId: string
  sharedSecret: string
}

export const DEFAULT_TENANT_ID = 100001
export const DEFAULT_SITE_ID = 100002
export const DEFAULT_CLIENT_ID = 'kibo-simulator-client'
/** A fixed, public development secret: the simulator is never a production dependency. */
export const DEFAULT_SHARED_SECRET = 'kibo-simulator-dev-shared-secret-not-for-production'
export const DEFAULT_TENANT: SimulatorTenant = Object.freeze({
  tenantId: DEFAULT_TENANT_ID,
  siteIds: [DEFAULT_SITE_ID],
  clientId: DEFAULT_CLIENT_ID,
  sharedSecret: DEFAULT_SHARED_SECRET
}) as SimulatorTenant

export const OAUTH_PATH = '/api/platform/applications/authtickets/oauth'

interface TokenRecord {
  tenantId: number
  expiresAt: number
}

export interface SimulatorAuth {
  /** The OAuth endpoint's handler. */
  oauth(ctx: RequestContext): Answer
  /** Checks the bearer token and x-vol headers of an API call; sets ctx.tenantId and ctx.siteId. */
  authenticate(ctx: RequestContext): void
  /** The tenant of a valid (issued, unexpired) token, else undefined. */
  tokenTenant(token: string): number | undefined
  /** Revokes one token (its next use gets 401). */
  revokeToken(token: string): void
  /** Revokes every token (of one tenant). */
  revokeTokens(tenantId?: number): void
  /** expires_in of the tokens issued from now on. */
  tokenTtlSeconds: number
  stats(): {
    oauthCallsByTenant: Record<string, number>
    activeTokensByTenant: Record<string, number>
    tokensIssuedByTenant: Record<string, number>
  }
  /** Forgets tokens and counters; the token lifetime returns to its configured value. */
  reset(): void
}

const bump = (map: Record<string, number>, key: string | number) => {
  map[String(key)] = (map[String(key)] ?? 0) + 1
}

export function createSimulatorAuth (options: { tenants: SimulatorTenant[]; tokenTtlSeconds: number }): SimulatorAuth {
  const { tenants } = options
  const tokens = new Map<string, TokenRecord>()
  const oauthCallsByTenant: Record<string, number> = {}
  const tokensIssuedByTenant: Record<string, number> = {}

  const auth: SimulatorAuth = {
    tokenTtlSeconds: options.tokenTtlSeconds,

    oauth (ctx) {
      let body = ctx.body
      const contentType = String(ctx.req.headers['content-type'] ?? '')
      if (contentType.includes('application/x-www-form-urlencoded') && typeof ctx.body === 'string') {
        body = Object.fromEntries(new URLSearchParams(ctx.body))
      }
      const b = (body ?? {}) as Record<string, unknown>
      if (b.grant_type !== 'client_credentials') {
        throw new HttpFailure(400, 'MISSING_OR_INVALID_PARAMETER', 'grant_type must be client_credentials.')
      }
      const tenant = tenants.find((t) => t.clientId === b.client_id && t.sharedSecret === b.client_secret)
      if (tenant === undefined) throw new HttpFailure(401, 'UNAUTHORIZED', 'Invalid application credentials.')
      bump(oauthCallsByTenant, tenant.tenantId)
      bump(tokensIssuedByTenant, tenant.tenantId)
      const ttlSeconds = auth.tokenTtlSeconds
      const accessToken = randomBytes(32).toString('base64url')
      tokens.set(accessToken, { tenantId: tenant.tenantId, expiresAt: Date.now() + ttlSeconds * 1000 })
      return {
        status: 200,
        body: {
          access_token: accessToken,
          token_type: 'bearer',
          expires_in: ttlSeconds,
          refresh_token: randomBytes(24).toString('base64url'),
          refresh_token_expires_in: ttlSeconds * 24,
          scope: ''
        }
      }
    },

    authenticate (ctx) {
      const header = String(ctx.req.headers.authorization ?? '')
      const match = /^Bearer (.+)$/i.exec(header)
      const record = match ? tokens.get(match[1]) : undefined
      if (record === undefined || record.expiresAt <= Date.now()) {
        throw new HttpFailure(401, 'UNAUTHORIZED', 'Unauthorized: the access token is missing, invalid or expired.')
      }
      const tenantHeader = ctx.req.headers['x-vol-tenant']
      if (tenantHeader === undefined || Number(tenantHeader) !== record.tenantId) {
        throw new HttpFailure(401, 'UNAUTHORIZED', 'Unauthorized: the access token is not valid for this tenant (x-vol-tenant).')
      }
      const tenant = tenants.find((t) => t.tenantId === record.tenantId)!
      const siteHeader = ctx.req.headers['x-vol-site']
      if (siteHeader === undefined || !tenant.siteIds.includes(Number(siteHeader))) {
        throw new HttpFailure(
          400,
          'MISSING_OR_INVALID_PARAMETER',
          'Missing or invalid parameter: x-vol-site does not name a site of this tenant.',
          { SiteId: String(siteHeader ?? '') }
        )
      }
      ctx.tenantId = record.tenantId
      ctx.siteId = Number(siteHeader)
    },

    tokenTenant (token) {
      const record = tokens.get(token)
      return record !== undefined && record.expiresAt > Date.now() ? record.tenantId : undefined
    },

    revokeToken (token) {
      tokens.delete(token)
    },

    revokeTokens (tenantId) {
      for (const [token, record] of tokens) if (tenantId === undefined || record.tenantId === tenantId) tokens.delete(token)
    },

    stats () {
      const now = Date.now()
      const activeTokensByTenant: Record<string, number> = {}
      for (const record of tokens.values()) if (record.expiresAt > now) bump(activeTokensByTenant, record.tenantId)
      return {
        oauthCallsByTenant: { ...oauthCallsByTenant },
        activeTokensByTenant,
        tokensIssuedByTenant: { ...tokensIssuedByTenant }
      }
    },

    reset () {
      tokens.clear()
      for (const map of [oauthCallsByTenant, tokensIssuedByTenant]) {
        for (const key of Object.keys(map)) delete map[key]
      }
      auth.tokenTtlSeconds = options.tokenTtlSeconds
    }
  }
  return auth
}
