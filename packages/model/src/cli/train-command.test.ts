import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const main = join(root, 'packages/model/src/cli/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');
// a tiny model, so a step takes milliseconds; the corpus and the real dev words come from ../shared/data
const TINY = ['--d', '16', '--heads', '2', '--enc', '1', '--dec', '1', '--ffn', '32', '--batch', '8', '--no-progress'];

describe('unsmudge train (CLI contract)', () => {
  it('validates on synthetic and real dev words, keeps the best, and resumes where it stopped', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'unsmudge-train-')), 'run');
    const args = ['train', '--out', out, '--validate-every', '1', '--real-dev', 'bln600', ...TINY];
    const first = await run(tsx, [main, ...args, '--steps', '2'], { cwd: root });
    expect(first.stderr).toMatch(/step 2: val loss [\d.]+, greedy exact [\d.]+%; real dev loss [\d.]+/);
    const second = await run(tsx, [main, ...args, '--steps', '3'], { cwd: root });
    expect(second.stderr).toContain('resuming');
    const rows = readFileSync(join(out, 'metrics.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('step,seconds,pairs_per_second,lr,train_loss,val_loss,val_exact,real_loss,real_exact');
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['1', '2', '3']);
    for (const r of rows.slice(1)) expect(Number(r.split(',')[7])).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, 'train-state.json'), 'utf8')).step).toBe(3);
    const best = JSON.parse(readFileSync(join(out, 'best', 'model.json'), 'utf8'));
    expect(best.metrics.realLoss).toBeGreaterThan(0);
    expect(existsSync(join(out, 'checkpoint', 'optimizer.bin'))).toBe(true);
    expect(readFileSync(join(out, 'curve.svg'), 'utf8')).toContain('real dev loss');
  });

  it('refuses a clean share outside [0, 1) or an unknown dev set with a usage error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'unsmudge-train-')), 'run');
    await expect(run(tsx, [main, 'train', '--out', out, '--steps', '1', '--clean-share', '1', ...TINY], { cwd: root })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--clean-share'),
    });
    await expect(run(tsx, [main, 'train', '--out', out, '--steps', '1', '--real-dev', 'bln601', ...TINY], { cwd: root })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no set bln601'),
    });
  });
});
