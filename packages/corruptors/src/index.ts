/**
 * @unsmudge/corruptors — seeded character-level corruption that turns clean text into
 * (noisy, clean) training pairs with an exact alignment. See docs/corruptors.md.
 */
export type { CorruptFn, CorruptResult, Corruptor, Edit, ErrorKind, Rates, Rng } from './types.js';
export { ERROR_KINDS } from './types.js';
export { createRng } from './rng.js';
export { createCorruptor } from './create-corruptor.js';
export { RULE_KINDS, type CorruptorOptions, type RuleCorruptorConfig, type RuleKind } from './rule-corruptor.js';
export { PRESETS, isPresetName, type PresetName } from './presets.js';
export { curriculum, interpolateRates, type CurriculumOptions } from './curriculum.js';
export { replayAlignment, isValidAlignment, fullAlignment, type AlignedSpan } from './alignment.js';
export { alignPair, type AlignOptions } from './align-pair.js';
export { classifyEdit } from './classify-edit.js';
export { corruptedCharMask, corruptedWords, corruptedWordMask, type WordLabel } from './labels.js';
export { fitProfile, parseProfile, serializeProfile, type FitOptions, type Pair, type Profile, type ProfileEntry } from './profile.js';
export { profileCorruptor } from './profile-corruptor.js';
export { noiseStats, topConfusions, confusionOverlap, formatComparison, type NoiseStats } from './noise-stats.js';
export { readLines, readPairs } from './read-files.js';

/** Location of the committed profile fitted on the pooled OCR dev sets (read it with fs, then `parseProfile`). */
export const OCR_FITTED_PROFILE_URL = new URL('../profiles/ocr-fitted.json', import.meta.url);
