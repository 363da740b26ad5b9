import { describe, expect, it } from 'vitest';
import { applyCase, casePattern, correctText, isProtectedToken, wordByWord, type WordFixer } from './word-by-word.js';

// A toy dictionary fixer: knows a few lower-case corrections.
const FIXES: Record<string, string> = { teh: 'the', recieve: 'receive', wrold: 'world', cambrige: 'Cambridge', dont: "don't" };
const toyFix: WordFixer = (w) => {
  const f = FIXES[w.toLowerCase()];
  return f === undefined ? w : applyCase(w, f);
};

describe('case patterns', () => {
  it('classifies words', () => {
    expect(casePattern('word')).toBe('lower');
    expect(casePattern('Word')).toBe('title');
    expect(casePattern('WORD')).toBe('upper');
    expect(casePattern('I')).toBe('title');
    expect(casePattern('wOrD')).toBe('other');
    expect(casePattern('élan')).toBe('lower');
    expect(casePattern('Élan')).toBe('title');
  });

  it('applies the original pattern to the replacement', () => {
    expect(applyCase('TEH', 'the')).toBe('THE');
    expect(applyCase('Teh', 'the')).toBe('The');
    expect(applyCase('teh', 'the')).toBe('the');
    expect(applyCase('cambrige', 'Cambridge')).toBe('Cambridge'); // proper noun keeps its capital
    expect(applyCase('Horsfal', 'SHortfall')).toBe('Shortfall');
    expect(applyCase('Mclaughlin', 'McLaughlin')).toBe('McLaughlin');
  });
});

describe('word-by-word correction', () => {
  it('preserves case', () => {
    expect(correctText('teh Teh TEH', toyFix)).toBe('the The THE');
  });

  it('preserves surrounding punctuation and whitespace exactly', () => {
    expect(correctText('("Teh" wrold!)  —\tteh...\n', toyFix)).toBe('("The" world!)  —\tthe...\n');
    expect(correctText('  leading and trailing  ', toyFix)).toBe('  leading and trailing  ');
  });

  it('fixes each part of hyphenated and slashed words', () => {
    expect(correctText('teh-wrold and/or teh/wrold', toyFix)).toBe('the-world and/or the/world');
  });

  it('leaves numbers, URLs, e-mails and code alone', () => {
    for (const t of ['teh2', '1885', 'https://teh.example/wrold', 'www.teh.com', 'teh@wrold.org', 'teh_wrold', 'tehWrold', '$teh']) {
      expect(isProtectedToken(t)).toBe(true);
      expect(correctText(`see ${t} now`, toyFix)).toBe(`see ${t} now`);
    }
    expect(isProtectedToken('teh')).toBe(false);
    expect(isProtectedToken("don't")).toBe(false);
  });

  it('leaves single letters and line-end fragments alone', () => {
    const seen: string[] = [];
    const spy: WordFixer = (w) => (seen.push(w), toyFix(w));
    expect(correctText('J. R. teh x teh- wrold-teh-', spy)).toBe('J. R. the x teh- world-teh-');
    expect(seen).toEqual(['teh', 'wrold']);
  });

  it('passes apostrophe words whole', () => {
    const seen: string[] = [];
    correctText("it's teh cat's", (w) => (seen.push(w), w));
    expect(seen).toEqual(["it's", 'teh', "cat's"]);
  });

  it('batches and memoises', async () => {
    let calls = 0;
    const correct = wordByWord((w) => (calls++, toyFix(w)));
    expect(await correct(['teh cat', 'teh dog', ''])).toEqual(['the cat', 'the dog', '']);
    expect(calls).toBe(3); // teh, cat, dog
  });
});
