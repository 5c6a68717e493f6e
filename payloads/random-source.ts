// The generator's only source of randomness: a keyed, integer-only PRNG, so the same key yields the same
// numbers on every machine and Node version. cyrb128 hashes the key into 128 bits of state; sfc32 draws from it
// (both public-domain, from bryc's "PRNGs" collection). Only 32-bit integer ops (Math.imul, shifts, >>>) are
// used: no Math.random, no floating transcendental functions.

/** 128-bit hash of a string's UTF-16 code units, as four unsigned 32-bit words. */
function cyrb128(key: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A deterministic stream of integers for one key, e.g. "42|order|u-1|17". */
export class RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(key);
    for (let i = 0; i < 12; i++) this.u32(); // sfc32 mixes poorly in its first few outputs
  }

  /** Uniform unsigned 32-bit integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Integer in [0, n) for 1 <= n <= 2^32 (modulo bias below 2^-20 for the n used here). */
  below(n: number): number {
    return this.u32() % n;
  }

  /** Integer in [lo, hi], inclusive, for spans up to 2^32. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** Integer in [0, n) for n up to 2^53, from two draws; exact because every step stays a safe integer. */
  belowLarge(n: number): number {
    if (n <= 0x1_0000_0000) return this.below(n);
    const hi = this.below(Math.ceil(n / 0x1_0000_0000));
    return (hi * 0x1_0000_0000 + this.u32()) % n;
  }

  /** True with the given probability in whole percent. */
  percent(p: number): boolean {
    return this.below(100) < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[this.below(items.length)] as T;
  }

  /** Picks by integer weights: [[value, weight], ...]. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.below(total);
    for (const [value, w] of table) {
      if (r < w) return value;
      r -= w;
    }
    throw new RangeError("weighted pick from an empty table");
  }

  /** `count` distinct items in a random order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + this.below(copy.length - i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** Lower-case hex string of `chars` characters. */
  hex(chars: number): string {
    let out = "";
    while (out.length < chars) out += this.u32().toString(16).padStart(8, "0");
    return out.slice(0, chars);
  }
}
