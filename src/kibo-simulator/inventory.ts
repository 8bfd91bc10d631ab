// The simulator's side of Kibo's inventory API (Kibo's "Inventory API Developer Guide"; paths and shapes as in
// Kibo's REST SDK, @kibocommerce/rest-sdk clients/Inventory):
//
//   POST /api/commerce/inventory/v5/inventory/adjust    { locationCode, items: [{ partNumber|upc|sku, quantity }] } → { jobID }
//   POST /api/commerce/inventory/v5/inventory/refresh   same shape, absolute quantities                        → { jobID }
//   GET  /api/commerce/inventory/v1/queue/{jobID}        JobQueueResponse
//   POST /api/commerce/inventory/v1/inventory            InventoryRequest → InventoryResponse[] (the guide's path;
//   POST /api/commerce/inventory/v5/inventory            the SDK's v5 path is served the same way)
//
// Referee rules:
//   - a request with more items than Kibo accepts (adjust 1 000, refresh 12 000 per the SDK's
//     documentation; both configurable) is refused with 400 VALIDATION_ERROR, nothing queued;
//   - an unknown or inactive locationCode is refused with 404 LOCATION_NOT_FOUND, nothing queued;
//   - items whose partNumber/upc/sku is not in the catalog do not stop the job: it still completes,
//     and each such item is named in the job's `messages` as `ITEM_NOT_FOUND: …`;
//   - quantities must be whole numbers (refresh: not negative).
// Jobs move through statuses over time, measured from when they were queued: PENDING for one
// step, then IN_PROGRESS for one step, then COMPLETED (the guide's "look for the job to reach a
// COMPLETED status"); the quantities change when the job completes. State is in memory.

export const INVENTORY_PATHS = {
  adjust: '/api/commerce/inventory/v5/inventory/adjust',
  refresh: '/api/commerce/inventory/v5/inventory/refresh',
  queue: '/api/commerce/inventory/v1/queue/',
  queryV1: '/api/commerce/inventory/v1/inventory',
  queryV5: '/api/commerce/inventory/v5/inventory'
} as const

export interface InventoryAnswer {
  status: number
  body?: unknown
}

/** Thrown by handlers; the dispatcher turns it into Kibo's error body. */
export class InventoryFailure extends Error {
  readonly status: number
  readonly errorCode: string
  readonly extra: Record<string, string>
  constructor (status: number, errorCode: string, message: string, extra: Record<string, string> = {}) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.extra = extra
  }
}

export interface InventoryCatalog {
  /** Active location codes. */
  locations: string[]
  /** Products: a part number, with optional upc and sku that identify it too. */
  products: Array<{ partNumber: string; upc?: string; sku?: string }>
}

export interface InventorySimulatorOptions {
  catalog?: InventoryCatalog
  /** Length of each of PENDING and IN_PROGRESS. Default 150 ms. */
  jobStepMs?: number
  maxAdjustItems?: number
  maxRefreshItems?: number
  log?: (line: string) => void
}

export interface StockLevel {
  locationCode: string
  partNumber: string
  onHand: number
  allocated: number
}

export interface SimulatedInventoryJob {
  jobID: number
  tenantId: number
  type: 'ADJUST' | 'REFRESH'
  locationCode: string
  itemCount: number
  added: number
  finished?: number
  status: 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED'
  messages: string[]
}

export interface InventorySimulator {
  route(method: string, pathname: string): ((input: { tenantId: number; body: unknown; url: URL }) => InventoryAnswer) | undefined
  setCatalog(catalog: Partial<InventoryCatalog>): void
  setJobStepMs(ms: number): void
  setLimits(limits: { adjust?: number; refresh?: number }): void
  /** Sets what is already reserved for orders (available = onHand - allocated). */
  setAllocated(locationCode: string, partNumber: string, allocated: number): void
  /** Current stock of a part at a location (after advancing due jobs). */
  stock(locationCode: string, partNumber: string): StockLevel | undefined
  /** Every job received, with its size (after advancing due jobs). */
  jobs(): SimulatedInventoryJob[]
  reset(): void
}

export const DEFAULT_INVENTORY_CATALOG: InventoryCatalog = Object.freeze({
  locations: ['WH-EAST', 'WH-WEST', 'STORE-001'],
  products: [
    { partNumber: 'TSHIRT-RED-M', upc: '012345678905', sku: 'TSHIRT-RED-M' },
    { partNumber: 'TSHIRT-RED-L', upc: '012345678912', sku: 'TSHIRT-RED-L' },
    { partNumber: 'MUG-BLUE', upc: '012345678929', sku: 'MUG-BLUE' },
    { partNumber: 'POSTER-A2', upc: '012345678936', sku: 'POSTER-A2' }
  ]
}) as InventoryCatalog

interface Item {
  partNumber?: string
  upc?: string
  sku?: string
  quantity: number
}

export function createInventorySimulator (options: InventorySimulatorOptions = {}): InventorySimulator {
  const log = options.log ?? (() => {})
  let stepMs = options.jobStepMs ?? 150
  const limits = { adjust: options.maxAdjustItems ?? 1000, refresh: options.maxRefreshItems ?? 12_000 }
  let locations = new Set<string>()
  const byIdentifier = new Map<string, string>() // partNumber, upc or sku → partNumber
  const products = new Map<string, { upc?: string; sku?: string }>()
  let jobs: Array<SimulatedInventoryJob & { tenantId: number; items: Item[] }> = []
  let nextJobId = 1000
  // tenant → location → partNumber → level
  let levels = new Map<string, StockLevel>()

  function loadCatalog (catalog: Partial<InventoryCatalog>): void {
    if (catalog.locations !== undefined) locations = new Set(catalog.locations)
    if (catalog.products !== undefined) {
      byIdentifier.clear()
      products.clear()
      for (const product of catalog.products) {
        products.set(product.partNumber, {
          ...(product.upc !== undefined ? { upc: product.upc } : {}),
          ...(product.sku !== undefined ? { sku: product.sku } : {})
        })
        byIdentifier.set(`p:${product.partNumber}`, product.partNumber)
        if (product.upc !== undefined) byIdentifier.set(`u:${product.upc}`, product.partNumber)
        if (product.sku !== undefined) byIdentifier.set(`s:${product.sku}`, product.partNumber)
      }
    }
  }
  loadCatalog(options.catalog ?? DEFAULT_INVENTORY_CATALOG)

  const levelKey = (tenantId: number, locationCode: string, partNumber: string) => `${tenantId}|${locationCode}|${partNumber}`

  function resolve (item: { partNumber?: string; upc?: string; sku?: string }): string | undefined {
    if (item.partNumber !== undefined) return byIdentifier.get(`p:${item.partNumber}`)
    if (item.upc !== undefined) return byIdentifier.get(`u:${item.upc}`)
    if (item.sku !== undefined) return byIdentifier.get(`s:${item.sku}`)
    return undefined
  }

  function describe (item: { partNumber?: string; upc?: string; sku?: string }): string {
    if (item.partNumber !== undefined) return `partNumber '${item.partNumber}'`
    if (item.upc !== undefined) return `upc '${item.upc}'`
    return `sku '${item.sku ?? ''}'`
  }

  function statusAt (job: SimulatedInventoryJob, now: number): SimulatedInventoryJob['status'] {
    if (job.finished !== undefined) return job.status
    const age = now - job.added
    if (age < stepMs) return 'PENDING'
    if (age < 2 * stepMs) return 'IN_PROGRESS'
    return 'COMPLETED'
  }

  /** Applies every job whose time has come, oldest first (Kibo works its queue one job at a time). */
  function advance (now = Date.now()): void {
    for (const job of jobs) {
      if (job.finished !== undefined) continue
      const status = statusAt(job, now)
      job.status = status
      if (status !== 'COMPLETED') continue
      for (const item of job.items) {
        const partNumber = resolve(item)
        if (partNumber === undefined) {
          job.messages.push(`ITEM_NOT_FOUND: ${describe(item)} does not exist in the catalog (locationCode '${job.locationCode}')`)
          continue
        }
        const key = levelKey(job.tenantId, job.locationCode, partNumber)
        const level = levels.get(key) ?? { locationCode: job.locationCode, partNumber, onHand: 0, allocated: 0 }
        level.onHand = job.type === 'REFRESH' ? item.quantity : level.onHand + item.quantity
        levels.set(key, level)
      }
      job.finished = now
      job.items = [] // processed: keep the counts, not the payload
      log(`inventory job ${job.jobID} ${job.type} ${job.locationCode} completed (${job.itemCount} items, ${job.messages.length} messages)`)
    }
  }

  function validateModify (type: 'ADJUST' | 'REFRESH', body: unknown): { locationCode: string; items: Item[] } {
    const b = body as Record<string, unknown> | undefined
    if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) {
      throw new InventoryFailure(
        400,
        'VALIDATION_ERROR',
        'Validation Error: the request body must be an object with locationCode and items.'
      )
    }
    if (typeof b.locationCode !== 'string' || b.locationCode === '') {
      throw new InventoryFailure(400, 'VALIDATION_ERROR', 'Validation Error: locationCode is required.', { Field: 'locationCode' })
    }
    if (!Array.isArray(b.items) || b.items.length === 0) {
      throw new InventoryFailure(400, 'VALIDATION_ERROR', 'Validation Error: items must be a non-empty list.', { Field: 'items' })
    }
    const max = type === 'ADJUST' ? limits.adjust : limits.refresh
    if (b.items.length > max) {
      throw new InventoryFailure(
        400,
        'VALIDATION_ERROR',
        `Validation Error: ${type === 'ADJUST' ? 'Adjust' : 'Refresh'} accepts at most ${max} items per call; got ${b.items.length}.`,
        {
          MaxItems: String(max),
          ItemCount: String(b.items.length)
        }
      )
    }
    const items: Item[] = []
    b.items.forEach((raw: unknown, index: number) => {
      const item = raw as Record<string, unknown>
      const id = (name: string) => (typeof item?.[name] === 'string' && item[name] !== '' ? (item[name] as string) : undefined)
      const partNumber = id('partNumber')
      const upc = id('upc')
      const sku = id('sku')
      if (partNumber === undefined && upc === undefined && sku === undefined) {
        throw new InventoryFailure(400, 'VALIDATION_ERROR', `Validation Error: items[${index}] needs a partNumber, upc or sku.`, {
          Field: `items[${index}]`
        })
      }
      const quantity = item.quantity
      if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || (type === 'REFRESH' && quantity < 0)) {
        throw new InventoryFailure(
          400,
          'VALIDATION_ERROR',
          `Validation Error: items[${index}].quantity must be a whole number${type === 'REFRESH' ? ' of at least 0' : ''}.`,
          {
            Field: `items[${index}].quantity`
          }
        )
      }
      items.push({
        ...(partNumber !== undefined ? { partNumber } : {}),
        ...(upc !== undefined ? { upc } : {}),
        ...(sku !== undefined ? { sku } : {}),
        quantity
      })
    })
    if (!locations.has(b.locationCode)) {
      throw new InventoryFailure(404, 'LOCATION_NOT_FOUND', `Location ${b.locationCode} not found or not active.`, {
        LocationCode: b.locationCode
      })
    }
    return { locationCode: b.locationCode, items }
  }

  function modify (type: 'ADJUST' | 'REFRESH') {
    return ({ tenantId, body }: { tenantId: number; body: unknown }): InventoryAnswer => {
      const { locationCode, items } = validateModify(type, body)
      const job = {
        jobID: nextJobId++,
        tenantId,
        type,
        locationCode,
        itemCount: items.length,
        added: Date.now(),
        status: 'PENDING' as const,
        messages: [],
        items
      }
      jobs.push(job)
      log(`inventory job ${job.jobID} ${type} ${locationCode} queued (${items.length} items)`)
      return { status: 200, body: { jobID: job.jobID } }
    }
  }

  function jobView (job: SimulatedInventoryJob) {
    return {
      jobID: job.jobID,
      tenantID: job.tenantId,
      type: job.type,
      locationCode: job.locationCode,
      status: job.status,
      itemCount: job.itemCount,
      hasData: true,
      added: new Date(job.added).toISOString(),
      ...(job.status !== 'PENDING' ? { started: new Date(job.added + stepMs).toISOString() } : {}),
      ...(job.finished !== undefined ? { finished: new Date(job.finished).toISOString() } : {}),
      success: job.status === 'COMPLETED' ? true : job.status === 'FAILED' ? false : undefined,
      messages: [...job.messages],
      numResults: job.messages.length
    }
  }

  function getJob (jobIdText: string) {
    return ({ tenantId }: { tenantId: number }): InventoryAnswer => {
      advance()
      const job = jobs.find((j) => String(j.jobID) === jobIdText && j.tenantId === tenantId)
      if (job === undefined) throw new InventoryFailure(404, 'ITEM_NOT_FOUND', `Job ${jobIdText} not found.`, { JobID: jobIdText })
      return { status: 200, body: jobView(job) }
    }
  }

  function query ({ tenantId, body }: { tenantId: number; body: unknown }): InventoryAnswer {
    advance()
    const b = body as Record<string, unknown> | undefined
    if (b === undefined || b === null || typeof b !== 'object' || !Array.isArray(b.items) || b.items.length === 0) {
      throw new InventoryFailure(400, 'VALIDATION_ERROR', 'Validation Error: items must be a non-empty list.', { Field: 'items' })
    }
    if (typeof b.type !== 'string' || !['ALL', 'PARTIAL', 'ANY', 'ALL_STORES'].includes(b.type)) {
      throw new InventoryFailure(400, 'VALIDATION_ERROR', 'Validation Error: type must be one of ALL, PARTIAL, ANY, ALL_STORES.', {
        Field: 'type'
      })
    }
    let wanted: string[] | undefined
    if (b.locationWhitelist !== undefined && b.locationWhitelist !== null) {
      if (!Array.isArray(b.locationWhitelist)) {
        throw new InventoryFailure(400, 'VALIDATION_ERROR', 'Validation Error: locationWhitelist must be a list.')
      }
      wanted = b.locationWhitelist.map(String)
      const unknown = wanted.filter((code) => !locations.has(code))
      if (unknown.length > 0) {
        throw new InventoryFailure(404, 'LOCATION_NOT_FOUND', `Location ${unknown.join(', ')} not found or not active.`, {
          LocationCode: unknown.join(',')
        })
      }
    }
    const results: unknown[] = []
    for (const raw of b.items as Array<Record<string, unknown>>) {
      const item = {
        partNumber: raw?.partNumber as string | undefined,
        upc: raw?.upc as string | undefined,
        sku: raw?.sku as string | undefined
      }
      const partNumber = resolve(item)
      if (partNumber === undefined) continue // not in the catalog: no records
      const { upc, sku } = products.get(partNumber) ?? {}
      for (const locationCode of wanted ?? [...locations]) {
        const level = levels.get(levelKey(tenantId, locationCode, partNumber))
        if (level === undefined) continue
        results.push({
          locationCode,
          partNumber,
          ...(upc !== undefined ? { upc } : {}),
          ...(sku !== undefined ? { sku } : {}),
          onHand: level.onHand,
          allocated: level.allocated,
          available: Math.max(0, level.onHand - level.allocated),
          pending: 0
        })
      }
    }
    return { status: 200, body: results }
  }

  return {
    route (method, pathname) {
      const path = pathname.replace(/\/+$/, '')
      if (method === 'POST' && path === INVENTORY_PATHS.adjust) return modify('ADJUST')
      if (method === 'POST' && path === INVENTORY_PATHS.refresh) return modify('REFRESH')
      if (method === 'POST' && (path === INVENTORY_PATHS.queryV1 || path === INVENTORY_PATHS.queryV5)) return query
      if (method === 'GET' && path.startsWith(INVENTORY_PATHS.queue)) {
        const id = decodeURIComponent(path.slice(INVENTORY_PATHS.queue.length))
        if (/^[0-9]+$/.test(id)) return getJob(id)
      }
      return undefined
    },
    setCatalog: loadCatalog,
    setJobStepMs (ms) {
      stepMs = ms
    },
    setLimits (next) {
      if (next.adjust !== undefined) limits.adjust = next.adjust
      if (next.refresh !== undefined) limits.refresh = next.refresh
    },
    setAllocated (locationCode, partNumber, allocated) {
      for (const [key, level] of levels) if (key.endsWith(`|${locationCode}|${partNumber}`)) level.allocated = allocated
    },
    stock (locationCode, partNumber) {
      advance()
      for (const [key, level] of levels) if (key.endsWith(`|${locationCode}|${partNumber}`)) return { ...level }
      return undefined
    },
    jobs () {
      advance()
      return jobs.map(({ items: _items, ...job }) => ({ ...job, messages: [...job.messages] }))
    },
    reset () {
      jobs = []
      levels = new Map()
      nextJobId = 1000
      stepMs = options.jobStepMs ?? 150
      limits.adjust = options.maxAdjustItems ?? 1000
      limits.refresh = options.maxRefreshItems ?? 12_000
      loadCatalog(options.catalog ?? DEFAULT_INVENTORY_CATALOG)
    }
  }
}
