// Cutting accepted items into Kibo calls, and the payload hash that decides "same body" for an
// Idempotency-Key. Pure: no I/O, no clock.
//
// Kibo takes one locationCode per adjust/refresh call and at most 1 000 (adjust) or 12 000
// (refresh) items per call, so items are grouped by location and flushed as a batch whenever a
// location's group reaches the batch size. While streaming, groups that are not full are held in
// memory; when they hold more than `maxBuffered` items together, the largest group is flushed
// early (a smaller batch), so memory stays bounded whatever the number of locations.
import { createHash, type Hash } from 'node:crypto'
import { canonicalJson } from '../lib/canonical-json.ts'
import type { InventoryItem } from '../../schemas/inventory.ts'
import type { InventoryKind, KiboInventoryItem } from '../store/inventory-store.ts'

export interface Batch {
  locationCode: string
  items: KiboInventoryItem[]
}

/** The item as Kibo's AdjustItem/RefreshItem: the identifier and the quantity (reason stays here). */
export function toKiboItem (item: InventoryItem): KiboInventoryItem {
  return item.partNumber !== undefined
    ? { partNumber: item.partNumber, quantity: item.quantity }
    : { upc: item.upc!, quantity: item.quantity }
}

export class Batcher {
  readonly batchSize: number
  readonly maxBuffered: number
  private readonly groups = new Map<string, KiboInventoryItem[]>()
  private buffered = 0

  constructor (batchSize: number, maxBuffered = Math.max(batchSize * 4, 12_000)) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive whole number')
    this.batchSize = batchSize
    this.maxBuffered = Math.max(batchSize, maxBuffered)
  }

  /** Adds one item; returns the batches that are ready (usually none). */
  add (locationCode: string, item: KiboInventoryItem): Batch[] {
    const ready: Batch[] = []
    let group = this.groups.get(locationCode)
    if (group === undefined) {
      group = []
      this.groups.set(locationCode, group)
    }
    group.push(item)
    this.buffered++
    if (group.length >= this.batchSize) ready.push(this.take(locationCode))
    if (this.buffered > this.maxBuffered) {
      let largest: string | undefined
      let size = 0
      for (const [code, items] of this.groups) {
        if (items.length > size) {
          largest = code
          size = items.length
        }
      }
      if (largest !== undefined) ready.push(this.take(largest))
    }
    return ready
  }

  /** What is left, one batch per location (in the order locations first appeared). */
  drain (): Batch[] {
    return [...this.groups.keys()].map((code) => this.take(code))
  }

  get bufferedItems (): number {
    return this.buffered
  }

  private take (locationCode: string): Batch {
    const items = this.groups.get(locationCode) ?? []
    this.groups.delete(locationCode)
    this.buffered -= items.length
    return { locationCode, items }
  }
}

/** Everything in memory at once (JSON bodies): the same cuts as streaming them. */
export function cutIntoBatches (items: readonly InventoryItem[], batchSize: number): Batch[] {
  const batcher = new Batcher(batchSize, Number.MAX_SAFE_INTEGER)
  const batches: Batch[] = []
  for (const item of items) batches.push(...batcher.add(item.locationCode, toKiboItem(item)))
  return [...batches, ...batcher.drain()]
}

/**
 * sha256 over the kind and each validated item in canonical JSON, in order: the same items give
 * the same hash whether they came as JSON, NDJSON or CSV, and whatever the key order or spacing.
 */
export class PayloadHasher {
  private readonly hash: Hash
  constructor (kind: InventoryKind) {
    this.hash = createHash('sha256').update(`inventory-${kind}\n`)
  }

  add (item: InventoryItem): void {
    this.hash.update(canonicalJson(item)).update('\n')
  }

  digest (): string {
    return this.hash.digest('hex')
  }
}
