import type { Rng } from './types.js';

/** FNV-1a hash of a string to a 32-bit seed. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small, fast, seeded PRNG (mulberry32). Same seed → same sequence on every platform.
 * String seeds are hashed, so `createRng('run-1')` works too.
 */
export function createRng(seed: number | string): Rng {
  let a = (typeof seed === 'string' ? hashSeed(seed) : Math.floor(seed)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Accepts an Rng or a seed; a seed creates a fresh Rng. */
export function toRng(rng: Rng | number | string): Rng {
  return typeof rng === 'function' ? rng : createRng(rng);
}
