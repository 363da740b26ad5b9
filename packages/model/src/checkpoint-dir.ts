import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BigramModel } from './lexicon/bigrams.js';
import { TrigramModel } from './lexicon/trigrams.js';
import { Lexicon } from './lexicon/lexicon.js';
import { DEFAULT_PARAMS, type RankParams } from './correct/params.js';
import { CheckpointError } from './errors.js';
import { parseChannelCounts, type ChannelCounts } from './candidates/fitted-channel.js';

/** The checkpoint that ships in the repository. */
export const SHIPPED_CHECKPOINT = resolve(dirname(fileURLToPath(import.meta.url)), '../checkpoints/shipped');

export interface CheckpointConfig {
  name: string;
  format: 1;
  params: RankParams;
  /** Sub-folder with the neural scorer's weights, if any. */
  scorer?: string;
  /** Free-form facts about how it was made (data, steps, wall time, metrics). */
  card?: Record<string, unknown>;
}

export interface CheckpointFiles {
  config: CheckpointConfig;
  lexicon: Lexicon;
  bigrams: BigramModel;
  /** Word-triple counts (optional: without them the context model is a bigram model). */
  trigrams?: TrigramModel;
  /** OCR confusion counts fitted from real pairs (optional: without them the channel has hand-set costs only). */
  channelCounts?: ChannelCounts;
}

const FILES = { config: 'config.json', lexicon: 'lexicon.tsv.gz', bigrams: 'bigrams.bin.gz' };
const TRIGRAMS = 'trigrams.bin.gz';
/** Written by `unsmudge fit-channel`; kept when the counts are rebuilt. */
export const CHANNEL_COUNTS = 'channel.json';

export function readCheckpoint(dir: string): CheckpointFiles {
  for (const f of Object.values(FILES)) {
    if (!existsSync(join(dir, f))) {
      throw new CheckpointError(`checkpoint ${dir} lacks ${f} (set the checkpoint folder option to a folder made by \`unsmudge build-lexicon\` or \`unsmudge train\`)`);
    }
  }
  try {
    const config = JSON.parse(readFileSync(join(dir, FILES.config), 'utf8')) as CheckpointConfig;
    config.params = { ...DEFAULT_PARAMS, ...config.params };
    const lexicon = Lexicon.fromTsv(gunzipSync(readFileSync(join(dir, FILES.lexicon))).toString('utf8'));
    const bigrams = BigramModel.fromBuffer(gunzipSync(readFileSync(join(dir, FILES.bigrams))));
    const trigramFile = join(dir, TRIGRAMS);
    const trigrams = existsSync(trigramFile) ? TrigramModel.fromBuffer(gunzipSync(readFileSync(trigramFile))) : undefined;
    const channelFile = join(dir, CHANNEL_COUNTS);
    const channelCounts = existsSync(channelFile) ? parseChannelCounts(JSON.parse(readFileSync(channelFile, 'utf8'))) : undefined;
    return { config, lexicon, bigrams, trigrams, channelCounts };
  } catch (e) {
    throw new CheckpointError(`checkpoint ${dir} could not be read: ${(e as Error).message}`);
  }
}

export function writeCheckpoint(dir: string, files: CheckpointFiles): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILES.config), JSON.stringify(files.config, null, 2) + '\n');
  writeFileSync(join(dir, FILES.lexicon), gzipSync(files.lexicon.toTsv(), { level: 9 }));
  writeFileSync(join(dir, FILES.bigrams), gzipSync(files.bigrams.toBuffer(), { level: 9 }));
  if (files.trigrams) writeFileSync(join(dir, TRIGRAMS), gzipSync(files.trigrams.toBuffer(), { level: 9 }));
  // counts from an earlier build would no longer match the words
  else rmSync(join(dir, TRIGRAMS), { force: true });
}

/** Reads only config.json (e.g. to keep tuned params when rebuilding the counts). */
export function readConfig(dir: string): CheckpointConfig {
  return JSON.parse(readFileSync(join(dir, FILES.config), 'utf8')) as CheckpointConfig;
}

/** Updates only config.json (e.g. tuned params or the model card). */
export function writeConfig(dir: string, config: CheckpointConfig): void {
  writeFileSync(join(dir, FILES.config), JSON.stringify(config, null, 2) + '\n');
}
