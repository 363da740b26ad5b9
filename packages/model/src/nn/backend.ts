import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './kernels.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendAttempt {
  name: BackendName;
  /** Why this backend could not be used (absent when it was chosen). */
  error?: string;
}

export interface BackendChoice {
  /** The backend now active in tf. */
  name: BackendName;
  /** Every backend tried, in order, with the reason it was skipped. */
  tried: BackendAttempt[];
}

const ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu'];

let current: Promise<BackendChoice> | undefined;
let currentPrefer: BackendName | undefined;

/** Folder holding the `.wasm` binaries of @tensorflow/tfjs-backend-wasm, with a trailing separator. */
export function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@tensorflow/tfjs-backend-wasm');
  return path.dirname(main) + path.sep;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function tryBackend(name: BackendName): Promise<void> {
  if (name === 'tensorflow') {
    // A variable specifier keeps TypeScript from requiring the (absent) package's types.
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    if (!(await tf.setBackend('tensorflow'))) throw new Error('tf.setBackend("tensorflow") returned false');
    return;
  }
  if (name === 'wasm') {
    setWasmPaths(wasmDistDir());
    if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
    registerWasmKernels();
    return;
  }
  if (!(await tf.setBackend('cpu'))) throw new Error('tf.setBackend("cpu") returned false');
}

async function choose(prefer?: BackendName): Promise<BackendChoice> {
  const order = prefer ? [prefer, ...ORDER.filter((n) => n !== prefer)] : ORDER;
  const tried: BackendAttempt[] = [];
  for (const name of order) {
    try {
      await tryBackend(name);
      await tf.ready();
      tried.push({ name });
      return { name, tried };
    } catch (err) {
      tried.push({ name, error: message(err) });
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${tried.map((t) => `${t.name}: ${t.error}`).join('; ')}`);
}

/**
 * Picks the fastest available backend: tfjs-node ("tensorflow") if installed, else wasm, else cpu.
 * `prefer` is tried first. Idempotent: later calls with the same preference reuse the first choice
 * (and make it the active backend again if something switched it). The caller reports the choice.
 */
export async function selectBackend(prefer?: BackendName): Promise<BackendChoice> {
  if (!current || prefer !== currentPrefer) {
    currentPrefer = prefer;
    current = choose(prefer);
    current.catch(() => {
      current = undefined;
    });
  }
  const choice = await current;
  if (tf.getBackend() !== choice.name) await tf.setBackend(choice.name);
  return choice;
}
