// `pnpm start`: runs the API and the worker together on one machine, as two child processes.
// SIGINT/SIGTERM are forwarded to both (the worker drains its active job); when either child
// exits, the other is asked to stop too and this process exits with the first child's code.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STOP_TIMEOUT_MS = Number(process.env.START_ALL_STOP_TIMEOUT_MS ?? 60_000);

const apps = [
  { name: 'api', entry: 'apps/api/src/index.ts' },
  { name: 'worker', entry: 'apps/worker/src/index.ts' },
] as const;

interface Running {
  name: string;
  proc: ChildProcess;
  exited: boolean;
}

function prefixLines(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  if (!stream) return;
  let buf = '';
  stream.on('data', (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const l of lines) out.write(`[${name}] ${l}\n`);
  });
  stream.on('end', () => buf && out.write(`[${name}] ${buf}\n`));
}

// Run node directly with the tsx loader (not the tsx CLI, which would add a process in between
// and keep signals from reaching the app).
const running: Running[] = apps.map(({ name, entry }) => {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only this process, which forwards it once
    // (a second SIGINT would make the worker stop without draining).
    detached: true,
  });
  prefixLines(name, proc.stdout, process.stdout);
  prefixLines(name, proc.stderr, process.stderr);
  return { name, proc, exited: false };
});

let stopping = false;
let exitCode: number | undefined;

function stopAll(signal: NodeJS.Signals): void {
  for (const r of running) if (!r.exited) r.proc.kill(signal);
  if (!stopping) {
    stopping = true;
    setTimeout(() => {
      for (const r of running) {
        if (!r.exited) {
          process.stderr.write(`[start-all] ${r.name} did not stop within ${STOP_TIMEOUT_MS} ms; killing it\n`);
          r.proc.kill('SIGKILL');
        }
      }
    }, STOP_TIMEOUT_MS).unref();
  }
}

for (const r of running) {
  r.proc.on('error', (err) => {
    process.stderr.write(`[start-all] could not start ${r.name}: ${err.message}\n`);
    exitCode ??= 1;
    stopAll('SIGTERM');
  });
  r.proc.on('exit', (code, signal) => {
    r.exited = true;
    process.stderr.write(`[start-all] ${r.name} exited (${signal ?? `code ${code}`})\n`);
    exitCode ??= stopping ? (code ?? 0) : code === 0 ? 1 : (code ?? 1); // an app stopping on its own is a failure
    if (!stopping) stopAll('SIGTERM');
    if (running.every((x) => x.exited)) process.exit(exitCode);
  });
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) {
      // Second signal: the user is impatient; pass it on so the children exit without draining.
      for (const r of running) if (!r.exited) r.proc.kill(sig);
      return;
    }
    process.stderr.write(`[start-all] ${sig}: stopping api and worker\n`);
    stopAll(sig);
  });
}
