// Security headers (@fastify/helmet), chosen for a JSON API: every response forbids being
// framed, sniffed or used as a page (`Content-Security-Policy: default-src 'none'`), except the
// Swagger UI under /docs, which gets a policy that lets its own scripts, styles and images load
// (all served from this origin; nothing inline, nothing from elsewhere).
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'

/** For JSON and problem+json: nothing may load, nothing may frame it. */
export const apiContentSecurityPolicy = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] }
}

/** For the Swagger UI pages: same-origin scripts and styles, data: images and fonts. */
export const docsContentSecurityPolicy = {
  useDefaults: false,
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

export default fp(
  async function securityHeadersPlugin (app) {
    // Before helmet and before any route: the /docs routes (registered later by the openapi
    // plugin) get their own policy; helmet reads route.helmet in its own onRoute hook, after this one.
    app.addHook('onRoute', (route) => {
      if (isDocsRoute(route.url)) route.helmet = { contentSecurityPolicy: docsContentSecurityPolicy }
    })
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: apiContentSecurityPolicy,
      // An API answers other servers: cross-origin reads are governed by CORS, not CORP.
      crossOriginResourcePolicy: { policy: 'same-site' }
    })
  },
  { name: 'security-headers' }
)
