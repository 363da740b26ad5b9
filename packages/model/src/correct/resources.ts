import type { LookAlikes } from '../candidates/confusion-sets.js';
import type { BigramModel } from '../lexicon/bigrams.js';
import type { TrigramModel } from '../lexicon/trigrams.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { DeleteIndex } from '../candidates/delete-index.js';
import type { Channel } from '../candidates/channel.js';
import type { RankParams } from './params.js';
import type { WordShape } from '../lexicon/word-shape.js';

/** One word to score with the neural model: its character context and the candidate spellings. */
export interface ScoreRequest {
  /** The noisy text around the word (a window of the input). */
  context: string;
  /** Offsets of the word inside `context`. */
  start: number;
  end: number;
  /** Candidate corrections (in the casing they would be written), the first being the word as it is. */
  candidates: string[];
}

/** Neural scorer: log p(candidate | noisy context) for each candidate. */
export interface CandidateScorer {
  score(requests: ScoreRequest[]): Promise<number[][]>;
}

/** Everything the corrector needs at run time; loaded from a checkpoint. */
export interface Resources {
  lexicon: Lexicon;
  bigrams: BigramModel;
  /** Word triples; absent in checkpoints made before them. */
  trigrams?: TrigramModel;
  index: DeleteIndex;
  /** Words of `index`, by id. */
  indexWords: readonly string[];
  channel: Channel;
  /** Error model of words typed by a person; used for a word given alone, where no context tells OCR from typing. */
  typingChannel: Channel;
  params: RankParams;
  /** Known words → the much more frequent OCR look-alikes they may stand for. */
  confusions: LookAlikes;
  /** How word-like a string is (letter trigrams of the lexicon). */
  shape: WordShape;
  scorer?: CandidateScorer;
}
