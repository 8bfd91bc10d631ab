// Starts the service: configuration, listen, graceful shutdown. Nothing else.
import { enableCompileCache } from 'node:module'

// Compiled (type-stripped) modules are cached on disk (in the temp directory; nothing happens if it
// is not writable): a start with a warm cache skips most of the module loading, the larger part
// of start-up. Hence the imports below come after it.
enableCompileCache()
const { default: closeWithGrace } = await import('close-with-grace')
const { default: pino } = await import('pino')
const { buildApp } = await import('./app.ts')
const { chooseLogFormat, createLogger } = await import('./logger.ts')
const { ConfigError, loadConfig } = await import('./config/config.ts')

let config
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`)
    process.exit(78) // EX_CONFIG
  }
  throw error
}

// A person at a terminal gets readable lines; containers and log shippers get JSON (LOG_FORMAT forces either).
// JSON lines are written without holding up the event loop (a synchronous write per line cost more
// than the rest of an import's logging); what is buffered is flushed when the process exits.
const logFormat = chooseLogFormat(config.logFormat, process.stdout.isTTY === true)
const logger = createLogger(config.logLevel, {
  redactEmails: config.logRedactEmails,
  format: logFormat,
  ...(logFormat === 'json' ? { destination: pino.destination({ dest: 1, sync: false }) as unknown as NodeJS.WritableStream } : {})
})
/** Where a browser on this machine reaches a listening address (0.0.0.0 and :: are every interface). */
const localUrl = (host: string, port: number | string) =>
  `http://${host === '0.0.0.0' || host === '::' || host === '[::]' ? '127.0.0.1' : host}:${port}`
const plannedUrl = localUrl(config.host, config.port === 0 ? '<port>' : config.port)
const metricsAt = config.metrics.enabled ? `   metrics: ${plannedUrl}/metrics` : ''
logger.info(`operator console: ${plannedUrl}/console   API docs: ${plannedUrl}/docs${metricsAt}`)
// Said first and loudly: what this process will do with the orders it receives.
const simulated = config.tenants.filter((tenant) => tenant.kibo === null).map((tenant) => tenant.name)
if (simulated.length > 0) {
  logger.warn(
    { tenants: simulated },
    'NO KIBO CREDENTIALS (KIBO_CLIENT_ID unset): starting the BUILT-IN KIBO SIMULATOR. Orders are NOT sent to a real Kibo tenant.'
  )
}
if (config.tenants.every((tenant) => tenant.apiKeys.length === 0)) {
  logger.warn('NO API_KEYS: the /v1 API is OPEN to anyone who can reach it (allowed outside production only).')
}

// The demo stores (development only) and their stand-ins are not even loaded in production.
const demos = config.isProduction
  ? null
  : {
      ...(await import('./storefront-simulators/shopify/demo.ts')),
      ...(await import('./storefront-simulators/bigcommerce/demo-store.ts')),
      ...(await import('./storefront-simulators/woocommerce/demo-store.ts'))
    }

// No Shopify store configured (development): a demo store on the built-in Shopify Admin API stand-in.
const shopifyDemo = demos === null ? null : await demos.startShopifyDemo(config)
if (shopifyDemo !== null) {
  logger.warn(
    { shop: 'demo.myshopify.com', adminApi: shopifyDemo.simulator.url },
    'NO SHOPIFY STORE configured: a DEMO store on the BUILT-IN SHOPIFY STAND-IN is connected (development only).'
  )
}

// No BigCommerce store configured (development): a demo store on the built-in BigCommerce API stand-in.
const bigCommerceDemo = demos === null ? null : await demos.startBigCommerceDemo(config)
if (bigCommerceDemo !== null) {
  logger.warn(
    { store: 'demo1bc', api: bigCommerceDemo.simulator.url },
    'NO BIGCOMMERCE STORE configured: a DEMO store on the BUILT-IN BIGCOMMERCE STAND-IN is connected (development only).'
  )
}

// No WooCommerce store configured (development): a demo store on the built-in WooCommerce stand-in.
const wooCommerceDemo = demos === null ? null : await demos.startWooCommerceDemo(config)
if (wooCommerceDemo !== null) {
  logger.warn(
    { storeUrl: wooCommerceDemo.url },
    'NO WOOCOMMERCE STORE configured: a DEMO store on the BUILT-IN WOOCOMMERCE STAND-IN is connected (development only).'
  )
}

const app = await buildApp(config, { loggerInstance: logger })

// Running imports get SHUTDOWN_TIMEOUT_MS (delivery's onClose); the rest of the close gets 5 s more.
closeWithGrace({ delay: config.shutdownTimeoutMs + 5_000, logger }, async ({ signal, err }) => {
  const started = Date.now()
  if (err) app.log.error({ err }, 'closing after an uncaught error')
  else app.log.info({ signal }, 'shutting down gracefully')
  await app.close()
  await shopifyDemo?.simulator.close()
  await bigCommerceDemo?.simulator.close()
  await wooCommerceDemo?.close()
  app.log.info({ tookMs: Date.now() - started }, 'shut down')
})

try {
  const address = await app.listen({ port: config.port, host: config.host })
  const local = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1')
  app.log.info(`ready: console ${local}/console   docs ${local}/docs`)
  app.log.info(
    `send an order with  curl -X POST ${local}/v1/orders -H 'content-type: application/json' ` +
      '--data @examples/cybersource-ship-usd.json'
  )
  if (shopifyDemo !== null) app.log.info(`ready: send a signed Shopify orders/paid delivery with  ${shopifyDemo.curl(local)}`)
  if (bigCommerceDemo !== null) app.log.info(`ready: send a BigCommerce store/order/created delivery with  ${bigCommerceDemo.curl(local)}`)
  if (wooCommerceDemo !== null) {
    const store = wooCommerceDemo.url.replace('http://', '')
    app.log.info(
      'ready: the WooCommerce demo orders are imported within a minute, or now with  ' +
        `curl -X POST ${local}/v1/connectors/woocommerce/${store}/reconcile -H 'content-type: application/json' -d '{}'`
    )
  }
} catch (error) {
  app.log.fatal({ err: error }, 'could not start listening')
  process.exit(1)
}
