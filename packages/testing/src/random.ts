/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence on every runtime, which
 * is what makes factory output byte-for-byte reproducible. Not for anything secret.
 */
export class Random {
  #state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new TypeError(`[hogkit] seed must be a finite number, got ${String(seed)}`);
    this.#state = Math.trunc(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("[hogkit] cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  string(length: number, alphabet: string): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** An RFC 4122 version 4 UUID drawn from this generator. */
  uuid(): string {
    const hex = this.string(32, "0123456789abcdef").split("");
    hex[12] = "4";
    hex[16] = "89ab"[this.int(0, 3)] as string;
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
