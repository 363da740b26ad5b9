/**
 * Trains the research word-context model (`word-context-model.ts`) on clean_text (Gutenberg counted twice, as the
 * shipped word pairs count it) and saves it outside the repository; `word-context-trial.ts` measures it.
 *   npx tsx packages/model/scripts/word-context-train.ts [--out DIR] [--dim 128] [--width 3] [--vocab 80000] [--epochs 5]
 * (dim 128, 5 epochs: 1,102 s in the twenty-fifth round's run on this machine, 12.4M words an epoch)
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir } from '@unsmudge/eval';
import { contextWords, trainWordContextModel } from './word-context-model.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'unsmudge-word-context') },
    dim: { type: 'string', default: '128' },
    width: { type: 'string', default: '3' },
    vocab: { type: 'string', default: '80000' },
    epochs: { type: 'string', default: '5' },
  },
});

const files: Array<[string, number]> = [
  ['wikipedia_en.txt.gz', 1],
  ['aws_docs_en.txt.gz', 1],
  ['gutenberg_books_en.txt.gz', 2],
  ['state_of_the_union_en.txt.gz', 1],
];
const paragraphs: string[][] = [];
for (const [file, times] of files) {
  for (const line of gunzipSync(readFileSync(join(defaultDataDir(), 'clean_text', file))).toString('utf8').split('\n')) {
    const words = contextWords(line);
    if (words.length >= 2) for (let i = 0; i < times; i++) paragraphs.push(words);
  }
}
console.log(`${paragraphs.length} paragraphs, ${paragraphs.reduce((n, p) => n + p.length, 0)} words`);
const started = Date.now();
const model = trainWordContextModel(paragraphs, {
  dim: Number(values.dim),
  width: Number(values.width),
  vocabSize: Number(values.vocab),
  epochs: Number(values.epochs),
  negatives: 5,
  learningRate: 0.05,
  seed: 12345,
  onProgress: (seen, total, loss, rate) =>
    console.log(`${(seen / 1e6).toFixed(0)}M of ${(total / 1e6).toFixed(0)}M words, ${((Date.now() - started) / 1000).toFixed(0)} s, loss ${loss.toFixed(4)}, rate ${rate.toFixed(4)}`),
});
model.save(values.out!);
console.log(`saved to ${values.out} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
