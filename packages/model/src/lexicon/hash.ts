/** FNV-1a 32-bit over UTF-16 code units: fast, stable, good enough to key word n-grams. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Index of `key` in a sorted Uint32Array, or -1. */
export function binarySearch(sorted: Uint32Array, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v < key) lo = mid + 1;
    else if (v > key) hi = mid - 1;
    else return mid;
  }
  return -1;
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
