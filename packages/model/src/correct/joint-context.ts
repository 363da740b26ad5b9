import type { Option } from './candidates.js';
import { bigramRow, contextLogProb, lowerOrder, unigram, wordProb } from './language-model.js';
import type { Resources } from './resources.js';
import type { Suspect } from './suspects.js';

/**
 * Suspects next to each other (no word or break between them), decided together: in `lost cud tiss niud was`, `cud`
 * read one at a time beside the garbled `tiss` stays as it is; scored with the readings of its neighbours it becomes
 * `and` (`lost and his mind was`).
 *
 * Runs of two or more suspects whose options all have words (a deletion would make the context skip a word) are
 * scored as a chain: every option's channel cost and keep bonus, the word pairs inside it, and the word pair
 * across each boundary. The score of each option of each suspect is then its log-marginal over all readings of
 * the run (forward–backward), which `decide` takes in place of the score it gets with its neighbours fixed.
 */

/** The runs of a text, by suspect, and the scores last computed for each run (with the words around it). */
export interface JointRuns {
  /** Each suspect of a run: the run, and the suspect's place in it. */
  of: Map<Suspect, { run: Suspect[]; at: number }>;
  scores: Map<Suspect[], { left: string | null; right: string | null; scores: number[][] }>;
}

/** The runs of adjacent suspects of a text, ready to be scored (none when `enabled` is false). */
export function jointRuns(live: readonly Suspect[], lm: ReadonlyArray<string | null>, enabled: boolean): JointRuns {
  const of = new Map<Suspect, { run: Suspect[]; at: number }>();
  if (enabled) for (const run of adjacentRuns(live, lm)) run.forEach((s, at) => of.set(s, { run, at }));
  return { of, scores: new Map() };
}

/** Runs of adjacent suspects (in text order) that can be decided together. */
export function adjacentRuns(live: readonly Suspect[], lm: ReadonlyArray<string | null>): Suspect[][] {
  const sorted = [...live].sort((a, b) => a.from - b.from);
  const runs: Suspect[][] = [];
  let run: Suspect[] = [];
  const chainable = (s: Suspect) => s.keep.words.length > 0 && s.options.every((o) => o.words.length > 0);
  for (const s of sorted) {
    const prev = run[run.length - 1];
    const adjacent = prev !== undefined && chainable(s) && nothingBetween(lm, prev.to, s.from);
    if (adjacent) run.push(s);
    else {
      if (run.length >= 2) runs.push(run);
      run = chainable(s) ? [s] : [];
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}

/** No LM token (word, number, break) between token `a` and token `b`. */
function nothingBetween(lm: ReadonlyArray<string | null>, a: number, b: number): boolean {
  for (let j = a + 1; j < b; j++) if (lm[j] !== null) return false;
  return true;
}

/**
 * Log-marginal scores of [keep, ...options] of each suspect of a run, between the word before it (`left`, null:
 * unknown) and the word after it (`right`, null: unknown).
 */
export function jointScores(res: Resources, run: readonly Suspect[], left: string | null, right: string | null): number[][] {
  const p = res.params;
  const all = run.map((s) => [s.keep, ...s.options]);
  // each reading's own score: channel, keep bonus, and the word pairs inside it after its first word
  const local = all.map((opts, i) => opts.map((o, k) => p.channelScale * o.cost + (k === 0 ? run[i].keepBonus : 0) + inner(res, o)));
  const last = (o: Option) => o.words[o.words.length - 1];
  // the first words of each suspect's readings, with what the word-pair estimate needs of them looked up once
  const firsts = all.map((opts) => opts.map((o) => o.words[0]));
  const pus = firsts.map((ws) => ws.map((w) => unigram(res, w)));
  const lowers = firsts.map((ws, i) => ws.map((w, k) => lowerOrder(res, w, pus[i][k])));
  // log p(first word of each reading of suspect i | w), w null: unknown
  const enter = (w: string | null, i: number) => (w === null ? pus[i] : bigramRow(res, w, firsts[i], pus[i], lowers[i])).map(Math.log);
  const n = run.length;
  // across[i][j]: the word pairs from reading j of suspect i − 1 into each reading of suspect i (readings ending in
  // the same word share their row)
  const across: number[][][] = [];
  for (let i = 1; i < n; i++) {
    const rows = new Map<string, number[]>();
    across[i] = all[i - 1].map((q) => {
      const w = last(q);
      let row = rows.get(w);
      if (!row) rows.set(w, (row = enter(w, i)));
      return row;
    });
  }
  // forward: alpha[i][k], all readings up to suspect i ending in its reading k
  const into = enter(left, 0);
  const alpha: number[][] = [local[0].map((v, k) => v + into[k])];
  for (let i = 1; i < n; i++) {
    const prev = alpha[i - 1];
    alpha[i] = local[i].map((v, k) => v + logSumExp(prev.length, (j) => prev[j] + across[i][j][k]));
  }
  // backward: beta[i][j], all readings after suspect i given its reading j
  const beta: number[][] = [];
  beta[n - 1] = all[n - 1].map((o) => (right === null ? 0 : Math.log(wordProb(res, null, last(o), right))));
  for (let i = n - 2; i >= 0; i--) {
    const next = beta[i + 1];
    const own = local[i + 1];
    beta[i] = all[i].map((_, j) => {
      const row = across[i + 1][j];
      return logSumExp(next.length, (k) => row[k] + own[k] + next[k]);
    });
  }
  return alpha.map((a, i) => a.map((v, k) => v + beta[i][k]));
}

/** Log-probability of an option's words after its first one. */
function inner(res: Resources, o: Option): number {
  return o.words.length < 2 ? 0 : contextLogProb(res, [null, o.words[0]], o.words.slice(1), [null, null]);
}

function logSumExp(count: number, term: (i: number) => number): number {
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = term(i);
    if (x > max) max = x;
  }
  if (max === -Infinity) return -Infinity;
  let z = 0;
  for (let i = 0; i < count; i++) z += Math.exp(term(i) - max);
  return max + Math.log(z);
}
