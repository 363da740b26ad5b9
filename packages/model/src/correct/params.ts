import type { FittedCostOptions } from '../candidates/fitted-channel.js';

/** Tunable weights of the ranker; stored in the checkpoint's config and tuned on dev sets. */
export interface RankParams {
  /** Log-probability per edit unit of the channel model (negative). */
  channelScale: number;
  /** Unigram probability given to a word the lexicon does not know. */
  unknownProb: number;
  /** Log bonus for keeping a word the lexicon knows (real-word errors are rarer than non-words). */
  knownKeepBonus: number;
  /** Extra log bonus for keeping an unknown capitalised word that is not sentence-initial (names). */
  nameKeepBonus: number;
  /** Extra log bonus for keeping a capitalised known name (Eugene, not Eugénie). */
  knownNameKeepBonus: number;
  /** Interpolation weight of the bigram estimate against the unigram. */
  bigramWeight: number;
  /**
   * When set (and the checkpoint holds type counts), word pairs are smoothed Witten–Bell style instead: the lower order
   * gets this many times the number of distinct words seen after the context; null: the constant `bigramWeight`.
   */
  bigramWittenBell: number | null;
  /** Share of the lower order taken from continuation counts (in how many contexts a word occurs, Kneser–Ney style). */
  bigramContinuation: number;
  /** Discount of the word-triple estimate (interpolated absolute discounting); null: word pairs only. */
  trigramDiscount: number | null;
  /** Words the lexicon knows with at most this corpus count are checked as possible real-word errors. */
  rareWordCount: number;
  /** Candidates kept per word after the cheap pre-ranking. */
  maxCandidates: number;
  /** Largest channel cost considered. */
  maxCost: number;
  /**
   * Far-off words: an unknown word of at least this many letters with no reading within one plain edit is also
   * searched a third edit away, through one cheap misreading undone (null: off); such readings may cost up to
   * `farMaxCost`.
   */
  farMinLength: number | null;
  /** Words this long or longer are not searched so (the deep search below covers them); null: no limit. */
  farMaxLength: number | null;
  farMaxCost: number;
  /** Cheapest misread letter or letter group undone to reach a far-off word. */
  farLetterCost: number;
  /**
   * Garbled words: an unknown word of at least this many characters with no reading within one plain edit is also
   * searched by weighted channel cost (`candidates/channel-trie.ts`) among words seen at least `deepMinCount` times,
   * up to cost `deepMaxCost` (null: off).
   */
  deepMinLength: number | null;
  deepMaxCost: number;
  deepMinCount: number;
  /** The deep search is skipped when the plain search already found a reading of at most this channel cost. */
  deepSkipBelow: number;
  /**
   * A word of at least `deepRareMinLength` characters searched so, with no reading yet of at most `deepRareSkipBelow`,
   * is also searched among the words seen at least `deepRareMinCount` times, up to this tighter cost (null: off).
   */
  deepRareMaxCost: number | null;
  deepRareMinCount: number;
  deepRareMinLength: number;
  deepRareSkipBelow: number;
  /**
   * An unknown word shorter than `deepMinLength` but at least this long is searched so too (null: off), among the
   * words seen at least `shallowMinCount` times, for its `shallowHits` cheapest readings up to cost `shallowMaxCost`,
   * visiting at most `shallowMaxNodes` trie nodes: the plain-edit search misses readings that are cheap only by the
   * channel's costs (`ohlof` → chief, `nnil` → and).
   */
  shallowMinLength: number | null;
  shallowMinCount: number;
  shallowMaxCost: number;
  shallowHits: number;
  shallowMaxNodes: number;
  /** The misread piece of a run-together token (`shdwed'that`) is searched so too from this length on (null: never). */
  shallowSplitMinLength: number | null;
  /**
   * How the checkpoint's fitted confusion counts (`channel.json`) become channel costs, beside the hand-set ones
   * (`candidates/fitted-channel.ts`); null: hand-set costs only.
   */
  fittedChannel: FittedCostOptions | null;
  /**
   * Cost of a keyboard neighbour's letter (`s` for `w`) in running text. Scans do not make these slips: at the typist's
   * cost (0.7) they offer readings that split the probability of a misread word (`the tree sho sat`: she, who).
   */
  keyboardSlipCost: number;
  /** Weight of the neural scorer's log-probability (0: the scorer is not loaded). */
  neuralWeight: number;
  /** 'rerank': the scorer only picks among corrections of words the ranker changes; 'all': it votes on every suspect. */
  neuralMode: 'rerank' | 'all';
  /** Lower-case tokens of 1–2 letters seen fewer times than this may be deleted as stray marks. */
  strayMaxCount: number;
  /** Channel cost of deleting a stray token. */
  strayDeleteCost: number;
  /** Channel cost of joining a word hyphenated across a break. */
  hyphenJoinCost: number;
  /** Log bonus for keeping an unknown word that occurs more than once in the text. */
  repeatKeepBonus: number;
  /** Log bonus for keeping a frequent known word that has a cheap OCR look-alike (be/he, end/and); context decides. */
  realWordKeepBonus: number;
  /**
   * Whether a known word in a hyphenated compound (`line-end`) may be read as a look-alike (`line-and`) in text that
   * looks clean (a positive noise prior); in a scan it always may (`bad-` for `had`).
   */
  compoundRealWords: boolean;
  /** Whether a word in British spelling is never offered its American one (`tokenised` → `tokenized`, `centre` → `center`). */
  keepRegionalSpellings: boolean;
  /**
   * A long document with fewer unknown words than this share counts an unknown word's repeats over the whole
   * document, not only the piece it is corrected in (a clean text's terms recur far apart; a scan's misreadings too).
   */
  documentRepeatsMaxShare: number;
  /** A look-alike counts when it is at least this many times as probable as the word (0.5: half as probable). */
  realWordMinRatio: number;
  /** Longest look-alike (the right reading) considered. */
  realWordMaxLength: number;
  /** Largest channel cost of a real-word misreading. */
  realWordMaxCost: number;
  /** Weight of the text's own noise level (share of unknown words) in the keep bonus (0 = off). */
  noiseAdapt: number;
  /** Share of unknown words at which the noise prior is neutral. */
  noiseRef: number;
  /**
   * In a text of more lines, the noise level around a lone letter, and around a word where the text has at least
   * `noiseWindowMinRate` unknown words, is counted on the lines within this many of its own (null: over the whole text).
   */
  noiseWindow: number | null;
  noiseWindowMinRate: number;
  /** Keep bonus of an unknown word in a text of one word (no context to judge the noise level by). */
  contextFreeKeepBonus: number;
  /** 'best': confidence = p(best option among all); 'odds': p(best) / (p(best) + p(keep)); 'auto': odds for texts of one word, else best. */
  confidence: 'best' | 'odds' | 'auto';
  /** Largest channel cost of a correction of a word the lexicon knows (only OCR-like misreadings). */
  knownMaxCost: number;
  /** Keep older spellings (haue, halfe, controversie): never offer their modern forms, and treat a text that has them as old. */
  keepOldSpellings: boolean;
  /** A word counts as in text printed in older spelling when one such word is within this many words of it (null: anywhere in the text). */
  oldTextWindow: number | null;
  /** Keep bonus of the other unknown words of a text that shows older spellings. */
  oldSpellingKeepBonus: number;
  /**
   * Where at least this many words in older spelling are within `oldTextWindow` words, its looser habits (doubled
   * consonants, an e put in or left out: comming, breakefast) are not modernised either (null: never).
   */
  weakOldSpellingEvidence: number | null;
  /** … and there a word is taken for an older spelling of a reading at least this share as probable as its likeliest (0.1 elsewhere). */
  weakOldSpellingMinRatio: number;
  /**
   * An older spelling by old type's letters alone (`theyr`, `rayse`, `voyd`: `isLetterAlternation`) is also measured
   * against its likeliest reading with the cost of each reading counted (`p(w) · e^(channelScale · cost)`), not by word
   * frequency alone: `theyr` is their, which `the` outweighs only at the cost of two letters.
   */
  oldReadingByCost: boolean;
  /**
   * In plainly old text (see `weakOldSpellingEvidence`), an older spelling (`doore`, `vaine`) is also measured against
   * its likeliest reading with the cost of each reading counted, not by frequency alone: `door` for `doore` is outweighed
   * by `more` only at the cost of two letters (null: not so; else the least ratio to the likeliest reading by cost).
   */
  oldVariantByCost: number | null;
  /** In plainly old text the looser look also weighs the modern spellings the stricter one took away (`door` for `doore`). */
  olderReadingsAgain: boolean;
  /**
   * A word at the end of a text with a hyphen after it (`his examina-`, `im-`) and at least this many letters is left as
   * it is where it starts a known word, even where a cheap misreading of a common word reads it (`examine`); null: such
   * a word is a fragment like any other at a text's end.
   */
  hyphenPieceMinLength: number | null;
  /** Archaic words (thou, hath, unto) count as words in older spelling for `weakOldSpellingEvidence`. */
  archaicEvidence: boolean;
  /** Keep bonus of the archaic words (thy, thou, hath, unto) where a more common look-alike is read for them (`thy` → the). */
  archaicKeepBonus: number;
  /** A word that is an older inflection (-eth, -est) of a verb seen this often is left as it is (followeth, knowest); null: never. */
  archaicInflectionMinCount: number | null;
  /** In a clean document (see `documentRepeatsMaxShare`), a known word used at least this often gets `repeatKeepBonus` too (null: never). */
  knownRepeats: number | null;
  /** Keep bonus of a lone lower-case letter other than a/i/o/v/x (`of n poisoned`): in print, almost always a stray mark. */
  strayLetterKeepBonus: number;
  /** How much more the text's noise level weighs for lone letters than for words (math variables in clean text stay). */
  strayLetterNoiseWeight: number;
  /** A lone letter that stands alone again within this many words is a symbol of the text, not a stray mark (null: anywhere in the text). */
  symbolWindow: number | null;
  /**
   * Log malus per letter beyond `unknownLengthFrom` for keeping an unknown word whose letter-trigram shape is at most
   * `unknownLengthShape` (a long string that does not read like a word is unlikely to be one).
   */
  unknownLengthCost: number;
  unknownLengthFrom: number;
  unknownLengthShape: number;
  /** Guillemets glued to a word outside quotations (`sid«`, `»hip`) and tildes glued to one (`st~ated`) are read as part of a misread word. */
  junkGlyphs: boolean;
  /** Channel cost of reading a lone `m` as `in` (`died m the hospital`). */
  loneMCost: number;
  /**
   * Channel cost of reading a lone `n` as the word `a`, in text at least as noisy as `noiseRef` around it (the OCR of some
   * papers reads a small `a` so; in cleaner text a lone `n` is a symbol or a speck); null: never.
   */
  loneNCost: number | null;
  /** Channel cost of splitting a word in two (`thecat` → `the cat`). */
  splitCost: number;
  /** Unknown words at least this long are also cut into three or four known words (`stickandarazor`). */
  multiSplitMinLength: number;
  /** Channel cost of such a cut. */
  multiSplitCost: number;
  /**
   * Unknown words at least this long are also read as any number of words whose spaces were lost, each exact or
   * cheaply corrected (`theawomanwaidlecharged`); null: off.
   */
  runTogetherMinLength: number | null;
  /**
   * Channel cost taken off a reading of a long token as three or more words, per letter of its exactly read pieces
   * beyond `runTogetherCreditFrom` (one unknown word that long is improbable).
   */
  runTogetherCredit: number;
  runTogetherCreditFrom: number;
  /** Channel cost of each space put back in such a reading. */
  runTogetherSpaceCost: number;
  /** Unknown words at least this long are also read as a common word plus a corrected one (`accusedopaned`). */
  splitCorrectMinLength: number;
  /** Largest channel cost of the corrected piece of such a reading. */
  splitCorrectMaxCost: number;
  /** Keep bonus of a full stop inside a sentence that may be a speck (`he. had`); null: never deleted. */
  strayStopKeepBonus: number | null;
  /**
   * A full stop glued to the front of a lower-case word seen at least this many times, after a space (`prisoner .who
   * had`), is weighed as a speck the same way (file extensions such as `.csv` excepted); null: never.
   */
  leadingStopMinCount: number | null;
  /** A word in capitals next to another (a heading's word) does not get the name keep bonus. */
  headingWordsNotNames: boolean;
  /** Decide every suspect twice, the second time with the first pass's choices as right context. */
  secondPass: boolean;
  /** Channel cost of reading a capital inside a word as the letters of old type it stands for (`caUed`); null: off. */
  capitalReadingCost: number | null;
  /** A mark of `innerSpeckMarks` glued inside small letters that join into a word seen this often without it, or with it read as a letter, is a speck inside the word (`la.ter`, `wo.k`); null: off. */
  innerSpeckMinCount: number | null;
  /** The marks a speck glued inside a word may be read as (`la.ter`, `whi(ch`); each a character of the string. */
  innerSpeckMarks: string;
  /** A misread word with capitals inside it, in a heading in capitals, is written in capitals (`doUrT` → `COURT`). */
  headingCase: boolean;
  /** A word corrected to one that its inner capitals read as letters spell the older way is written so (`batteU` → battell, not battle). */
  capitalsKeepOlderSpelling: boolean;
  /** Short words (searched at one edit) also get one misread letter of at most this cost undone first; null: off. */
  shortWordLetterCost: number | null;
  /** Delete single quote marks glued to a lower-case word and paired with none (`'of the`): specks of the paper. */
  deleteStrayQuotes: boolean;
  /** A single quote mark pairs with one at most this many words away (null: anywhere in the text). */
  quotePairWindow: number | null;
  /** Marks deleted where they stand alone between two lower-case words on one line (`told him . that`); '' for none. */
  loneMarks: string;
  /** Delete the second of two commas glued to a word (`back,, and`). */
  doubledCommas: boolean;
  /** Marks deleted where they are glued to the start of a word with nothing solid before them (`the *general`, `.w as`); '' for none. */
  leadingMarks: string;
  /** … a full stop only before a word seen at least this often (`.bashrc` is a file name). */
  leadingDotMinCount: number;
  /**
   * A replacement mark (U+FFFD) right before a figure is a currency sign lost to a wrong text encoding (`valued at
   * �600`): it is written as the one sign the text itself uses before figures, else as this one (null: left as it is).
   * `£` suits British print, whose Latin-1 `£` read as UTF-8 becomes U+FFFD; set `€` for texts in euros.
   */
  lostCurrencySign: string | null;
  /** Lower `In`, `Is` inside a sentence (`stood In with`): the OCR misread a dotted `i` as a capital. */
  lowerMisreadCapitals: boolean;
  /** A sum of old British money beside another, its figure one read as a letter, gets the figure back (`Is 6d` → `1s 6d`). */
  misreadOnes: boolean;
  /** A word whose capital is the misread letter (`Hke` → like, `Httle` → little) is corrected in small letters inside a sentence. */
  misreadCapitalCase: boolean;
  /** Correct camelCase tokens whose humps are not words (`tLet`, `lHogg`): misreadings, not identifiers. */
  reclaimIdentifiers: boolean;
  /**
   * The humps of a short camelCase token starting in lower case (`shEo`, `maBy`; five letters at most) count as words
   * only if seen this often (null: as for other tokens, five times).
   */
  shortHumpMinCount: number | null;
  /** A word given alone counts as known only if the corpus has it at least this often (rare forms are often misspellings). */
  queryKnownMinCount: number;
  /** Keep bonus of a lone `1` before a lower-case word against reading it as `I`. */
  oneAsIKeepBonus: number;
  /** Weight of the neural scorer for a word given alone (a spelling query). */
  queryNeuralWeight: number;
  /** Treat the context beyond a text cut mid-sentence (lower-case start, no final stop) as unknown, not as a sentence boundary. */
  openEnds: boolean;
  /** How many of the ranker's best corrections of a word the scorer sees (the others are left out of the choice). */
  neuralTopK: number;
  /** In rerank mode the scorer only sees words whose two best corrections score within this of each other (null: all). */
  neuralMaxMargin: number | null;
  /** Sentences full of another language's function words (`le`, `und`, `het`) are left alone (text/other-language.ts). */
  otherLanguages: boolean;
  /** Keep bonus per unit of word-likeness (mean letter-trigram log-probability) of an unknown word above `shapeRef`. */
  shapeWeight: number;
  shapeRef: number;
  /** Channel cost of joining a word broken by a space (`pro ceed`); null: such pieces are left as they are. */
  spaceJoinCost: number | null;
  /**
   * Nearest reading (minimum Bayes risk) for a word that is surely wrong but whose readings share the probability:
   * applied when it saves `mbrMargin` characters of expected edit distance over keeping the word (null: off), with
   * probabilities at `mbrTemperature`, only where keeping has at most `mbrKeepMax` and the reading itself at least
   * `mbrMinProb`; never in texts in older spelling, nor for a word given alone.
   */
  mbrMargin: number | null;
  mbrTemperature: number;
  mbrKeepMax: number;
  mbrMinProb: number;
  /** With the neural scorer: a word the ranker leaves alone though keeping it has at most `sureWrongKeepMax` and its likeliest reading `sureWrongMinProb` (null: off) is changed to that reading where the scorer prefers it to the other scored reading, and to the word itself give or take `secondOpinionKeepSlack`. */
  sureWrongMinProb: number | null;
  sureWrongKeepMax: number;
  /**
   * The scorer's second opinion may prefer the word as written to that reading by up to this much (log-probability)
   * and still let it in: the scorer, trained to leave good words alone, leans to keeping any word (`thingo` over
   * things); its preference among the readings counts in full.
   */
  secondOpinionKeepSlack: number;
  /**
   * Suspects next to each other are also scored together, each by its log-marginal over all their readings
   * (`correct/joint-context.ts`), mixed in with this weight against its score with its neighbours fixed (0: off).
   */
  jointWeight: number;
  /**
   * A word with one figure at an end (`4ook`, `2ecretary` before lower-case letters; `hi4`, `Widow9` after letters) is
   * a suspect too; one with the figure after its letters, which is as often an id (`eth0`, `Boto3`) or a footnote, gets
   * this extra keep bonus (null: such words pass through as they are).
   */
  endFigureKeepBonus: number | null;
  /** Channel cost of dropping a small letter glued before a word's capital (`lHogg` → Hogg); null: no such reading. */
  strayInitialCost: number | null;
  /** Default confidence threshold for applying an edit. */
  threshold: number;
}

/** Defaults, tuned on the dev splits with packages/model/scripts/tune.ts (see docs/model.md). */
export const DEFAULT_PARAMS: RankParams = {
  channelScale: -6,
  unknownProb: 1e-9,
  knownKeepBonus: 2.5,
  nameKeepBonus: 6,
  knownNameKeepBonus: 6,
  bigramWeight: 0.7,
  bigramWittenBell: 1.5,
  bigramContinuation: 0.75,
  trigramDiscount: null,
  rareWordCount: 300,
  maxCandidates: 24,
  maxCost: 2,
  farMinLength: 5,
  farMaxLength: 9,
  farMaxCost: 2.5,
  farLetterCost: 0.5,
  deepMinLength: 7,
  deepMaxCost: 3,
  deepMinCount: 50,
  deepSkipBelow: 1.2,
  deepRareMaxCost: null,
  deepRareMinCount: 10,
  deepRareMinLength: 9,
  deepRareSkipBelow: 2,
  shallowMinLength: null,
  shallowMinCount: 500,
  shallowMaxCost: 1.6,
  shallowHits: 3,
  shallowMaxNodes: 20_000,
  shallowSplitMinLength: 4,
  keyboardSlipCost: 0.7,
  fittedChannel: { minCount: 20, costAtOnePercent: 0.45, slope: 0.1, minCost: 0.2, maxCost: 1 },
  neuralWeight: 0,
  neuralMode: 'rerank',
  strayMaxCount: 200,
  strayDeleteCost: 3,
  hyphenJoinCost: 0.2,
  repeatKeepBonus: 7,
  realWordKeepBonus: 3.5,
  compoundRealWords: false,
  keepRegionalSpellings: true,
  documentRepeatsMaxShare: 0.06,
  realWordMinRatio: 0.5,
  realWordMaxLength: 7,
  realWordMaxCost: 0.9,
  noiseAdapt: 2,
  noiseRef: 0.2,
  noiseWindow: null,
  noiseWindowMinRate: 0,
  contextFreeKeepBonus: -6,
  confidence: 'auto',
  knownMaxCost: 2,
  keepOldSpellings: true,
  oldTextWindow: 100,
  oldSpellingKeepBonus: 3,
  weakOldSpellingEvidence: null,
  weakOldSpellingMinRatio: 0.1,
  oldReadingByCost: false,
  oldVariantByCost: null,
  olderReadingsAgain: false,
  archaicKeepBonus: 0,
  hyphenPieceMinLength: null,
  archaicEvidence: false,
  archaicInflectionMinCount: null,
  knownRepeats: null,
  strayLetterKeepBonus: -16,
  strayLetterNoiseWeight: 3,
  symbolWindow: 25,
  unknownLengthCost: 0.6,
  unknownLengthFrom: 4,
  unknownLengthShape: -2.45,
  junkGlyphs: true,
  loneMCost: 1,
  loneNCost: null,
  splitCost: 0.6,
  multiSplitMinLength: 7,
  multiSplitCost: 0.6,
  reclaimIdentifiers: true,
  lowerMisreadCapitals: true,
  misreadOnes: false,
  misreadCapitalCase: false,
  deleteStrayQuotes: true,
  quotePairWindow: 30,
  loneMarks: '.',
  doubledCommas: true,
  leadingMarks: '',
  leadingDotMinCount: 50,
  lostCurrencySign: '£',
  shortWordLetterCost: 0.45,
  headingCase: true,
  innerSpeckMinCount: null,
  innerSpeckMarks: '.,',
  capitalsKeepOlderSpelling: false,
  capitalReadingCost: 0.4,
  secondPass: true,
  headingWordsNotNames: true,
  strayStopKeepBonus: 0,
  leadingStopMinCount: 100,
  splitCorrectMinLength: 6,
  runTogetherMinLength: 10,
  runTogetherSpaceCost: 0.3,
  runTogetherCredit: 0.5,
  runTogetherCreditFrom: 8,
  splitCorrectMaxCost: 1.5,
  queryKnownMinCount: 10,
  oneAsIKeepBonus: -2,
  queryNeuralWeight: 0,
  openEnds: true,
  neuralTopK: 4,
  neuralMaxMargin: null,
  otherLanguages: false,
  shapeWeight: 3,
  shapeRef: -2.6,
  spaceJoinCost: null,
  mbrMargin: 0.6,
  mbrTemperature: 1.5,
  mbrKeepMax: 0.05,
  mbrMinProb: 0.35,
  sureWrongMinProb: null,
  sureWrongKeepMax: 0.01,
  secondOpinionKeepSlack: 0,
  jointWeight: 0.75,
  endFigureKeepBonus: 4,
  strayInitialCost: 0.3,
  shortHumpMinCount: 1000,
  threshold: 0.8,
};
