// Storefront connectors: the frame (frame.ts) once, and one folder per platform. Adding a platform
// is one folder exporting a Connector (connector.ts) and one line in this registry.
import type { Connector } from './connector.ts'
import { shopifyConnector } from './shopify/index.ts'
import { bigCommerceConnector } from './bigcommerce/index.ts'
import { wooCommerceConnector } from './woocommerce/index.ts'

export const CONNECTORS: ReadonlyArray<Connector<any, any, any>> = [shopifyConnector, bigCommerceConnector, wooCommerceConnector]

export { default as connectorFrame } from './frame.ts'
export type { Connector } from './connector.ts'
