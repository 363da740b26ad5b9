import { loadSet, defaultDataDir, sample } from '@unsmudge/eval';
import { loadCorrector } from '../src/index.js';
const c = await loadCorrector({});
const items = sample(await loadSet('overproof', 'dev', { dataDir: defaultDataDir() }), 1500, 1);
for (const w of process.argv.slice(2)) {
  const it = items.find((i) => i.noisy.split(/\s+/).includes(w) || i.noisy.includes(' ' + w + ' '));
  if (!it) { console.log(w, 'not found'); continue; }
  const [r] = await c.clean([it.noisy]);
  console.log(JSON.stringify(it.noisy), '\n  ->', JSON.stringify(r.text), '\n  ref', JSON.stringify(it.clean));
}
