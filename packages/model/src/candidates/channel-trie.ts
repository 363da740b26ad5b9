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
  private readonly chars: string[] = [''];
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  private readonly wordIds: number[] = [-1];
  private readonly minLength: number[] = [Infinity];
  private readonly maxLength: number[] = [0];

  /** `words[id]` for the ids that `keep` accepts; ids are those of `words`. */
  constructor(words: readonly string[], keep: (word: string, id: number) => boolean = () => true) {
    for (let id = 0; id < words.length; id++) {
      const w = words[id];
      if (w.length === 0 || !keep(w, id)) continue;
      let node = 0;
      this.noteLength(node, w.length);
      for (const ch of w) {
        node = this.child(node, ch);
        this.noteLength(node, w.length);
      }
      this.wordIds[node] = id;
    }
  }

  get nodes(): number {
    return this.chars.length;
  }

  /** Words whose weighted cost of being read as `noisy` (by `channel`) is within the budget, cheapest first. */
  search(noisy: string, channel: Channel, opts: TrieSearchOptions): { hits: TrieHit[]; visited: number } {
    const n = noisy.length;
    const { budget } = opts;
    const maxNodes = opts.maxNodes ?? Infinity;
    const ins = new Float64Array(n);
    for (let i = 0; i < n; i++) ins[i] = channel.insertion(noisy, i);
    const codes = Array.from({ length: n }, (_, i) => noisy.charCodeAt(i));
    // cheapest change of length by one letter: what a gap between the lengths left must cost at least
    const unit = lengthUnit(channel);
    const rows: Float64Array[] = [new Float64Array(n + 1)];
    for (let i = 1; i <= n; i++) rows[0][i] = rows[0][i - 1] + ins[i - 1];
    const path: string[] = [];
    const pathCodes: number[] = [];
    const hits: TrieHit[] = [];
    let visited = 0;

    const walk = (node: number, depth: number): void => {
      for (let k = this.firstChild[node]; k >= 0; k = this.nextSibling[k]) {
        if (visited >= maxNodes) return;
        visited++;
        const d = depth + 1;
        const ch = this.chars[k];
        const c = ch.charCodeAt(0);
        const P = rows[depth];
        const R = (rows[d] ??= new Float64Array(n + 1));
        path[depth] = ch;
        pathCodes[depth] = c;
        const del = channel.deletion(ch, path[depth - 1]);
        R[0] = P[0] + del;
        for (let i = 1; i <= n; i++) {
          const ni = codes[i - 1];
          let v = P[i - 1] + channel.substitution(ni, c);
          const a = R[i - 1] + ins[i - 1];
          if (a < v) v = a;
          const b = P[i] + del;
          if (b < v) v = b;
          if (d > 1 && i > 1 && ni === pathCodes[depth - 1] && codes[i - 2] === c) {
            const t = rows[d - 2][i - 2] + channel.costs.transpose;
            if (t < v) v = t;
          }
          const multis = channel.multiEndingIn(ni, c);
          if (multis) {
            for (const mc of multis) {
              const ln = mc.noisy.length;
              const lc = mc.clean.length;
              if (ln > i || lc > d || !noisy.startsWith(mc.noisy, i - ln) || !endsWith(path, d, mc.clean)) continue;
              const m = rows[d - lc][i - ln] + mc.cost;
              if (m < v) v = m;
            }
          }
          R[i] = v;
        }
        if (this.wordIds[k] >= 0 && R[n] <= budget) hits.push({ id: this.wordIds[k], cost: R[n] });
        // go on only if some way on can still end within the budget
        const restMin = this.minLength[k] - d;
        const restMax = this.maxLength[k] - d;
        let bound = Infinity;
        for (let i = 0; i <= n; i++) {
          const left = n - i;
          const gap = left < restMin ? restMin - left : left > restMax ? left - restMax : 0;
          const lb = R[i] + gap * unit;
          if (lb < bound) bound = lb;
        }
        if (bound <= budget && restMax > 0) walk(k, d);
      }
    };
    walk(0, 0);
    hits.sort((x, y) => x.cost - y.cost);
    return { hits: hits.slice(0, opts.limit), visited };
  }

  private child(node: number, ch: string): number {
    let last = -1;
    for (let k = this.firstChild[node]; k >= 0; k = this.nextSibling[k]) {
      if (this.chars[k] === ch) return k;
      last = k;
    }
    const id = this.chars.length;
    this.chars.push(ch);
    this.firstChild.push(-1);
    this.nextSibling.push(-1);
    this.wordIds.push(-1);
    this.minLength.push(Infinity);
    this.maxLength.push(0);
    if (last < 0) this.firstChild[node] = id;
    else this.nextSibling[last] = id;
    return id;
  }

  private noteLength(node: number, length: number): void {
    if (length < this.minLength[node]) this.minLength[node] = length;
    if (length > this.maxLength[node]) this.maxLength[node] = length;
  }
}

/** Whether the clean path of `depth` letters ends with `s`. */
function endsWith(path: string[], depth: number, s: string): boolean {
  for (let j = 0; j < s.length; j++) if (path[depth - s.length + j] !== s[j]) return false;
  return true;
}

const units = new WeakMap<Channel, number>();

/**
 * The least a channel charges for making a word one letter longer or shorter (an insertion, a deletion, rn→m …);
 * ligatures and other non-ASCII confusions are left out, so that `ﬁ` for `fi` does not loosen every search.
 */
function lengthUnit(channel: Channel): number {
  let u = units.get(channel);
  if (u === undefined) {
    u = Math.min(channel.costs.edit, channel.costs.double);
    for (const [a, b, cost] of channel.costs.confusions) {
      const diff = Math.abs(a.length - b.length);
      if (diff > 0 && /^[\x00-\x7f]*$/.test(a + b)) u = Math.min(u, cost / diff);
    }
    units.set(channel, u);
  }
  return u;
}
