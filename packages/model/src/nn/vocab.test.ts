import { describe, expect, it } from 'vitest';
import { BOS, EOS, NUM_SPECIAL, PAD, UNK, Vocab, WORD_END, WORD_START } from './vocab.js';

describe('Vocab', () => {
  const v = new Vocab();

  it('has the special ids first and covers ASCII and typographic characters', () => {
    expect([PAD, BOS, EOS, UNK, WORD_START, WORD_END]).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v.id('a')).toBeGreaterThanOrEqual(NUM_SPECIAL);
    for (const ch of '£—’“”éÆœ€ﬁ…') expect(v.id(ch)).not.toBe(UNK);
  });

  it('round-trips text and maps unknown characters to UNK', () => {
    const text = 'Café “£12” — it’s fine!';
    expect(v.decode(v.encode(text))).toBe(text);
    const ids = v.encode('a中b');
    expect(ids[1]).toBe(UNK);
    expect(v.decode(ids, '?')).toBe('a?b');
  });

  it('puts the word in its context with markers, truncating context around it', () => {
    const ids = v.encodeInContext('the cat ', 'sat', ' on the mat', 12);
    expect(ids.length).toBe(12);
    const wStart = ids.indexOf(WORD_START);
    const wEnd = ids.indexOf(WORD_END);
    expect(v.decode(ids.slice(wStart + 1, wEnd))).toBe('sat');
    expect(v.decode(ids.slice(0, wStart))).toBe('at ');
    expect(v.decode(ids.slice(wEnd + 1))).toBe(' on ');
    const padded = v.encodeInContext('', 'ab', '', 8);
    expect(padded).toEqual([WORD_START, v.id('a'), v.id('b'), WORD_END, PAD, PAD, PAD, PAD]);
    expect(v.encodeInContext('', 'ab', '', 8, false)).toHaveLength(4);
  });

  it('builds decoder targets ending in EOS', () => {
    expect(v.encodeTarget('abc', 3)).toEqual([v.id('a'), v.id('b'), EOS]);
  });

  it('serialises to JSON and back', () => {
    const again = Vocab.fromJSON(JSON.parse(JSON.stringify(v.toJSON())));
    expect(again.size).toBe(v.size);
    expect(again.encode('héllo')).toEqual(v.encode('héllo'));
    expect(() => new Vocab(['a', 'a'])).toThrow(/duplicate/);
  });
});
