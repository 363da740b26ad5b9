import type { CleanResult, DecisionInspector, Edit } from '../types.js';
import { tokenAt, tokenize, wordsBefore, type Token } from '../text/tokenize.js';
import { otherLanguageTokens } from '../text/other-language.js';
import { absorbJunkGlyphs } from '../text/junk-glyphs.js';
import { absorbInnerSpecks } from '../text/inner-specks.js';
import { BOUNDARY } from '../lexicon/bigrams.js';
import { BREAKS, NUM, normalizeWord } from '../lexicon/lm-words.js';
import { insideSentence } from './misread-capital.js';
import { applyCase, casePattern, mostlyCapitals, pieceCapitals } from './case.js';
import { cheapestPerReading, generateCandidates, type Option } from './candidates.js';
import { contextLogProb, type LmSide } from './language-model.js';
import type { Resources, ScoreRequest } from './resources.js';
import { findSuspects, type DocumentWords, type Suspect } from './suspects.js';
import { capitalNeighbour, isSpellingQuery, misreadIdentifier } from './token-context.js';
import { isLetterAlternation, isLooseSpellingVariant, isRegionalVariant, isSpellingVariant } from '../candidates/spelling-variants.js';
import { nearestReading } from './nearest-reading.js';
import { isLinePiece } from './line-piece.js';
import { withTokenRules, withDeletions } from './token-rules.js';
import { leadingMarks } from './leading-mark.js';
import { capitalLetterings, innerCapitalReadings } from './inner-capitals.js';
import { jointRuns, jointScores, type JointRuns } from './joint-context.js';

export interface CorrectTextOptions {
  threshold: number;
  protectedTerms: readonly string[];
  /** Sees every decision and may overrule it (`CleanOptions.inspect`: for measuring the ranker only). */
  inspect?: DecisionInspector;
  /** The words of the whole document, when the text is one piece of a longer one (`documentWords`). */
  document?: DocumentWords;
}

/** Words in older spelling needed to treat a text as printed in it. */
const OLD_TEXT_EVIDENCE = 1;
/** Keep bonus of known words in a text that shows older spellings: they are not changed. */
const KNOWN_IN_OLD_TEXT = 50;
/** An older spelling must be of a reading at least this share as probable as the likeliest (sorne is not sorn + e: some). */
const OLD_READING_MIN_RATIO = 0.1;
/** Words only older prose uses (no misreading of a common word makes one). */
const ARCHAIC_WORDS = new Set(['thou', 'thee', 'thine', 'hath', 'doth', 'hast', 'dost', 'shalt', 'wilt', 'unto', 'saith', 'spake']);

/** Archaic words that `archaicKeepBonus` keeps: those of `ARCHAIC_WORDS` and `thy`, which a scan also makes of `the`. */
const ARCHAIC_KEPT = new Set([...ARCHAIC_WORDS, 'thy']);

/** Two capitals after the first letter: an identifier's humps (`DescribeDBInstances`), not lost spaces. */
const IDENTIFIER_CASE = /^.\p{Ll}*\p{Lu}.*\p{Lu}/u;

/** Context characters on each side given to the neural scorer. */
const SCORER_CONTEXT = 32;

/** Corrects one text: returns the cleaned text and the edits applied, with offsets into `text`. */
export async function correctText(text: string, res: Resources, opts: CorrectTextOptions): Promise<CleanResult> {
  const raw = tokenize(text, opts.protectedTerms);
  const glyphed = res.params.junkGlyphs ? absorbJunkGlyphs(raw) : raw;
  const specked = res.params.innerSpeckMinCount;
  const tokens = specked !== null ? absorbInnerSpecks(glyphed, (w) => res.lexicon.corpusCount(w) >= specked, new Set(res.params.innerSpeckMarks)) : glyphed;
  if (res.params.reclaimIdentifiers) {
    const isWord = (w: string) => res.lexicon.corpusCount(w) >= 5;
    const common = res.params.shortHumpMinCount;
    const isCommon = common === null ? isWord : (w: string) => res.lexicon.corpusCount(w) >= common;
    for (const t of tokens) if (misreadIdentifier(t, isWord, isCommon)) t.kind = 'word';
  }
  // a word given alone is a spelling query, most likely typed by a person
  const query = isSpellingQuery(tokens);
  // specks glued before a word (`the *general`, `.w as`) are read as the space they stand in, so the words around them
  // are judged without them; they are deleted at the end
  const dotMin = res.params.leadingDotMinCount;
  const speckAt = query ? [] : leadingMarks(tokens, res.params.leadingMarks, (w) => res.lexicon.corpusCount(w) >= dotMin);
  const specks = speckAt.map((i) => tokens[i]);
  for (const i of speckAt) tokens[i] = { ...tokens[i], kind: 'space' };
  const lm = tokens.map(lmToken);
  const mode = query ? 'query' : 'text';
  // a sentence in another language is left as it is
  const foreign = res.params.otherLanguages && !query ? otherLanguageTokens(tokens) : null;
  const found = findSuspects(tokens, res, query, opts.document);
  const suspects = foreign ? found.filter((s) => !foreign[s.from]) : found;
  const keepOldSpelling = res.params.keepOldSpellings && tokens.filter((t) => t.kind === 'word').length > 1;
  // where the words in older spelling are (token indexes), as evidence that the text around them is printed in it
  const oldSpellings: number[] = [];
  for (const s of suspects) {
    const q = normalizeWord(s.base);
    // a fragment at a text boundary is not completed: only what lies inside it is corrected
    const cands = (s.fixed ? [] : [...generateCandidates(res, s.base, mode), ...innerCapitalReadings(s.base, res, mode)]).filter(
      (o) => !(s.fragment === 'start' && o.words.join(' ').endsWith(q)) && !(s.fragment === 'end' && o.words.join(' ').startsWith(q)),
    );
    // a word the lexicon knows is only changed for an OCR-like misreading, never for an arbitrary edit
    // and no word is given accents it does not have (Eugene is not Eugénie)
    // a token read as many words must be one plain token, and not an identifier (`DescribeDBInstances`)
    const runTogether = s.from === s.to && (!IDENTIFIER_CASE.test(s.base) || s.base === s.base.toUpperCase());
    // a candidate that is also an extra option (`lHogg` read as Hogg) is listed once, at the extra option's cost
    const extra = s.extraOptions.length > 0 ? new Set(s.extraOptions.map((o) => o.words.join(' '))) : null;
    // a word made a suspect by a figure at one end is not read as merely the rest of it (`python3`, `4chan`)
    const bare = s.endFigure === 'before' ? q.slice(1) : s.endFigure === 'after' ? q.slice(0, -1) : null;
    // the word as written, possessive and all (`connah's`, kept apart as `Connah` + `'s`), is no correction of it
    const written = s.suffix ? normalizeWord(s.base + s.suffix) : null;
    s.options = [...s.extraOptions, ...(extra ? cands.filter((o) => !extra.has(o.words.join(' '))) : cands)].filter(
      (o) =>
        (!s.known || o.cost <= res.params.knownMaxCost) &&
        !onlyAccentsAdded(q, o) &&
        !(res.params.keepRegionalSpellings && o.words.length === 1 && isRegionalVariant(q, o.words[0])) &&
        (o.runTogether ? runTogether : !s.runTogetherOnly) &&
        !(bare !== null && o.words.length === 1 && o.words[0] === bare) &&
        !(written !== null && o.words.join(' ') === written) &&
        // after a full stop glued before it, a word is a file name's (`.npmrc`) unless it reads as a common word
        // (`.ontained` → contained, the stop a speck)
        !(s.afterDot && !o.words.every((w) => res.lexicon.corpusCount(w) >= dotMin)),
    );
    // (candidates, inner-capital readings and extra options may reach one reading twice)
    s.options = cheapestPerReading(s.options);
    if (keepOldSpelling) {
      // a word is never modernised: an older spelling of one of its likeliest readings (haue → have, doore → door;
      // not sorne, which some explains far better than the rare sorn + e) is left as it is, and counts as evidence
      // that the text is printed in older spelling; otherwise only its modern forms are dropped
      const kept = keepOlderSpelling(q, s, res, isSpellingVariant, OLD_READING_MIN_RATIO);
      if (kept && !s.known) oldSpellings.push(s.from);
    }
    // a fragment that is the end (start) of a known word (`ternoon`, `applica`) and no cheap misreading of one is
    // most likely a piece of it, cut by a line break (one with a line-end hyphen after it, known or not)
    if (s.fragment && !query && (!s.known || s.hyphenEnd) && isLinePiece(q, s, res)) s.options = [];
  }
  // where older spelling shows (`weakOldSpellingEvidence` such words near), its looser habits are not modernised either:
  // doubled or single consonants (comming, evill, busines), an e put in or left out (breakefast, entred, moneth); there
  // a reading far less likely than the likeliest still counts (`soone`: soon, not some)
  const weakEvidence = res.params.weakOldSpellingEvidence;
  // (the archaic words of older prose count here too: thou, hath, unto; not for the rest, as a newspaper quotes them)
  const oldOrArchaic = res.params.archaicEvidence ? [...oldSpellings, ...archaicWords(tokens)].sort((a, b) => a - b) : oldSpellings;
  const plainlyOld = weakEvidence !== null ? oldTextNear(tokens, oldOrArchaic, res.params.oldTextWindow, weakEvidence) : null;
  if (plainlyOld) {
    for (const s of suspects) {
      if (s.known || s.options.length === 0 || !plainlyOld(s.from)) continue;
      keepOlderSpelling(normalizeWord(s.base), s, res, isLooseSpellingVariant, res.params.weakOldSpellingMinRatio, true);
    }
  }
  // a word in older spelling (haue, maister, againe): the text is printed in it; keep its archaic words (thy, unto)
  // and keep other unknown words more readily
  // (archaic ones too: thy, unto, spake); in a long document only the words within `oldTextWindow` words of one count
  // as in it (a long garbled scan reads some word so by chance: `haye`, `bouth`)
  const oldText = oldTextNear(tokens, oldSpellings, res.params.oldTextWindow);
  const live = suspects.filter((s) => s.options.length > 0);
  for (const s of live) if (oldText(s.from)) s.keepBonus += s.known ? KNOWN_IN_OLD_TEXT : res.params.oldSpellingKeepBonus;
  for (const s of live) if (s.known && s.from === s.to && ARCHAIC_KEPT.has(normalizeWord(s.base))) s.keepBonus += res.params.archaicKeepBonus;
  const neural = res.scorer !== undefined && (query ? res.params.queryNeuralWeight : res.params.neuralWeight) !== 0;
  const runs = jointRuns(live, lm, res.params.jointWeight > 0 && !query);
  let edits = decideAll(text, tokens, lm, live, runs, res, opts.threshold, query, oldText, opts.inspect);
  // a second pass sees the first pass's choices on the right as well (`lie bad made` → `he had made`)
  if (res.params.secondPass) edits = decideAll(text, tokens, lm, live, runs, res, opts.threshold, query, oldText, opts.inspect);
  if (neural && res.params.neuralMode === 'all' && live.length > 0) {
    // the scorer votes on every suspect, keeping it or among the ranker's best corrections
    await scoreNeural(text, tokens, live, res, res.params.neuralTopK);
    edits = decideAll(text, tokens, lm, live, runs, res, opts.threshold, query, oldText, opts.inspect);
  }
  if (neural && res.params.neuralMode === 'rerank') {
    // the scorer only chooses among corrections of words the ranker has decided to change
    const changing = new Set(edits.map((e) => e.start));
    // and only where its say could change the choice: two corrections within `neuralMaxMargin` of each other
    const toScore = live.filter((s) => changing.has(tokens[s.from].start) && closeCall(s, res.params.neuralMaxMargin));
    // and a word left alone though it is surely wrong (its likeliest reading short of the threshold): changed only
    // where the scorer agrees, preferring that reading both to the word and to the next one
    if (res.params.sureWrongMinProb !== null && !query) {
      for (const s of live) {
        if (changing.has(tokens[s.from].start) || !LETTERS.test(s.base) || !surelyWrong(s, res.params.sureWrongKeepMax, res.params.sureWrongMinProb)) continue;
        s.secondOpinion = true;
        toScore.push(s);
      }
    }
    if (toScore.length > 0) {
      await scoreNeural(text, tokens, toScore, res, res.params.neuralTopK);
      edits = decideAll(text, tokens, lm, live, runs, res, opts.threshold, query, oldText, opts.inspect);
    }
  }
  // rules for single tokens: `In`, `Is` misread with a capital inside a sentence; quote marks that are specks
  if (!query) edits = withTokenRules(tokens, edits, res, opts.threshold);
  // a word corrected after a full stop glued before it (`.ontained` → contained) had a speck there
  for (const s of suspects) if (s.afterDot && edits.some((e) => e.start === tokens[s.from].start && e.replacement !== '')) specks.push(tokens[s.from - 1]);
  if (specks.length > 0) edits = withDeletions(edits, specks, opts.threshold);
  if (foreign) edits = edits.filter((e) => !foreign[tokenAt(tokens, e.start)]);
  return { text: applyEdits(text, edits), edits };
}

/**
 * Whether the word at a token is in text printed in older spelling: at least `OLD_TEXT_EVIDENCE` words in it within
 * `window` words either side (anywhere in the text when null).
 */
function oldTextNear(tokens: readonly Token[], old: readonly number[], window: number | null, evidence = OLD_TEXT_EVIDENCE): (token: number) => boolean {
  if (old.length < evidence) return () => false;
  if (window === null) return () => true;
  const before = wordsBefore(tokens);
  const marks = old.map((t) => before[t]);
  return (token) => marks.filter((m) => Math.abs(m - before[token]) <= window).length >= evidence;
}

/** Token indexes of the archaic words of older prose (thou, hath, unto). */
function archaicWords(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'word' && ARCHAIC_WORDS.has(t.text.toLowerCase())) out.push(i);
  });
  return out;
}

/** A word of plain letters only (a token with figures or marks in it may be a code, `3win`, `m6i`; one with accents a
 * name in another language, `Jānis`, that the scorer would read as a misspelt English one). */
const LETTERS = /^[A-Za-z'’-]+$/;

/** The ranker's last decision gave keeping the word at most `keepMax` and its likeliest reading at least `minProb`. */
function surelyWrong(s: Suspect, keepMax: number, minProb: number): boolean {
  const r = s.ranked;
  if (!r || r.length < 2) return false;
  const max = Math.max(...r);
  let z = 0;
  for (const v of r) z += Math.exp(v - max);
  return Math.exp(r[0] - max) / z <= keepMax && max > r[0] && 1 / z >= minProb;
}

/** The ranker's two best corrections of a suspect (at its last decision) are within `margin` of each other. */
function closeCall(s: Suspect, margin: number | null): boolean {
  if (margin === null) return true;
  const scores = (s.ranked ?? []).slice(1).sort((a, b) => b - a);
  return scores.length >= 2 && scores[0] - scores[1] <= margin;
}

/** One left-to-right pass: decides every suspect with the corrected left context. */
function decideAll(
  text: string,
  tokens: Token[],
  lm: Array<string | null>,
  live: Suspect[],
  runs: JointRuns,
  res: Resources,
  threshold: number,
  query: boolean,
  oldText: (token: number) => boolean,
  inspect?: DecisionInspector,
): Edit[] {
  const edits: Edit[] = [];
  const byStart = new Map(live.map((s) => [s.from, s]));
  // a single word: no context tells candidates apart, so a correction only has to beat leaving the word alone
  const contextFree = tokens.filter((t) => t.kind === 'word').length <= 1;
  // a text that starts in lower case or ends without a full stop was cut from a longer one: what lies beyond is unknown
  let left: string | null = cutAtStart(tokens) && res.params.openEnds ? null : BOUNDARY;
  let left2: string | null = null;
  const cutEnd = cutAtEnd(tokens) && res.params.openEnds;
  for (let i = 0; i < tokens.length; i++) {
    const s = byStart.get(i);
    if (s) {
      // suspects next to each other are scored together (`lost cud tiss niud`), each by its share of all their
      // readings; a later pass reuses the scores unless a word around the run changed (a deleted neighbour's choice)
      const inRun = runs.of.get(s);
      if (inRun?.at === 0) {
        const { run } = inRun;
        const right = rightContext(lm, run[run.length - 1].to, cutEnd, byStart)[0];
        const had = runs.scores.get(run);
        if (!had || had.left !== left || had.right !== right) runs.scores.set(run, { left, right, scores: jointScores(res, run, left, right) });
      }
      const given = inRun ? runs.scores.get(inRun.run)!.scores[inRun.at] : undefined;
      // the nearest-reading rule is for modern text: in older spelling an odd word is more often right as printed
      let d = decide(s, [left2, left], rightContext(lm, s.to, cutEnd, byStart), res, threshold, contextFree, query, oldText(s.from), given);
      if (inspect) d = inspected(inspect, text, tokens, s, d);
      const chosen = d?.option ?? s.keep;
      s.chosen = chosen.words;
      if (d) {
        const start = tokens[s.from].start;
        let end = tokens[s.to].end;
        const next = tokens[s.to + 1];
        // a deleted token takes one neighbouring space with it; a moved line break replaces the following space
        // (a mark glued to the word before it goes alone: `the, prisoner` → `the prisoner`)
        const alone = s.from === 0 || tokens[s.from - 1].kind === 'space';
        const absorbs = next?.kind === 'space' && !next.text.includes('\n') && ((d.option.words.length === 0 && alone) || s.trailing);
        if (absorbs) end = next.end;
        const original = text.slice(start, end);
        // a misread word with capitals inside it (`doUrT`) in a heading in capitals is written in capitals
        const heading = res.params.headingCase && /.\p{Lu}/u.test(s.base) && capitalNeighbour(tokens, s.from);
        const inside = res.params.misreadCapitalCase && insideSentence(tokens, s.from, s.to);
        const option = res.params.capitalsKeepOlderSpelling ? asPrinted(d.option, s.base) : d.option;
        const replacement = renderOption(option, heading ? s.base.toUpperCase() : s.base, s.suffix, s.trailing, res, inside);
        if (replacement !== original) edits.push({ start, end, original, replacement, confidence: d.confidence });
      }
      for (const w of chosen.words) [left2, left] = [left, w];
      i = s.to;
      continue;
    }
    if (lm[i] !== null) [left2, left] = [left, lm[i]!];
  }
  return edits;
}

/** The decision as `inspect` leaves it: the corrector's, or the reading it names instead (taken with confidence 1). */
function inspected(inspect: DecisionInspector, text: string, tokens: readonly Token[], s: Suspect, d: Decision | null): Decision | null {
  const all = [s.keep, ...s.options];
  const k = inspect({
    text,
    start: tokens[s.from].start,
    end: tokens[s.to].end,
    readings: all.map((o) => o.words.join(' ')),
    scores: s.ranked ? [...s.ranked] : [],
    costs: all.map((o) => o.cost),
    keepBonus: s.keepBonus,
    chosen: d ? all.indexOf(d.option) : 0,
  });
  if (k === undefined || !Number.isInteger(k) || k < 0 || k >= all.length) return d;
  return k === 0 ? null : { option: all[k], confidence: 1 };
}

function lmToken(t: Token): string | null {
  switch (t.kind) {
    case 'word':
      return normalizeWord(t.text);
    case 'number':
      return NUM;
    case 'protected':
      return BOUNDARY;
    case 'punct':
      return BREAKS.has(t.text) ? BOUNDARY : null;
    default:
      return null;
  }
}

/**
 * The next two LM tokens after token `i`; past the end of a cut text, unknown (null). A later suspect already decided
 * by an earlier pass counts as the words chosen for it.
 */
function rightContext(lm: Array<string | null>, i: number, cutEnd: boolean, suspects: Map<number, Suspect>): LmSide {
  const out: Array<string | null> = [];
  for (let j = i + 1; j < lm.length && out.length < 2; j++) {
    const s = suspects.get(j);
    if (s?.chosen) {
      out.push(...s.chosen.slice(0, 2 - out.length));
      j = s.to;
    } else if (lm[j] !== null) out.push(lm[j]);
  }
  while (out.length < 2) out.push(cutEnd ? null : BOUNDARY);
  return [out[0], out[1]];
}

/** The first word is in lower case with nothing but spaces or opening marks before it. */
function cutAtStart(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.kind === 'space' || (t.kind === 'punct' && /["“‘'([]/.test(t.text))) continue;
    return t.kind === 'word' && /^\p{Ll}/u.test(t.text);
  }
  return false;
}

/** The text ends in a word (or a comma, a hyphen) rather than a mark that closes a sentence. */
function cutAtEnd(tokens: Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'space' || (t.kind === 'punct' && /["”’')\]]/.test(t.text))) continue;
    return t.kind === 'word' || (t.kind === 'punct' && /[,;\-–]/.test(t.text));
  }
  return false;
}

interface Decision {
  option: Option;
  confidence: number;
}

function decide(
  s: Suspect,
  left: LmSide,
  right: LmSide,
  res: Resources,
  threshold: number,
  contextFree: boolean,
  query: boolean,
  noNearest = false,
  given?: number[],
): Decision | null {
  const p = res.params;
  const all = [s.keep, ...s.options];
  // a later pass with the same words around the suspect scores it as the last did
  const key = [...left, ...right].map((w) => (w === null ? '\u0001' : w)).join('\u0000');
  const own =
    s.scoredWith?.key === key
      ? s.scoredWith.scores
      : all.map((o, k) => contextLogProb(res, left, o.words, right) + p.channelScale * o.cost + (k === 0 ? s.keepBonus : 0));
  s.scoredWith = { key, scores: own };
  // a suspect next to others: its share of all their readings, mixed with its score with its neighbours fixed
  const base = given ? own.map((v, k) => p.jointWeight * given[k] + (1 - p.jointWeight) * v) : own;
  s.ranked = base;
  const rerank = p.neuralMode === 'rerank' && s.neural !== undefined;
  const weight = query ? p.queryNeuralWeight : p.neuralWeight;
  const scores = s.neural && !rerank ? base.map((b, k) => b + weight * s.neural![k]) : base;
  let best = argmax(scores);
  if (best === 0) return null;
  const max = scores[best];
  let z = 0;
  for (const sc of scores) z += Math.exp(sc - max);
  // a word that is almost surely wrong but whose readings split the probability: the reading nearest to all of them
  if (p.mbrMargin !== null && !rerank && !contextFree && !query && !noNearest && Math.exp(scores[0] - max) / z <= p.mbrKeepMax && 1 / z < threshold) {
    const d = nearestReading(all.map((o) => o.words.join(' ')), scores, p.mbrMargin, p.mbrTemperature);
    // its confidence is that the word is wrong at all, which the threshold still has to pass
    // and it must be a likely reading in its own right, not only a middle ground (soone → sone)
    const own = d ? Math.exp(scores[d.index] - max) / z : 0;
    return d && d.confidence >= threshold && own >= p.mbrMinProb ? { option: all[d.index], confidence: d.confidence } : null;
  }
  // with a reranking scorer: confidence that the word should change at all; otherwise that this option is right
  // ('odds' gating compares the best option with leaving the word alone, ignoring the other candidates)
  const confidence = rerank
    ? 1 - Math.exp(scores[0] - max) / z
    : p.confidence === 'odds' || (p.confidence === 'auto' && contextFree)
      ? 1 / (1 + Math.exp(scores[0] - max))
      : 1 / z;
  if (confidence < threshold) return null;
  if (rerank && s.secondOpinion) {
    // a second opinion: the scorer must prefer the ranker's reading (`best`: in rerank mode the scores are the ranker's)
    // to every other reading it scored, and to the word itself give or take `secondOpinionKeepSlack`
    const n = s.neural!;
    if (n.some((v, k) => k !== best && v - (k === 0 ? p.secondOpinionKeepSlack : 0) >= n[best])) return null;
  } else if (rerank) best = argmax(base.map((b, k) => (k === 0 ? -Infinity : b + weight * s.neural![k])));
  return { option: all[best], confidence };
}

/**
 * A one-word reading as the print spelt it: where the word's inner capitals, read as the letters of old type they
 * stand for, spell the reading the older way (`batteU`: battell for battle, `feUowes`: fellowes), that spelling.
 */
function asPrinted(o: Option, base: string): Option {
  if (o.words.length !== 1) return o;
  const w = o.words[0];
  for (const r of capitalLetterings(base, true)) {
    const printed = normalizeWord(r);
    if (printed !== w && isLooseSpellingVariant(printed, w)) return { ...o, words: [printed] };
  }
  return o;
}

/** Capitals the OCR reads for one another (as noisy + clean). */
const CAPITAL_LOOKALIKES = new Set(['OC', 'CO', 'CG', 'GC', 'EF', 'FE', 'IJ', 'JI', 'IT', 'TI']);

/** The case pattern to write a correction in; mixed case that is mostly capitals (`EEuNING`) is written in capitals. */
function writtenCase(original: string): ReturnType<typeof casePattern> {
  const pattern = casePattern(original);
  if (pattern === 'lower' || pattern === 'upper') return pattern;
  return mostlyCapitals(original) ? 'upper' : pattern;
}

/** Writes an option in the casing of the text it replaces; `trailing` is kept after it (e.g. a line break). */
function renderOption(o: Option, original: string, suffix: string, trailing: string, res?: Resources, inside = false): string {
  // a deleted token leaves only what it keeps (a space where a stop was read for one)
  if (o.words.length === 0) return trailing;
  // a stray small letter before a capital that the reading drops (`lHe`, `aThe` → `He`, `The`): the rest's case
  const strayLead = /^\p{Ll}\p{Lu}/u.test(original) && !o.words[0].startsWith(original[0].toLowerCase());
  let pattern = writtenCase(strayLead ? original.slice(1) : original);
  // inside a sentence, a capital that is itself the misread letter is no capital of the word (`Hke` → like)
  // (not a capital read for a capital like it: `Ohannel` is Channel)
  const first = o.words[0].charAt(0).toUpperCase();
  if (inside && pattern === 'title' && o.words.length === 1 && /^\p{Lu}\P{Lu}*$/u.test(original) && first !== original[0]) {
    if (!CAPITAL_LOOKALIKES.has(original[0] + first) && !res?.lexicon.isProper(o.words[0])) pattern = 'lower';
  }
  // names keep their capital even where the input lost it (feburay → February)
  const words = o.words.map((w, i) =>
    i === 0 || pattern === 'upper' ? applyCase(w, pattern === 'lower' && res?.lexicon.isProper(w) ? 'title' : pattern) : res?.lexicon.isProper(w) ? applyCase(w, 'title') : w,
  );
  if (pattern === 'title') words[0] = pieceCapitals(words[0], original);
  return words.join(' ') + suffix + trailing;
}

/**
 * Scores the options of each suspect with the neural scorer. With `topK`, only the ranker's `topK` best options
 * (by the scores of the last decision) are scored and the others are left out of the choice (-Infinity).
 */
async function scoreNeural(text: string, tokens: Token[], suspects: Suspect[], res: Resources, topK = Infinity): Promise<void> {
  const picks = suspects.map((s) => {
    const idx = s.options.map((_, k) => k);
    if (s.ranked && idx.length > topK) idx.sort((a, b) => s.ranked![b + 1] - s.ranked![a + 1]).length = topK;
    return idx;
  });
  const requests: ScoreRequest[] = suspects.map((s, i) => {
    const start = tokens[s.from].start;
    const end = tokens[s.to].end;
    const from = Math.max(0, start - SCORER_CONTEXT);
    const to = Math.min(text.length, end + SCORER_CONTEXT);
    return {
      context: text.slice(from, to),
      start: start - from,
      end: end - from,
      candidates: [s.base, ...picks[i].map((k) => renderOption(s.options[k], s.base, '', '', res))],
    };
  });
  const scores = await res.scorer!.score(requests);
  suspects.forEach((s, i) => {
    const full = new Array<number>(s.options.length + 1).fill(-Infinity);
    full[0] = scores[i][0];
    picks[i].forEach((k, j) => (full[k + 1] = scores[i][j + 1]));
    s.neural = full;
  });
}

/** The option is the word itself with accents added. */
function onlyAccentsAdded(q: string, o: Option): boolean {
  return o.words.length === 1 && o.words[0] !== q && o.words[0].normalize('NFD').replace(/\p{M}/gu, '') === q;
}

/** Applies non-overlapping edits (sorted by start) to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}

function argmax(xs: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < xs.length; k++) if (xs[k] > xs[best]) best = k;
  return best;
}

/**
 * A word is never modernised: when `q` is an older spelling (by `variant`) of one of its readings at least `minRatio`
 * as probable as the likeliest, the suspect keeps no options (true is returned); otherwise only its modern forms are
 * dropped.
 */
function keepOlderSpelling(
  q: string,
  s: Suspect,
  res: Resources,
  variant: (noisy: string, modern: string) => boolean,
  minRatio: number,
  plainlyOld = false,
): boolean {
  // (modern spellings an earlier, stricter look took away are looked at again: in plainly old text `door` still shows
  // that `doore` is as printed)
  const options = res.params.olderReadingsAgain && s.olderReadings ? [...s.options, ...s.olderReadings] : s.options;
  const single = options.filter((o) => o.words.length === 1 && variant(q, o.words[0]));
  // (most words have no reading they could be an older spelling of: nothing to weigh)
  if (single.length === 0) return false;
  // how likely a reading is without context: by its word's frequency, and (`oldReadingByCost`, for a spelling by old
  // type's letters alone) with its cost counted too
  const byCost = (o: Option) => res.lexicon.prob(o.words[0]) * Math.exp(res.params.channelScale * o.cost);
  let [top, topByCost] = [0, 0];
  for (const o of options) {
    if (o.words.length !== 1) continue;
    top = Math.max(top, res.lexicon.prob(o.words[0]));
    topByCost = Math.max(topByCost, byCost(o));
  }
  const old = single.some((o) => res.lexicon.prob(o.words[0]) >= top * minRatio);
  // (kept so, a word is no evidence that the text is old: names are spelt so too, `Payne`, `Lyon`)
  const byCostRatio = plainlyOld ? res.params.oldVariantByCost : null;
  const oldByCost =
    (res.params.oldReadingByCost && single.some((o) => byCost(o) >= topByCost * minRatio && isLetterAlternation(q, o.words[0]))) ||
    (byCostRatio !== null && single.some((o) => byCost(o) >= topByCost * byCostRatio));
  if (old || oldByCost) s.options = [];
  else {
    s.options = s.options.filter((o) => !single.includes(o));
    // (kept only for a later look that will weigh them)
    if (res.params.olderReadingsAgain) s.olderReadings = [...(s.olderReadings ?? []).filter((o) => !single.includes(o)), ...single];
  }
  return old;
}
