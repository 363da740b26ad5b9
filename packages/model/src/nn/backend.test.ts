import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, wasmDistDir } from './backend.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

describe('selectBackend', () => {
  it('finds the wasm binaries beside the package', () => {
    expect(existsSync(path.join(wasmDistDir(), 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });

  it('falls back from tfjs-node to wasm, reports what it tried, and is idempotent', async () => {
    const first = await selectBackend();
    expect(first.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(first.tried[0].name).toBe('tensorflow');
    expect(first.tried[0].error).toMatch(/tfjs-node/);
    expect(first.tried.at(-1)).toEqual({ name: 'wasm' });
    await tf.setBackend('cpu');
    const again = await selectBackend();
    expect(again).toBe(first);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('honours a preference', async () => {
    const cpu = await selectBackend('cpu');
    expect(cpu.name).toBe('cpu');
    expect(cpu.tried).toEqual([{ name: 'cpu' }]);
    const wasm = await selectBackend('wasm');
    expect(wasm.name).toBe('wasm');
  });
});
