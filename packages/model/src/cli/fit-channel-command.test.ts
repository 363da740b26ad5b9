import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResources } from '../corrector.js';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';
import { runFitChannel } from './fit-channel-command.js';
import { UsageError } from './usage-error.js';

const PROFILE = { format: 'unsmudge-noise-profile', version: 1, sources: ['ocr/x/dev.jsonl.gz'], sub: { k: { n: 1000, to: { p: 100, K: 30 } } } };

describe('unsmudge fit-channel', () => {
  it('keeps the confusion counts in the checkpoint, where the channel takes them up', async () => {
    const dir = await makeTinyCheckpoint();
    const profile = join(mkdtempSync(join(tmpdir(), 'unsmudge-profile-')), 'p.json');
    writeFileSync(profile, JSON.stringify(PROFILE));
    const before = loadResources({ checkpointDir: dir }).resources.channel.cost('p', 'k');
    await runFitChannel(['--profile', profile, '--out', dir]);
    const written = JSON.parse(readFileSync(join(dir, 'channel.json'), 'utf8'));
    expect(written).toMatchObject({ format: 'unsmudge-channel-counts', sources: ['ocr/x/dev.jsonl.gz'], sub: { k: { n: 1000, to: { p: 100 } } } });
    const fitted = { minCount: 20, costAtOnePercent: 0.45, slope: 0.1, minCost: 0.2, maxCost: 1 };
    const after = loadResources({ checkpointDir: dir, params: { fittedChannel: fitted } }).resources.channel;
    expect(after.cost('p', 'k')).toBeCloseTo(0.45 - 0.1 * Math.log(10));
    expect(before).toBeCloseTo(1);
    // the counts are there, but the parameters can leave them out
    expect(loadResources({ checkpointDir: dir, params: { fittedChannel: null } }).resources.channel.cost('p', 'k')).toBeCloseTo(1);
  });

  it('refuses a missing or malformed profile with a usage error', async () => {
    await expect(runFitChannel([])).rejects.toThrow(UsageError);
    await expect(runFitChannel(['--profile', '/nonexistent/p.json'])).rejects.toThrow(/no noise profile/);
    const bad = join(mkdtempSync(join(tmpdir(), 'unsmudge-profile-')), 'bad.json');
    writeFileSync(bad, '{"rates": {}}');
    await expect(runFitChannel(['--profile', bad, '--out', tmpdir()])).rejects.toThrow(/no `sub` table/);
  });
});
