import { loadSet, defaultDataDir } from '@unsmudge/eval';
const [set, re] = process.argv.slice(2);
const items = await loadSet(set, 'dev', { dataDir: defaultDataDir() });
let k = 0;
for (const it of items) {
  const rx = new RegExp(re, 'gu');
  for (const m of it.noisy.matchAll(rx)) {
    if (k++ >= 25) break;
    const i = m.index!;
    console.log(JSON.stringify(it.noisy.slice(Math.max(0, i - 25), i + 20)), '||', JSON.stringify(it.clean.slice(Math.max(0, i - 30), i + 25)));
  }
}
