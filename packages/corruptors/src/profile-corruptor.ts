import { classifyEdit } from './classify-edit.js';
import { toRng } from './rng.js';
import { protectedSpans } from './protected-spans.js';
import type { Profile, ProfileEntry } from './profile.js';
import type { Corruptor, CorruptResult, Edit, ErrorKind, Rates, Rng } from './types.js';
import { isAttached, spaceInLatin, unitEnd } from './unicode.js';

interface Choice {
  /** Total probability of any replacement. */
  p: number;
  /** Cumulative probabilities (same order as `to`). */
  cum: Float64Array;
  to: string[];
  kinds: ErrorKind[];
}

interface Slot {
  one: Choice | null;
  /** Left-context refinements of `one`, by previous code unit (then `one` holds the residual). */
  ctx: Map<number, Choice> | null;
  two: Map<number, Choice> | null;
  ins: Choice | null;
  /** Upper bound of the edit probability at this character. */
  max: number;
}

/** Characters a profile may touch: Latin, general punctuation, ligatures. Everything else is copied. */
function touchable(c: number): boolean {
  return c < 0x370 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xfb00 && c <= 0xfb06);
}

function choice(key: string, e: ProfileEntry, scale: number, insertion: boolean): Choice {
  const to: string[] = [];
  const kinds: ErrorKind[] = [];
  const probs: number[] = [];
  let keptSum = 0;
  for (const c of Object.values(e.to)) keptSum += c;
  // pruned rare replacements keep their share of the per-character error rate
  const boost = keptSum > 0 ? (keptSum + (e.other ?? 0)) / keptSum : 1;
  for (const [t, c] of Object.entries(e.to)) {
    if (t === key && !insertion) continue;
    to.push(t);
    probs.push(((c * boost) / e.n) * scale);
    kinds.push(insertion ? classifyEdit('', t, key, 'a') : classifyEdit(key, t, 'a', 'a'));
  }
  let acc = 0;
  const cum = new Float64Array(probs.length);
  probs.forEach((p, i) => (cum[i] = acc += p));
  return { p: acc, cum, to, kinds };
}

function pick(ch: Choice, u: number): number {
  let k = 0;
  while (k < ch.cum.length - 1 && u >= ch.cum[k]) k++;
  return k;
}

/**
 * A corruptor that samples the fitted confusions of `profile`: at each character, a 2-char or
 * 1-char replacement (incl. deletion) or an insertion after it, with the fitted probabilities
 * times `scale`. Insertions before the first character (`ins['']`) are not sampled: in line-level data
 * they are mostly word fragments moved across line breaks by the transcribers. The parts are tried in that order on one uniform draw, so if their sum at a character
 * exceeds 1 (only with a large `scale`), the insertion part is the one cut short.
 */
export function profileCorruptor(profile: Profile, scale = 1, name = 'fitted'): Corruptor {
  if (!(scale >= 0)) throw new RangeError(`scale must be ≥ 0, got ${scale}`);
  const slots = new Map<number, Slot>();
  const slot = (c: number): Slot => {
    let s = slots.get(c);
    if (!s) slots.set(c, (s = { one: null, ctx: null, two: null, ins: null, max: 0 }));
    return s;
  };
  // left contexts: remove their counts from the 1-char entries (residual), keep them per previous char
  const residual = new Map<string, ProfileEntry>();
  for (const [key, e] of Object.entries(profile.ctx ?? {})) {
    if (key.length !== 2 || !touchable(key.charCodeAt(1))) continue;
    const from = key.charAt(1);
    const base = profile.sub[from];
    if (!base) continue;
    let r = residual.get(from);
    if (!r) residual.set(from, (r = { n: base.n, to: { ...base.to }, other: base.other ?? 0 }));
    r.n -= e.n;
    for (const [t, c] of Object.entries(e.to)) {
      if (r.to[t] !== undefined) r.to[t] = Math.max(0, r.to[t] - c);
    }
    r.other = Math.max(0, (r.other ?? 0) - (e.other ?? 0));
    const ch = choice(from, e, scale, false);
    if (ch.to.length > 0) (slot(from.charCodeAt(0)).ctx ??= new Map()).set(key.charCodeAt(0), ch);
  }
  for (const [from, e0] of Object.entries(profile.sub)) {
    if (from.length === 0 || from.length > 2 || !touchable(from.charCodeAt(0))) continue;
    const res = residual.get(from);
    const e = res && res.n > 0 ? res : e0;
    const ch = choice(from, e, scale, false);
    if (ch.to.length === 0) continue;
    const s = slot(from.charCodeAt(0));
    if (from.length === 1) s.one = ch;
    else {
      if (!touchable(from.charCodeAt(1)) || isAttached(from.charCodeAt(1))) continue;
      (s.two ??= new Map()).set(from.charCodeAt(1), ch);
    }
  }
  for (const [ctx, e] of Object.entries(profile.ins)) {
    if (ctx.length !== 1 || !touchable(ctx.charCodeAt(0))) continue;
    const ch = choice(ctx, e, scale, true);
    if (ch.to.length > 0) slot(ctx.charCodeAt(0)).ins = ch;
  }
  for (const s of slots.values()) {
    let maxTwo = 0;
    if (s.two) for (const c of s.two.values()) maxTwo = Math.max(maxTwo, c.p);
    let maxOne = s.one?.p ?? 0;
    if (s.ctx) for (const c of s.ctx.values()) maxOne = Math.max(maxOne, c.p);
    s.max = maxOne + maxTwo + (s.ins?.p ?? 0);
  }
  const table: (Slot | undefined)[] = [];
  for (let c = 0; c < 0x370; c++) table.push(slots.get(c));

  const corruptWith = (text: string, rng: Rng): CorruptResult => {
    const n = text.length;
    const edits: Edit[] = [];
    let noisy = '';
    let copied = 0;
    const prot = protectedSpans(text);
    let pi = 0;
    let nextProt = prot.length > 0 ? prot[0] : n + 1;
    const emit = (start: number, end: number, to: string, kind: ErrorKind) => {
      noisy += text.slice(copied, start);
      const noisyStart = noisy.length;
      noisy += to;
      edits.push({ cleanStart: start, cleanEnd: end, noisyStart, noisyEnd: noisy.length, from: text.slice(start, end), to, kind });
      copied = end;
    };
    let i = 0;
    while (i < n) {
      if (i >= nextProt) {
        i = prot[pi + 1];
        pi += 2;
        nextProt = pi < prot.length ? prot[pi] : n + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (d >= 0x300 && isAttached(d)) {
        i = unitEnd(text, i); // combining sequences and astral characters are copied whole
        continue;
      }
      const s = c < 0x370 ? table[c] : touchable(c) ? slots.get(c) : undefined;
      if (s === undefined || (c === 0x20 && !spaceInLatin(text, i))) {
        i++;
        continue;
      }
      let r = rng();
      if (r >= s.max) {
        i++;
        continue;
      }
      const two = s.two && d !== 0 && !(i + 2 < n && isAttached(text.charCodeAt(i + 2))) ? s.two.get(d) : undefined;
      if (two !== undefined) {
        if (r < two.p) {
          const k = pick(two, r);
          emit(i, i + 2, two.to[k], two.kinds[k]);
          i += 2;
          continue;
        }
        r -= two.p;
      }
      const one = (s.ctx !== null && i > 0 ? s.ctx.get(text.charCodeAt(i - 1)) : undefined) ?? s.one;
      if (one) {
        if (r < one.p) {
          const k = pick(one, r);
          emit(i, i + 1, one.to[k], one.kinds[k]);
          i++;
          continue;
        }
        r -= one.p;
      }
      if (s.ins && r < s.ins.p) {
        const k = pick(s.ins, r);
        emit(i + 1, i + 1, s.ins.to[k], s.ins.kinds[k]);
      }
      i++;
    }
    noisy = edits.length === 0 ? text : noisy + text.slice(copied);
    return { noisy, clean: text, alignment: edits };
  };
  const rates: Rates = {};
  for (const [k, v] of Object.entries(profile.rates)) if (k !== 'sub' && v !== undefined) rates[k as keyof Rates] = v * scale;
  return {
    name,
    rates,
    corrupt: (text, rng) => corruptWith(text, toRng(rng)),
    fn: (text, rng) => corruptWith(text, rng),
  };
}
