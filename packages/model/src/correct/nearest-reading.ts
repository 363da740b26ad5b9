import { OsaPattern } from '../candidates/edit-distance.js';

/** The reading whose distance to the others is being measured (the function is synchronous). */
const pattern = new OsaPattern();

/** Readings less probable than this are left out of the expected distance (they barely move it). */
const MIN_PROB = 0.002;

/**
 * Minimum-Bayes-risk choice under character edit distance, for a word that is surely wrong but whose readings
 * share the probability (`canued`: caused, canned, cause): the reading with the least expected distance to the
 * truth, each reading being the truth with its softmax probability (scores divided by `temperature`).
 * `readings[0]` is the word as written. Returns the chosen index when it saves at least `margin` characters
 * over keeping the word, with the probability that the word is wrong as its confidence; else null.
 */
export function nearestReading(
  readings: readonly string[],
  scores: readonly number[],
  margin: number,
  temperature: number,
): { index: number; confidence: number } | null {
  const max = Math.max(...scores);
  const weights = scores.map((sc) => Math.exp((sc - max) / temperature));
  const z = weights.reduce((a, b) => a + b, 0);
  const probs = weights.map((w) => w / z);
  const live = probs.map((_, k) => k).filter((k) => k === 0 || probs[k] >= MIN_PROB);
  // distances between the live readings, each pair measured once (the distance is symmetric)
  const distance = new Map<number, number>();
  const expected = (i: number) => {
    pattern.set(readings[i]);
    return live.reduce((e, t) => {
      let dist = distance.get(t * readings.length + i);
      if (dist === undefined) distance.set(i * readings.length + t, (dist = pattern.distance(readings[t], 64)));
      return e + probs[t] * dist;
    }, 0);
  };
  const keep = expected(0);
  let best = 0;
  let bestExpected = keep;
  for (const k of live) {
    if (k === 0) continue;
    const e = expected(k);
    if (e < bestExpected) [best, bestExpected] = [k, e];
  }
  if (best === 0 || keep - bestExpected < margin) return null;
  return { index: best, confidence: 1 - probs[0] };
}
