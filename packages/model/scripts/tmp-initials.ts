import { alignWords, words, loadSet, defaultDataDir } from '@unsmudge/eval';
for (const set of ['bln600', 'overproof', 'icdar_en', 'acl_arc']) {
  const items = await loadSet(set, 'dev', { dataDir: defaultDataDir() });
  const st = new Map<string, number>();
  const inc = (k: string) => st.set(k, (st.get(k) ?? 0) + 1);
  const ex: string[] = [];
  for (const it of items) {
    const ref = words(it.clean);
    const nw = words(it.noisy);
    const al = alignWords(nw, ref).alignedToRef;
    ref.forEach((r, j) => {
      const n = al[j];
      if (n === null) return;
      const next = ref[j + 1] ?? '';
      const kind = /^[B-HJ-NP-Z]$/.test(n) ? 'initial' : /^(Mr|Mrs|Dr|St|Messrs|Jun|Sen|No|Co)$/.test(n) ? n : null;
      if (!kind) return;
      const nextCap = /^[A-Z]/.test(al[j + 1] ?? '') ? 'nextCap' : 'nextOther';
      const res = r === n + '.' ? 'dot' : r === n ? 'same' : 'other';
      inc(`${kind} ${nextCap} ${res}`);
      if (res === 'other' && ex.length < 8) ex.push(`${n} [${r}] ${al[j + 1]}`);
    });
  }
  console.log(set, [...st.entries()].sort().map(([k, v]) => `${k}=${v}`).join('  '));
  console.log('  ', ex.join(' | '));
}
