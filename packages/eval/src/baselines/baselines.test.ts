import { describe, expect, it } from 'vitest';
import { createBaseline } from './create-baseline.js';
import { createHunspellCorrector } from './hunspell.js';
import { createIdentityCorrector } from './identity.js';
import { createSymSpellCorrector } from './symspell.js';

describe('identity', () => {
  it('returns the texts unchanged', async () => {
    expect(await createIdentityCorrector()(['Tbe c4t', ''])).toEqual(['Tbe c4t', '']);
  });
});

describe('hunspell baseline', () => {
  const hunspell = createHunspellCorrector();

  it('keeps known words and takes the first suggestion for unknown ones, case kept', async () => {
    const [out] = await hunspell(['Practiclly agaiust the word "relevent", RELEVENT!']);
    expect(out).toBe('Practically against the word "relevant", RELEVANT!');
  });

  it('leaves numbers, URLs and e-mails alone', async () => {
    const text = 'Call 555-1234 or see https://exmple.org/pge or mail info@exmple.org in 1885.';
    expect(await hunspell([text])).toEqual([text]);
  });

  it('reports its work', () => {
    expect(hunspell.stats().suggestCalls).toBeGreaterThan(0);
  });
});

describe('symspell baseline', () => {
  it('corrects within edit distance 2, keeps case, punctuation and protected tokens', async () => {
    const symspell = await createSymSpellCorrector();
    const out = await symspell(['Tbe Relevent wrods, agaiust THE odds (see www.exmple.com, 42x).', "the govermnent's plan"]);
    expect(out[0]).toBe('The Relevant words, against THE odds (see www.exmple.com, 42x).');
    expect(out[1]).toBe("the government's plan");
    expect(symspell.stats().lookups).toBeGreaterThan(0);
  });

  it('is reachable by name', async () => {
    await expect(createBaseline('nope')).rejects.toThrow(/unknown baseline corrector "nope"/);
    expect(typeof (await createBaseline('identity'))).toBe('function');
  });
});
