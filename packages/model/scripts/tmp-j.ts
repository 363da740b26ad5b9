import { loadCorrector } from '../src/index.js';
const c = await loadCorrector({});
for (const t of process.argv.slice(2)) { const [r] = await c.clean([t]); console.log(JSON.stringify(r)); }
