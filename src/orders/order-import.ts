// The import path every intake shares (REST, webhooks, connectors, CLI): validate → map and
// reconcile → claim the import record → send to Kibo without ever creating twice → record the
// outcome; or, for async intake, claim and queue a job for the worker in one transaction. The
// store decides idempotency (a database constraint, not process memory); the Kibo client decides
// how a create is retried.
import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyBaseLogger } from 'fastify'
import type { OrderEvent } from '../../schemas/order-event.ts'
import type { ImportedResponse, QueuedResponse } from '../../schemas/imports.ts'
import { problemType, type Problem } from '../../schemas/problem.ts'
import { payloadHash } from '../lib/canonical-json.ts'
import { KiboError, kiboErrorToProblem } from '../kibo/errors.ts'
import type { KiboTenant } from '../kibo/tenants.ts'
import type { ClaimInput, ImportRecord } from '../store/index.ts'
import { GROUP_COMMIT_BATCH_SIZE, groupCommit } from '../store/group-commit.ts'
import { ProblemError } from '../plugins/problems.ts'
import { gatewayOf, type ImportOutcomeEvent } from './import-outcomes.ts'
import { translatedErrorToProblem } from '../kibo/translated-client.ts'
import {
  outcomeUnknownProblem,
  translatedImportedOutcome,
  sendTranslated,
  translatedOutcomeUnknown,
  translatedResendBlocked
} from './translated-send.ts'

export type SyncImportResult = { status: 201 | 200; body: ImportedResponse; replayed: boolean }
export type AsyncAcceptResult =
  { status: 202; body: QueuedResponse; replayed: boolean } | { status: 200; body: ImportedResponse; replayed: true }

declare module 'fastify' {
  interface FastifyInstance {
    orderImport: {
      /** Imports one event into this tenant's Kibo now; throws ProblemError for every refusal. */
      importNow(event: OrderEvent, tenant: KiboTenant, log: FastifyBaseLogger, options?: { source?: string }): Promise<SyncImportResult>
      /**
       * Validates, reconciles and stores the event with its queue job in one transaction; Kibo is
       * called later by a worker. Throws ProblemError for every refusal.
       */
      acceptForWorker(
        event: OrderEvent,
        options: { tenant: KiboTenant; webhookId?: string | undefined; log: FastifyBaseLogger; source?: string }
      ): Promise<AsyncAcceptResult>
      /** The instance id that owns leases taken by this process. */
      leaseOwner: string
    }
  }
}

export function importedBody (record: ImportRecord): ImportedResponse {
  return {
    importId: record.importId,
    externalId: record.externalId,
    kiboOrderId: record.kiboOrderId ?? '',
    kiboOrderNumber: record.kiboOrderNumber ?? null,
    status: 'imported'
  }
}

export function queuedBody (record: ImportRecord): QueuedResponse {
  return { importId: record.importId, externalId: record.externalId, status: 'queued', statusUrl: `/v1/imports/${record.importId}` }
}

export function inFlightProblem (record: ImportRecord, retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    {
      type: problemType('import-in-flight'),
      title: 'This order is being imported right now',
      status: 409,
      detail: `externalId ${JSON.stringify(record.externalId)} is already being imported (import ${record.importId}); retry ` +
        `after ${retryAfterSeconds} s to get its result.`,
      importId: record.importId
    },
    { 'retry-after': String(retryAfterSeconds) }
  )
}

export function conflictProblem (record: ImportRecord, reason: 'payload' | 'webhook_id' = 'payload'): ProblemError {
  if (reason === 'webhook_id') {
    return new ProblemError({
      type: problemType('idempotency-conflict'),
      title: 'webhook-id already used for a different order',
      status: 422,
      detail: `This webhook-id was already delivered for externalId ${JSON.stringify(record.externalId)} (import ` +
        `${record.importId}); a delivery id names one event.`,
      importId: record.importId
    })
  }
  return new ProblemError({
    type: problemType('idempotency-conflict'),
    title: 'externalId already used for a different order',
    status: 422,
    detail:
      `externalId ${JSON.stringify(record.externalId)} was already ${record.status === 'imported' ? 'imported' : 'accepted'} ` +
      `(import ${record.importId}) with a different payload. An order is imported once; send a new externalId for a different order.`,
    importId: record.importId
  })
}

export default fp(
  async function orderImportPlugin (app) {
    const leaseOwner = `${process.pid}-${randomUUID().slice(0, 8)}`
    const leaseMs = app.config.importLeaseMs
    // Concurrent accepts share one transaction (group commit, as app.imports does for sync claims
    // and outcomes): each costs one row in a batch insert plus its queue job in one batch insert.
    const claimForDelivery = groupCommit(
      (inputs: readonly ClaimInput[]) =>
        app.imports.claimImports(inputs, {
          onClaimed: (tx, records) =>
            app.importWorker.enqueueMany(
              records.map((record) => record.importId),
              { tx }
            )
        }),
      { maxBatchSize: GROUP_COMMIT_BATCH_SIZE }
    )

    // Outcomes answered without calling Kibo get their one log line here; imports and failures
    // log theirs where they happen (with the Kibo order id and correlation id).
    const answeredHere = new Set(['refused', 'replayed', 'in_flight', 'conflict', 'duplicate'])
    const report = (
      event: OrderEvent,
      payload: Omit<ImportOutcomeEvent, 'gateway'>,
      context?: { log: FastifyBaseLogger; tenant: KiboTenant; importId?: string }
    ) => {
      app.importOutcomes.emit('outcome', { ...payload, gateway: gatewayOf(event) })
      if (context && answeredHere.has(payload.outcome)) {
        context.log.info(
          {
            importId: context.importId,
            externalId: event.data.externalId,
            tenant: context.tenant.name,
            tenantId: context.tenant.tenantId,
            siteId: context.tenant.siteId,
            mode: payload.mode,
            outcome: payload.outcome,
            status: payload.status,
            durationMs: Math.round(payload.durationMs ?? 0)
          },
          `import ${payload.outcome}`
        )
      }
    }

    async function importNow (
      event: OrderEvent,
      tenant: KiboTenant,
      log: FastifyBaseLogger,
      options: { source?: string } = {}
    ): Promise<SyncImportResult> {
      const started = performance.now()
      const took = () => performance.now() - started
      const translated = tenant.translated
      const mapped = translated !== null ? translated.map(event) : tenant.map(event)
      if (!mapped.ok) {
        report(event, { mode: 'sync', outcome: 'refused', status: mapped.problem.status, durationMs: took() }, { log, tenant })
        throw new ProblemError(mapped.problem)
      }

      const externalId = event.data.externalId
      const claim = await app.imports.claimImport({
        tenantId: tenant.tenantId,
        siteId: tenant.siteId,
        externalId,
        payloadHash: payloadHash(event),
        event,
        mode: 'sync',
        leaseOwner,
        leaseMs,
        source: options.source ?? 'api'
      })
      switch (claim.outcome) {
        case 'replay':
          report(
            event,
            { mode: 'sync', outcome: 'replayed', status: 200, durationMs: took() },
            { log, tenant, importId: claim.record.importId }
          )
          return { status: 200, body: importedBody(claim.record), replayed: true }
        case 'in_flight':
          report(
            event,
            { mode: 'sync', outcome: 'in_flight', status: 409, durationMs: took() },
            { log, tenant, importId: claim.record.importId }
          )
          throw inFlightProblem(claim.record, claim.retryAfterSeconds)
        case 'conflict':
          report(
            event,
            { mode: 'sync', outcome: 'conflict', status: 422, durationMs: took() },
            { log, tenant, importId: claim.record.importId }
          )
          throw conflictProblem(claim.record, claim.reason)
      }

      const record = claim.record
      const importBindings = {
        importId: record.importId,
        externalId,
        tenant: tenant.name,
        tenantId: tenant.tenantId,
        siteId: tenant.siteId
      }
      // A child logger costs a redaction pass over its bindings when made: the usual import
      // writes its one line with the bindings in it, and the child is made only when needed.
      let child: FastifyBaseLogger | undefined
      const importLog = () => (child ??= log.child(importBindings))
      // The translated API cannot be asked whether an earlier create reached it: after an attempt
      // whose outcome is unknown, only the operator's explicit retry sends the order again.
      if (translated !== null && claim.outcome === 'reclaimed') {
        const unknown = claim.previousStatus === 'importing' || translatedOutcomeUnknown(await app.imports.getImportEvents(record.importId))
        if (unknown) {
          const problem = outcomeUnknownProblem(record)
          await app.imports.markFailed(record.importId, leaseOwner, {
            status: 'failed',
            error: { ...problem, kind: 'ambiguous', reason: 'outcome_unknown' }
          })
          importLog().warn(
            { outcome: 'failed', reason: 'outcome_unknown', durationMs: Math.round(took()) },
            'import not sent: an earlier translated create may have reached Kibo'
          )
          report(event, { mode: 'sync', outcome: 'failed', status: 409, durationMs: took(), kind: 'ambiguous' })
          throw new ProblemError(problem)
        }
      }
      // Keep the lease alive while Kibo answers, so no other instance takes this import over.
      const renewal = setInterval(
        () => {
          app.imports
            .renewLease(record.importId, leaseOwner, leaseMs)
            .catch((err: unknown) => importLog().warn({ err }, 'lease renewal failed'))
        },
        Math.max(1000, Math.floor(leaseMs / 3))
      )
      renewal.unref()
      try {
        if (translated !== null) {
          if (!('split' in mapped)) throw new Error('unreachable: translated mapping expected')
          const sent = await sendTranslated(app.imports, translated, record, mapped, await app.translatedAuthorizations.find(record))
          const done = await app.imports.markImported(record.importId, leaseOwner, translatedImportedOutcome(sent), { event })
          importLog().info(
            {
              outcome: 'imported',
              target: 'translated-v2',
              kiboOrderId: sent.orderIds[0],
              orderIds: sent.orderIds,
              kiboCorrelationId: sent.correlationId,
              durationMs: Math.round(took())
            },
            'order imported'
          )
          report(event, { mode: 'sync', outcome: 'imported', status: 201, durationMs: took(), endToEndMs: took() })
          return { status: 201, body: importedBody(done), replayed: false }
        }
        if (!('kiboOrder' in mapped)) throw new Error('unreachable: OMS mapping expected')
        // A taken-over record may already exist in Kibo (its previous owner died mid-create, or
        // the last outcome was unknown): look it up before creating.
        if (claim.outcome === 'reclaimed') {
          const existing = await tenant.client.findOrderByExternalId(externalId)
          if (existing !== null) {
            const done = await app.imports.markImported(
              record.importId,
              leaseOwner,
              { kiboOrderId: existing.id, kiboOrderNumber: existing.orderNumber ?? null, correlationId: null, created: false },
              { event }
            )
            importLog().info(
              { outcome: 'imported', kiboOrderId: existing.id, found: true, durationMs: Math.round(took()) },
              'import found in Kibo'
            )
            report(event, { mode: 'sync', outcome: 'imported', status: 201, durationMs: took(), endToEndMs: took() })
            await app.restrictions.afterImport(done, importLog)
            return { status: 201, body: importedBody(done), replayed: false }
          }
        }
        const result = await tenant.importOrder(mapped.kiboOrder)
        const done = await app.imports.markImported(
          record.importId,
          leaseOwner,
          {
            kiboOrderId: result.order.id,
            kiboOrderNumber: result.order.orderNumber ?? null,
            correlationId: result.correlationId ?? null,
            created: result.created
          },
          { event } // as claimed: not read back
        )
        log.info(
          {
            ...importBindings,
            outcome: 'imported',
            kiboOrderId: result.order.id,
            kiboOrderNumber: result.order.orderNumber,
            kiboCorrelationId: result.correlationId,
            attempts: result.attempts,
            durationMs: Math.round(performance.now() - started)
          },
          'order imported'
        )
        report(event, { mode: 'sync', outcome: 'imported', status: 201, durationMs: took(), endToEndMs: took() })
        await app.restrictions.afterImport(done, importLog)
        return { status: 201, body: importedBody(done), replayed: false }
      } catch (error) {
        const problem: Problem =
          error instanceof KiboError
            ? translated !== null
              ? translatedErrorToProblem(error)
              : kiboErrorToProblem(error)
            : {
                type: problemType('internal'),
                title: 'Import failed',
                status: 500,
                detail: 'The import failed inside the service; it has been logged and can be retried safely.'
              }
        await app.imports
          .markFailed(record.importId, leaseOwner, {
            status: 'failed',
            error: {
              ...problem,
              kind: error instanceof KiboError ? error.kind : 'internal',
              ...(translated !== null && error instanceof KiboError && error.kind === 'ambiguous' ? { reason: 'outcome_unknown' } : {})
            }
          })
          .catch((err: unknown) => importLog().error({ err }, 'could not record the failure'))
        importLog().warn(
          {
            outcome: 'failed',
            kind: error instanceof KiboError ? error.kind : 'internal',
            status: problem.status,
            kiboCorrelationId: (problem as { correlationId?: string }).correlationId,
            durationMs: Math.round(performance.now() - started),
            ...(error instanceof KiboError ? {} : { err: error })
          },
          'import failed'
        )
        const headers: Record<string, string> = {}
        const retryAfter = (problem as { retryAfter?: number }).retryAfter
        if (typeof retryAfter === 'number') headers['retry-after'] = String(Math.ceil(retryAfter))
        report(event, {
          mode: 'sync',
          outcome: 'failed',
          status: problem.status,
          durationMs: took(),
          kind: error instanceof KiboError ? error.kind : 'internal'
        })
        throw new ProblemError({ ...problem, importId: record.importId }, headers)
      } finally {
        clearInterval(renewal)
      }
    }

    async function acceptForWorker (
      event: OrderEvent,
      options: { tenant: KiboTenant; webhookId?: string | undefined; log: FastifyBaseLogger; source?: string }
    ): Promise<AsyncAcceptResult> {
      const { tenant } = options
      const started = performance.now()
      const took = () => performance.now() - started
      const mapped = tenant.translated !== null ? tenant.translated.map(event) : tenant.map(event)
      if (!mapped.ok) {
        report(
          event,
          { mode: 'async', outcome: 'refused', status: mapped.problem.status, durationMs: took() },
          { log: options.log, tenant }
        )
        throw new ProblemError(mapped.problem)
      }
      if (tenant.translated !== null) {
        // A resend of an import whose translated create may have reached Kibo is not queued (the
        // worker would refuse to send it anyway): the operator checks Kibo and retries it.
        const existing = await app.imports.findImport({
          tenantId: tenant.tenantId,
          siteId: tenant.siteId,
          externalId: event.data.externalId
        })
        if (existing !== null && translatedResendBlocked(existing)) {
          report(
            event,
            { mode: 'async', outcome: 'conflict', status: 409, durationMs: took() },
            { log: options.log, tenant, importId: existing.importId }
          )
          throw new ProblemError(outcomeUnknownProblem(existing))
        }
      }
      const claim = await claimForDelivery({
        tenantId: tenant.tenantId,
        siteId: tenant.siteId,
        externalId: event.data.externalId,
        payloadHash: payloadHash(event),
        event,
        mode: 'async',
        leaseOwner,
        leaseMs,
        webhookId: options.webhookId ?? null,
        source: options.source ?? 'api'
      })
      switch (claim.outcome) {
        case 'claimed':
        case 'reclaimed':
          options.log.info(
            {
              importId: claim.record.importId,
              externalId: claim.record.externalId,
              tenant: tenant.name,
              tenantId: tenant.tenantId,
              siteId: tenant.siteId,
              mode: 'async',
              outcome: 'queued',
              reclaimed: claim.outcome === 'reclaimed',
              webhookId: options.webhookId,
              durationMs: Math.round(took())
            },
            'order accepted for delivery'
          )
          report(event, { mode: 'async', outcome: 'queued', status: 202, durationMs: took() })
          return { status: 202, body: queuedBody(claim.record), replayed: false }
        case 'in_flight':
          report(
            event,
            { mode: 'async', outcome: 'duplicate', status: 202, durationMs: took() },
            { log: options.log, tenant, importId: claim.record.importId }
          )
          return { status: 202, body: queuedBody(claim.record), replayed: true }
        case 'replay':
          report(
            event,
            { mode: 'async', outcome: 'replayed', status: 200, durationMs: took() },
            { log: options.log, tenant, importId: claim.record.importId }
          )
          return { status: 200, body: importedBody(claim.record), replayed: true }
        case 'conflict':
          report(
            event,
            { mode: 'async', outcome: 'conflict', status: 422, durationMs: took() },
            { log: options.log, tenant, importId: claim.record.importId }
          )
          throw conflictProblem(claim.record, claim.reason)
      }
    }

    app.decorate('orderImport', { importNow, acceptForWorker, leaseOwner })
  },
  { name: 'order-import', dependencies: ['store', 'kibo', 'import-outcomes'] }
)
