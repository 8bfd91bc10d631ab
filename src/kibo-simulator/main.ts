// Runs the Kibo simulator on its own: `node src/kibo-simulator/main.ts` (PORT, HOST, SEED,
// TOKEN_TTL_SECONDS, LOG=1). Another process can then drive its faults over HTTP.
import { DEFAULT_CLIENT_ID, DEFAULT_SITE_ID, DEFAULT_TENANT_ID, startKiboSimulator } from './index.ts'
import { closeOnSignal } from '../lib/close-on-signal.ts'

const number = (value: string | undefined, fallback: number) => (value === undefined || value === '' ? fallback : Number(value))

const simulator = await startKiboSimulator({
  port: number(process.env.PORT, 0),
  host: process.env.HOST ?? '127.0.0.1',
  seed: number(process.env.SEED, 1),
  tokenTtlSeconds: number(process.env.TOKEN_TTL_SECONDS, 3600),
  logger: process.env.LOG === '1'
})

process.stdout.write(
  [
    `Kibo simulator listening on ${simulator.url}`,
    `  KIBO_API_BASE_URL=${simulator.apiBaseUrl}`,
    `  KIBO_AUTH_BASE_URL=${simulator.authBaseUrl}`,
    `  KIBO_TENANT_ID=${DEFAULT_TENANT_ID} KIBO_SITE_ID=${DEFAULT_SITE_ID} KIBO_CLIENT_ID=${DEFAULT_CLIENT_ID}`,
    '  (the shared secret is DEFAULT_SHARED_SECRET in src/kibo-simulator/oauth.ts)',
    `  control: POST ${simulator.url}/_simulator/faults, GET ${simulator.url}/_simulator/state, POST ${simulator.url}/_simulator/reset`,
    ''
  ].join('\n')
)

closeOnSignal(simulator)
