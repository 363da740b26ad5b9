import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<string> | undefined;

/**
 * Makes sure a TensorFlow.js backend runs: keeps one already chosen (e.g. by the corrector, or
 * tfjs-node), else wasm with its binaries read from the package's dist folder, else cpu.
 * Returns the backend name.
 */
export function ensureTfBackend(): Promise<string> {
  ready ??= (async () => {
    await tf.ready().catch(() => undefined);
    const current = tf.getBackend();
    if (current === 'tensorflow' || current === 'wasm') return current;
    try {
      const require = createRequire(import.meta.url);
      const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
      setWasmPaths(dist + path.sep);
      if (await tf.setBackend('wasm')) return 'wasm';
    } catch {
      // fall through to cpu
    }
    await tf.setBackend('cpu');
    return 'cpu';
  })();
  return ready;
}
