// Security headers (helmet), chosen for a JSON API: every response forbids being framed, sniffed
// or used as a page (`Content-Security-Policy: default-src 'none'`), except the Swagger UI under
// /docs, which gets a policy that lets its own scripts, styles and images load (all served from
// this origin; nothing inline, nothing from elsewhere).
//
// helmet itself, not @fastify/helmet: that plugin builds a new helmet middleware (parsing every
// CSP directive again) for each request, in two hooks, one of them async: 2 % of an import's CPU
// in the profile. The two middlewares here are built once; each request runs one of them.
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

/** For JSON and problem+json: nothing may load, nothing may frame it. */
export const apiContentSecurityPolicy = {
  useDefaults: false as const,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] }
}

/** For the Swagger UI pages: same-origin scripts and styles, data: images and fonts. */
export const docsContentSecurityPolicy = {
  useDefaults: false as const,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    // Swagger UI sets style attributes from its scripts.
    styleSrc: ["'self'", "'unsafe-inline'"]
  }
}

export function isDocsRoute (url: string): boolean {
  return url === '/docs' || url.startsWith('/docs/')
}

type ContentSecurityPolicy = NonNullable<HelmetOptions['contentSecurityPolicy']>

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own Content-Security-Policy instead of the API's (the console, the docs). */
    contentSecurityPolicy?: ContentSecurityPolicy
  }
}

export default fp(
  async function securityHeadersPlugin (app) {
    const build = (contentSecurityPolicy: ContentSecurityPolicy) =>
      helmet({
        contentSecurityPolicy,
        // An API answers other servers: cross-origin reads are governed by CORS, not CORP.
        crossOriginResourcePolicy: { policy: 'same-site' }
      })
    const apiHeaders = build(apiContentSecurityPolicy)
    // One middleware per route policy, built when its route is registered.
    const routeHeaders = new Map<ContentSecurityPolicy, ReturnType<typeof helmet>>()
    // The /docs routes (registered later by the openapi plugin) get the docs policy.
    app.addHook('onRoute', (route) => {
      if (isDocsRoute(route.url)) route.config = { ...route.config, contentSecurityPolicy: docsContentSecurityPolicy }
      const policy = route.config?.contentSecurityPolicy
      if (policy !== undefined && !routeHeaders.has(policy)) routeHeaders.set(policy, build(policy))
    })
    // Every request, a 404 included (no route: the API policy).
    app.addHook('onRequest', function securityHeaders (request, reply, done) {
      const policy = request.routeOptions.config.contentSecurityPolicy
      const headers = (policy === undefined ? undefined : routeHeaders.get(policy)) ?? apiHeaders
      headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined))
    })
  },
  { name: 'security-headers' }
)
