// Hand-built Kibo order imports, modeled on the sample in Kibo's Orders API overview
// (OMS-only import). Written independently of src/mapping on purpose.
import { Writable } from 'node:stream'
import type { KiboConnection } from '../../src/config/config.ts'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_SHARED_SECRET,
  DEFAULT_SITE_ID,
  DEFAULT_TENANT_ID,
  type KiboSimulator
} from '../../src/kibo-simulator/index.ts'

export type KiboOrderFixture = Record<string, any>

const billingContact = () => ({
  email: 'ming@example.com',
  firstName: 'Ming',
  lastNameOrSurname: 'Li',
  phoneNumbers: { home: '512-555-5555' },
  address: {
    address1: '123 ABC St',
    cityOrTown: 'Austin',
    stateOrProvince: 'TX',
    postalOrZipCode: '78758',
    countryCode: 'US',
    addressType: 'Residential'
  }
})

const card = () => ({
  paymentOrCardType: 'VISA',
  cardNumberPartOrMask: '0160184007701111',
  ccLastFour: '1111',
  isTokenized: true,
  expireMonth: 12,
  expireYear: 2029,
  nameOnCard: 'Ming Li'
})

/** A valid USD import: 2 shipped lines, one CyberSource-style authorized card payment, total 46.71. */
export function validOrder (externalId = `SO-${Math.random().toString(36).slice(2, 10)}`): KiboOrderFixture {
  return {
    externalId,
    isImport: true,
    type: 'Offline',
    channelCode: 'Online',
    currencyCode: 'USD',
    email: 'ming@example.com',
    customerAccountId: 1001,
    submittedDate: '2026-11-20T15:04:05Z',
    items: [
      {
        lineId: 1,
        fulfillmentMethod: 'Ship',
        quantity: 3,
        product: { productCode: 'sp_01', name: 'Standard Product - 1', price: { price: 10, salePrice: 8.5 } },
        discountTotal: 1.5,
        weightedOrderDiscount: 0.75,
        itemTaxTotal: 1.83,
        shippingTotal: 4.99,
        shippingTaxTotal: 0.41,
        handlingAmount: 0,
        dutyAmount: 0,
        weightedOrderHandlingFeeTax: 0,
        weightedOrderHandlingFeeDiscount: 0,
        data: { externalLineId: '1' }
      },
      {
        lineId: 2,
        fulfillmentMethod: 'Ship',
        quantity: 1,
        product: { productCode: 'MUG-BLK', variationProductCode: 'MUG-BLK-12OZ', name: 'Mug', price: { price: 14.99 } },
        itemTaxTotal: 1.24,
        shippingTotal: 0,
        data: { externalLineId: '2' }
      }
    ],
    subtotal: 40.49,
    itemTaxTotal: 3.07,
    shippingTotal: 4.99,
    shippingTaxTotal: 0.41,
    handlingTotal: 0,
    dutyTotal: 0,
    total: 46.71,
    billingInfo: { paymentType: 'CreditCard', billingContact: billingContact(), isSameBillingShippingAddress: false, card: card() },
    fulfillmentInfo: {
      fulfillmentContact: {
        firstName: 'Ga',
        lastNameOrSurname: 'Li',
        phoneNumbers: { home: '512-739-1485' },
        address: {
          address1: '123 W Example Ave',
          cityOrTown: 'Sheridan',
          stateOrProvince: 'TX',
          postalOrZipCode: '78717',
          countryCode: 'US',
          addressType: 'Residential'
        }
      },
      shippingMethodCode: 'fedex_FEDEX_2_DAY',
      shippingMethodName: 'FedEx 2Day'
    },
    payments: [
      {
        paymentType: 'CreditCard',
        paymentWorkflow: 'Mozu',
        status: 'Authorized',
        amountRequested: 46.71,
        amountCollected: 0,
        amountCredited: 0,
        billingInfo: { paymentType: 'CreditCard', billingContact: billingContact(), isSameBillingShippingAddress: false, card: card() },
        interactions: [
          {
            interactionType: 'Authorization',
            status: 'Authorized',
            amount: 46.71,
            currencyCode: 'USD',
            interactionDate: '2026-11-20T15:04:03Z',
            gatewayTransactionId: '40018563191',
            gatewayAuthCode: 'ASQLVO',
            gatewayResponseData: [
              { key: 'AuthorizationRequestId', value: '5642607567736184003012' },
              { key: 'currencyCode', value: 'USD' }
            ]
          }
        ]
      }
    ],
    validationResults: [
      {
        validationId: '7V7D0K4ZRKKT',
        validatorName: 'Kount',
        validatorType: 'Fraud',
        status: 'Pass',
        createdDate: '2026-11-20T15:04:04Z',
        messages: [{ message: 'decision A', messageType: 'Info' }]
      }
    ]
  }
}

export function connectionFor (sim: KiboSimulator, overrides: Partial<KiboConnection> = {}): KiboConnection {
  return {
    tenantId: DEFAULT_TENANT_ID,
    siteId: DEFAULT_SITE_ID,
    clientId: DEFAULT_CLIENT_ID,
    sharedSecret: DEFAULT_SHARED_SECRET,
    apiBaseUrl: sim.apiBaseUrl,
    authBaseUrl: sim.authBaseUrl,
    env: 'sandbox',
    ...overrides
  }
}

/** A writable that keeps every log line, for asserting what was (not) logged. */
export function logCapture (): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write (chunk, _encoding, callback) {
      chunks.push(String(chunk))
      callback()
    }
  })
  return { stream, text: () => chunks.join('') }
}

/** Raw helpers for tests that talk to the simulator without our client. */
export async function getToken (sim: KiboSimulator, clientId = DEFAULT_CLIENT_ID, secret = DEFAULT_SHARED_SECRET): Promise<string> {
  const res = await fetch(`${sim.authBaseUrl}/api/platform/applications/authtickets/oauth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: clientId, client_secret: secret, grant_type: 'client_credentials' })
  })
  const body = (await res.json()) as { access_token: string }
  return body.access_token
}

export async function api (
  sim: KiboSimulator,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${sim.apiBaseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-vol-tenant': String(DEFAULT_TENANT_ID),
      'x-vol-site': String(DEFAULT_SITE_ID),
      'content-type': 'application/json',
      ...headers
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: res.status, body: parsed, headers: res.headers }
}
