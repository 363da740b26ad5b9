import { loadSet, defaultDataDir, sample } from '@unsmudge/eval';
import { createCorrector, loadResources } from '../src/index.js';
const configs = process.argv.slice(2).map((s) => JSON.parse(s));
const correctors = configs.map((params) => createCorrector(loadResources({ params }).resources, { checkpoint: 'x', backend: 'none', loadMs: 0 }));
const texts: string[] = [];
for (const set of ['bln600', 'overproof', 'icdar_en', 'acl_arc']) texts.push(...sample(await loadSet(set, 'test', { dataDir: defaultDataDir() }), 700, 7).map((i) => i.noisy));
for (let i = texts.length - 1; i > 0; i--) { const j = (i * 7919) % (i + 1); [texts[i], texts[j]] = [texts[j], texts[i]]; }
const warm = texts.splice(0, 64);
for (const c of correctors) await c.clean(warm);
const time = configs.map(() => 0); let chars = 0;
for (let k = 0; k < texts.length; k += 64) {
  const batch = texts.slice(k, k + 64); chars += batch.reduce((s, t) => s + t.length, 0);
  const order = (k / 64) % 2 === 0 ? correctors.map((_, i) => i) : correctors.map((_, i) => correctors.length - 1 - i);
  for (const i of order) { const t = performance.now(); await correctors[i].clean(batch); time[i] += performance.now() - t; }
}
configs.forEach((c, i) => console.log(JSON.stringify(c), Math.round(chars / (time[i] / 1000)), 'chars/s'));
