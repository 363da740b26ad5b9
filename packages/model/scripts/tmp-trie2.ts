import { loadResources } from '../src/index.js';
import { ChannelTrie } from '../src/candidates/channel-trie.js';
const { resources: res } = loadResources({});
let t = performance.now();
const trie = new ChannelTrie(res.indexWords, (w) => w.length >= 2 && !w.includes("'") && res.lexicon.corpusCount(w) >= 10 && res.lexicon.corpusCount(w) < 50);
console.log('build', (performance.now() - t).toFixed(0));
for (const b of [2.2]) {
  t = performance.now(); let nodes = 0;
  for (let r = 0; r < 5; r++) for (const w of ['lnleicepted', 'dofoiiccs', 'nssaultmc', 'rcsuiniitiou', 'detiamllug', 'atlbrdlng', 'niltfltory', 'uniijinil', 'tondoru', 'hurboum']) nodes += (trie.search(w, res.channel, { budget: b, limit: 12, maxNodes: 60000 } as any) as any).visited;
  console.log(b, 'ms/word', ((performance.now() - t) / 50).toFixed(2), 'nodes', nodes / 50);
}
