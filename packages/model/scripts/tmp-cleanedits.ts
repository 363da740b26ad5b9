import { loadSet, defaultDataDir, sample } from '@unsmudge/eval';
import { createCorrector, loadResources } from '../src/index.js';
const { resources } = loadResources({ params: JSON.parse(process.argv[2] ?? '{}') });
const corrector = createCorrector(resources, { checkpoint: 'x', backend: 'none', loadMs: 0 });
const set = process.argv[3] ?? 'clean_text';
const items = sample(await loadSet(set, 'dev', { dataDir: defaultDataDir() }), Number(process.argv[4] ?? 1500), 1);
const outs = await corrector.clean(items.map((i) => i.noisy));
outs.forEach((o, k) => { for (const e of o.edits) if (e.replacement === '' && e.original.length === 1) console.log(JSON.stringify(items[k].noisy.slice(Math.max(0, e.start - 30), e.end + 30)), JSON.stringify(e.original)); });
