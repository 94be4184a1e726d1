/**
 * The randomness behind synthetic people: a small seeded PRNG, weighted draws and a keyed
 * shuffle of indexes. Nothing here uses Math.random, so a seed always gives the same data.
 */

/**
 * The 32-bit finaliser of MurmurHash3. Every input bit reaches every output bit, so neighbouring
 * keys (person 41, person 42) start unrelated random streams.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * mulberry32: one 32-bit word of state, a handful of integer operations per draw, and good enough
 * statistics for test data. It is reset per person rather than run across people, so person i
 * gets the same values whatever range of people is generated.
 */
export class Rng {
  private state = 0;

  /** Restarts the stream at `key` (any number; only its low 32 bits count). */
  reset(key: number): this {
    this.state = key >>> 0;
    return this;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max], both included. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * A key for the stream of item `index` under `seed`. The index is split into 32-bit halves so
 * indexes beyond 2^32 do not wrap onto earlier people.
 */
export function streamKey(seed: number, index: number): number {
  const low = index >>> 0;
  const high = Math.floor(index / 4294967296);
  return mix32(mix32(low ^ mix32(seed)) + high);
}

/** Items drawn in proportion to their weights, by binary search over the running totals. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('A weighted table needs one weight per item, and at least one item');
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((w, i) => (this.cumulative[i] = total += w));
    if (!(total > 0)) throw new RangeError('A weighted table needs a positive total weight');
  }

  /**
   * Zipf–Mandelbrot weights 1/(rank + offset): the first items are common, the long tail rare, as
   * with real names. The offset flattens the head so the commonest name is a few percent of
   * people rather than a sixth of them.
   */
  static zipf<T>(items: readonly T[], offset: number): WeightedTable<T> {
    return new WeightedTable(
      items,
      items.map((_, rank) => 1 / (rank + 1 + offset)),
    );
  }

  /** The item at `u` (a uniform draw in [0, 1)) along the weights. */
  pick(u: number): T {
    const target = u * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}

/**
 * A keyed bijection of [0, size): a 4-round balanced Feistel network on [0, half²) with
 * half² ≥ size, "cycle-walked" (applied again) until the result falls back into range. Distinct
 * inputs give distinct outputs, so index-derived document numbers are unique without a lookup,
 * yet consecutive people do not get consecutive numbers.
 */
export class IndexScramble {
  private readonly half: number;
  private readonly keys: readonly number[];

  constructor(
    readonly size: number,
    seed: number,
  ) {
    let half = Math.ceil(Math.sqrt(size));
    while (half * half < size) half++;
    this.half = half;
    this.keys = [1, 2, 3, 4].map((round) => mix32(mix32(seed) + round * 0x9e3779b9));
  }

  apply(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= this.size) throw new RangeError(`Index ${n} is outside [0, ${this.size})`);
    let x = n;
    do x = this.feistel(x);
    while (x >= this.size);
    return x;
  }

  private feistel(x: number): number {
    const half = this.half;
    let left = Math.floor(x / half);
    let right = x - left * half;
    for (const key of this.keys) {
      const next = (left + (mix32(right ^ key) % half)) % half;
      left = right;
      right = next;
    }
    return left * half + right;
  }
}
