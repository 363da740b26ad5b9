export { levenshtein, charEdits, codePoints, align, type AlignOp, type AlignStep } from './levenshtein.js';
export { words, alignWords, TokenIds, type WordAlignment } from './word-alignment.js';
export { countPair, addCounts, emptyCounts, finalizeCounts, scoreSet, fBeta, type Counts, type Metrics } from './metrics.js';
export {
  wordByWord,
  correctText,
  correctToken,
  applyCase,
  casePattern,
  isProtectedToken,
  isFixableWord,
  type BatchCorrector,
  type WordFixer,
  type CasePattern,
} from './word-by-word.js';
export { loadJsonlPairs, loadTsvPairs, type EvalItem } from './loaders.js';
export { readLines } from '@unsmudge/corruptors';
export { defaultDataDir } from './data-dir.js';
export { SETS, SPLITS, getSet, setNames, loadSet, type SetSpec, type SetKind, type Split, type LoadSetOptions } from './sets.js';
export {
  isHeldOutParagraph,
  heldOutSplit,
  loadHeldOutParagraphs,
  loadCleanTextSet,
  CLEAN_TEXT_FILES,
  HELD_OUT_PER_MILLE,
  type CleanTextOptions,
} from './clean-text.js';
export { fnv1a32, fmix32, stableHash } from './fnv.js';
export { mulberry32, sample, sampleIndices } from './random.js';
export { DataFormatError, UnknownNameError } from './errors.js';
export {
  runBench,
  parseSelection,
  CorrectorOutputError,
  type BenchOptions,
  type BenchProgress,
  type BenchResult,
  type SetResult,
  type CorrectorResult,
} from './run-bench.js';
export { renderMarkdown, replaceSection, setTableRows, setHeading } from './report.js';
export { createIdentityCorrector } from './baselines/identity.js';
export { createHunspellCorrector } from './baselines/hunspell.js';
export { createSymSpellCorrector, symspellDictionaryPath, type SymSpellOptions } from './baselines/symspell.js';
export { createOverproofSystemCorrector } from './baselines/overproof-system.js';
export { createBaseline, BASELINE_NAMES, type BaselineName } from './baselines/create-baseline.js';
export type { CorrectorWithStats } from './baselines/corrector-with-stats.js';
