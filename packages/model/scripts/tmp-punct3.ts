import { alignWords, words, loadSet, defaultDataDir, parseSelection } from '@unsmudge/eval';
import { createCorrector, loadResources } from '../src/index.js';
const { resources } = loadResources({});
const corrector = createCorrector(resources, { checkpoint: 'x', backend: 'none', loadMs: 0 });
for (const sel of process.argv.slice(2)) {
  const { spec, keep } = parseSelection(sel);
  const items = (await loadSet(spec.name, 'dev', { dataDir: defaultDataDir() })).filter(keep);
  const outs = await corrector.clean(items.map((i) => i.noisy));
  const lead = new Map<string, [number, number, number]>();
  const add = (c: string, k: number) => { const v = lead.get(c) ?? [0, 0, 0]; v[k]++; lead.set(c, v); };
  items.forEach((it, x) => {
    const ref = words(it.clean);
    const out = words(outs[x].text);
    const al = alignWords(out, ref).alignedToRef;
    const prevOk = true;
    ref.forEach((r, j) => {
      const n = al[j];
      if (!n) return;
      const m = /(\p{L})([^\p{L}\d.,;:!?"')\]])$/u.exec(n); if (m) m[1] = m[2];
      if (m) add(m[1], r.endsWith(m[1]) ? 0 : /\p{L}$/u.test(r) ? 1 : 2);
    });
  });
  console.log(sel, [...lead.entries()].filter(([, v]) => v[0] + v[1] + v[2] >= 2).sort((a, b) => b[1][1] - a[1][1]).map(([c, v]) => `${JSON.stringify(c)} keep${v[0]}/drop${v[1]}/oth${v[2]}`).join('  '));
}
