import { readFileSync } from 'node:fs';
import { loadCorrector } from '../src/index.js';
const c = await loadCorrector({ params: JSON.parse(process.argv[2]) });
const [r] = await c.clean([readFileSync(process.argv[3], 'utf8')]);
process.stdout.write(r.text);
for (const e of r.edits) console.log(JSON.stringify(e));
