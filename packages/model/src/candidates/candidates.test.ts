import { describe, expect, it } from 'vitest';
import { DeleteIndex } from './delete-index.js';
import { osaDistance } from './edit-distance.js';
import { Channel, TYPING_COSTS } from './channel.js';

describe('osaDistance', () => {
  it('counts edits and transpositions, giving up past max', () => {
    expect(osaDistance('kitten', 'sitting', 5)).toBe(3);
    expect(osaDistance('teh', 'the', 2)).toBe(1);
    expect(osaDistance('abcdef', 'uvwxyz', 2)).toBe(3);
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
});

describe('Channel', () => {
  const ch = new Channel();
  it('makes OCR confusions cheaper than arbitrary edits', () => {
    expect(ch.cost('rnust', 'must')).toBeLessThan(ch.cost('xust', 'must'));
    expect(ch.cost('tbe', 'the')).toBeLessThan(ch.cost('tqe', 'the'));
    expect(ch.cost('c4t', 'cat')).toBeLessThan(1);
    expect(ch.cost('the', 'the')).toBe(0);
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
