// RFC 9457 problem details (application/problem+json): the one shape every error leaves in.
// `type` is always a URI under PROBLEM_TYPE_BASE; extension members used by this service are
// declared here so the OpenAPI document shows them.
import { z } from 'zod'

export const PROBLEM_TYPE_BASE = 'https://kibo-order-bridge.dev/problems/'

/** The problem type URI for a slug: `problemType('totals-mismatch')`. */
export function problemType (slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`
}

/** Problem types raised by the mapping and validation layers (others use `problemType(slug)`). */
export const ProblemTypes = {
  /** 400: the body breaks the event schema or one of its cross-field rules. */
  invalidRequest: problemType('invalid-request'),
  /** 400: the body is not strict JSON (UTF-8, BOM, duplicates, prototype keys, depth). */
  invalidJson: problemType('invalid-json'),
  /** 422: line totals or payments do not add up to the stated total. */
  totalsMismatch: problemType('totals-mismatch'),
  /** 422: Kount declined the order and declines are configured to be refused. */
  fraudDeclined: problemType('fraud-declined'),
  /** 422: Kibo's own validation refused the order. */
  kiboValidation: problemType('kibo-validation'),
  /** 422: the same externalId was imported with a different payload. */
  idempotencyConflict: problemType('idempotency-conflict')
} as const

export const ProblemErrorSchema = z
  .object({
    path: z
      .string()
      .meta({
        description: 'Where in the body: `data.items[0].unitPrice`; `(body)` for the body as a whole',
        example: 'data.items[0].unitPrice'
      }),
    message: z
      .string()
      .meta({ description: 'What is wrong there', example: '1980.5 has 1 decimal place, but JPY amounts are whole numbers' }),
    rule: z
      .string()
      .optional()
      .meta({ description: 'The rule the JSON Schema cannot carry that this breaks (see OrderEvent)', example: 'currency-decimals' })
  })
  .meta({ id: 'ProblemError' })

export const ReconciliationLineSchema = z.object({
  lineId: z.string().meta({ description: "The sender's lineId" }),
  index: z.number().int().meta({ description: 'Position in data.items (0-based)' }),
  price: z.string().meta({ description: 'overridePrice ?? salePrice ?? unitPrice', example: '8.50' }),
  quantity: z.number().int(),
  lineTotal: z
    .string()
    .meta({
      description:
        'price*quantity - discount - orderDiscount + tax + shipping + shippingTax + handling + duty + handlingTax - handlingDiscount',
      example: '25.49'
    })
})

export const ReconciliationSchema = z
  .object({
    ok: z.boolean(),
    currency: z.string(),
    lines: z.array(ReconciliationLineSchema),
    lineSum: z.string().meta({ description: 'Sum of the line totals', example: '30.30' }),
    paymentSum: z
      .string()
      .nullable()
      .meta({ description: 'Sum of payment amounts; null when the order has no payments', example: '30.31' }),
    total: z.string().meta({ description: 'The stated data.total', example: '30.31' })
  })
  .meta({ id: 'Reconciliation', description: 'Exact decimal breakdown of the totals check' })

export const ProblemSchema = z
  .looseObject({
    type: z.string().meta({ description: 'Problem type URI', example: problemType('totals-mismatch') }),
    title: z.string().meta({ description: 'Short summary of the problem type', example: 'Order totals do not reconcile' }),
    status: z.number().int().min(100).max(599),
    detail: z.string().meta({ description: 'What went wrong in this occurrence' }),
    instance: z.string().optional(),
    errors: z.array(ProblemErrorSchema).optional().meta({ description: 'One entry per offending field' }),
    errorCode: z.string().optional().meta({ description: "Kibo's error code, for Kibo validation errors", example: 'VALIDATION_ERROR' }),
    correlationId: z.string().optional().meta({ description: "Kibo's correlation id of the failed call" }),
    reconciliation: ReconciliationSchema.optional()
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' })

export type Problem = z.output<typeof ProblemSchema>
export type ProblemErrorEntry = z.output<typeof ProblemErrorSchema>
export type ReconciliationBody = z.output<typeof ReconciliationSchema>
