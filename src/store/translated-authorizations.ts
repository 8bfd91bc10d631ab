// Results of Kibo's translated Create Order Authorize, kept until the order's create uses them.
import type { Database } from './database.ts'
import * as sql from './sql.ts'

export interface TranslatedAuthorization {
  tenantId: number
  siteId: number
  externalId: string
  paymentIndex: number
  orderId: number
  authToken: string
  paymentMethodToken: string | null
  amount: string
  createdAt: string
}

interface Row {
  tenant_id: number
  site_id: number
  external_id: string
  payment_index: number
  order_id: number
  auth_token: string
  payment_method_token: string | null
  amount: string
  created_at: string
}

const toAuthorization = (row: Row): TranslatedAuthorization => ({
  tenantId: row.tenant_id,
  siteId: row.site_id,
  externalId: row.external_id,
  paymentIndex: row.payment_index,
  orderId: Number(row.order_id),
  authToken: row.auth_token,
  paymentMethodToken: row.payment_method_token,
  amount: row.amount,
  createdAt: row.created_at
})

export interface TranslatedAuthorizationStore {
  /** Stores it unless one exists for that payment; returns the one that is stored and whether it is new. */
  save(authorization: Omit<TranslatedAuthorization, 'createdAt'>): Promise<{ created: boolean; authorization: TranslatedAuthorization }>
  find(key: { tenantId: number; siteId: number; externalId: string }): Promise<TranslatedAuthorization[]>
}

export function createTranslatedAuthorizationStore (db: Database): TranslatedAuthorizationStore {
  const store: TranslatedAuthorizationStore = {
    async save (a) {
      const { rows } = await db.query<Row>(sql.insertTranslatedAuthorization, [
        a.tenantId,
        a.siteId,
        a.externalId,
        a.paymentIndex,
        a.orderId,
        a.authToken,
        a.paymentMethodToken,
        a.amount
      ])
      if (rows.length === 1) return { created: true, authorization: toAuthorization(rows[0]) }
      const existing = (await store.find(a)).find((stored) => stored.paymentIndex === a.paymentIndex)
      if (existing === undefined) throw new Error(`translated authorization for ${a.externalId} vanished`)
      return { created: false, authorization: existing }
    },
    async find ({ tenantId, siteId, externalId }) {
      const { rows } = await db.query<Row>(sql.selectTranslatedAuthorizations, [tenantId, siteId, externalId])
      return rows.map(toAuthorization)
    }
  }
  return store
}
