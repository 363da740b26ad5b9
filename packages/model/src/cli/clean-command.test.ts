import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const main = join(root, 'packages/model/src/cli/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');

let ckpt: string;
let file: string;
const INPUT = 'Tbe cornmittee rnet on Tuesday.\n\nThe engineer statcd that the foun-\ndations were sound.\nhttps://ex.org/rnet stays.\n';

beforeAll(async () => {
  ckpt = await makeTinyCheckpoint();
  const dir = mkdtempSync(join(tmpdir(), 'unsmudge-cli-'));
  file = join(dir, 'in.txt');
  writeFileSync(file, INPUT);
});

describe('unsmudge clean (CLI contract)', () => {
  it('writes the cleaned text, one output line per input line', async () => {
    const { stdout, stderr } = await run(tsx, [main, 'clean', '--checkpoint', ckpt, file], { cwd: root });
    expect(stdout.split('\n')).toHaveLength(INPUT.split('\n').length);
    expect(stdout).toBe('The committee met on Tuesday.\n\nThe engineer stated that the foundations\nwere sound.\nhttps://ex.org/rnet stays.\n');
    expect(stderr).toMatch(/backend/);
  });

  it('reads stdin and prints text and edits with --json', async () => {
    const child = run(tsx, [main, 'clean', '--json', '--quiet', '--checkpoint', ckpt], { cwd: root });
    child.child.stdin!.end('Tbe report.');
    const { stdout } = await child;
    const out = JSON.parse(stdout);
    expect(out.text).toBe('The report.');
    expect(out.edits).toEqual([{ start: 0, end: 3, original: 'Tbe', replacement: 'The', confidence: expect.any(Number) }]);
  });

  it('exits 2 with a message on bad arguments', async () => {
    await expect(run(tsx, [main, 'clean', '--threshold', '7', file], { cwd: root })).rejects.toMatchObject({ code: 2 });
    // an unknown option: the parser's message, no stack trace
    const unknown = run(tsx, [main, 'clean', '--params', '{}', file], { cwd: root });
    await expect(unknown).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^unsmudge: .*Unknown option '--params'/) });
    await expect(unknown).rejects.toMatchObject({ stderr: expect.not.stringMatching(/\n\s+at /) });
  });

  it('names a file it cannot read, without a stack trace', async () => {
    const missing = join(dirname(file), 'missing.txt');
    const child = run(tsx, [main, 'clean', '--checkpoint', ckpt, missing], { cwd: root });
    await expect(child).rejects.toMatchObject({ code: 1, stderr: `unsmudge: cannot read ${missing} (ENOENT)\n` });
  });
});
