import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir, isHeldOutParagraph, readLines } from '@unsmudge/eval';
import { buildLexicon, type WeightedParagraph } from '../lexicon/build.js';
import { UsageError } from './usage-error.js';
import { buildTrigrams } from '../lexicon/trigrams.js';
import { writeCheckpoint, readConfig } from '../checkpoint-dir.js';
import { DEFAULT_PARAMS } from '../correct/params.js';

/** Counts words, word pairs and word triples of the clean corpus (held-out evaluation paragraphs skipped) into a checkpoint folder. */
export async function runBuildLexicon(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      corpus: { type: 'string' },
      general: { type: 'string' },
      out: { type: 'string', default: 'packages/model/checkpoints/shipped' },
      name: { type: 'string', default: 'shipped' },
      // word triples for the trigram context model (params.trigramDiscount); off: they did not help on dev
      trigrams: { type: 'boolean', default: false },
      // FILE=N: the words of that corpus file count N times (the shipped lexicon: gutenberg_books_en.txt.gz=2)
      weight: { type: 'string', multiple: true, default: [] },
    },
  });
  const data = defaultDataDir();
  const corpus = values.corpus ?? join(data, 'clean_text');
  const generalPath = values.general ?? join(data, 'lexicon', 'symspell_frequency_dictionary_en_82_765.txt.gz');
  const files = readdirSync(corpus).filter((f) => /\.txt(\.gz)?$/.test(f)).sort().map((f) => join(corpus, f));
  const weights = parseWeights(values.weight!, files.map((f) => basename(f)));
  const general = gunzipSync(readFileSync(generalPath))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l): [string, number] => {
      const [w, c] = l.split(' ');
      return [w, Number(c)];
    });
  async function* weightedParagraphs(): AsyncGenerator<WeightedParagraph> {
    for (const f of files) {
      const weight = weights[basename(f)] ?? 1;
      for await (const line of readLines(f)) yield { text: line, weight };
    }
  }
  // (word triples are counted once each, whatever the weight)
  async function* paragraphs(): AsyncGenerator<string> {
    for await (const p of weightedParagraphs()) yield p.text;
  }
  const t0 = Date.now();
  const built = await buildLexicon({
    paragraphs: weightedParagraphs(),
    general,
    skip: isHeldOutParagraph,
    onProgress: (p, w) => process.stderr.write(`\r${p} paragraphs, ${w} words`),
  });
  process.stderr.write('\n');
  const trigrams = !values.trigrams ? undefined : await buildTrigrams({
    paragraphs,
    skip: isHeldOutParagraph,
    onProgress: (pass, p) => process.stderr.write(`\rword triples, pass ${pass}: ${p} paragraphs`),
  });
  process.stderr.write('\n');
  const out = resolve(values.out!);
  // keep tuned params and the card of an existing checkpoint
  const previous = existsSync(join(out, 'config.json')) ? readConfig(out) : undefined;
  writeCheckpoint(out, {
    config: {
      name: values.name!,
      format: 1,
      params: previous?.params ?? DEFAULT_PARAMS,
      scorer: previous?.scorer,
      card: {
        ...previous?.card,
        lexicon: {
          corpus: files.map((f) => f.split('/').pop()),
          ...(Object.keys(weights).length > 0 ? { weights } : {}),
          general: generalPath.split('/').pop(),
          ...built.stats,
          ...(trigrams ? { triples: trigrams.size } : {}),
          seconds: Math.round((Date.now() - t0) / 1000),
        },
      },
    },
    lexicon: built.lexicon,
    bigrams: built.bigrams,
    trigrams,
  });
  console.log(JSON.stringify(built.stats));
}

/** `FILE=N` arguments: each FILE must be one of the corpus files, each N a positive number. */
export function parseWeights(args: readonly string[], files: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of args) {
    const m = /^(.+)=([0-9.]+)$/.exec(a);
    const n = m ? Number(m[2]) : NaN;
    if (!m || !(n > 0)) throw new UsageError(`--weight expects FILE=N with N a positive number, got '${a}'`);
    if (!files.includes(m[1])) throw new UsageError(`--weight: '${m[1]}' is not a corpus file (${files.join(', ')})`);
    out[m[1]] = n;
  }
  return out;
}
