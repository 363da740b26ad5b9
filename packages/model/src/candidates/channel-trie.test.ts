import { describe, expect, it } from 'vitest';
import { Channel, DEFAULT_COSTS } from './channel.js';
import { ChannelTrie } from './channel-trie.js';

const WORDS = ['resumption', 'largely', 'regardless', 'effects', 'effect', 'the', 'assumption', 'harbour', 'aaa'];
const channel = new Channel();

describe('ChannelTrie', () => {
  it('finds a word garbled by many cheap misreadings, at the channel cost', () => {
    const trie = new ChannelTrie(WORDS);
    const { hits } = trie.search('rcsuiniitiou', channel, { budget: 3, limit: 5 });
    expect(hits.map((h) => WORDS[h.id])).toContain('resumption');
    const found = hits.find((h) => WORDS[h.id] === 'resumption')!;
    expect(found.cost).toBeCloseTo(channel.cost('rcsuiniitiou', 'resumption'));
    // cheapest first
    expect(hits.map((h) => h.cost)).toEqual([...hits.map((h) => h.cost)].sort((a, b) => a - b));
  });

  it('gives every hit the cost Channel.cost gives it, and nothing above the budget', () => {
    const trie = new ChannelTrie(WORDS);
    // (with figures and marks no word has, which every branch must pay for: `l1rg0ly`, `eff#cts`)
    for (const noisy of ['lirgolv', 'cftccta', 'rtgirdloss', 'tbe', 'harhour', 'l1rg0ly', 'eff#cts', 'rcsu1n11tiou', 'zzzqqq']) {
      const { hits } = trie.search(noisy, channel, { budget: 2.5, limit: 20 });
      for (const h of hits) {
        expect(h.cost).toBeLessThanOrEqual(2.5);
        expect(h.cost).toBeCloseTo(channel.cost(noisy, WORDS[h.id]));
      }
      // and every word within the budget is found
      const within = WORDS.filter((w) => channel.cost(noisy, w) <= 2.5 && !/(.)\1/.test(w));
      for (const w of within) expect(hits.map((h) => WORDS[h.id])).toContain(w);
    }
  });

  it('follows a two-letter confusion that jumps over a branch the noisy letters alone would close', () => {
    // `n` read for `fi`: `benenz` is `benefit` at 0.27 + one edit, although no word below `benef` has an `n` or a `z`
    const ligatures = new Channel({ ...DEFAULT_COSTS, directed: [['n', 'fi', 0.27]] });
    const trie = new ChannelTrie(['benefit', 'bench', 'zone']);
    const { hits } = trie.search('benenz', ligatures, { budget: 1.5, limit: 5 });
    expect(hits.map((h) => h.id)).toContain(0);
    expect(hits.find((h) => h.id === 0)!.cost).toBeCloseTo(ligatures.cost('benenz', 'benefit'));
    expect(ligatures.cost('benenz', 'benefit')).toBeCloseTo(1.27);
  });

  it('keeps only the words it is asked to, and stops at the node limit', () => {
    const trie = new ChannelTrie(WORDS, (w) => w !== 'largely');
    expect(trie.search('lirgolv', channel, { budget: 3, limit: 5 }).hits.map((h) => WORDS[h.id])).not.toContain('largely');
    const capped = trie.search('rcsuiniitiou', channel, { budget: 3, limit: 5, maxNodes: 3 });
    expect(capped.visited).toBe(3);
    expect(capped.hits).toEqual([]);
  });

  it('bounds branches by the costs of changing length that the noisy word itself allows, fitted confusions included', () => {
    // a scan that litters a word with specks read as `x`, each 0.1 when fitted: seven of them stay within budget 1
    const specky = new Channel({ ...DEFAULT_COSTS, directed: [['x', '', 0.1]] });
    const trie = new ChannelTrie(WORDS);
    const { hits } = trie.search('thexxxxxxx', specky, { budget: 1, limit: 5 });
    expect(hits.map((h) => WORDS[h.id])).toContain('the');
    expect(hits.find((h) => WORDS[h.id] === 'the')!.cost).toBeCloseTo(specky.cost('thexxxxxxx', 'the'));
    // without specks the same length gap is dear, and the search visits fewer nodes for it
    const plain = trie.search('theabcdefg', channel, { budget: 1, limit: 5 });
    expect(plain.hits).toEqual([]);
    expect(plain.visited).toBeLessThan(trie.search('thexxxxxxx', specky, { budget: 1, limit: 5 }).visited);
  });

  it('finds every word within the budget that Channel.cost finds, swaps and letter groups across branches included', () => {
    // words and garblings (swapped neighbours, `rn` for `m`, `m` for `rn`, `n` for `ri`, dropped and extra letters)
    // chosen so that the cheapest way often jumps over a trie node; brute force over the whole list is the reference
    const words = ['modern', 'modem', 'morning', 'mourning', 'warming', 'warning', 'burning', 'turning', 'hurried', 'married',
      'carried', 'barrier', 'terrier', 'frontier', 'fountain', 'mountain', 'maintain', 'remain', 'retain', 'certain', 'curtain',
      'contain', 'captain', 'britain', 'brain', 'grain', 'train', 'strain', 'striking', 'stirring', 'string', 'spring', 'sprint',
      'print', 'point', 'pointer', 'printer', 'painter', 'planter', 'plant', 'planet', 'plane', 'lane', 'line', 'lion', 'loin'];
    const noisy = ['mdoern', 'rnodem', 'moming', 'mouming', 'wamiing', 'wrnaing', 'bunring', 'tunring', 'hurreid', 'rnarired',
      'cairred', 'barirer', 'tenier', 'forntier', 'fonutain', 'rnountian', 'mainatin', 'rernain', 'retian', 'cretain', 'crutain',
      'cnotain', 'cpatain', 'bntain', 'barin', 'garin', 'tarin', 'sartin', 'stirkng', 'sitrring', 'sirtng', 'sprnig', 'spirnt',
      'pirnt', 'poitn', 'ponter', 'pirnter', 'paniter', 'plnater', 'palnt', 'palnet', 'palne', 'lnae', 'lien', 'loin', 'lion'];
    const trie = new ChannelTrie(words);
    for (const q of noisy) {
      const { hits } = trie.search(q, channel, { budget: 2.2, limit: 1000 });
      const found = new Set(hits.map((h) => words[h.id]));
      // (a letter dropped beside its double is charged in full by the trie: such words are left out of the reference)
      const within = words.filter((w) => channel.cost(q, w) <= 2.2 && !/(.)\1/.test(w));
      expect([...found].sort(), q).toEqual(expect.arrayContaining(within));
    }
  });
});
