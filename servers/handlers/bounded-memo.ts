// A least-recently-used memo bounded by a total weight (e.g. orders held), so steady-state reads hit a cache
// while a sweep over many keys cannot grow memory without bound.
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private totalWeight = 0;

  constructor(private readonly maxWeight: number) {}

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  /** The memoized value of key, computing and remembering it on a miss. */
  getOrCompute(key: K, compute: () => V, weightOf: (value: V) => number): V {
    const hit = this.entries.get(key);
    if (hit) {
      // Map iteration order is insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    const weight = weightOf(value);
    if (weight > this.maxWeight) return value; // too big to ever fit: serve it, remember nothing
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.totalWeight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.totalWeight -= entry.weight;
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }
}
