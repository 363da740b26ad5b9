import type { Channel } from './channel.js';

/** A word of the trie within the budget, with the weighted cost the search found for it. */
export interface TrieHit {
  id: number;
  cost: number;
}

export interface TrieSearchOptions {
  /** Largest weighted channel cost of a hit. */
  budget: number;
  /** Hits returned, cheapest first. */
  limit: number;
  /** Trie nodes visited at most (the search stops there and returns what it has). */
  maxNodes?: number;
}

/**
 * The words of a lexicon in a letter trie, searched by the weighted channel cost itself rather than by plain edit
 * distance: a word garbled by many cheap misreadings (`rocoiumendatiotis` for `recommendations`: seven plain edits,
 * 4.6 in OCR costs) is out of reach of a delete index, but not of a walk down the trie that drops every branch whose
 * cheapest way on already costs more than the budget.
 *
 * Its costs follow `Channel.cost` (substitutions, insertions, deletions, swaps of neighbours and multi-letter
 * confusions) except that a deleted letter doubled by the letter after it is charged in full; callers recompute
 * the exact cost of the hits.
 */
export class ChannelTrie {
  /** Per node: its letter (code), first child, next sibling, the word id ending there (-1: none), and the shortest
   * and longest word below it (so a branch whose words are all too short or too long for the query is not walked). */
  private readonly codesOf: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly wordIds: Int32Array;
  private readonly minLength: Int32Array;
  private readonly maxLength: Int32Array;
  /** Per node: the letters of the words below it, as `letterBit`s (so a noisy letter none of them has is known to
   * cost at least its cheapest misreading or insertion, whichever branch is taken). */
  private readonly below: Int32Array;
  /** The characters the words hold, each once. */
  private readonly letters: number[];
  /** Per channel: the least cost of a word's letter missing from the noisy word. */
  private readonly leastDeletion = new WeakMap<Channel, number>();

  /** `words[id]` for the ids that `keep` accepts; ids are those of `words`. */
  constructor(words: readonly string[], keep: (word: string, id: number) => boolean = () => true) {
    const codes = [0];
    const first = [-1];
    const next = [-1];
    const ids = [-1];
    const minLen = [1 << 20];
    const maxLen = [0];
    const parent = [-1];
    const letters = new Set<number>();
    const child = (node: number, code: number): number => {
      let last = -1;
      for (let k = first[node]; k >= 0; k = next[k]) {
        if (codes[k] === code) return k;
        last = k;
      }
      const id = codes.length;
      codes.push(code);
      first.push(-1);
      next.push(-1);
      ids.push(-1);
      minLen.push(1 << 20);
      maxLen.push(0);
      parent.push(node);
      if (last < 0) first[node] = id;
      else next[last] = id;
      return id;
    };
    for (let id = 0; id < words.length; id++) {
      const w = words[id];
      if (w.length === 0 || !keep(w, id)) continue;
      let node = 0;
      for (let i = 0; i <= w.length; i++) {
        if (w.length < minLen[node]) minLen[node] = w.length;
        if (w.length > maxLen[node]) maxLen[node] = w.length;
        if (i < w.length) letters.add(w.charCodeAt(i));
        if (i < w.length) node = child(node, w.charCodeAt(i));
      }
      ids[node] = id;
    }
    // children are made after their parents, so one pass from the last node up gathers every subtree's letters
    const belowOf = new Int32Array(codes.length);
    for (let k = codes.length - 1; k > 0; k--) belowOf[parent[k]] |= belowOf[k] | letterBit(codes[k]);
    // nodes are numbered in the order a search walks them (depth first, the last child first), so that a walk reads
    // the tables front to back instead of jumping about them
    const order = walkOrder(first, next);
    const renamed = new Int32Array(codes.length);
    for (let k = 0; k < order.length; k++) renamed[order[k]] = k;
    const take = (of: ArrayLike<number>, link = false): Int32Array => Int32Array.from(order, (old) => (link && of[old] >= 0 ? renamed[of[old]] : of[old]));
    this.codesOf = take(codes);
    this.firstChild = take(first, true);
    this.nextSibling = take(next, true);
    this.wordIds = take(ids);
    this.minLength = take(minLen);
    this.maxLength = take(maxLen);
    this.below = take(belowOf);
    this.letters = [...letters];
  }

  /** The least cost of one of the words' letters missing from a noisy word (alone or after the same letter). */
  private deletionFloor(channel: Channel): number {
    let least = this.leastDeletion.get(channel);
    if (least === undefined) {
      least = NO_WAY;
      for (const c of this.letters) {
        const ch = String.fromCharCode(c);
        least = Math.min(least, channel.deletion(ch, undefined), channel.deletion(ch, ch));
      }
      this.leastDeletion.set(channel, least);
    }
    return least;
  }

  get nodes(): number {
    return this.codesOf.length;
  }

  /** Words whose weighted cost of being read as `noisy` (by `channel`) is within the budget, cheapest first. */
  search(noisy: string, channel: Channel, opts: TrieSearchOptions): { hits: TrieHit[]; visited: number } {
    const n = noisy.length;
    const { budget } = opts;
    const maxNodes = opts.maxNodes ?? Infinity;
    const tables = queryTables(noisy, channel);
    const { ins, sub, multi, hasMulti } = tables;
    const codes = tables.codes;
    const transpose = channel.costs.transpose;
    // a confusion of three clean letters or more may jump over two rows, which the bounds below do not follow
    const lettered = channel.multiConfusions().every((mc) => mc.clean.length <= 2);
    // what a gap between the lengths left must cost at least, per letter, from each noisy position on (nothing, where
    // such jumps exist)
    const { extra, missing: lacking } = lettered ? gapUnits(noisy, channel, ins, this.deletionFloor(channel)) : noGapUnits(n);
    const rows: Float64Array[] = [new Float64Array(n + 1)];
    for (let i = 1; i <= n; i++) rows[0][i] = rows[0][i - 1] + ins[i - 1];
    const { delCost, delAfterSame } = deletionTables(channel);
    const pathCodes = new Int32Array(64);
    const otherSub = new Float64Array(n);
    // per noisy character: its letter bit, and the least it costs when no clean letter like it is left to match it
    const bits = new Int32Array(n);
    let queryBits = 0;
    for (let i = 0; i < n; i++) queryBits |= bits[i] = letterBit(codes[i]);
    const unmatched = unmatchedCosts(noisy, channel, ins);
    const overJumps = jumpsOver(noisy, channel, transpose);
    // per node: the least cost of the noisy characters from i on that no letter below the node can match
    const rest = new Float64Array(n + 1);
    const hits: TrieHit[] = [];
    let visited = 0;
    const { codesOf, firstChild, nextSibling, wordIds, minLength, maxLength, below } = this;

    // depth-first, children pushed together: a node's parent row (depth - 1) stays in place until its subtree is done
    const stack = new Int32Array(4096);
    const stackDepth = new Int32Array(4096);
    let top = 0;
    for (let k = firstChild[0]; k >= 0 && top < stack.length; k = nextSibling[k]) {
      stack[top] = k;
      stackDepth[top++] = 0;
    }
    while (top > 0 && visited < maxNodes) {
      const k = stack[--top];
      const depth = stackDepth[top];
      visited++;
      const d = depth + 1;
      const c = codesOf[k];
      const ascii = c < 128;
      const P = rows[depth];
      const R = (rows[d] ??= new Float64Array(n + 1));
      pathCodes[depth] = c;
      const del = ascii ? (depth > 0 && pathCodes[depth - 1] === c ? delAfterSame[c] : delCost[c]) : channel.deletion(String.fromCharCode(c), depth > 0 ? String.fromCharCode(pathCodes[depth - 1]) : undefined);
      const restMin = minLength[k] - d;
      const restMax = maxLength[k] - d;
      const G = d > 1 ? rows[d - 2] : P;
      // a non-ASCII letter (accented words) has its substitution costs asked of the channel, and no multi-letter ones
      if (!ascii) for (let i = 0; i < n; i++) otherSub[i] = channel.substitution(codes[i], c);
      let bound = ascii
        ? fillRow(P, R, G, rows, d, codes, ins, sub, 128, c, multi, hasMulti, pathCodes, c, del, transpose, restMin, restMax, extra, lacking)
        : fillRow(P, R, G, rows, d, codes, ins, otherSub, 1, 0, undefined, undefined, pathCodes, c, del, transpose, restMin, restMax, extra, lacking);
      // a branch the length gap leaves open may still be closed by the noisy letters no word below has
      // (the node's own letter counts as one below it: a swap of neighbours reads it after its child's letter)
      const missing = lettered && bound <= budget && restMax > 0 ? queryBits & ~(below[k] | letterBit(c)) : 0;
      // a swap or a two-letter confusion starting with this node's letter jumps from the parent's row over this one:
      // the row bounds only the ways that pass through it
      const over = c < 128 ? overJumps[c] : swapsOver(codes, c, transpose);
      if (bound > budget && restMax > 0 && over !== undefined) bound = Math.min(bound, jumpGapBound(P, n, over, restMin, restMax, extra, lacking));
      // (where the jumps over this node cannot end in budget either)
      if (missing !== 0 && !openWithLetters(R, n, restMin, restMax, extra, lacking, bits, missing, unmatched, rest, budget) && jumpBound(P, over, rest) > budget) bound = Infinity;
      if (wordIds[k] >= 0 && R[n] <= budget) hits.push({ id: wordIds[k], cost: R[n] });
      // go on only if some way on can still end within the budget
      if (bound <= budget && restMax > 0) {
        for (let ch = firstChild[k]; ch >= 0 && top < stack.length; ch = nextSibling[ch]) {
          stack[top] = ch;
          stackDepth[top++] = d;
        }
      }
    }
    hits.sort((x, y) => x.cost - y.cost);
    return { hits: hits.slice(0, opts.limit), visited };
  }
}

/** Node numbers in the order of a depth-first walk that pushes a node's children in order and takes the last first. */
function walkOrder(first: readonly number[], next: readonly number[]): number[] {
  const order = [0];
  const stack: number[] = [];
  for (let k = first[0]; k >= 0; k = next[k]) stack.push(k);
  while (stack.length > 0) {
    const k = stack.pop()!;
    order.push(k);
    for (let ch = first[k]; ch >= 0; ch = next[ch]) stack.push(ch);
  }
  return order;
}

/**
 * Fills the row of the trie node for clean letter `c` at depth `d` (its parent's row P, grandparent's G) and
 * returns the least cost with which some word below can still end (the row plus the cheapest length gap).
 * `sub[(i - 1) * stride + col]` is the cost of noisy character i − 1 read for `c`; multi-letter confusions by
 * position × 128 + letter (ASCII letters only).
 * A function of its own with typed arrays passed in: the search ran 15 % slower with this loop inline.
 */
function fillRow(
  P: Float64Array,
  R: Float64Array,
  G: Float64Array,
  rows: Float64Array[],
  d: number,
  codes: Int32Array,
  ins: Float64Array,
  sub: Float64Array,
  stride: number,
  col: number,
  multi: Array<Multi[] | undefined> | undefined,
  hasMulti: Uint8Array | undefined,
  pathCodes: Int32Array,
  c: number,
  del: number,
  transpose: number,
  restMin: number,
  restMax: number,
  extra: Float64Array,
  lacking: Float64Array,
): number {
  const n = codes.length;
  const prev = d > 1 ? pathCodes[d - 2] : -1;
  let v = P[0] + del;
  R[0] = v;
  let bound = v + (n < restMin ? (restMin - n) * lacking[0] : n > restMax ? (n - restMax) * extra[0] : 0);
  for (let i = 1; i <= n; i++) {
    const ni = codes[i - 1];
    v = P[i - 1] + (ni === c ? 0 : sub[(i - 1) * stride + col]);
    const a = R[i - 1] + ins[i - 1];
    if (a < v) v = a;
    const b = P[i] + del;
    if (b < v) v = b;
    if (ni === prev && i > 1 && codes[i - 2] === c) {
      const t = G[i - 2] + transpose;
      if (t < v) v = t;
    }
    if (hasMulti !== undefined && hasMulti[i * 128 + c] === 1) {
      for (const mc of multi![i * 128 + c]!) {
        const lc = mc.clean.length;
        if (lc > d || !endsWith(pathCodes, d, mc.clean)) continue;
        const m = rows[d - lc][i - mc.noisy.length] + mc.cost;
        if (m < v) v = m;
      }
    }
    R[i] = v;
    const left = n - i;
    const lb = v + (left < restMin ? (restMin - left) * lacking[i] : left > restMax ? (left - restMax) * extra[i] : 0);
    if (lb < bound) bound = lb;
  }
  return bound;
}

/**
 * Whether a way through row R can still end within the budget at some word below, given that it pays for the length
 * gap or for the noisy characters from i on that no letter below can match (`rest[i]`, filled from the end on; filled
 * for every i when the answer is no).
 */
function openWithLetters(
  R: Float64Array,
  n: number,
  restMin: number,
  restMax: number,
  extra: Float64Array,
  lacking: Float64Array,
  bits: Int32Array,
  missing: number,
  unmatched: Float64Array,
  rest: Float64Array,
  budget: number,
): boolean {
  let paid = 0;
  for (let i = n; i >= 0; i--) {
    if (i < n && (bits[i] & missing) !== 0) paid += unmatched[i];
    rest[i] = paid;
    const left = n - i;
    const gap = left < restMin ? (restMin - left) * lacking[i] : left > restMax ? (left - restMax) * extra[i] : 0;
    if (R[i] + (gap > paid ? gap : paid) <= budget) return true;
  }
  return false;
}

/** A way over a node at a place in the noisy word: `len` noisy characters from `at` read for two clean letters (a
 * two-letter confusion, or a swap of neighbours). */
interface Jump {
  at: number;
  len: number;
  cost: number;
}

/**
 * Per ASCII clean letter `c`, every way a path jumps over a node of that letter, by place in the noisy word: the
 * two-letter confusions starting with it that the word holds, and a swap with the next letter wherever the word has
 * `c` second of a pair (read after its neighbour).
 */
function jumpsOver(noisy: string, channel: Channel, transpose: number): Array<Jump[] | undefined> {
  const out: Array<Jump[] | undefined> = new Array(128);
  for (const mc of channel.multiConfusions()) {
    const first = mc.clean.charCodeAt(0);
    if (mc.clean.length < 2 || first >= 128) continue;
    for (let at = noisy.indexOf(mc.noisy); at >= 0; at = noisy.indexOf(mc.noisy, at + 1)) (out[first] ??= []).push({ at, len: mc.noisy.length, cost: mc.cost });
  }
  for (let i = 0; i + 1 < noisy.length; i++) {
    const c = noisy.charCodeAt(i + 1);
    if (c < 128) (out[c] ??= []).push({ at: i, len: 2, cost: transpose });
  }
  return out;
}

/** `jumpsOver` for a letter outside ASCII (no confusion starts with one): its swaps only. */
function swapsOver(codes: Int32Array, c: number, transpose: number): Jump[] | undefined {
  let out: Jump[] | undefined;
  for (let i = 0; i + 1 < codes.length; i++) if (codes[i + 1] === c) (out ??= []).push({ at: i, len: 2, cost: transpose });
  return out;
}

/**
 * The least cost of a way that jumps from the parent's row P over a node (one of `jumps`, as `jumpsOver` lists them for
 * its letter) and then pays `left` for the rest.
 */
function jumpBound(P: Float64Array, jumps: Jump[] | undefined, left: Float64Array): number {
  let best = Infinity;
  for (const j of jumps ?? []) {
    const v = P[j.at] + j.cost + left[j.at + j.len];
    if (v < best) best = v;
  }
  return best;
}

/**
 * The least cost of a way that jumps from the parent's row P over the node of letter `c` (a swap with its child's
 * letter, or a two-letter confusion starting with `c`, as `jumps` lists them) and then pays the gap between the noisy
 * characters left and the clean letters left below the node's children.
 */
function jumpGapBound(P: Float64Array, n: number, jumps: Jump[], restMin: number, restMax: number, extra: Float64Array, lacking: Float64Array): number {
  const lo = restMin - 1;
  const hi = restMax - 1;
  let best = Infinity;
  for (const j of jumps) {
    const i = j.at + j.len;
    const left = n - i;
    const v = P[j.at] + j.cost + (left < lo ? (lo - left) * lacking[i] : left > hi ? (left - hi) * extra[i] : 0);
    if (v < best) best = v;
  }
  return best;
}

/** A letter's bit in the per-node letter sets: a–z (either case) their own, every other character one shared bit. */
function letterBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 65 && code <= 90) return 1 << (code - 65);
  return 1 << 26;
}

/**
 * Per noisy character, the least the channel charges for it when no clean letter equal to it is there: read for
 * another letter, extra, or its share of a multi-letter confusion that covers it.
 */
function unmatchedCosts(noisy: string, channel: Channel, ins: Float64Array): Float64Array {
  const n = noisy.length;
  const out = new Float64Array(n);
  // (the cheapest misreading covers every substitution the search's tables hold: they come from the same channel)
  for (let i = 0; i < n; i++) out[i] = Math.min(ins[i], channel.cheapestMisreadOf(noisy.charCodeAt(i)));
  for (const mc of channel.multiConfusions()) {
    const share = mc.cost / mc.noisy.length;
    for (let at = noisy.indexOf(mc.noisy); at >= 0; at = noisy.indexOf(mc.noisy, at + 1)) {
      for (let j = at; j < at + mc.noisy.length; j++) if (share < out[j]) out[j] = share;
    }
  }
  return out;
}

interface Multi {
  noisy: string;
  clean: string;
  cost: number;
}

/**
 * Per-query tables: the cost of each noisy character read for each ASCII clean character, the cost of each noisy
 * character being extra, and the multi-letter confusions whose noisy side ends at each position (by the last clean
 * letter), so that the walk looks costs up instead of asking the channel.
 */
function queryTables(
  noisy: string,
  channel: Channel,
): { codes: Int32Array; ins: Float64Array; sub: Float64Array; multi: Array<Multi[] | undefined>; hasMulti: Uint8Array } {
  const n = noisy.length;
  const codes = Int32Array.from({ length: n }, (_, i) => noisy.charCodeAt(i));
  const ins = new Float64Array(n);
  for (let i = 0; i < n; i++) ins[i] = channel.insertion(noisy, i);
  const sub = new Float64Array(n * 128);
  const multi: Array<Multi[] | undefined> = new Array((n + 1) * 128);
  const hasMulti = new Uint8Array((n + 1) * 128);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 128; c++) {
      sub[i * 128 + c] = channel.substitution(codes[i], c);
      const list = channel.multiEndingIn(codes[i], c);
      if (!list) continue;
      const fit = list.filter((mc) => mc.noisy.length <= i + 1 && noisy.startsWith(mc.noisy, i + 1 - mc.noisy.length));
      if (fit.length > 0) {
        multi[(i + 1) * 128 + c] = fit;
        hasMulti[(i + 1) * 128 + c] = 1;
      }
    }
  }
  return { codes, ins, sub, multi, hasMulti };
}

/** Whether the clean path of `depth` letters ends with `s`. */
function endsWith(path: Int32Array, depth: number, s: string): boolean {
  for (let j = 0; j < s.length; j++) if (path[depth - s.length + j] !== s.charCodeAt(j)) return false;
  return true;
}

const deletions = new WeakMap<Channel, { delCost: Float64Array; delAfterSame: Float64Array }>();

/** A channel's cost of the noisy word lacking each ASCII clean letter, alone and right after the same letter. */
function deletionTables(channel: Channel): { delCost: Float64Array; delAfterSame: Float64Array } {
  let t = deletions.get(channel);
  if (!t) {
    const delCost = new Float64Array(128);
    const delAfterSame = new Float64Array(128);
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      delCost[c] = channel.deletion(ch, undefined);
      delAfterSame[c] = channel.deletion(ch, ch);
    }
    deletions.set(channel, (t = { delCost, delAfterSame }));
  }
  return t;
}

/**
 * Per noisy position i, the least a way on from i pays per letter of length it changes: `extra[i]` where the noisy
 * characters left outnumber the clean letters (an extra character from i on, or a confusion reading more noisy
 * characters than clean ones that lies after i), `missing[i]` where the clean letters do (a letter missing, at least
 * `leastDeletion`, or a confusion reading fewer noisy characters than clean ones that lies after i).
 * Tighter than one figure for the whole channel: `rn` read for `m` makes a noisy word cheaply longer only if it has `rn`.
 */
function gapUnits(noisy: string, channel: Channel, ins: Float64Array, leastDeletion: number): { extra: Float64Array; missing: Float64Array } {
  const n = noisy.length;
  const extra = new Float64Array(n + 1).fill(NO_WAY);
  const missing = new Float64Array(n + 1).fill(leastDeletion);
  for (let i = n - 1; i >= 0; i--) extra[i] = Math.min(extra[i + 1], ins[i]);
  for (const mc of channel.multiConfusions()) {
    const diff = mc.noisy.length - mc.clean.length;
    if (diff === 0) continue;
    const per = mc.cost / Math.abs(diff);
    const into = diff > 0 ? extra : missing;
    // the last place it occurs bounds every position up to it
    const at = noisy.lastIndexOf(mc.noisy);
    for (let i = 0; i <= at; i++) if (per < into[i]) into[i] = per;
  }
  return { extra, missing };
}

/** Gap units of nothing: no branch is closed for its length. */
function noGapUnits(n: number): { extra: Float64Array; missing: Float64Array } {
  return { extra: new Float64Array(n + 1), missing: new Float64Array(n + 1) };
}

/** A gap that cannot be closed (finite, so that 0 × it stays 0). */
const NO_WAY = 1e9;
