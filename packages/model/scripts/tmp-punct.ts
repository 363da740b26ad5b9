import { alignWords, words, loadSet, defaultDataDir } from '@unsmudge/eval';
const sets = process.argv.slice(2);
for (const set of sets) {
  const items = await loadSet(set, 'dev', { dataDir: defaultDataDir() });
  const lead = new Map<string, [number, number, number]>();
  const trail = new Map<string, [number, number, number]>();
  const add = (m: Map<string, [number, number, number]>, c: string, k: number) => { const v = m.get(c) ?? [0, 0, 0]; v[k]++; m.set(c, v); };
  for (const it of items) {
    const ref = words(it.clean);
    const al = alignWords(words(it.noisy), ref).alignedToRef;
    ref.forEach((r, j) => {
      const n = al[j];
      if (!n) return;
      let m = /^([^\p{L}\d])(\p{L})/u.exec(n);
      if (m) add(lead, m[1], r.startsWith(m[1]) ? 0 : /^\p{L}/u.test(r) ? 1 : 2);
      m = /(\p{L})([^\p{L}\d])$/u.exec(n);
      if (m) add(trail, m[2], r.endsWith(m[2]) ? 0 : /\p{L}$/u.test(r) ? 1 : 2);
    });
  }
  const fmt = (m: Map<string, [number, number, number]>) => [...m.entries()].filter(([, v]) => v[0] + v[1] + v[2] >= 3).sort((a, b) => b[1][1] - a[1][1]).map(([c, v]) => `${JSON.stringify(c)} keep${v[0]}/drop${v[1]}/oth${v[2]}`).join('  ');
  console.log(set, '\n LEAD', fmt(lead), '\n TRAIL', fmt(trail));
}
