/** Facts that tie a benchmark report to what it measured: the checkpoint's bytes and the code's version. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Short content hash of a checkpoint folder (every file, recursively), to tell checkpoints apart. */
export function checkpointFingerprint(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 12);
}

/** The code the figures come from: git HEAD, and whether the packages measured had uncommitted changes. */
export function codeVersion(): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  try {
    const head = git(['rev-parse', '--short', 'HEAD']);
    const paths = ['packages/model/src', 'packages/model/checkpoints', 'packages/eval/src', 'packages/corruptors/src'];
    const dirty = git(['status', '--porcelain', '--', ...paths]).split('\n').filter(Boolean).length;
    return dirty
      ? `git HEAD \`${head}\` **plus uncommitted changes in ${dirty} file(s)** under ${paths.join(', ')} (the figures are of that working tree)`
      : `git HEAD \`${head}\`, no uncommitted changes under ${paths.join(', ')}`;
  } catch {
    return 'git version unknown';
  }
}
