import { loadResources } from '../src/index.js';
import { ChannelTrie } from '../src/candidates/channel-trie.js';
const { resources: res } = loadResources({});
for (const min of [50, 10]) {
  let t = performance.now();
  const trie = new ChannelTrie(res.indexWords, (w) => w.length >= 2 && !w.includes("'") && res.lexicon.corpusCount(w) >= min);
  const build = performance.now() - t;
  const words = ['lnleicepted', 'dofoiiccs', 'nssaultmc', 'rcsuiniitiou', 'detiamllug', 'atlbrdlng', 'niltfltory', 'uniijinil', 'tondoru', 'hurboum'];
  t = performance.now();
  let nodes = 0;
  for (let r = 0; r < 10; r++) for (const w of words) for (const b of [2.2, 3]) { const s = trie.search(w, res.channel, { budget: b, limit: 12, maxNodes: 60000 } as any); nodes += (s as any).visited; }
  console.log(min, 'build ms', build.toFixed(0), 'search ms/word', ((performance.now() - t) / 200).toFixed(2), 'nodes/search', (nodes / 200).toFixed(0));
}
for (const min of [50, 10]) {
  const trie = new ChannelTrie(res.indexWords, (w) => w.length >= 2 && !w.includes("'") && res.lexicon.corpusCount(w) >= min);
  for (const b of [2.2, 3]) {
    const t = performance.now(); let nodes = 0;
    for (const w of ['lnleicepted', 'dofoiiccs', 'nssaultmc', 'rcsuiniitiou', 'detiamllug', 'atlbrdlng', 'niltfltory', 'uniijinil', 'tondoru', 'hurboum']) nodes += (trie.search(w, res.channel, { budget: b, limit: 12, maxNodes: 60000 } as any) as any).visited;
    console.log(min, b, 'ms/word', ((performance.now() - t) / 10).toFixed(2), 'nodes', nodes / 10);
  }
}
