/**
 * How much a string looks like an English word: a letter-trigram model over the lexicon's words (each word
 * counted once, so rare words shape it as much as frequent ones). `rheme`, `synset` and `modifiee` read like
 * words; `cohlmn` and `expllclt` do not. Used to tell an unknown term from an OCR misreading.
 */
export class WordShape {
  /** counts by symbol index: 0 = start marker, 1..26 = a..z, 27 = end marker */
  private readonly tri = new Int32Array(SYMBOLS ** 3);
  private readonly bi = new Int32Array(SYMBOLS ** 2);
  private readonly uni = new Int32Array(SYMBOLS);
  private total = 0;

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!/^[a-z]+$/.test(w)) continue;
      let a = START;
      let b = START;
      this.uni[START]++;
      this.bi[START * SYMBOLS + START]++;
      for (let i = 0; i <= w.length; i++) {
        const c = i < w.length ? w.charCodeAt(i) - 96 : END;
        this.tri[(a * SYMBOLS + b) * SYMBOLS + c]++;
        this.bi[b * SYMBOLS + c]++;
        this.uni[c]++;
        this.total++;
        a = b;
        b = c;
      }
    }
  }

  /** Mean log-probability per letter (end marker included) of a lower-case word; lower is less word-like. */
  score(word: string): number {
    let a = START;
    let b = START;
    let lp = 0;
    for (let i = 0; i <= word.length; i++) {
      let c = i < word.length ? word.charCodeAt(i) - 96 : END;
      if (c < 1 || c > 26) c = i < word.length ? UNSEEN : END;
      const pUni = ((c === UNSEEN ? 0 : this.uni[c]) + 1) / (this.total + SYMBOLS);
      const c1 = this.uni[b];
      const pBi = c1 > 0 && c !== UNSEEN ? this.bi[b * SYMBOLS + c] / c1 : 0;
      const c2 = this.bi[a * SYMBOLS + b];
      const pTri = c2 > 0 && c !== UNSEEN ? this.tri[(a * SYMBOLS + b) * SYMBOLS + c] / c2 : 0;
      lp += Math.log(0.6 * pTri + 0.3 * pBi + 0.1 * pUni);
      a = b;
      b = c === UNSEEN ? END : c;
    }
    return lp / (word.length + 1);
  }
}

const SYMBOLS = 28;
const START = 0;
const END = 27;
/** a character outside a–z: scored by the smoothing floor only */
const UNSEEN = -1;
