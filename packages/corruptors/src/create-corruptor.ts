import { isPresetName, PRESETS, type PresetName } from './presets.js';
import { createRuleCorruptor, type CorruptorOptions, type RuleCorruptorConfig } from './rule-corruptor.js';
import type { Corruptor } from './types.js';

/**
 * Create a corruptor from a preset name (`typing`, `ocr-light`, `ocr-heavy`, `mixed`) or a config
 * `{ name?, rates }`. Throws RangeError for an unknown preset or an out-of-range rate.
 */
export function createCorruptor(config: RuleCorruptorConfig | PresetName, options: CorruptorOptions = {}): Corruptor {
  if (typeof config === 'string') {
    if (!isPresetName(config)) {
      throw new RangeError(`unknown preset "${String(config)}"; expected one of ${Object.keys(PRESETS).join(', ')}`);
    }
    return createRuleCorruptor({ name: config, rates: PRESETS[config] }, options);
  }
  return createRuleCorruptor(config, options);
}
