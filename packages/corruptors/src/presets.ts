import type { Rates } from './types.js';

/**
 * Named presets. Rates are probabilities per eligible character (see docs/corruptors.md).
 * - `typing`: keyboard slips of a fast typist.
 * - `ocr-light`: a decent OCR engine on a clean modern print.
 * - `ocr-heavy`: old newspapers / early prints (tuned against the pooled OCR dev sets, see `pnpm corrupt compare`).
 * - `mixed`: both typing and OCR noise at moderate levels.
 */
export const PRESETS = {
  typing: {
    drop: 0.006,
    insert: 0.005,
    keyboard: 0.008,
    transpose: 0.004,
    merge: 0.008,
    split: 0.001,
    space: 0.002,
    case: 0.002,
    punct: 0.01,
  },
  'ocr-light': {
    drop: 0.002,
    insert: 0.001,
    ocr: 0.008,
    merge: 0.006,
    split: 0.003,
    hyphenate: 0.0005,
    space: 0.002,
    case: 0.001,
    punct: 0.01,
    diacritic: 0.05,
    ligature: 0.002,
  },
  'ocr-heavy': {
    drop: 0.012,
    insert: 0.006,
    ocr: 0.04,
    merge: 0.02,
    split: 0.008,
    hyphenate: 0.002,
    space: 0.01,
    case: 0.006,
    punct: 0.05,
    diacritic: 0.2,
    ligature: 0.01,
  },
  mixed: {
    drop: 0.006,
    insert: 0.004,
    keyboard: 0.004,
    transpose: 0.002,
    ocr: 0.015,
    merge: 0.01,
    split: 0.004,
    hyphenate: 0.001,
    space: 0.004,
    case: 0.003,
    punct: 0.02,
    diacritic: 0.08,
    ligature: 0.004,
  },
} as const satisfies Record<string, Rates>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(PRESETS, name);
}
