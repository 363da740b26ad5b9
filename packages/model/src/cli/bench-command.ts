import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createBaseline, defaultDataDir, renderMarkdown, runBench, type BatchCorrector, type BaselineName } from '@unsmudge/eval';
import { loadCorrector } from '../corrector.js';

/** The bench with unsmudge beside the baselines, in one run. */
export async function runBenchCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sets: { type: 'string', default: 'bln600,overproof,icdar_en,acl_arc,jfleg_spell,birkbeck,toefl_spell,wikipedia,aspell,clean_text' },
      split: { type: 'string', default: 'test' },
      sample: { type: 'string', default: '0' },
      seed: { type: 'string', default: '1' },
      correctors: { type: 'string', default: 'identity,hunspell,symspell,unsmudge' },
      checkpoint: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const dataDir = values.data ?? defaultDataDir();
  const correctors: Record<string, BatchCorrector> = {};
  for (const name of values.correctors!.split(',')) {
    if (name === 'unsmudge') {
      const c = await loadCorrector({ checkpointDir: values.checkpoint });
      console.error(`unsmudge: checkpoint ${c.info.checkpoint}, backend ${c.info.backend}, loaded in ${c.info.loadMs} ms`);
      correctors.unsmudge = async (texts) => (await c.clean(texts)).map((r) => r.text);
    } else {
      correctors[name] = await createBaseline(name as BaselineName);
    }
  }
  const result = await runBench({
    correctors,
    sets: values.sets!.split(','),
    split: values.split as 'dev' | 'test',
    sample: Number(values.sample),
    seed: Number(values.seed),
    dataDir,
    onProgress: (p) => {
      if (p.phase === 'scored') console.error(`${p.set} ${p.corrector}: ${p.seconds.toFixed(1)} s`);
    },
  });
  const md = renderMarkdown(result);
  console.log(md);
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(`${values.out}.md`, md);
    writeFileSync(`${values.out}.json`, JSON.stringify(result, null, 2) + '\n');
  }
}
