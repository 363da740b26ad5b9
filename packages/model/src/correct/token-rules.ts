import type { Edit } from '../types.js';
import type { Token } from '../text/tokenize.js';
import type { Resources } from './resources.js';
import { misreadCapitals } from './misread-capital.js';
import { strayQuotes } from './stray-quote.js';
import { doubledCommas, loneMarks } from './lone-mark.js';
import { currencyOfText, lostCurrencySigns } from './lost-currency.js';
import { misreadOnes, oneFor } from './misread-one.js';

/**
 * Adds the edits of the rules that rewrite single tokens, where no other edit touches them, in text order: `In`, `Is`
 * misread with a capital inside a sentence are lowered; quote marks that are specks are deleted, and so are full stops
 * standing alone between two lower-case words and the second of two commas after a word; a replacement mark before a
 * figure is the currency sign a wrong text encoding lost; a sum of old money beside another whose figure one was read as a
 * letter is written with the figure (`£1. Is 10s` → `£1. 1s 10s`).
 */
export function withTokenRules(tokens: Token[], edits: Edit[], res: Resources, threshold: number): Edit[] {
  if (res.params.misreadOnes && MISREAD_ONE_CONFIDENCE >= threshold) {
    // the sum is written whatever the ranker made of the word (`ls` → is)
    const ones = misreadOnes(tokens).map((i) => tokens[i]);
    edits = edits.filter((e) => !ones.some((t) => t.start <= e.start && e.end <= t.end));
    edits = withRuleEdits(edits, ones, oneFor, MISREAD_ONE_CONFIDENCE, threshold);
  }
  if (res.params.lowerMisreadCapitals) {
    const capitals = misreadCapitals(tokens).map((i) => tokens[i]);
    edits = withRuleEdits(edits, capitals, (w) => w.toLowerCase(), LOWERED_CAPITAL_CONFIDENCE, threshold);
  }
  if (res.params.deleteStrayQuotes) {
    edits = withRuleEdits(edits, strayQuotes(tokens, res.params.quotePairWindow).map((i) => tokens[i]), () => '', STRAY_QUOTE_CONFIDENCE, threshold);
  }
  if (res.params.loneMarks) {
    edits = withRuleEdits(edits, loneMarks(tokens, res.params.loneMarks), () => '', LONE_MARK_CONFIDENCE, threshold);
  }
  if (res.params.doubledCommas) {
    edits = withRuleEdits(edits, doubledCommas(tokens), () => '', LONE_MARK_CONFIDENCE, threshold);
  }
  const lost = res.params.lostCurrencySign === null ? [] : lostCurrencySigns(tokens);
  // the text's own sign is looked for only where a mark has lost one
  const sign = lost.length > 0 ? currencyOfText(tokens, res.params.lostCurrencySign) : null;
  if (sign !== null) edits = withRuleEdits(edits, lost.map((i) => tokens[i]), () => sign, LOST_SIGN_CONFIDENCE, threshold);
  return edits;
}

/** Confidence of writing a sum whose figure one was read as a letter (`Is 6d` → `1s 6d`). */
const MISREAD_ONE_CONFIDENCE = 0.9;
/** Confidence of writing a lost currency sign (`�600` → `£600`). */
const LOST_SIGN_CONFIDENCE = 0.9;
/** Confidence of deleting a mark standing alone inside a sentence (`told him . that`). */
const LONE_MARK_CONFIDENCE = 0.85;
/** Confidence of lowering a misread capital (`stood In with`); a threshold above it turns the rule off. */
const LOWERED_CAPITAL_CONFIDENCE = 0.9;
/** Confidence of deleting an unpaired quote mark glued to a word (`'of the`). */
const STRAY_QUOTE_CONFIDENCE = 0.85;

/**
 * Adds the edits of a rule that rewrites single tokens (where no other edit touches them), in text order; none when
 * the threshold is above the rule's confidence.
 */
function withRuleEdits(edits: Edit[], targets: ReadonlyArray<Pick<Token, 'start' | 'end' | 'text'>>, rewrite: (text: string) => string, confidence: number, threshold: number): Edit[] {
  if (confidence < threshold) return edits;
  const added: Edit[] = [];
  for (const { start, end, text } of targets) {
    if (edits.some((e) => e.start < end && start < e.end)) continue;
    added.push({ start, end, original: text, replacement: rewrite(text), confidence });
  }
  return added.length === 0 ? edits : [...edits, ...added].sort((a, b) => a.start - b.start);
}

/** Adds the deletion of each of `targets` (specks), where no other edit touches it. */
export function withDeletions(edits: Edit[], targets: ReadonlyArray<Pick<Token, 'start' | 'end' | 'text'>>, threshold: number): Edit[] {
  return withRuleEdits(edits, targets, () => '', LONE_MARK_CONFIDENCE, threshold);
}
