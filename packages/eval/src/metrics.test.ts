import { describe, expect, it } from 'vitest';
import { countPair, fBeta, scoreSet } from './metrics.js';
import { levenshtein } from './levenshtein.js';
import { alignWords, TokenIds } from './word-alignment.js';

describe('CER / WER', () => {
  it('micro-averages total edits over total reference length', () => {
    // 1 char edit over 7 ref chars, 0 over 3 -> 1/10 (a macro average would give 1/14)
    const m = scoreSet(['Tbe cat', 'dog'], ['The cat', 'dog'], ['Tbe cat', 'dog']);
    expect(m.cerBefore).toBeCloseTo(0.1);
    expect(m.cerAfter).toBeCloseTo(0.1);
    expect(m.cerReduction).toBe(0);
    expect(m.werBefore).toBeCloseTo(1 / 3);
  });

  it('reports the relative CER reduction, negative when worse', () => {
    const better = scoreSet(['Tbe c4t'], ['The cat'], ['The c4t']);
    expect(better.cerBefore).toBeCloseTo(2 / 7);
    expect(better.cerAfter).toBeCloseTo(1 / 7);
    expect(better.cerReduction).toBeCloseTo(0.5);
    const worse = scoreSet(['The cat'], ['The cat'], ['Tho cat']);
    expect(worse.cerBefore).toBe(0);
    expect(worse.cerReduction).toBeNull();
    const worse2 = scoreSet(['Tbe cat'], ['The cat'], ['Tbo cot']);
    expect(worse2.cerReduction).toBeCloseTo(-2);
  });

  it('counts word edits for WER', () => {
    const c = countPair('the cat sat on teh mat', 'the cat sat on the mat', 'the cat sat on the mat');
    expect(c.wordEditsBefore).toBe(1);
    expect(c.wordEditsAfter).toBe(0);
    expect(c.refWords).toBe(6);
  });
});

describe('fix rate, broken rate', () => {
  it('follows words that were wrong and words that were right', () => {
    // wrong before: Tbe, c4t (2); right before: sat, on, the (3)
    const c = countPair('Tbe c4t sat on the mat', 'The cat sat on the mat', 'The c4t sat in the mat');
    expect(c.wrongBefore).toBe(2);
    expect(c.fixed).toBe(1); // Tbe -> The
    expect(c.rightBefore).toBe(4);
    expect(c.broken).toBe(1); // on -> in
    const m = scoreSet(['Tbe c4t sat on the mat'], ['The cat sat on the mat'], ['The c4t sat in the mat']);
    expect(m.fixRate).toBeCloseTo(0.5);
    expect(m.brokenRate).toBeCloseTo(0.25);
  });
});

describe('precision / recall / F0.5 of word edits', () => {
  it('scores edits: right, wrong, and harmful', () => {
    // edits: Tbe->The (right), c4t->cut (wrong), on->in (harmful). needed: Tbe, c4t.
    const m = scoreSet(['Tbe c4t sat on the mat'], ['The cat sat on the mat'], ['The cut sat in the mat']);
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 2);
    expect(m.f05).toBeCloseTo(fBeta(1 / 3, 1 / 2, 0.5) as number);
    expect(m.f05).toBeCloseTo((1.25 * (1 / 3) * 0.5) / (0.25 * (1 / 3) + 0.5));
    expect(m.changedRate).toBeCloseTo(3 / 6);
  });

  it('gives no precision and zero F0.5 to a corrector that changes nothing on noisy text', () => {
    const m = scoreSet(['Tbe cat'], ['The cat'], ['Tbe cat']);
    expect(m.precision).toBeNull();
    expect(m.recall).toBe(0);
    expect(m.f05).toBe(0);
  });

  it('on clean text: any change is a broken word', () => {
    const m = scoreSet(['a clean line here'], ['a clean line here'], ['a clear line here']);
    expect(m.brokenRate).toBeCloseTo(0.25);
    expect(m.changedRate).toBeCloseTo(0.25);
    expect(m.fixRate).toBeNull();
    expect(m.precision).toBe(0);
  });

  it('exact match counts whole items', () => {
    expect(scoreSet(['a', 'b'], ['a', 'c'], ['a', 'b']).exactMatch).toBe(0.5);
  });
});

describe('word alignment with splits and merges', () => {
  it('a merge makes both reference words wrong and leaves neighbours right', () => {
    const a = alignWords(['I', 'saw', 'thecat', 'run'], ['I', 'saw', 'the', 'cat', 'run']);
    expect(a.distance).toBe(2);
    expect(a.alignedToRef[0]).toBe('I');
    expect(a.alignedToRef[1]).toBe('saw');
    expect(a.alignedToRef[4]).toBe('run');
    expect(a.alignedToRef.slice(2, 4)).toContain('thecat');
    expect(a.alignedToRef.slice(2, 4)).toContain(null);
  });

  it('a split makes the word wrong and leaves neighbours right', () => {
    const a = alignWords(['I', 'saw', 'the', 'ca', 't', 'run'], ['I', 'saw', 'the', 'cat', 'run']);
    expect(a.distance).toBe(2);
    expect(a.inserted).toBe(1);
    expect(a.alignedToRef).toEqual(['I', 'saw', 'the', expect.stringMatching(/^(ca|t)$/), 'run']);
  });

  it('fixing a merge counts two fixed words, leaving it counts none', () => {
    const fixedIt = countPair('I saw thecat run', 'I saw the cat run', 'I saw the cat run');
    expect(fixedIt).toMatchObject({ wrongBefore: 2, fixed: 2, rightBefore: 3, broken: 0, changed: 2, changedRight: 2 });
    const leftIt = countPair('I saw thecat run', 'I saw the cat run', 'I saw thecat run');
    expect(leftIt).toMatchObject({ wrongBefore: 2, fixed: 0, changed: 0 });
  });

  it('fixing a split counts one fixed word', () => {
    const c = countPair('the ca t sat', 'the cat sat', 'the cat sat');
    expect(c).toMatchObject({ wrongBefore: 1, fixed: 1, rightBefore: 2, broken: 0 });
    expect(c.wordEditsBefore).toBe(2);
    expect(c.wordEditsAfter).toBe(0);
  });

  it('among equally short alignments, pairs the most similar words', () => {
    const a = alignWords(['a', 'qiuck', 'brown', 'fox'], ['a', 'quick', 'fox']);
    expect(a.distance).toBe(2);
    expect(a.alignedToRef).toEqual(['a', 'qiuck', 'fox']);
    const b = alignWords(['a', 'brown', 'qiuck', 'fox'], ['a', 'quick', 'fox']);
    expect(b.alignedToRef).toEqual(['a', 'qiuck', 'fox']);
  });

  it('keeps the word-edit count minimal on long garbled lines', () => {
    const ref = 'the trial of the prisoner was resumed on monday before the court'.split(' ');
    const hyp = 'tle trial oi tbe pris oner was rcsumed ou inonday bcfore thc court'.split(' ');
    const a = alignWords(hyp, ref);
    expect(a.distance).toBe(10); // 9 substitutions + 1 insertion, as plain Levenshtein
    expect(a.alignedToRef[1]).toBe('trial');
    expect(a.alignedToRef[4]).toMatch(/^(pris|oner)$/);
  });

  it('reports the plain word-level Levenshtein distance', () => {
    const vocab = ['a', 'b', 'ab', 'ba', 'abc', 'c'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]);
    for (let k = 0; k < 200; k++) {
      const hyp = pick(Math.floor(rnd() * 8));
      const ref = pick(Math.floor(rnd() * 8));
      const ids = new TokenIds();
      expect(alignWords(hyp, ref, ids).distance).toBe(levenshtein(ids.of(hyp), ids.of(ref)));
    }
  });

  it('an inserted garbage token does not shift the words after it', () => {
    const c = countPair('charges ig preferred against him', 'charges preferred against him', 'charges ig preferred against him');
    expect(c).toMatchObject({ wrongBefore: 0, rightBefore: 4, broken: 0 });
    expect(c.wordEditsBefore).toBe(1);
  });
});
