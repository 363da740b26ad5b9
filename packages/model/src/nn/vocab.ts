/** Character vocabulary: special ids first, then printable ASCII and common Latin-1 / typographic characters. */

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const UNK = 3;
/** Marks the start of the word under correction inside its context. */
export const WORD_START = 4;
/** Marks the end of the word under correction inside its context. */
export const WORD_END = 5;
export const NUM_SPECIAL = 6;

const SPECIAL_NAMES = ['<pad>', '<bos>', '<eos>', '<unk>', '<w>', '</w>'];

function defaultChars(): string[] {
  const chars: string[] = [];
  for (let c = 0x20; c <= 0x7e; c++) chars.push(String.fromCharCode(c));
  // Latin-1 supplement letters and common symbols (no control chars, no soft hyphen).
  for (let c = 0xa1; c <= 0xff; c++) if (c !== 0xad) chars.push(String.fromCharCode(c));
  // Latin Extended-A pieces seen in European text, ligatures OCR produces, typographic punctuation.
  chars.push(...'ŒœŠšŽžŸŁłĆćŃńŚśŹźŻżĄąĘęČčŘřĚěŇňŤťŮůĎďĞğİıŞşŐőŰűﬁﬂ');
  chars.push(...'‘’‚“”„–—‐‑…•′″€™†‡‰‹›\u00a0');
  return chars;
}

export interface VocabJson {
  /** Ordered characters for ids NUM_SPECIAL.. (specials are implied). */
  chars: string[];
}

export class Vocab {
  readonly chars: readonly string[];
  private readonly index: Map<string, number>;

  constructor(chars: readonly string[] = defaultChars()) {
    const seen = new Set<string>();
    for (const ch of chars) {
      if ([...ch].length !== 1) throw new Error(`vocab entry must be one character, got ${JSON.stringify(ch)}`);
      if (seen.has(ch)) throw new Error(`duplicate vocab character ${JSON.stringify(ch)}`);
      seen.add(ch);
    }
    this.chars = [...chars];
    this.index = new Map(this.chars.map((ch, i) => [ch, i + NUM_SPECIAL]));
  }

  get size(): number {
    return NUM_SPECIAL + this.chars.length;
  }

  /** Id of one character (a code point); UNK when unknown. */
  id(ch: string): number {
    return this.index.get(ch) ?? UNK;
  }

  /** Ids of a string, one per code point; no BOS/EOS. */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const ch of text) out.push(this.id(ch));
    return out;
  }

  /** Text of ids; special ids are dropped, except UNK which becomes `unk` (default U+FFFD). */
  decode(ids: ArrayLike<number>, unk = '\ufffd'): string {
    let s = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === UNK) s += unk;
      else if (id >= NUM_SPECIAL && id < this.size) s += this.chars[id - NUM_SPECIAL];
    }
    return s;
  }

  /** Readable name of any id (for debugging). */
  token(id: number): string {
    return id < NUM_SPECIAL ? SPECIAL_NAMES[id] : (this.chars[id - NUM_SPECIAL] ?? '<?>');
  }

  /**
   * Encoder input for one word in its context: `left <w> word </w> right`, truncated to `maxLen`
   * ids keeping the word and as much context as fits on both sides (balanced, nearest chars kept).
   * Padded with PAD to `maxLen` when `pad` is set. The word itself is cut if it alone exceeds the room.
   */
  encodeInContext(left: string, word: string, right: string, maxLen: number, pad = true): number[] {
    let w = this.encode(word);
    if (w.length > maxLen - 2) w = w.slice(0, Math.max(0, maxLen - 2));
    const room = maxLen - 2 - w.length;
    const l = this.encode(left);
    const r = this.encode(right);
    let nl = Math.min(l.length, Math.floor(room / 2));
    const nr = Math.min(r.length, room - nl);
    nl = Math.min(l.length, room - nr);
    const ids = [...l.slice(l.length - nl), WORD_START, ...w, WORD_END, ...r.slice(0, nr)];
    if (pad) while (ids.length < maxLen) ids.push(PAD);
    return ids;
  }

  /** Decoder target for a word: its ids followed by EOS, truncated so that the total fits in `maxLen`. */
  encodeTarget(word: string, maxLen: number): number[] {
    return [...this.encode(word).slice(0, maxLen - 1), EOS];
  }

  toJSON(): VocabJson {
    return { chars: [...this.chars] };
  }

  static fromJSON(json: VocabJson): Vocab {
    if (!json || !Array.isArray(json.chars)) throw new Error('vocab JSON must have a "chars" array');
    return new Vocab(json.chars);
  }
}
