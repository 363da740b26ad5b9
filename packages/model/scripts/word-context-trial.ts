/**
 * Would a word-level context model wider than the ranker's word pairs (`word-context-model.ts`, ±3 words) change
 * the right decisions? For every decision of `dev-decisions.ts` the corrector kept, its readings are scored again
 * with the model's score x alpha added to the ranker's; where the likeliest change then reaches the threshold it is
 * taken. Prints, per dev half and set, the corrector's own wrong decisions by kind, and the right readings gained (+) or
 * lost (-) against its own decisions.
 *   npx tsx packages/model/scripts/word-context-trial.ts [--model DIR] [--sets ...] [--sample 3000]
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PARAMS, loadCorrector, SHIPPED_CHECKPOINT } from '../src/index.js';
import { readConfig } from '../src/checkpoint-dir.js';
import { devDecisions } from './dev-decisions.js';
import { contextWords, WordContextModel } from './word-context-model.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: join(tmpdir(), 'unsmudge-word-context') },
    sets: { type: 'string', default: "overproof,bln600,icdar_en/!eng_monograph/81#,acl_arc" },
    sample: { type: 'string', default: '3000' },
  },
});

const model = WordContextModel.load(values.model!);
const { channelScale } = { ...DEFAULT_PARAMS, ...readConfig(SHIPPED_CHECKPOINT).params };
const decisions = await devDecisions(await loadCorrector(), values.sets!.split(','), Number(values.sample), channelScale);
const scored = decisions.map((d) => {
  const left = contextWords(d.text.slice(0, d.start));
  const right = contextWords(d.text.slice(d.end));
  return { ...d, context: d.readings.map((r) => model.score(left, contextWords(r), right)) };
});

/** The reading taken: the corrector's, unless it kept the word and the likeliest change now reaches `threshold`. */
function taken(d: (typeof scored)[number], alpha: number, threshold: number): number {
  if (d.chosen !== 0 || d.readings.length < 2) return d.chosen;
  const s = d.scores.map((r, j) => r + alpha * d.context[j]);
  const max = Math.max(...s);
  const z = s.reduce((a, v) => a + Math.exp(v - max), 0);
  let best = 1;
  for (let j = 2; j < s.length; j++) if (s[j] > s[best]) best = j;
  return Math.exp(s[best] - max) / z >= threshold ? best : 0;
}

const sets = values.sets!.split(',');
for (const half of [false, true]) {
  const rows = scored.filter((d) => d.halfB === half);
  console.log(`half ${half ? 'B' : 'A'}: ${sets.map((s) => `${s} ${rows.filter((d) => d.set === s).length}`).join(', ')} decisions`);
  // the corrector's own wrong decisions by kind: a word kept whose right reading it had, a right word changed, another reading taken
  for (const s of sets) {
    const wrong = rows.filter((d) => d.set === s && d.chosen !== d.right);
    const kept = wrong.filter((d) => d.chosen === 0).length;
    const changed = wrong.filter((d) => d.right === 0).length;
    console.log(`  ${s}: ${wrong.length} wrong: ${kept} kept, ${changed} right words changed, ${wrong.length - kept - changed} another reading taken`);
  }
  for (const alpha of [0.2, 0.3, 0.5, 0.8]) {
    for (const threshold of [0.8, 0.9]) {
      const gain = sets.map((s) => rows.filter((d) => d.set === s).reduce((n, d) => n + (taken(d, alpha, threshold) === d.right ? 1 : 0) - (d.chosen === d.right ? 1 : 0), 0));
      console.log(`  alpha ${alpha} threshold ${threshold}: ${sets.map((s, i) => `${s} ${gain[i] >= 0 ? '+' : ''}${gain[i]}`).join('  ')}`);
    }
  }
}
