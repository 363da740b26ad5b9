/**
 * Ceiling of word-for-word correction on the OCR dev splits: the CER reduction if every wrong word were replaced
 * by the right one, and if only those right words in our lexicon within two edits were.
 *   npx tsx packages/model/scripts/word-oracle.ts
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { alignWords, words, levenshtein as levenshteinCodePoints, codePoints, defaultDataDir } from '@unsmudge/eval';

const levenshtein = (a: string, b: string) => levenshteinCodePoints(codePoints(a), codePoints(b));
import { loadResources } from '../src/index.js';
import { osaDistance } from '../src/candidates/edit-distance.js';
const { resources } = loadResources({});
for (const set of ['ocr/bln600/dev.jsonl.gz', 'ocr/overproof/dev.jsonl.gz', 'ocr/icdar_en/segments/dev.jsonl.gz']) {
  const rows = gunzipSync(readFileSync(join(defaultDataDir(), set))).toString().split('\n').filter(Boolean).map(l => JSON.parse(l)).slice(0, 1500);
  let before = 0, A = 0, B = 0, C = 0, len = 0;
  for (const r of rows) {
    const hw = words(r.noisy), rw = words(r.clean);
    const al = alignWords(hw, rw);
    // replace, left to right, each noisy token aligned to a different reference word
    let hi = 0;
    const hypRepl = hw.slice(); const hypReplB = hw.slice(); const hypReplC = hw.slice();
    // find positions: alignedToRef gives hyp token string; locate sequentially
    for (let j = 0; j < rw.length; j++) {
      const t = al.alignedToRef[j]; if (t === null) continue;
      const k = hw.indexOf(t, hi); if (k < 0) continue; hi = k + 1;
      if (t === rw[j]) continue;
      hypRepl[k] = rw[j];
      const core = (s: string) => s.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
      const nc = core(t).toLowerCase(), rc = core(rw[j]).toLowerCase();
      const inLex = resources.lexicon.has(rc);
      if (inLex) hypReplB[k] = t.replace(core(t), core(rw[j]));
      if (inLex && osaDistance(nc, rc, 2) <= 2 && core(t) !== core(rw[j])) hypReplC[k] = t.replace(core(t), core(rw[j]));
    }
    const b = levenshtein(r.noisy, r.clean);
    before += b; len += r.clean.length;
    A += levenshtein(hypRepl.join(' '), r.clean); B += levenshtein(hypReplB.join(' '), r.clean); C += levenshtein(hypReplC.join(' '), r.clean);
  }
  const red = (x: number) => ((before - x) / before * 100).toFixed(1) + '%';
  console.log(set, 'CER', (before / len * 100).toFixed(2), 'oracle all-substitutions', red(A), 'core in lexicon', red(B), 'core in lexicon & OSA<=2', red(C));
}
