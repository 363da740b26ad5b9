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
    drop: 0.001,
    insert: 0.002,
    ocr: 0.01,
    merge: 0.003,
    split: 0.0005,
    hyphenate: 0.0003,
    space: 0.001,
    case: 0.0005,
    punct: 0.04,
    diacritic: 0.005,
    ligature: 0.001,
  },
  'ocr-heavy': {
    drop: 0.003,
    insert: 0.008,
    keyboard: 0.001,
    ocr: 0.03,
    merge: 0.008,
    split: 0.0008,
    hyphenate: 0.003,
    space: 0.003,
    case: 0.001,
    punct: 0.12,
    diacritic: 0.01,
    ligature: 0.003,
  },
  mixed: {
    drop: 0.004,
    insert: 0.005,
    keyboard: 0.004,
    transpose: 0.002,
    ocr: 0.015,
    merge: 0.006,
    split: 0.001,
    hyphenate: 0.0005,
    space: 0.002,
    case: 0.001,
    punct: 0.06,
    diacritic: 0.01,
    ligature: 0.002,
  },
} as const satisfies Record<string, Rates>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(PRESETS, name);
}
