// The payment gateways the event accepts: the one list everything else derives from (the event
// schema's union message and the OpenAPI description, the translated-v2 default payment codes,
// TENANTS_FILE's paymentTypes keys). Imports nothing, so schemas/ may import it.
// Adding a gateway: see README.md in this folder.

export const GATEWAYS = [
  { gateway: 'cybersource', title: 'Cybersource', translatedPaymentType: 'CC' },
  { gateway: 'authorizenet', title: 'Authorize.net', translatedPaymentType: 'CC' },
  { gateway: 'paypal', title: 'PayPal Express 2', translatedPaymentType: 'PP' },
  { gateway: 'noop', title: 'no gateway (an already settled payment; translated-v2: No-Operation)', translatedPaymentType: 'NO' }
] as const

export type GatewayName = (typeof GATEWAYS)[number]['gateway']

export const GATEWAY_NAMES = GATEWAYS.map((entry) => entry.gateway) as [GatewayName, ...GatewayName[]]

/** `"cybersource", "authorizenet", "paypal", "noop"`: for messages and docs. */
export const GATEWAY_LIST_TEXT = GATEWAY_NAMES.map((name) => JSON.stringify(name)).join(', ')
