// The operator console at /console: a static page, one ES module and one stylesheet from
// src/console/, read once at start and served as they are (no build step). The page calls the
// same /v1 API with the key the operator typed (kept in sessionStorage, sent as a header), so it
// sees exactly what that key's tenant may see. Its own Content-Security-Policy lets it load only
// its own script and style and talk only to this origin; nothing inline.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'

const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../console')

/** Same-origin script, style, images and API calls; nothing inline, nothing framed. */
export const consoleContentSecurityPolicy = {
  useDefaults: false as const,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"]
  }
}

const assets: Array<{ url: string; file: string; type: string }> = [
  { url: '/console', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/console/console.js', file: 'console.js', type: 'text/javascript; charset=utf-8' },
  { url: '/console/console.css', file: 'console.css', type: 'text/css; charset=utf-8' }
]

const consolePlugin: FastifyPluginAsync = async function consolePlugin (app) {
  for (const asset of assets) {
    const body = readFileSync(path.join(assetsDir, asset.file))
    app.get(
      asset.url,
      { schema: { hide: true }, config: { contentSecurityPolicy: consoleContentSecurityPolicy } },
      async (request, reply) =>
        reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(body)
    )
  }
}

export default consolePlugin
