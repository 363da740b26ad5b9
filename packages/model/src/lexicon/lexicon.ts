/**
 * The word list the corrector trusts: lower-cased words with two counts, one from our training
 * corpus and one from a general frequency list. Probabilities mix both so that a word frequent
 * in either is trusted.
 */
export interface LexiconEntry {
  word: string;
  corpus: number;
  general: number;
  /** Written capitalised inside sentences (a name: February, America). */
  proper?: boolean;
}

export class Lexicon {
  private readonly index = new Map<string, number>();
  readonly words: string[] = [];
  private readonly corpus: Float64Array;
  private readonly general: Float64Array;
  private readonly properWords = new Set<string>();
  private readonly corpusTotal: number;
  private readonly generalTotal: number;

  constructor(entries: readonly LexiconEntry[]) {
    this.corpus = new Float64Array(entries.length);
    this.general = new Float64Array(entries.length);
    let ct = 0;
    let gt = 0;
    entries.forEach((e, i) => {
      this.index.set(e.word, i);
      this.words.push(e.word);
      this.corpus[i] = e.corpus;
      if (e.proper) this.properWords.add(e.word);
      this.general[i] = e.general;
      ct += e.corpus;
      gt += e.general;
    });
    this.corpusTotal = Math.max(ct, 1);
    this.generalTotal = Math.max(gt, 1);
  }

  get size(): number {
    return this.words.length;
  }

  /** Index of a lower-cased word, or -1. */
  id(word: string): number {
    return this.index.get(word) ?? -1;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  corpusCount(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? 0 : this.corpus[i];
  }

  /** True when the word is normally written capitalised (a name). */
  isProper(word: string): boolean {
    return this.properWords.has(word);
  }

  /** Unigram probability mixing corpus and general counts; 0 for unknown words. */
  prob(word: string): number {
    const i = this.index.get(word);
    if (i === undefined) return 0;
    return 0.5 * (this.corpus[i] / this.corpusTotal) + 0.5 * (this.general[i] / this.generalTotal);
  }

  /** Serialise as `word\tcorpus\tgeneral[\tP]` lines (P: proper), most probable first. */
  toTsv(): string {
    const order = this.words.map((_, i) => i);
    order.sort((a, b) => this.prob(this.words[b]) - this.prob(this.words[a]));
    return (
      order
        .map((i) => {
          const w = this.words[i];
          return `${w}\t${this.corpus[i]}\t${this.general[i]}${this.properWords.has(w) ? '\tP' : ''}`;
        })
        .join('\n') + '\n'
    );
  }

  static fromTsv(tsv: string): Lexicon {
    // read by scanning for the separators (splitting every line into an array took most of the load's parse)
    const entries: LexiconEntry[] = [];
    for (let at = 0; at < tsv.length; ) {
      let end = tsv.indexOf('\n', at);
      if (end < 0) end = tsv.length;
      if (end > at) {
        const t1 = tsv.indexOf('\t', at);
        const t2 = tsv.indexOf('\t', t1 + 1);
        if (t1 < 0 || t2 < 0 || t2 > end) throw new Error(`lexicon entry ${entries.length + 1} is not word<TAB>count<TAB>count: ${tsv.slice(at, end)}`);
        let t3 = tsv.indexOf('\t', t2 + 1);
        if (t3 < 0 || t3 > end) t3 = end;
        entries.push({
          word: tsv.slice(at, t1),
          corpus: Number(tsv.slice(t1 + 1, t2)),
          general: Number(tsv.slice(t2 + 1, t3)),
          proper: t3 < end && tsv.slice(t3 + 1, end) === 'P',
        });
      }
      at = end + 1;
    }
    return new Lexicon(entries);
  }
}
