import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLexicon } from '../lexicon/build.js';
import { writeCheckpoint } from '../checkpoint-dir.js';
import { DEFAULT_PARAMS, type RankParams } from '../correct/params.js';

/** A few paragraphs of ordinary English written for tests. */
export const TINY_CORPUS = [
  'The committee of the harbour board met on Tuesday afternoon to consider the report of the engineer.',
  'The engineer stated that the foundations were sound, but that the old timbers of the jetty must be replaced.',
  'After some discussion the report was adopted, and the board adjourned until the following week.',
  'The cat sat on the mat while the committee met in the room above the office.',
  'He was of opinion that a new crane would greatly assist the shipping trade of the port.',
  'The plans could be seen at the office, and the cost of the work would be borne by the colony.',
  'She said that the weather had been fine for the whole of the week, and that the harvest was good.',
  'The members of the board thanked the engineer for his report and for the care he had taken.',
  'There is no reason to think that the work will not be finished before the winter.',
  'The number of ships in the port has increased, and the trade of the town is growing.',
  'For details see the report, mail the office, run the tool now, or read it in the paper.',
  'I was of opinion that I could see the harbour from the office, and I said so to the board.',
];

/** Writes a checkpoint built from TINY_CORPUS (repeated so that every word is counted often enough). */
export async function makeTinyCheckpoint(params: Partial<RankParams> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'unsmudge-ckpt-'));
  const paragraphs = Array.from({ length: 20 }, () => TINY_CORPUS).flat();
  const built = await buildLexicon({ paragraphs, minWordCount: 2, minPairCount: 2 });
  writeCheckpoint(dir, { config: { name: 'tiny', format: 1, params: { ...DEFAULT_PARAMS, ...params } }, lexicon: built.lexicon, bigrams: built.bigrams });
  return dir;
}
