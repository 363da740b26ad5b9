/** FNV-1a 32-bit over UTF-16 code units: fast, stable, good enough to key word n-grams. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A second streaming hash (multiply and shift, unlike FNV-1a), whose low byte after `checkByte` checks an FNV-1a key
 * found in a table: a hit on another word's key passes it only once in 256 times. Continues from a seed as if the
 * strings were joined, as `fnv1a` does.
 */
export function checkState(s: string, seed = 0x9e3779b9): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** The check byte of a `checkState` (its bits mixed first: MurmurHash3's finaliser). */
export function checkByte(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0xff;
}

/**
 * A sorted Uint32Array of hashes with an index by their top bits, so that a lookup reads a bucket of one or two keys
 * instead of bisecting the whole array (a score asks for thousands of word pairs; each bisection was twenty reads
 * scattered over megabytes). The index takes four bytes per key at most.
 */
export class SortedHashes {
  private readonly starts: Uint32Array;
  private readonly shift: number;

  constructor(private readonly sorted: Uint32Array) {
    const bits = Math.max(1, Math.min(22, Math.floor(Math.log2(Math.max(2, sorted.length)))));
    this.shift = 32 - bits;
    const starts = new Uint32Array((1 << bits) + 1);
    for (let i = 0; i < sorted.length; i++) starts[(sorted[i] >>> this.shift) + 1]++;
    for (let b = 0; b < 1 << bits; b++) starts[b + 1] += starts[b];
    this.starts = starts;
  }

  /**
   * Of the keys equal to the one at `first` (a `find` result), the index of the one whose check byte in `checks` is
   * `check`, or -1. Keys that collided at build time are kept side by side when their checks differ.
   */
  withCheck(first: number, checks: Uint8Array, check: number): number {
    const key = this.sorted[first];
    for (let j = first; j < this.sorted.length && this.sorted[j] === key; j++) if (checks[j] === check) return j;
    return -1;
  }

  /** Index of the first `key` in the array, or -1. */
  find(key: number): number {
    const b = key >>> this.shift;
    const sorted = this.sorted;
    for (let i = this.starts[b], end = this.starts[b + 1]; i < end; i++) {
      const v = sorted[i];
      if (v === key) return i;
      if (v > key) break;
    }
    return -1;
  }
}

/** Concatenates u32 sections (the first usually a header of section lengths) into one little-endian buffer. */
export function packU32(sections: readonly Uint32Array[]): Buffer {
  const out = new Uint32Array(sections.reduce((n, s) => n + s.length, 0));
  let o = 0;
  for (const s of sections) {
    out.set(s, o);
    o += s.length;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** Cuts a buffer written by `packU32` after a header of `headerLength` values into sections of the lengths it gives. */
export function unpackU32(buf: Buffer, headerLength: number, lengths: (header: Uint32Array) => number[]): Uint32Array[] {
  // copied into an aligned array: a Buffer's bytes may start at any offset
  const all = new Uint32Array(buf.byteLength / 4);
  new Uint8Array(all.buffer).set(buf);
  let o = headerLength;
  return lengths(all.subarray(0, headerLength)).map((len) => all.subarray(o, (o += len)));
}
