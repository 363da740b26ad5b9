/**
 * The shipped corrector's last decision about every one-word suspect of a dev sample whose right reading is among its
 * readings (watched through `CleanOptions.inspect`), with the half of the dev documents it falls in (as `dev-halves.ts`):
 * what `ranker-refit.ts` and `word-context-trial.ts` fit on one half and measure on the other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir, loadSet, parseSelection, sample as sampleItems } from '@unsmudge/eval';
import type { Corrector, RankerDecision } from '../src/index.js';
import { DEV_PAIR_FILES, inHalfB, referenceWords, rightReading } from './reference-words.js';

/** One decision: where it is, its readings with their features, the right reading and what the corrector took. */
export interface DevDecision {
  set: string;
  halfB: boolean;
  text: string;
  start: number;
  end: number;
  readings: string[];
  /** The ranker's score of each reading (`RankerDecision.scores`). */
  scores: number[];
  /** Per reading: word-pair log-probability (its score less cost and keep bonus), channel cost, keep bonus, keeping. */
  features: number[][];
  right: number;
  chosen: number;
}

/** The four features of reading `j` (see `DevDecision.features`). */
function featuresOf(d: RankerDecision, j: number, channelScale: number): number[] {
  const keep = j === 0 ? 1 : 0;
  return [d.scores[j] - channelScale * d.costs[j] - keep * d.keepBonus, d.costs[j], keep * d.keepBonus, keep];
}

/** The document of each dev row of the OCR sets (the loaders keep only ids); a row of another set is its own. */
function documentsOf(set: string): Map<string, string> {
  const path = DEV_PAIR_FILES[set];
  const out = new Map<string, string>();
  if (!path) return out;
  for (const line of gunzipSync(readFileSync(join(defaultDataDir(), path))).toString('utf8').split('\n')) {
    if (!line) continue;
    const row = JSON.parse(line) as { id: string; doc?: string };
    out.set(row.id, row.doc ?? row.id);
  }
  return out;
}

/** The decisions of a sample of `size` dev rows (seed 1) of each named set (`parseSelection` names). */
export async function devDecisions(corrector: Corrector, sets: readonly string[], size: number, channelScale: number): Promise<DevDecision[]> {
  const out: DevDecision[] = [];
  for (const name of sets) {
    const { spec, keep } = parseSelection(name);
    const items = sampleItems((await loadSet(spec.name, 'dev', { dataDir: defaultDataDir() })).filter(keep), size, 1);
    const documents = documentsOf(spec.name);
    const references = new Map(items.map((item) => [item.noisy, { words: referenceWords(item.noisy, item.clean), halfB: inHalfB(documents.get(item.id) ?? item.id) }]));
    const last = new Map<string, DevDecision>();
    await corrector.clean(
      items.map((i) => i.noisy),
      {
        inspect: (d) => {
          const r = references.get(d.text);
          const right = rightReading(r?.words, d);
          if (right >= 0 && d.scores.length === d.readings.length) {
            last.set(`${d.text}\u0000${d.start}`, {
              set: name,
              halfB: r!.halfB,
              text: d.text,
              start: d.start,
              end: d.end,
              readings: d.readings,
              scores: d.scores,
              features: d.readings.map((_, j) => featuresOf(d, j, channelScale)),
              right,
              chosen: d.chosen,
            });
          }
          return undefined;
        },
      },
    );
    out.push(...last.values());
  }
  return out;
}
