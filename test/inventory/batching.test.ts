// Inventory batching on its own (src/inventory/batching.ts): items cut into Kibo calls of one
// location and at most batchSize items, memory bounded while streaming, and the payload hash that
// decides "same body" for an Idempotency-Key.
import t from 'tap'
import { Batcher, cutIntoBatches, PayloadHasher, toKiboItem } from '../../src/inventory/batching.ts'
import type { InventoryItem } from '../../schemas/inventory.ts'

const item = (locationCode: string, n: number, quantity = 1): InventoryItem => ({ locationCode, partNumber: `P-${n}`, quantity })
const parts = (batch: { items: Array<{ partNumber?: string }> }) => batch.items.map((i) => i.partNumber)

t.test('toKiboItem keeps the identifier and the quantity only', async (t) => {
  const received = { locationCode: 'L1', partNumber: 'P-1', quantity: 5, reason: 'received' } as InventoryItem
  t.same(toKiboItem(received), { partNumber: 'P-1', quantity: 5 })
  t.same(toKiboItem({ locationCode: 'L1', upc: '0123', quantity: -2 } as InventoryItem), { upc: '0123', quantity: -2 })
})

t.test('cutIntoBatches: one location per batch, full batches first, the rest per location in order of appearance', async (t) => {
  const items = [item('A', 1), item('B', 2), item('A', 3), item('A', 4), item('B', 5), item('C', 6), item('A', 7)]
  const batches = cutIntoBatches(items, 2)
  t.same(
    batches.map((b) => [b.locationCode, parts(b)]),
    [
      ['A', ['P-1', 'P-3']],
      ['B', ['P-2', 'P-5']],
      ['A', ['P-4', 'P-7']],
      ['C', ['P-6']]
    ]
  )
  t.equal(batches.flatMap((b) => b.items).length, items.length, 'every item once')
  t.same(cutIntoBatches([], 10), [], 'nothing in, nothing out')
  t.same(cutIntoBatches(items, 100).map((b) => [b.locationCode, b.items.length]), [['A', 4], ['B', 2], ['C', 1]])
})

t.test('Batcher: a group is flushed the moment it reaches the batch size', async (t) => {
  const batcher = new Batcher(3)
  t.same(batcher.add('A', { partNumber: 'a', quantity: 1 }), [])
  t.same(batcher.add('A', { partNumber: 'b', quantity: 1 }), [])
  t.equal(batcher.bufferedItems, 2)
  const ready = batcher.add('A', { partNumber: 'c', quantity: 1 })
  t.same(ready.map((b) => [b.locationCode, parts(b)]), [['A', ['a', 'b', 'c']]])
  t.equal(batcher.bufferedItems, 0)
  t.same(batcher.drain(), [], 'nothing left')
})

t.test('Batcher: beyond maxBuffered the largest group goes early, so memory stays bounded', async (t) => {
  const batcher = new Batcher(4, 5)
  const out: Array<[string, number]> = []
  const locations = ['A', 'A', 'A', 'B', 'B', 'C', 'D', 'E', 'F', 'B', 'G']
  locations.forEach((location, n) => {
    for (const batch of batcher.add(location, { partNumber: `P-${n}`, quantity: 1 })) out.push([batch.locationCode, batch.items.length])
    if (batcher.bufferedItems > 5) t.fail(`buffered ${batcher.bufferedItems} > 5`)
  })
  t.same(out, [['A', 3], ['B', 2], ['C', 1]], 'the sixth item flushes A, the largest group, early; then B; on a tie the oldest group')
  const drained = batcher.drain()
  t.equal(out.reduce((sum, [, n]) => sum + n, 0) + drained.reduce((sum, b) => sum + b.items.length, 0), locations.length, 'every item once')
  for (const batch of drained) t.ok(batch.items.length <= 4)
})

t.test('Batcher: the batch size must be a positive whole number; maxBuffered is at least the batch size', async (t) => {
  t.throws(() => new Batcher(0), RangeError)
  t.throws(() => new Batcher(1.5), RangeError)
  t.equal(new Batcher(1000).maxBuffered, 12_000, 'default: the larger of 4 batches and 12 000')
  t.equal(new Batcher(5000).maxBuffered, 20_000)
  t.equal(new Batcher(100, 10).maxBuffered, 100)
})

t.test('PayloadHasher: same items, same hash; another kind, order or quantity, another hash', async (t) => {
  const hash = (kind: 'adjust' | 'refresh', items: InventoryItem[]) => {
    const hasher = new PayloadHasher(kind)
    for (const i of items) hasher.add(i)
    return hasher.digest()
  }
  const a = item('A', 1, 5)
  const b = item('B', 2, 7)
  t.match(hash('refresh', [a, b]), /^[0-9a-f]{64}$/)
  const reordered = { quantity: 5, partNumber: 'P-1', locationCode: 'A' } as InventoryItem
  t.equal(hash('refresh', [a, b]), hash('refresh', [reordered, b]), 'key order does not matter')
  t.not(hash('refresh', [a, b]), hash('adjust', [a, b]), 'the kind is part of it')
  t.not(hash('refresh', [a, b]), hash('refresh', [b, a]), 'the order of items is')
  t.not(hash('refresh', [a]), hash('refresh', [{ ...a, quantity: 6 }]), 'and every quantity')
})
