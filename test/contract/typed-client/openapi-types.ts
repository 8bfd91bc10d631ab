/* eslint-disable */
// Generated from openapi.yaml by openapi-typescript (npm run openapi). Do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations applied; Kibo reported (degraded when unreachable or the circuit is open) */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an order into Kibo
         * @description Validates the event, reconciles its totals exactly, maps it to a Kibo import payload and creates the order in Kibo. Idempotent by (Kibo tenant, site, `data.externalId`): sending the same event again answers 200 with the stored result and `Idempotent-Replayed: true` without calling Kibo.
         *
         *     With `Prefer: respond-async` the order is validated, reconciled and stored with its delivery job, and the answer is `202 { importId, status: "queued", statusUrl }` at once; a worker imports it (retries with backoff, never twice).
         */
        post: operations["importOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show the Kibo payload for an order, sending nothing
         * @description Runs the same validation, reconciliation and mapping as an import and returns the Kibo payload it would send. Nothing is stored or sent.
         */
        post: operations["previewOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorize an order's payment with Kibo's translated Create Order Authorize (translated-v2 tenants)
         * @description Calls `/api/v2/createOrder/authorize` for one payment of the order (`paymentIndex`, default 0) and keeps the orderID and authToken; the later import of the same externalId sends that authToken as the payment's `authorizationID`. Asked once per payment: a repeat answers 200 with the stored result and does not hold the payment again. Split orders cannot be authorized (each split order needs its own authorization).
         */
        post: operations["authorizeTranslatedOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{externalId}/restrictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set Kibo's edit and cancellation restrictions of an imported order
         * @description Calls Kibo `updateorderrestrictions` for the order imported under this externalId. 200 when Kibo confirmed them; 202 when Kibo could not be reached now: they are stored on the import record and retried with backoff (follow `statusUrl`). Fields left out keep their current value.
         */
        put: operations["setOrderRestrictions"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an order event from a storefront (Standard Webhooks)
         * @description Signed per Standard Webhooks: `webhook-signature` is `v1,<base64 HMAC-SHA256>` over `webhook-id.webhook-timestamp.body` with a `whsec_` secret from WEBHOOK_SECRETS; the timestamp must be within 5 minutes. The body is a Normalized Order Event v1. Answers 202 once the event is stored with its delivery job; a repeat delivery (same webhook-id or same order) is acknowledged with the same importId (202 while queued, 200 once imported) and never imported twice.
         */
        post: operations["receiveOrderWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow one import: its state, last error and full history */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List imports, newest first, filtered by status, externalId or source */
        get: operations["listImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's imports counted per status, and the age of the oldest queued one */
        get: operations["summarizeImports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{importId}/kibo-payload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Kibo payload for the stored event of an import, payment secrets redacted
         * @description Maps the event as it was received with the current mapping (the same as POST /v1/orders/preview would). Card tokens, PayPal tokens and gateway request tokens are replaced by "[redacted]".
         */
        get: operations["getImportKiboPayload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{importId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or dead import back to the queue
         * @description OMS tenants: Kibo is asked by externalId before anything is created, so a retry never makes a second order. Translated-v2 tenants: that API has no look-up, so this call is the operator's statement that the order is not in Kibo; it is sent again.
         */
        post: operations["retryImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send dead (or failed) imports back to the queue in bulk */
        post: operations["retryImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust stock by signed deltas (received, damaged, returned)
         * @description Items are grouped by locationCode and sent to Kibo's adjust job endpoint in batches of at most INVENTORY_ADJUST_BATCH_SIZE (1 000) items; the job is followed until Kibo finishes it. Send an Idempotency-Key to make retries safe. For large sets use the /upload variant (NDJSON or CSV, streamed).
         */
        post: operations["adjustInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/adjustments/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust stock by signed deltas (received, damaged, returned): a large NDJSON or CSV upload, streamed
         * @description Content-Type `application/x-ndjson`: one JSON item per line, the same item as in the JSON body. Content-Type `text/csv`: a header row (locationCode,partNumber,upc,quantity,reason; partNumber or upc may be left out), then one item per row. The body is read line by line and written in batches as it arrives (never held in memory); at most INVENTORY_UPLOAD_MAX_BYTES. If any line is invalid nothing is accepted and the first 20 problems are listed by line number.
         */
        post: operations["uploadInventoryAdjustments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set absolute stock quantities from a master system
         * @description Items are grouped by locationCode and sent to Kibo's refresh job endpoint in batches of at most INVENTORY_REFRESH_BATCH_SIZE (3 000) items; the job is followed until Kibo finishes it. Send an Idempotency-Key to make retries safe. For large sets use the /upload variant (NDJSON or CSV, streamed).
         */
        post: operations["refreshInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/refresh/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set absolute stock quantities from a master system: a large NDJSON or CSV upload, streamed
         * @description Content-Type `application/x-ndjson`: one JSON item per line, the same item as in the JSON body. Content-Type `text/csv`: a header row (locationCode,partNumber,upc,quantity; partNumber or upc may be left out), then one item per row. The body is read line by line and written in batches as it arrives (never held in memory); at most INVENTORY_UPLOAD_MAX_BYTES. If any line is invalid nothing is accepted and the first 20 problems are listed by line number.
         */
        post: operations["uploadInventoryRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow an inventory job: its batches, their Kibo jobs and per-item errors */
        get: operations["getInventoryJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inventory/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Availability of many products across locations, in one Kibo call
         * @description Kibo's POST inventory query. `available` is what can be sold (onHand less what is allocated to open orders).
         */
        post: operations["queryInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/shopify/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Shopify order webhook (orders/paid or orders/create)
         * @description The store is chosen by its header and the signature is checked over the raw bytes with the store's secrets (several during a rotation) before the body is parsed; an unknown store, a bad signature or a stale delivery is 401 and nothing is stored. A verified delivery is stored and answered at once: 202 when it starts an import (fetched from the Admin API and imported by a worker), 200 when it is a duplicate (the same event, or an order already received under any topic) or imports nothing (a test order, not yet paid, another topic; the reason is recorded). The body is the Shopify REST order the webhook sends.
         */
        post: operations["receiveShopifyWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/shopify/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show the event and Kibo payload a Shopify order maps to, storing and sending nothing */
        post: operations["previewShopifyOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/shopify/{store}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile one Shopify store now (or backfill from `since`)
         * @description Lists the orders updated since the checkpoint (or `since`) and starts the import of every importable order no webhook brought. The scheduled run does the same every reconcileIntervalMs on one instance of the fleet. 409 while another run holds the store.
         */
        post: operations["reconcileShopifyStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/bigcommerce/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a BigCommerce order webhook (store/order/created, store/order/statusUpdated)
         * @description The body is BigCommerce's thin callback ({scope, store_id, producer: "stores/{hash}", data: {type, id, status?}, hash, created_at}); the store is the one whose hash the producer names. The raw bytes are verified before anything is stored: Standard Webhooks headers signed with the app's client secret (the timestamp within 5 minutes), or, for a hook created with a custom header, that header's configured value; an unknown store or anything else is 401 and nothing is stored. A verified delivery is stored and answered at once: 202 when it starts an import (the order is fetched from the store API and imported by a worker if its status is importable), 200 when it is a duplicate (the same body hash, or an order already received under either scope) or imports nothing (a status that is not importable, another scope; the reason is recorded).
         */
        post: operations["receiveBigCommerceWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/bigcommerce/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show the event and Kibo payload a BigCommerce order maps to, storing and sending nothing */
        post: operations["previewBigCommerceOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/bigcommerce/{store}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile one BigCommerce store now (or backfill from `since`)
         * @description Lists the orders updated since the checkpoint (or `since`) and starts the import of every importable order no webhook brought. The scheduled run does the same every reconcileIntervalMs on one instance of the fleet. 409 while another run holds the store.
         */
        post: operations["reconcileBigCommerceStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/woocommerce/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a WooCommerce order webhook (order.created, order.updated)
         * @description The store is the one whose storeUrl X-WC-Webhook-Source names (the site's home URL); X-WC-Webhook-Signature, the base64 HMAC-SHA256 of the raw body under one of the store's webhookSecrets, is checked before the body is parsed. An unknown store or a bad signature is 401 and nothing is stored. The ping WooCommerce sends when a webhook is saved (the form body `webhook_id=N`, unsigned) is answered 200 so the hook is activated, and stores nothing. A verified delivery is stored and answered at once: 202 when it starts an import (the order is fetched from the REST API and imported by a worker), 200 when it is a duplicate (the same order already received under either topic) or imports nothing (a status that is not importable, another topic; the reason is recorded). WooCommerce never retries a delivery: the reconciliation finds what a lost one carried.
         */
        post: operations["receiveWooCommerceWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/woocommerce/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show the event and Kibo payload a WooCommerce order maps to, storing and sending nothing */
        post: operations["previewWooCommerceOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors/woocommerce/{store}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile one WooCommerce store now (or backfill from `since`)
         * @description Lists the orders updated since the checkpoint (or `since`) and starts the import of every importable order no webhook brought. The scheduled run does the same every reconcileIntervalMs on one instance of the fleet. 409 while another run holds the store.
         */
        post: operations["reconcileWooCommerceStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's storefront stores: last delivery and reconciliation state */
        get: operations["listConnectorStores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Address: {
            /**
             * @description → address1
             * @example 123 ABC St
             */
            line1: string;
            /** @description → address2 */
            line2?: string | null;
            /** @description → address3 */
            line3?: string | null;
            /** @description → address4 */
            line4?: string | null;
            /**
             * @description → cityOrTown
             * @example Austin
             */
            city: string;
            /**
             * @description → stateOrProvince
             * @example TX
             */
            region?: string | null;
            /**
             * @description → postalOrZipCode
             * @example 78758
             */
            postalCode?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code
             * @example US
             */
            country: string;
            /** @description → addressType */
            type?: ("Residential" | "Commercial") | null;
        };
        AuthorizeNetCard: {
            /**
             * @description → ccLastFour
             * @example 1111
             */
            last4?: string | null;
            /**
             * @description → paymentOrCardType
             * @example VISA
             */
            brand?: ("VISA" | "MC" | "AMEX" | "DISCOVER" | "JCB" | "DINERS" | "UNIONPAY" | "MAESTRO") | null;
            /**
             * @description → expireMonth
             * @example 12
             */
            expMonth?: number | null;
            /**
             * @description → expireYear
             * @example 2029
             */
            expYear?: number | null;
            nameOnCard?: string | null;
        };
        AuthorizeNetPayment: {
            /** @constant */
            gateway: "authorizenet";
            /**
             * @description Authorized amount → amountRequested
             * @example 46.71
             */
            amount: number | string;
            /** @description → interactionDate (default: placedAt) */
            authorizedAt?: string | null;
            capture?: components["schemas"]["Capture"] | null;
            /** @description → gatewayTransactionId, gatewayResponseData TransactionId */
            transactionId: string;
            /** @description → gatewayAuthCode, gatewayResponseData ApprovalCode */
            authCode: string;
            /** @description Authorize.net customer profile id → card.cardNumberPartOrMask */
            customerProfileId: string;
            /** @description → payment.data.customerPaymentProfileId */
            customerPaymentProfileId: string;
            /** @description → gatewayAVSCodes */
            avsCode?: string | null;
            /** @description → gatewayCVV2Codes */
            cvvCode?: string | null;
            card?: components["schemas"]["AuthorizeNetCard"] | null;
        };
        /** @description A BigCommerce order as its API answers it: the V2 order and its sub-resources, the V3 transactions */
        BigCommerceOrderPreview: {
            /** @description GET /v2/orders/{id} */
            order: {
                [key: string]: unknown;
            };
            /** @description GET /v2/orders/{id}/products */
            products: {
                [key: string]: unknown;
            }[];
            /** @description GET /v2/orders/{id}/shipping_addresses */
            shippingAddresses?: {
                [key: string]: unknown;
            }[];
            /** @description the order's consignments (include=consignments.line_items&consignment_structure=object) */
            consignments?: {
                [key: string]: unknown;
            } | null;
            coupons?: {
                [key: string]: unknown;
            }[];
            /** @description GET /v2/orders/{id}/taxes?details=true */
            taxes?: {
                [key: string]: unknown;
            }[];
            /** @description GET /v3/orders/{id}/transactions `data` */
            transactions?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        BulkRetry: {
            requeued: number;
            importIds: string[];
        };
        Capture: {
            /** @description Capture transaction id → second interaction gatewayTransactionId */
            transactionId: string;
            /**
             * @description Captured amount → amountCollected
             * @example 19.99
             */
            amount: number | string;
            /**
             * Format: date-time
             * @description → capture interactionDate
             * @example 2026-11-20T15:04:05Z
             */
            capturedAt: string;
        };
        Card: {
            /**
             * @description Gateway card token → cardNumberPartOrMask (never a PAN)
             * @example 0160184007701111
             */
            token: string;
            /**
             * @description → ccLastFour
             * @example 1111
             */
            last4?: string | null;
            /**
             * @description → paymentOrCardType
             * @example VISA
             */
            brand?: ("VISA" | "MC" | "AMEX" | "DISCOVER" | "JCB" | "DINERS" | "UNIONPAY" | "MAESTRO") | null;
            /**
             * @description → expireMonth
             * @example 12
             */
            expMonth?: number | null;
            /**
             * @description → expireYear
             * @example 2029
             */
            expYear?: number | null;
            nameOnCard?: string | null;
        };
        ConnectorDeliveryAnswer: {
            /**
             * @description accepted: an import was started (202); duplicate: same event or same order already received; skipped: nothing to import (see reason)
             * @enum {string}
             */
            status: "accepted" | "duplicate" | "skipped";
            /** @example shopify */
            platform: string;
            /** @example acme.myshopify.com */
            store: string;
            /** @example orders/paid */
            topic: string;
            /**
             * @description The platform's order id (with the store, the import key)
             * @example 820982911946154508
             */
            orderKey: string | null;
            /**
             * @description Why nothing (new) is imported
             * @example test order (importTestOrders is off)
             */
            reason?: string;
        };
        ConnectorPreview: {
            /** @description The Normalized Order Event v1 the order maps to (the OrderEvent request schema; money as normalized decimal strings) */
            event: {
                [key: string]: unknown;
            };
            /** @description The payload Kibo would receive */
            kiboOrder: components["schemas"]["KiboOrder"];
            /** @description What the preview had to assume (e.g. no transactions given) */
            assumptions: string[];
        };
        ConnectorReconcileSummary: {
            platform: string;
            store: string;
            /** @description Orders updated at or after this were listed */
            since: string;
            /** @description The durable checkpoint after this run (never moves back) */
            checkpoint: string | null;
            listed: number;
            /** @description Importable orders no delivery had brought: their import was started now */
            foundWithoutWebhook: number;
            pages: number;
            /** @enum {string} */
            status: "ok" | "failed";
            error?: string;
        };
        ConnectorStores: {
            stores: {
                /** @example shopify */
                platform: string;
                /** @example acme.myshopify.com */
                store: string;
                lastWebhookAt: string | null;
                reconcile: {
                    checkpoint: string | null;
                    lastRunAt: string | null;
                    /** @description ok or failed */
                    lastRunStatus: string | null;
                    /** @description Orders the reconciler imported that no webhook brought (all runs) */
                    foundWithoutWebhook: number;
                };
            }[];
        };
        Contact: {
            /** @example Ming */
            firstName: string;
            /**
             * @description → lastNameOrSurname
             * @example Li
             */
            lastName: string;
            email?: string | null;
            /**
             * @description → phoneNumbers.home
             * @example 512-555-5555
             */
            phone?: string | null;
            /** @description → companyOrOrganization */
            company?: string | null;
            address: components["schemas"]["Address"];
        };
        Customer: {
            /**
             * @description Kibo customer account id → customerAccountId
             * @example 1001
             */
            accountId?: number | null;
            /**
             * @description → order email
             * @example ming@example.com
             */
            email: string;
            firstName?: string | null;
            lastName?: string | null;
            phone?: string | null;
        };
        CybersourcePayment: {
            /** @constant */
            gateway: "cybersource";
            /**
             * @description Authorized amount → amountRequested
             * @example 46.71
             */
            amount: number | string;
            /** @description → interactionDate (default: placedAt) */
            authorizedAt?: string | null;
            capture?: components["schemas"]["Capture"] | null;
            /** @description → gatewayTransactionId */
            transactionId: string;
            /** @description → gatewayResponseData AuthorizationRequestId */
            requestId: string;
            /** @description → gatewayResponseData AuthorizationRequestToken */
            requestToken: string;
            /** @description → gatewayAuthCode */
            authCode?: string | null;
            /** @description → gatewayAVSCodes */
            avsCode?: string | null;
            /** @description → gatewayCVV2Codes */
            cvvCode?: string | null;
            /** @description → gatewayResponseCode */
            responseCode?: string | null;
            /** @description → gatewayResponseText */
            responseText?: string | null;
            card: components["schemas"]["Card"];
        };
        DigitalFulfillment: {
            /**
             * @description → fulfillmentMethod
             * @constant
             */
            method: "Digital";
            /**
             * @description → fulfillmentLocationCode
             * @example AUS
             */
            locationCode?: string | null;
        };
        /** @description An external fraud check result */
        Fraud: components["schemas"]["KountFraud"];
        /** @description How the line reaches the shopper, by `method`; a Pickup names its location */
        Fulfillment: components["schemas"]["ShipFulfillment"] | components["schemas"]["PickupFulfillment"] | components["schemas"]["DigitalFulfillment"];
        Import: {
            importId: string;
            externalId: string;
            tenantId: number;
            siteId: number;
            /**
             * @description queued → importing → imported; failed (Kibo refused it) or dead (retries exhausted)
             * @enum {string}
             */
            status: "queued" | "importing" | "imported" | "failed" | "dead";
            /** @enum {string} */
            mode: "sync" | "async";
            /** @description How many times a worker or request took it on */
            attempts: number;
            kiboOrderId: string | null;
            kiboOrderNumber: number | null;
            kiboCorrelationId: string | null;
            /** @description The last failure as a problem object (with `kind`), null once imported */
            lastError: unknown;
            webhookId: string | null;
            /** @description Which intake path created it: 'api', 'webhook', 'cli' or '<platform>:<store>' (e.g. 'shopify:demo.myshopify.com') */
            source: string | null;
            /** @description Received */
            createdAt: string;
            updatedAt: string;
            importedAt: string | null;
            failedAt: string | null;
            /** @description Queued for a retry: not before this time */
            nextAttemptAt: string | null;
            restrictions: components["schemas"]["OrderRestrictionsState"];
            /** @description Every state change, oldest first (single import only) */
            history?: components["schemas"]["ImportHistoryEntry"][];
        };
        ImportHistoryEntry: {
            /** @description When (RFC 3339, UTC) */
            at: string;
            /**
             * @description received, reclaimed, leased, attempt, released, imported, failed, dead, retry_requested
             * @example attempt
             */
            kind: string;
            detail: {
                [key: string]: unknown;
            };
        };
        ImportKiboPayload: {
            /** @description Tenants with target oms */
            kiboOrder?: {
                [key: string]: unknown;
            };
            /** @description Tenants with target translated-v2: one request per (child) order */
            translatedOrders?: {
                group?: string;
                lineIds?: string[];
                request: {
                    [key: string]: unknown;
                };
            }[];
        };
        ImportPage: {
            items: components["schemas"]["Import"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        ImportSummary: {
            /** @description Imports per status */
            counts: {
                queued: number;
                importing: number;
                imported: number;
                failed: number;
                dead: number;
            };
            /** @description Seconds since the oldest queued import was received; null when none is queued */
            oldestQueuedSeconds: number | null;
        };
        /** @description The order is in Kibo. */
        ImportedOrder: {
            /**
             * @description Our id of this import
             * @example imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P
             */
            importId: string;
            /**
             * @description The storefront order number
             * @example SO-100234
             */
            externalId: string;
            /**
             * @description The Kibo order id
             * @example 1a2b3c4d5e6f40718293a4b5c6d7e8f9
             */
            kiboOrderId: string;
            /**
             * @description The Kibo order number
             * @example 1001
             */
            kiboOrderNumber: number | null;
            /** @constant */
            status: "imported";
        };
        InventoryAdjustItem: ({
            /**
             * @description Kibo location code (exact match)
             * @example WH-EAST
             */
            locationCode: string;
            /**
             * @description Product part number; give it or `upc`
             * @example TSHIRT-RED-M
             */
            partNumber?: string;
            /**
             * @description Universal Product Code; give it or `partNumber`
             * @example 012345678905
             */
            upc?: string;
            /**
             * @description Signed change: +5 received, -2 damaged
             * @example 5
             */
            quantity: number;
            /**
             * @description Why; received and returned must be positive, damaged negative (kept by this service, not sent to Kibo)
             * @enum {string}
             */
            reason?: "received" | "damaged" | "returned" | "correction";
        } & (unknown & unknown & unknown)) & (unknown | unknown);
        /** @description Signed deltas per location and product; forwarded to Kibo adjust jobs of at most 1 000 items */
        InventoryAdjustRequest: {
            items: components["schemas"]["InventoryAdjustItem"][];
        };
        InventoryBatch: {
            batchNo: number;
            locationCode: string;
            itemCount: number;
            /**
             * @description pending → submitting → submitted (Kibo job queued) → completed; failed (Kibo refused it) or unknown (Kibo may have applied it; not resent)
             * @enum {string}
             */
            status: "pending" | "submitting" | "submitted" | "completed" | "failed" | "unknown";
            attempts: number;
            kiboJobId: number | null;
            /**
             * @description Kibo's job status as last seen
             * @example IN_PROGRESS
             */
            kiboStatus: string | null;
            lastError: unknown;
            submittedAt: string | null;
            finishedAt: string | null;
        };
        InventoryItemError: {
            batchNo: number;
            locationCode: string;
            partNumber: string | null;
            upc: string | null;
            sku: string | null;
            /**
             * @description ITEM_NOT_FOUND, LOCATION_NOT_FOUND, or another Kibo code
             * @example ITEM_NOT_FOUND
             */
            code: string;
            message: string;
        };
        InventoryJob: {
            jobId: string;
            /** @enum {string} */
            kind: "adjust" | "refresh";
            /** @enum {string} */
            source: "json" | "ndjson" | "csv";
            /**
             * @description queued → running → completed | completed_with_errors (some items or batches failed) | failed (nothing applied)
             * @enum {string}
             */
            status: "receiving" | "queued" | "running" | "completed" | "completed_with_errors" | "failed";
            idempotencyKey: string | null;
            itemCount: number;
            batchCount: number;
            progress: {
                batches: {
                    pending: number;
                    submitting: number;
                    submitted: number;
                    completed: number;
                    failed: number;
                    unknown: number;
                };
                items: {
                    /** @description In batches not yet accepted by Kibo */
                    pending: number;
                    /** @description In Kibo jobs not finished yet */
                    inKibo: number;
                    /** @description In Kibo jobs that completed (less itemErrors) */
                    done: number;
                    /** @description In batches Kibo refused or whose outcome is unknown, plus per-item errors */
                    failed: number;
                };
            };
            batches: components["schemas"]["InventoryBatch"][];
            /** @description A page of per-item errors (see errorsLimit / errorsOffset) */
            itemErrors: components["schemas"]["InventoryItemError"][];
            itemErrorsTotal: number;
            lastError: unknown;
            createdAt: string;
            updatedAt: string;
            finishedAt: string | null;
        };
        /** @description Stored; it is sent to Kibo and followed until Kibo finishes it. */
        InventoryJobAccepted: {
            /** @example inv_01JD6K6Z4Q1B8X0Q4B7W3N2M5P */
            jobId: string;
            /** @enum {string} */
            kind: "adjust" | "refresh";
            /** @enum {string} */
            status: "receiving" | "queued" | "running" | "completed" | "completed_with_errors" | "failed";
            itemCount: number;
            /** @description Kibo calls it was cut into (one location each, at most the batch size) */
            batchCount: number;
            /** @example /v1/inventory/jobs/inv_01JD6K6Z4Q1B8X0Q4B7W3N2M5P */
            statusUrl: string;
        };
        InventoryLevel: {
            locationCode: string;
            partNumber: string | null;
            upc: string | null;
            sku: string | null;
            onHand: number;
            available: number;
            allocated: number;
        };
        InventoryQueryRequest: {
            /** @description Products to look up (one Kibo call) */
            items: ({
                /**
                 * @description Product part number; give it or `upc`
                 * @example TSHIRT-RED-M
                 */
                partNumber?: string;
                /**
                 * @description Universal Product Code; give it or `partNumber`
                 * @example 012345678905
                 */
                upc?: string;
            } & (unknown | unknown))[];
            /** @description Only these locations (default: every location) */
            locationCodes?: string[];
            /**
             * @description Kibo's InventoryRequest type
             * @default ANY
             * @enum {string}
             */
            type: "ALL" | "PARTIAL" | "ANY" | "ALL_STORES";
        };
        InventoryQueryResponse: {
            items: components["schemas"]["InventoryLevel"][];
            /** @description Requested products Kibo returned no inventory record for */
            notFound: {
                partNumber?: string;
                upc?: string;
                /** @constant */
                code: "ITEM_NOT_FOUND";
            }[];
        };
        InventoryRefreshItem: {
            /**
             * @description Kibo location code (exact match)
             * @example WH-EAST
             */
            locationCode: string;
            /**
             * @description Product part number; give it or `upc`
             * @example TSHIRT-RED-M
             */
            partNumber?: string;
            /**
             * @description Universal Product Code; give it or `partNumber`
             * @example 012345678905
             */
            upc?: string;
            /**
             * @description Absolute on-hand quantity
             * @example 100
             */
            quantity: number;
        } & (unknown | unknown);
        /** @description Absolute quantities per location and product; forwarded to Kibo refresh jobs */
        InventoryRefreshRequest: {
            items: components["schemas"]["InventoryRefreshItem"][];
        };
        Item: {
            /**
             * @description The sender's line id, unique in the order → data.externalLineId
             * @example 1
             */
            lineId: string;
            /**
             * @description → product.productCode
             * @example sp_01
             */
            sku: string;
            /** @description → product.variationProductCode */
            variantSku?: string | null;
            /** @description → product.upc */
            upc?: string | null;
            /** @description → product.name */
            name?: string | null;
            /**
             * @description Units on this line
             * @example 3
             */
            quantity: number;
            /**
             * @description Unit list price → product.price.price
             * @example 10.00
             */
            unitPrice: number | string;
            /** @description Unit sale price → product.price.salePrice */
            salePrice?: (number | string) | null;
            /** @description Unit override price → product.price.tenantOverridePrice */
            overridePrice?: (number | string) | null;
            /** @description Line product + shipping discounts, all units → discountTotal */
            discount?: (number | string) | null;
            /** @description This line's share of order discounts → weightedOrderDiscount */
            orderDiscount?: (number | string) | null;
            /** @description Item tax, all units → itemTaxTotal */
            tax?: (number | string) | null;
            /** @description → shippingTotal */
            shipping?: (number | string) | null;
            /** @description → shippingTaxTotal */
            shippingTax?: (number | string) | null;
            /** @description → handlingAmount */
            handling?: (number | string) | null;
            /** @description → dutyAmount */
            duty?: (number | string) | null;
            /** @description → weightedOrderHandlingFeeDiscount */
            handlingDiscount?: (number | string) | null;
            /** @description → weightedOrderHandlingFeeTax */
            handlingTax?: (number | string) | null;
            fulfillment: components["schemas"]["Fulfillment"];
        };
        /** @description The payload sent to Kibo POST /commerce/orders */
        KiboOrder: {
            /** @constant */
            isImport: true;
            /** @constant */
            isHistoricalImport?: true;
            /** @constant */
            type: "Offline";
            /** @enum {string} */
            status?: "Completed" | "Cancelled";
            externalId: string;
            tenantId?: number;
            siteId?: number;
            channelCode?: string;
            currencyCode: string;
            submittedDate: string;
            customerAccountId?: number;
            email: string;
            items: {
                lineId: number;
                quantity: number;
                /** @enum {string} */
                fulfillmentMethod: "Ship" | "Pickup" | "Digital";
                fulfillmentLocationCode?: string;
                localeCode?: string;
                product: {
                    productCode: string;
                    variationProductCode?: string;
                    upc?: string;
                    name?: string;
                    price: {
                        price: number;
                        salePrice?: number;
                        tenantOverridePrice?: number;
                    };
                };
                discountTotal: number;
                weightedOrderDiscount: number;
                itemTaxTotal: number;
                shippingTotal: number;
                shippingTaxTotal: number;
                handlingAmount: number;
                dutyAmount: number;
                weightedOrderHandlingFeeDiscount: number;
                weightedOrderHandlingFeeTax: number;
                data: {
                    externalLineId: string;
                };
            }[];
            billingInfo: {
                paymentType?: string;
                paymentWorkflow?: string;
                billingContact: {
                    firstName: string;
                    lastNameOrSurname: string;
                    email?: string;
                    companyOrOrganization?: string;
                    phoneNumbers?: {
                        home?: string;
                    };
                    address: {
                        address1: string;
                        address2?: string;
                        address3?: string;
                        address4?: string;
                        cityOrTown: string;
                        stateOrProvince?: string;
                        postalOrZipCode?: string;
                        countryCode: string;
                        /** @enum {string} */
                        addressType?: "Residential" | "Commercial";
                    };
                };
                card?: {
                    paymentOrCardType?: string;
                    cardNumberPartOrMask: string;
                    ccLastFour?: string;
                    /** @constant */
                    isTokenized: true;
                    expireMonth?: number;
                    expireYear?: number;
                    nameOnCard?: string;
                };
                data?: {
                    paypal: {
                        payerId: string;
                    };
                };
            };
            payments: {
                paymentType: string;
                paymentWorkflow: string;
                /** @enum {string} */
                status: "Authorized" | "Collected";
                amountRequested: number;
                amountCollected: number;
                externalTransactionId?: string;
                billingInfo: {
                    paymentType?: string;
                    paymentWorkflow?: string;
                    billingContact: {
                        firstName: string;
                        lastNameOrSurname: string;
                        email?: string;
                        companyOrOrganization?: string;
                        phoneNumbers?: {
                            home?: string;
                        };
                        address: {
                            address1: string;
                            address2?: string;
                            address3?: string;
                            address4?: string;
                            cityOrTown: string;
                            stateOrProvince?: string;
                            postalOrZipCode?: string;
                            countryCode: string;
                            /** @enum {string} */
                            addressType?: "Residential" | "Commercial";
                        };
                    };
                    card?: {
                        paymentOrCardType?: string;
                        cardNumberPartOrMask: string;
                        ccLastFour?: string;
                        /** @constant */
                        isTokenized: true;
                        expireMonth?: number;
                        expireYear?: number;
                        nameOnCard?: string;
                    };
                    data?: {
                        paypal: {
                            payerId: string;
                        };
                    };
                };
                interactions: {
                    /** @enum {string} */
                    interactionType: "Authorization" | "Capture";
                    /** @enum {string} */
                    status: "Authorized" | "Captured";
                    amount: number;
                    currencyCode: string;
                    interactionDate: string;
                    gatewayTransactionId?: string;
                    gatewayAuthCode?: string;
                    gatewayAVSCodes?: string;
                    gatewayCVV2Codes?: string;
                    gatewayResponseCode?: string;
                    gatewayResponseText?: string;
                    gatewayResponseData?: {
                        key: string;
                        value: string;
                    }[];
                }[];
                data?: {
                    customerPaymentProfileId: string;
                };
            }[];
            fulfillmentInfo: {
                fulfillmentContact?: {
                    firstName: string;
                    lastNameOrSurname: string;
                    email?: string;
                    companyOrOrganization?: string;
                    phoneNumbers?: {
                        home?: string;
                    };
                    address: {
                        address1: string;
                        address2?: string;
                        address3?: string;
                        address4?: string;
                        cityOrTown: string;
                        stateOrProvince?: string;
                        postalOrZipCode?: string;
                        countryCode: string;
                        /** @enum {string} */
                        addressType?: "Residential" | "Commercial";
                    };
                };
                shippingMethodCode?: string;
                shippingMethodName?: string;
            };
            validationResults?: {
                validationId: string;
                validatorName: string;
                validatorType: string;
                /** @enum {string} */
                status: "Pass" | "Review";
                createdDate: string;
                messages: {
                    message: string;
                    /** @constant */
                    messageType: "Info";
                }[];
            }[];
            data?: {
                attributes: {
                    [key: string]: string;
                };
            };
            subtotal: number;
            discountTotal: number;
            itemTaxTotal: number;
            shippingTotal: number;
            shippingTaxTotal: number;
            handlingTotal: number;
            handlingTaxTotal: number;
            dutyTotal: number;
            taxTotal: number;
            total: number;
        };
        KountFraud: {
            /** @constant */
            provider: "kount";
            /** @description Kount transaction id → validationId */
            transactionId: string;
            /**
             * @description A/APPROVE → Pass; R/E/REVIEW/ESCALATE → Review; D/DECLINE → Review or refused (configurable)
             * @example A
             */
            decision: string;
            /** @description Kount score */
            score?: number | null;
            /** @description Kount Omniscore */
            omniscore?: number | null;
            reasonCode?: string | null;
            /** @description Triggered rules */
            rules?: {
                id: string;
                description: string;
            }[] | null;
            /** @description → createdDate (default: placedAt) */
            checkedAt?: string | null;
        };
        NoopPayment: {
            /** @constant */
            gateway: "noop";
            /**
             * @description Authorized amount → amountRequested
             * @example 46.71
             */
            amount: number | string;
            /** @description → interactionDate (default: placedAt) */
            authorizedAt?: string | null;
            capture?: components["schemas"]["Capture"] | null;
            /** @description → gatewayTransactionId */
            transactionId?: string | null;
            card?: components["schemas"]["Card"] | null;
        };
        /** @description The order (Normalized Order Event v1 `data`). Totals reconcile exactly, in decimal: `lineTotal = price × quantity − discount − orderDiscount + tax + shipping + shippingTax + handling + duty + handlingTax − handlingDiscount` (`price = overridePrice ?? salePrice ?? unitPrice`), `Σ lineTotal = total`, `Σ payments.amount = total`. */
        Order: {
            /**
             * @description Storefront order number; with the Kibo tenant and site, the idempotency key
             * @example SO-100234
             */
            externalId: string;
            /**
             * Format: date-time
             * @description → submittedDate
             * @example 2026-11-20T15:04:05Z
             */
            placedAt: string;
            /**
             * @description → currencyCode
             * @example USD
             * @enum {string}
             */
            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BOV" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHE" | "CHF" | "CHW" | "CLF" | "CLP" | "CNY" | "COP" | "COU" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MXV" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "USN" | "UYI" | "UYU" | "UYW" | "UZS" | "VED" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMW" | "ZWG";
            /**
             * @description → channelCode (default from config)
             * @example Online
             */
            channel?: string | null;
            locale?: string | null;
            /** @description Only for order.completed; sent to Kibo as Completed / Cancelled */
            status?: ("Completed" | "Canceled" | "Cancelled") | null;
            /** @description The shopper; without it the order email comes from billTo.email */
            customer?: components["schemas"]["Customer"] | null;
            /** @description → billingInfo.billingContact on the order and on every payment */
            billTo: components["schemas"]["Contact"];
            /** @description → fulfillmentInfo.fulfillmentContact; required when any item ships */
            shipTo?: components["schemas"]["Contact"] | null;
            /** @description → fulfillmentInfo.shippingMethodCode/Name */
            shippingMethod?: {
                /** @example fedex_FEDEX_2_DAY */
                code: string;
                /** @example FedEx 2Day */
                name?: string | null;
            } | null;
            items: components["schemas"]["Item"][];
            /**
             * @description Grand total the shopper paid
             * @example 46.71
             */
            total: number | string;
            /** @description Required unless total is 0 */
            payments?: components["schemas"]["Payment"][] | null;
            fraud?: components["schemas"]["Fraud"] | null;
            attributes?: {
                [key: string]: string;
            } | null;
            /** @description Kibo's edit and cancellation restrictions, applied after the import (updateorderrestrictions) */
            restrictions?: {
                /** @description true: only roles with "Override Order Update Restriction" may edit the order in Kibo */
                edit?: boolean | null;
                /** @description true: only those roles may cancel it */
                cancellation?: boolean | null;
            } | null;
            translated?: components["schemas"]["TranslatedExtension"] | null;
        } & ((unknown | unknown) & unknown & unknown);
        /**
         * @description Normalized Order Event v1: one storefront order to import into Kibo OMS.
         *
         *     Rules the JSON Schema cannot carry (a 400 names the rule in `errors[].rule`, a 422 by its problem `type`):
         *     - `currency-decimals` (400): Amounts have no more fraction digits than the order currency allows (ISO 4217 minor units: JPY 0, USD 2, KWD 3; trailing zeros do not count).
         *     - `money-number` (400): An amount sent as a JSON number must be exact in decimal (no exponent form such as 1e-7); send a decimal string otherwise.
         *     - `unique-line-ids` (400): `lineId` is unique within the order.
         *     - `translated-line-ids` (400): Every key of `translated.lines` is the `lineId` of an item.
         *     - `no-card-number` (400): A token field never holds a card number (13-19 digits passing the Luhn check).
         *     - `well-formed-locale` (400): `locale` is a well-formed BCP 47 tag (Intl.getCanonicalLocales accepts it).
         *     - `totals-reconcile` (422): Line totals, payments and the stated total reconcile exactly in decimal (see the formula in the Order description).
         *     - `same-payload` (422): An `externalId` already imported for this tenant and site is sent again only with the same payload.
         *     - `fraud-decline` (422): A Kount decline is refused when FRAUD_DECLINE_ACTION=reject.
         *     - `translated-target` (422): For translated-v2 tenants, the fields that API requires (a customer phone, a mapped shipping method, …) are present.
         * @example {
         *       "type": "order.created",
         *       "timestamp": "2026-11-20T15:04:07Z",
         *       "data": {
         *         "externalId": "SO-1",
         *         "placedAt": "2026-11-20T15:04:05Z",
         *         "currency": "USD",
         *         "customer": {
         *           "email": "a@example.com"
         *         },
         *         "billTo": {
         *           "firstName": "A",
         *           "lastName": "B",
         *           "address": {
         *             "line1": "1 Main St",
         *             "city": "Austin",
         *             "country": "US"
         *           }
         *         },
         *         "items": [
         *           {
         *             "lineId": "1",
         *             "sku": "X",
         *             "quantity": 1,
         *             "unitPrice": "5.00",
         *             "fulfillment": {
         *               "method": "Pickup",
         *               "locationCode": "AUS"
         *             }
         *           }
         *         ],
         *         "total": "5.00",
         *         "payments": [
         *           {
         *             "gateway": "noop",
         *             "amount": "5.00"
         *           }
         *         ]
         *       }
         *     }
         */
        OrderEvent: {
            /**
             * @description "order.completed" imports a historical (completed or cancelled) order
             * @enum {string}
             */
            type: "order.created" | "order.completed";
            /**
             * @description Delivery/event id, logged; not the idempotency key
             * @example evt_7d2c9f0e61a4
             */
            id?: string | null;
            /**
             * Format: date-time
             * @description When the storefront emitted the event
             * @example 2026-11-20T15:04:05Z
             */
            timestamp: string;
            /**
             * @description Which storefront
             * @example shopify
             */
            source?: string | null;
            data: components["schemas"]["Order"];
        };
        OrderRestrictions: {
            /** @description true: only roles with "Override Order Update Restriction" may edit the order */
            edit?: boolean;
            /** @description true: only those roles may cancel it */
            cancellation?: boolean;
        };
        OrderRestrictionsResult: {
            importId: string;
            externalId: string;
            kiboOrderId: string;
            restrictions: {
                edit?: boolean;
                cancellation?: boolean;
                /** @enum {string} */
                status: "pending" | "applied";
            };
            statusUrl: string;
        };
        /** @description Kibo's edit/cancellation restrictions for the order, if any were asked for */
        OrderRestrictionsState: {
            edit?: boolean;
            cancellation?: boolean;
            /**
             * @description pending until Kibo confirms them (retried with backoff)
             * @enum {string}
             */
            status: "pending" | "applied";
            attempts: number;
            lastError: unknown;
            appliedAt: string | null;
        } | null;
        PayPalPayment: {
            /** @constant */
            gateway: "paypal";
            /**
             * @description Authorized amount → amountRequested
             * @example 46.71
             */
            amount: number | string;
            /** @description → interactionDate (default: placedAt) */
            authorizedAt?: string | null;
            capture?: components["schemas"]["Capture"] | null;
            /**
             * @description PayPal EC token → externalTransactionId
             * @example EC-74R44913L24993252
             */
            token: string;
            /**
             * @description → billingInfo.data.paypal.payerId
             * @example B373JG5S4Y388
             */
            payerId: string;
            /**
             * @description → gatewayTransactionId
             * @example 8AF73994TM546221D
             */
            authorizationId: string;
        };
        /** @description A payment authorized outside Kibo, discriminated by `gateway`: `cybersource` (Cybersource), `authorizenet` (Authorize.net), `paypal` (PayPal Express 2), `noop` (no gateway (an already settled payment; translated-v2: No-Operation)) */
        Payment: components["schemas"]["CybersourcePayment"] | components["schemas"]["AuthorizeNetPayment"] | components["schemas"]["PayPalPayment"] | components["schemas"]["NoopPayment"];
        PickupFulfillment: {
            /**
             * @description → fulfillmentMethod
             * @constant
             */
            method: "Pickup";
            /**
             * @description → fulfillmentLocationCode: the pickup location
             * @example AUS
             */
            locationCode: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            /**
             * @description Problem type URI
             * @example https://kibo-order-bridge.dev/problems/totals-mismatch
             */
            type: string;
            /**
             * @description Short summary of the problem type
             * @example Order totals do not reconcile
             */
            title: string;
            status: number;
            /** @description What went wrong in this occurrence */
            detail: string;
            instance?: string;
            /** @description One entry per offending field */
            errors?: components["schemas"]["ProblemError"][];
            /**
             * @description Kibo's error code, for Kibo validation errors
             * @example VALIDATION_ERROR
             */
            errorCode?: string;
            /** @description Kibo's correlation id of the failed call */
            correlationId?: string;
            reconciliation?: components["schemas"]["Reconciliation"];
        } & {
            [key: string]: unknown;
        };
        ProblemError: {
            /**
             * @description Where in the body: `data.items[0].unitPrice`; `(body)` for the body as a whole
             * @example data.items[0].unitPrice
             */
            path: string;
            /**
             * @description What is wrong there
             * @example 1980.5 has 1 decimal place, but JPY amounts are whole numbers
             */
            message: string;
            /**
             * @description The rule the JSON Schema cannot carry that this breaks (see OrderEvent)
             * @example currency-decimals
             */
            rule?: string;
        };
        /** @description Accepted and stored; it will be imported asynchronously. */
        QueuedImport: {
            importId: string;
            externalId: string;
            /** @constant */
            status: "queued";
            /**
             * @description Where to follow the import
             * @example /v1/imports/imp_01JD6K6Z4Q1B8X0Q4B7W3N2M5P
             */
            statusUrl: string;
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            checks: {
                database: {
                    /** @enum {string} */
                    status: "ok" | "degraded" | "failing";
                    detail?: string;
                };
                migrations: {
                    /** @enum {string} */
                    status: "ok" | "degraded" | "failing";
                    detail?: string;
                };
                kibo: {
                    /** @enum {string} */
                    status: "ok" | "degraded" | "failing";
                    detail?: string;
                };
            };
        };
        /** @description Exact decimal breakdown of the totals check */
        Reconciliation: {
            ok: boolean;
            currency: string;
            lines: {
                /** @description The sender's lineId */
                lineId: string;
                /** @description Position in data.items (0-based) */
                index: number;
                /**
                 * @description overridePrice ?? salePrice ?? unitPrice
                 * @example 8.50
                 */
                price: string;
                quantity: number;
                /**
                 * @description price*quantity - discount - orderDiscount + tax + shipping + shippingTax + handling + duty + handlingTax - handlingDiscount
                 * @example 25.49
                 */
                lineTotal: string;
            }[];
            /**
             * @description Sum of the line totals
             * @example 30.30
             */
            lineSum: string;
            /**
             * @description Sum of payment amounts; null when the order has no payments
             * @example 30.31
             */
            paymentSum: string | null;
            /**
             * @description The stated data.total
             * @example 30.31
             */
            total: string;
        };
        ShipFulfillment: {
            /**
             * @description → fulfillmentMethod
             * @constant
             */
            method: "Ship";
            /**
             * @description → fulfillmentLocationCode
             * @example AUS
             */
            locationCode?: string | null;
        };
        /** @description A Shopify REST order (the orders/* webhook body), optionally with `transactions` and `fulfillmentOrders` added */
        ShopifyOrderPreview: {
            admin_graphql_api_id?: string;
            name: string;
            currency: string;
            line_items: {
                [key: string]: unknown;
            }[];
            /** @description GraphQL OrderTransaction objects (as `order { transactions { … } }` returns them) */
            transactions?: {
                [key: string]: unknown;
            }[];
            /** @description GraphQL FulfillmentOrder objects (deliveryMethod, assignedLocation, lineItems as arrays) */
            fulfillmentOrders?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        TranslatedAddress: {
            addressID?: number | string | null;
            customerID?: number | string | null;
            firstName?: string | null;
            lastName?: string | null;
            company?: string | null;
            addressLine1: string;
            addressLine2?: string | null;
            addressLine3?: string | null;
            phone?: string | null;
            city: string;
            postalCode?: string | null;
            state?: string | null;
            countryCode: string;
            latitude?: number | null;
            longitude?: number | null;
            fraudLock?: boolean | null;
            active?: boolean | null;
            taxID?: string | null;
            isBilling?: boolean | null;
            isShipping?: boolean | null;
        } & {
            [key: string]: unknown;
        };
        TranslatedAuthorization: {
            externalId: string;
            paymentIndex: number;
            /** @description Kibo's order ID for this cart (the created order takes it) */
            orderID: number;
            /** @description Sent as the payment's authorizationID when the order is imported */
            authToken: string;
            /** @description The authorized amount */
            amount: string;
        };
        TranslatedCreateOrderRequest: {
            externalOrderID: string;
            manufacturerID: number;
            catalogID: number;
            /** @enum {string} */
            locale: "en-US" | "en-GB" | "en-HL" | "en-IN" | "es-ES" | "es-MX" | "ko-KR" | "de-DE" | "el-GR" | "fr-CA" | "fr-FR" | "it-IT" | "ja-JP" | "nl-NL" | "nb-NO" | "no-NO" | "ru-RU" | "sv-SE" | "zh-cmn-CN" | "zh-HANT" | "zh-yue-CN";
            /** @enum {string} */
            currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYR" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GGP" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "IMP" | "INR" | "IQD" | "IRR" | "ISK" | "JEP" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LTL" | "LVL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRO" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLL" | "SOS" | "SPL" | "SRD" | "STD" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TVD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VEF" | "VND" | "VUV" | "WST" | "XDR" | "XOF" | "XPF" | "YER" | "ZAR" | "ZMK" | "ZWD";
            customer: components["schemas"]["TranslatedCustomer"];
            orderItems: components["schemas"]["TranslatedOrderItem"][];
            shippingMethod: components["schemas"]["TranslatedShippingMethod"];
            shippingAddress: components["schemas"]["TranslatedAddress"];
            orderPayments: components["schemas"]["TranslatedOrderPayment"][];
            customerIP: string;
            sendEmail: boolean;
            orderID?: number | null;
            cartID?: string | null;
            currencyLocale?: string | null;
            orderGift?: ({
                recipient?: string | null;
                message?: string | null;
            } & {
                [key: string]: unknown;
            }) | null;
            shippingTax?: number | null;
            shippingTaxRate?: number | null;
            forceItemTaxOverride?: boolean | null;
            orderComment?: string | null;
            optInRetailer?: boolean | null;
            landingCode?: string | null;
            customOrderData?: {
                [key: string]: string;
            } | null;
            fraudData?: {
                [key: string]: unknown;
            }[] | null;
            allowSplit?: boolean | null;
            isTestOrder?: boolean | null;
            expectedDeliveryDate?: string | null;
            promotions?: unknown[] | null;
            discounts?: unknown[] | null;
            channel?: string | null;
        } & {
            [key: string]: unknown;
        };
        TranslatedCustomer: {
            customerID?: (string | number) | null;
            firstName: string;
            lastName: string;
            email: string;
            password?: string | null;
            phone1: string;
            phone2?: string | null;
            accountCreated?: string | null;
            active?: ("ACTIVE" | "INACTIVE" | "FROZEN") | null;
            customData?: unknown[] | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Optional data for the translated-v2 target (proposed `data.translated`) */
        TranslatedExtension: {
            /** @description → customerIP: the shopper's external address, NOT the web server's (required unless the target sets defaultCustomerIP) */
            customerIP?: (string) | null;
            /** @description → customer.phone2 */
            phone2?: string | null;
            /** @description true: lines whose availability must ship as separate orders (P, D, J, I) become child orders instead of a 422 */
            splitByAvailability?: boolean | null;
            /** @description Per line, keyed by items[].lineId */
            lines?: {
                [key: string]: components["schemas"]["TranslatedLineExtension"];
            } | null;
            /** @description → landingCode */
            landingCode?: string | null;
            /** @description → optInRetailer */
            optInRetailer?: boolean | null;
            /** @description → sendEmail (default: target option, else true) */
            sendEmail?: boolean | null;
            /** @description → isTestOrder */
            isTestOrder?: boolean | null;
            /** @description → cartID, and externalCartID of an authorize call */
            cartId?: string | null;
            /** @description → orderComment */
            orderComment?: string | null;
            /** @description → orderGift */
            orderGift?: {
                recipient: string;
                message?: string | null;
            } | null;
        };
        TranslatedLineExtension: {
            /** @description → product.availability (default: target option defaultAvailability) */
            availability?: ("Y" | "N" | "L" | "M" | "J" | "P" | "D" | "I" | "S" | "G" | "V" | "F") | null;
            /** @description → product.averageDealerMargin */
            averageDealerMargin?: number | null;
            /** @description → itemSpecifics.options, e.g. { "size": "12", "color": "black" } */
            options?: {
                [key: string]: string;
            } | null;
            /** @description → itemSpecifics.customItemData */
            customItemData?: {
                [key: string]: string;
            } | null;
        };
        TranslatedOrderItem: {
            orderItemID?: number | string | null;
            product: {
                partNumber: string;
                productID?: number | string | null;
                /** @enum {string} */
                availability: "Y" | "N" | "L" | "M" | "J" | "P" | "D" | "I" | "S" | "G" | "V" | "F";
                name?: string | null;
                retailPrice?: number | null;
                averageDealerMargin?: number | null;
                upc?: string | null;
            } & {
                [key: string]: unknown;
            };
            itemSpecifics: {
                externalItemID?: string | null;
                actualPrice: number;
                quantity: number;
                shipping?: number | null;
                shippingTax?: number | null;
                itemTaxOverride?: number | null;
                customItemData?: {
                    [key: string]: string;
                } | null;
                options?: {
                    [key: string]: string;
                } | null;
                customData?: unknown;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        TranslatedOrderPayment: {
            orderPaymentID?: number | string | null;
            paymentMethod: components["schemas"]["TranslatedPaymentMethod"];
            paymentMethodID?: unknown;
            maxAmount?: number | null;
            transactionID?: string | null;
            authorizationID?: string | null;
            paymentType?: unknown;
            authAmount?: number | null;
        } & {
            [key: string]: unknown;
        };
        TranslatedPaymentMethod: {
            billingAddress: components["schemas"]["TranslatedAddress"];
            /** @enum {string} */
            paymentType: "CC" | "LV" | "VO" | "CS" | "PZ" | "AD" | "PP" | "EB" | "TK" | "NG" | "PL" | "NO" | "TD" | "ST" | "GC" | "GT" | "GX" | "IM" | "M1" | "M2" | "M3" | "VA";
            cardIssuer?: ("AM" | "BC" | "CL" | "CU" | "DB" | "DI" | "DE" | "DC" | "JB" | "LS" | "MS" | "MC" | "ST" | "SV" | "SW" | "VI" | "VL") | null;
            noOperationType?: string | null;
            cardNumber?: string | null;
            ccLastFour?: string | null;
            cardSecurityCode?: string | null;
            cardExpiration?: string | null;
            paymentClass?: string | null;
            payPalToken?: string | null;
            payPalPayerID?: string | null;
            paymentMethodToken?: string | null;
            authToken?: string | null;
            cardToken?: string | null;
            creditPlan?: unknown;
            creditPlanType?: unknown;
            retailerRef?: unknown;
            financeCode?: unknown;
            paymentMethodID?: unknown;
        } & {
            [key: string]: unknown;
        };
        TranslatedShippingMethod: {
            shippingType?: string | null;
            shippingClass?: string | null;
            deliveryMethod?: string | null;
            carrier?: string | null;
            carrierType?: string | null;
            serviceType?: string | null;
            name?: unknown;
            price?: unknown;
            description?: unknown;
        } & {
            [key: string]: unknown;
        };
        /** @description A WooCommerce order as GET /wp-json/wc/v3/orders/{id} answers it (the body of its order.* webhooks) */
        WooCommerceOrderPreview: {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The request id: the caller's `x-request-id` when it is 1–128 characters of `[A-Za-z0-9_.:-]`, else a generated UUID */
        RequestId: string;
        /** @description Seconds to wait before retrying */
        RetryAfter: number;
        /** @description Where to follow the result (the import or inventory job) */
        Location: string;
        /** @description `true` when this answer is the stored result of an earlier request */
        IdempotentReplayed: "true";
        /** @description `respond-async` when the request was accepted asynchronously */
        PreferenceApplied: string;
        /** @description Requests allowed per minute (with RATE_LIMIT_PER_MINUTE) */
        RateLimitLimit: number;
        /** @description Requests left in the current minute (with RATE_LIMIT_PER_MINUTE) */
        RateLimitRemaining: number;
        /** @description Seconds until the current minute ends (with RATE_LIMIT_PER_MINUTE) */
        RateLimitReset: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        uptimeSeconds: number;
                    };
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description `respond-async`: accept now, import in the background (202) */
                prefer?: string;
                /** @description `cli` when the command-line importer sends it (the import's `source`); otherwise the source is `api` */
                "x-import-source"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderEvent"];
            };
        };
        responses: {
            /** @description A repeat of an imported order: the stored result, header `Idempotent-Replayed: true`. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedOrder"];
                };
            };
            /** @description Imported: the order was created in Kibo (or found there after an ambiguous failure). */
            201: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedOrder"];
                };
            };
            /** @description Accepted for asynchronous import (`Prefer: respond-async`), or a repeat of one still queued: follow `statusUrl`. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "Preference-Applied": components["headers"]["PreferenceApplied"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedImport"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo answered in a way we could not use (for example it refused our credentials). */
            502: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderEvent"];
            };
        };
        responses: {
            /** @description The payload the tenant's Kibo API would receive. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kiboOrder?: components["schemas"]["KiboOrder"];
                        /** @description Tenants with target translated-v2: the request(s) POST /api/v2/createOrder/ would receive, in the order they are sent (several when the order is split by availability) */
                        translatedOrders?: {
                            /** @description Availability group of a split order */
                            group?: string;
                            /** @description The event lines this order carries (split orders) */
                            lineIds?: string[];
                            request: components["schemas"]["TranslatedCreateOrderRequest"];
                        }[];
                    };
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorizeTranslatedOrder: {
        parameters: {
            query?: {
                paymentIndex?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderEvent"];
            };
        };
        responses: {
            /** @description Authorized before: the stored result (header `Idempotent-Replayed: true`). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslatedAuthorization"];
                };
            };
            /** @description Authorized now. */
            201: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslatedAuthorization"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo answered in a way we could not use (for example it refused our credentials). */
            502: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setOrderRestrictions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                externalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderRestrictions"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderRestrictionsResult"];
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderRestrictionsResult"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveOrderWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Delivery id (unique per event). Required when WEBHOOK_SECRETS is set (always in production) */
                "webhook-id"?: string;
                /** @description Unix seconds when it was signed. Required when WEBHOOK_SECRETS is set */
                "webhook-timestamp"?: string;
                /** @description Space-separated `v1,<base64>` signatures. Required when WEBHOOK_SECRETS is set */
                "webhook-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderEvent"];
            };
        };
        responses: {
            /** @description A repeat delivery of an order already imported (header `Idempotent-Replayed: true`). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedOrder"];
                };
            };
            /** @description Accepted */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedImport"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An import id: `imp_` and 26 characters */
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Import"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                status?: "queued" | "importing" | "imported" | "failed" | "dead";
                externalId?: string;
                /** @description Only imports from this intake path: 'api', 'webhook', 'cli' or 'shopify:<shop>.myshopify.com' */
                source?: string;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Received at or after this time (RFC 3339) */
                from?: string;
                /** @description Received before this time (RFC 3339) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportPage"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    summarizeImports: {
        parameters: {
            query?: {
                /** @description Received at or after this time (RFC 3339) */
                from?: string;
                /** @description Received before this time (RFC 3339) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImportKiboPayload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An import id: `imp_` and 26 characters */
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportKiboPayload"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An import id: `imp_` and 26 characters */
                importId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedImport"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default dead
                     * @enum {string}
                     */
                    status?: "dead" | "failed";
                    /** @default 100 */
                    limit?: number;
                    /**
                     * Format: date-time
                     * @description Received at or after this time (RFC 3339)
                     */
                    from?: string;
                    /**
                     * Format: date-time
                     * @description Received before this time (RFC 3339)
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkRetry"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adjustInventory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and same items: the same job is returned. Same key, different items: 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryAdjustRequest"];
            };
        };
        responses: {
            /** @description Idempotent replay: this Idempotency-Key was already used for the same items (header Idempotent-Replayed: true) */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description Accepted: stored and queued for Kibo */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadInventoryAdjustments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and same items: the same job is returned. Same key, different items: 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
                /**
                 * @example locationCode,partNumber,upc,quantity,reason
                 *     WH-EAST,TSHIRT-RED-M,,24,received
                 *     WH-EAST,TSHIRT-RED-L,,-2,damaged
                 *     STORE-001,,012345678936,1,returned
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Idempotent replay: this Idempotency-Key was already used for the same items (header Idempotent-Replayed: true) */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description Accepted: stored and queued for Kibo */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshInventory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and same items: the same job is returned. Same key, different items: 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryRefreshRequest"];
            };
        };
        responses: {
            /** @description Idempotent replay: this Idempotency-Key was already used for the same items (header Idempotent-Replayed: true) */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description Accepted: stored and queued for Kibo */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadInventoryRefresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and same items: the same job is returned. Same key, different items: 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {"locationCode":"WH-EAST","partNumber":"TSHIRT-RED-M","quantity":120}
                 *     {"locationCode":"WH-EAST","partNumber":"TSHIRT-RED-L","quantity":80}
                 *     {"locationCode":"WH-WEST","upc":"012345678929","quantity":35}
                 *     {"locationCode":"STORE-001","partNumber":"POSTER-A2","quantity":6}
                 */
                "application/x-ndjson": string;
                /**
                 * @example locationCode,partNumber,upc,quantity
                 *     WH-EAST,TSHIRT-RED-M,,120
                 *     WH-EAST,TSHIRT-RED-L,,80
                 *     WH-WEST,,012345678929,35
                 *     STORE-001,POSTER-A2,,6
                 */
                "text/csv": string;
            };
        };
        responses: {
            /** @description Idempotent replay: this Idempotency-Key was already used for the same items (header Idempotent-Replayed: true) */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description Accepted: stored and queued for Kibo */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    Location: components["headers"]["Location"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJobAccepted"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInventoryJob: {
        parameters: {
            query?: {
                /** @description How many per-item errors to list */
                errorsLimit?: number;
                errorsOffset?: number;
            };
            header?: never;
            path: {
                /** @description An inventory job id: `inv_` and 26 characters */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryJob"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    queryInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryQueryRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryQueryResponse"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over RATE_LIMIT_PER_MINUTE; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo answered in a way we could not use (for example it refused our credentials). */
            502: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveShopifyWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description base64 HMAC-SHA256 of the raw body with the app's client secret (`shopify-hmac-sha256` too) */
                "x-shopify-hmac-sha256"?: string;
                /** @description The store (`shopify-shop-domain` too) */
                "x-shopify-shop-domain"?: string;
                /** @description orders/paid or orders/create; other topics are answered 200 and recorded */
                "x-shopify-topic"?: string;
                /** @description Shared by every delivery of one merchant action: the dedupe key */
                "x-shopify-event-id"?: string;
                /** @description One per delivery */
                "x-shopify-webhook-id"?: string;
                /** @description When Shopify triggered it; older than 12 h is refused as stale */
                "x-shopify-triggered-at"?: string;
                /** @description API version of the payload */
                "x-shopify-api-version"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stored; nothing new to import (duplicate or skipped, with the reason). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description Stored; the order will be fetched and imported. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over WEBHOOK_BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewShopifyOrder: {
        parameters: {
            query?: {
                /** @description Use this store's options (currency, externalId, gateways); default: the tenant's first store */
                store?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShopifyOrderPreview"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorPreview"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileShopifyStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                store: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description List orders updated at or after this instant (a backfill); default: the store's checkpoint
                     * @example 2026-12-01T00:00:00Z
                     */
                    since?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorReconcileSummary"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveBigCommerceWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Standard Webhooks delivery id */
                "webhook-id"?: string;
                /** @description Unix seconds when it was signed; within 5 minutes of now */
                "webhook-timestamp"?: string;
                /** @description `v1,<base64 HMAC-SHA256>` of `id.timestamp.body`, keyed with the app's client secret */
                "webhook-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stored; nothing new to import (duplicate or skipped, with the reason). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description Stored; the order will be fetched and imported. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over WEBHOOK_BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewBigCommerceOrder: {
        parameters: {
            query?: {
                /** @description Use this store's options (currency, externalId, gateways); default: the tenant's first store */
                store?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BigCommerceOrderPreview"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorPreview"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileBigCommerceStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                store: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description List orders updated at or after this instant (a backfill); default: the store's checkpoint
                     * @example 2026-12-01T00:00:00Z
                     */
                    since?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorReconcileSummary"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveWooCommerceWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The site's home URL: chooses the store */
                "x-wc-webhook-source"?: string;
                /** @description order.created, order.updated, … */
                "x-wc-webhook-topic"?: string;
                /** @description The webhook id on the store */
                "x-wc-webhook-id"?: string;
                /** @description The delivery id (not unique per event) */
                "x-wc-webhook-delivery-id"?: string;
                /** @description base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret */
                "x-wc-webhook-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stored; nothing new to import (duplicate or skipped, with the reason). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description Stored; the order will be fetched and imported. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorDeliveryAnswer"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over WEBHOOK_BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Kibo is unavailable; retry after `Retry-After` seconds. Retrying is safe: nothing is imported twice. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewWooCommerceOrder: {
        parameters: {
            query?: {
                /** @description Use this store's options (currency, externalId, gateways); default: the tenant's first store */
                store?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WooCommerceOrderPreview"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorPreview"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT. */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Valid but not importable: totals do not reconcile (`reconciliation` shows each line), externalId reused with a different payload, a rejected Kount decline, or Kibo's own validation error (`errorCode`, `correlationId`). */
            422: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileWooCommerceStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                store: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description List orders updated at or after this instant (a backfill); default: the store's checkpoint
                     * @example 2026-12-01T00:00:00Z
                     */
                    since?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorReconcileSummary"];
                };
            };
            /** @description The body breaks the Normalized Order Event v1 schema or one of its cross-field rules; `errors` lists each path. */
            400: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found. */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The same externalId is being imported right now; retry after `Retry-After` seconds. */
            409: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is over BODY_LIMIT (for uploads: INVENTORY_UPLOAD_MAX_BYTES). */
            413: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not of a media type this operation takes. */
            415: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConnectorStores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectorStores"];
                };
            };
            /** @description Missing or invalid API key (or webhook signature). */
            401: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the rate limit; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service is shedding load (or Kibo is unavailable); retry after `Retry-After` seconds. Retrying is safe. */
            503: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "x-ratelimit-limit": components["headers"]["RateLimitLimit"];
                    "x-ratelimit-remaining": components["headers"]["RateLimitRemaining"];
                    "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
