import { describe, expect, it } from 'vitest';
import { buildLexicon } from './build.js';

describe('buildLexicon weights', () => {
  it('counts the words and pairs of a weighted paragraph that many times, as if it were repeated', async () => {
    const plain = ['the cat sat on the mat today', 'a dog ran home'];
    const older = 'the razor lay on the table';
    const repeated = await buildLexicon({ paragraphs: [...plain, older, older], minWordCount: 1 });
    const weighted = await buildLexicon({ paragraphs: [...plain, { text: older, weight: 2 }], minWordCount: 1 });
    for (const w of ['razor', 'the', 'cat', 'table']) expect(weighted.lexicon.corpusCount(w)).toBe(repeated.lexicon.corpusCount(w));
    expect(weighted.lexicon.corpusCount('razor')).toBe(2);
    expect(weighted.stats.tokens).toBe(repeated.stats.tokens);
    // a pair seen once in a paragraph of weight 2 reaches the default minimum pair count of 2; once alone it does not
    expect(weighted.bigrams.count('the', 'razor')).toBe(2);
    const once = await buildLexicon({ paragraphs: [...plain, older], minWordCount: 1 });
    expect(once.bigrams.count('the', 'razor')).toBe(0);
  });

  it('skips paragraphs of weight 0', async () => {
    const built = await buildLexicon({ paragraphs: ['the cat sat', { text: 'the razor lay', weight: 0 }], minWordCount: 1 });
    expect(built.lexicon.corpusCount('razor')).toBe(0);
  });
});
