import { describe, expect, it } from 'vitest';
import { DeleteIndex } from './delete-index.js';
import { osaDistance, OsaPattern } from './edit-distance.js';
import { Channel, TYPING_COSTS, textCosts } from './channel.js';

/** The OSA distance from the whole table, with no band and no early exit. */
function whole(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 || j === 0 ? i + j : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A seeded source of words over a small alphabet (so that repeats, swaps and near misses are common). */
function wordSource(seed: number, alphabet: string, lengths: number[]): () => string {
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const letter = () => alphabet[next() % alphabet.length];
  return () => Array.from({ length: lengths[next() % lengths.length] }, letter).join('');
}

describe('osaDistance', () => {
  it('counts edits and transpositions, giving up past max', () => {
    expect(osaDistance('kitten', 'sitting', 5)).toBe(3);
    expect(osaDistance('teh', 'the', 2)).toBe(1);
    expect(osaDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('agrees with the whole table on random strings (it computes a band only and reuses its rows)', () => {
    const word = wordSource(7, 'abcd', [1, 4, 7]);
    for (let t = 0; t < 3000; t++) {
      const [a, b] = [word(), word()];
      for (const max of [1, 2, 3]) expect(osaDistance(a, b, max)).toBe(Math.min(whole(a, b), max + 1));
    }
  });
});

describe('OsaPattern', () => {
  it('gives the distance osaDistance gives, for one pattern against many words', () => {
    const pattern = new OsaPattern();
    expect((pattern.set('kitten'), pattern.distance('sitting', 5))).toBe(3);
    expect((pattern.set('teh'), pattern.distance('the', 2))).toBe(1);
    expect((pattern.set('abcdef'), pattern.distance('uvwxyz', 2))).toBe(3);
    const word = wordSource(11, 'abc', [0, 1, 2, 3, 5, 8, 13]);
    for (let t = 0; t < 2000; t++) {
      const a = word();
      pattern.set(a);
      for (let k = 0; k < 5; k++) {
        const b = word();
        for (const max of [1, 2, 3]) expect(pattern.distance(b, max)).toBe(Math.min(whole(a, b), max + 1));
      }
    }
  });

  it('measures patterns longer than its 31 bits too, and forgets the previous pattern', () => {
    const pattern = new OsaPattern();
    const long = 'pneumonoultramicroscopicsilicovolcanoconiosis';
    pattern.set(long);
    expect(pattern.distance(long.replace('volcano', 'volacno'), 2)).toBe(1);
    pattern.set('cat');
    expect(pattern.distance('pneu', 9)).toBe(osaDistance('cat', 'pneu', 9));
    expect(pattern.distance('act', 2)).toBe(1);
  });
});

describe('DeleteIndex', () => {
  const words = ['the', 'committee', 'afternoon', 'must', 'some', 'then', 'other', 'against'];
  const idx = new DeleteIndex(words);
  it('finds every word within the distance, and only those', () => {
    const found = (q: string, d?: number) => idx.lookup(q, d).map((r) => words[r.id]).sort();
    expect(found('tbe', 1)).toEqual(['the']);
    expect(found('cornmittee')).toEqual(['committee']);
    expect(found('agaiust')).toEqual(['against']);
    expect(found('xyzzy')).toEqual([]);
    for (const w of words) for (const q of ['tbe', 'rnust', 'sorne', 'othcr']) {
      const d = osaDistance(q, w, 2);
      expect(found(q).includes(w)).toBe(d <= 2);
    }
  });

  it('agrees with a brute-force search over a larger seeded word list', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const letters = 'etaoinshrdlucmfwy';
    const many = [...new Set(Array.from({ length: 3000 }, () => Array.from({ length: 2 + rand(9) }, () => letters[rand(letters.length)]).join('')))];
    const big = new DeleteIndex(many);
    for (let k = 0; k < 200; k++) {
      const w = many[rand(many.length)];
      const at = rand(w.length);
      // one or two random edits of a known word (and sometimes none)
      let q = k % 3 === 0 ? w : w.slice(0, at) + letters[rand(letters.length)] + w.slice(at + 1);
      if (k % 5 === 0) q = q.slice(0, rand(q.length + 1)) + 'x' + q.slice(rand(q.length + 1));
      const expected = many.filter((c) => osaDistance(q, c, 2) <= 2).sort();
      expect(big.lookup(q).map((r) => many[r.id]).sort()).toEqual(expected);
    }
  });
});

describe('Channel', () => {
  const ch = new Channel();
  it('makes OCR confusions cheaper than arbitrary edits', () => {
    expect(ch.cost('rnust', 'must')).toBeLessThan(ch.cost('xust', 'must'));
    expect(ch.cost('tbe', 'the')).toBeLessThan(ch.cost('tqe', 'the'));
    expect(ch.cost('c4t', 'cat')).toBeLessThan(1);
    expect(ch.cost('the', 'the')).toBe(0);
  });

  it('reads the stems of a capital H, an n or a d and the strokes of a w as they come out of a scan (compared in lower case)', () => {
    expect(ch.cost('ile', 'he')).toBeCloseTo(0.4);
    expect(ch.cost('ilis', 'his')).toBeCloseTo(0.4);
    expect(ch.cost('ive', 'we')).toBeCloseTo(0.45);
    expect(ch.cost('aiid', 'and')).toBeCloseTo(0.45);
    expect(ch.cost('ailvice', 'advice')).toBeCloseTo(0.45);
    expect(ch.cost('ile', 'he')).toBeLessThan(ch.cost('ixe', 'he'));
  });

  it('prices characters beyond ASCII from the same confusions', () => {
    expect(ch.cost('ſome', 'some')).toBeCloseTo(0.2);
    expect(ch.cost('ﬁne', 'fine')).toBeCloseTo(0.1);
    expect(ch.cost('wörd', 'word')).toBeCloseTo(0.3);
    expect(ch.cost('wœrd', 'word')).toBe(1);
  });

  it('prices a keyboard neighbour in running text at the cost asked for', () => {
    expect(ch.cost('sho', 'who')).toBeCloseTo(0.7);
    const scans = new Channel(textCosts(0.85));
    expect(scans.cost('sho', 'who')).toBeCloseTo(0.85);
    // (the scanner's misreadings keep their price)
    expect(scans.cost('rnust', 'must')).toBeCloseTo(ch.cost('rnust', 'must'));
  });

  it('undoes one cheap misread letter of a word', () => {
    expect(ch.letterVariants('tbo', 0.45)).toContain('tho');
    expect(ch.letterVariants('tbo', 0.45)).not.toContain('tqo');
    expect(ch.letterVariants('tbo', 0.1)).toEqual([]);
  });
});

describe('typing channel', () => {
  const ocr = new Channel();
  const typing = new Channel(TYPING_COSTS);
  it('makes the slips of a writer cheap and gives scanner misreadings no discount', () => {
    // swapped letters, a dropped vowel, a sound-alike spelling
    for (const [noisy, clean] of [['recieve', 'receive'], ['considerd', 'considered'], ['fotograph', 'photograph']]) {
      expect(typing.cost(noisy, clean)).toBeLessThan(ocr.cost(noisy, clean));
    }
    expect(typing.cost('rnust', 'must')).toBeGreaterThan(ocr.cost('rnust', 'must'));
    // a vowel by ear beats a scanner's n/r confusion for a typed word: varity is variety more than vanity
    expect(typing.cost('varity', 'variety')).toBeLessThan(typing.cost('varity', 'vanity'));
  });
});
