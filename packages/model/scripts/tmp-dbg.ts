import { loadResources } from '../src/index.js';
import { generateCandidates } from '../src/correct/candidates.js';
import { ChannelTrie } from '../src/candidates/channel-trie.js';
const { resources: res } = loadResources({});
const pairs = process.argv.slice(2).map((s) => s.split(':'));
for (const [n, r] of pairs) {
  const c = generateCandidates(res, n);
  const t = new ChannelTrie(res.indexWords, (w) => w.length >= 2 && !w.includes("'") && res.lexicon.corpusCount(w) >= 50);
  const s = t.search(n, res.channel, { minCount: 50, budget: 3, limit: 12, maxNodes: 60000 } as any);
  console.log(n, r, 'count', res.lexicon.corpusCount(r), 'cost', res.channel.cost(n, r).toFixed(2), 'idx', c.findIndex((o) => o.words.join(' ') === r), 'trie:', s.hits.map((h: any) => res.indexWords[h.id] + ':' + (h.cost ?? 0).toFixed?.(2)).join(','), JSON.stringify(Object.keys(s)));
}
