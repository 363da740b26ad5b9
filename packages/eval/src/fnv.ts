const encoder = new TextEncoder();

/** 32-bit FNV-1a hash of the UTF-8 bytes of a string, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Stable 32-bit hash of a string for deterministic splits: FNV-1a-32 of its UTF-8 bytes, then fmix32
 * (FNV-1a alone has weak low bits — its lowest bit is the parity of the bytes' lowest bits).
 */
export function stableHash(text: string): number {
  return fmix32(fnv1a32(text));
}
