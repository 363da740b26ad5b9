import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TransformerConfig } from './architecture.js';
import { fromHalf, toHalf } from './float16.js';
import type { OptimizerState } from './train-step.js';
import { Vocab, type VocabJson } from './vocab.js';

export const CHECKPOINT_FORMAT = 'unsmudge-char-transformer/1';

/** How weights are stored: exact float32, float16, or int8 with one float32 scale per row (first axis). */
export type Quantization = 'float32' | 'float16' | 'int8';

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'float16' | 'int8';
  /** Byte offset of the data in weights.bin. */
  offset: number;
  byteLength: number;
  /** int8 only: offset of the float32 per-row scales in weights.bin (one per shape[0] row). */
  scaleOffset?: number;
}

export interface ModelJson {
  format: string;
  config: TransformerConfig;
  vocab: VocabJson;
  quantization: Quantization;
  weights: WeightSpec[];
  metrics?: Record<string, number>;
  extra?: Record<string, unknown>;
}

export interface SaveInput {
  config: TransformerConfig;
  vocab: Vocab;
  /** Weights by name (tf tensors/variables or plain arrays with a shape). */
  weights: Map<string, tf.Tensor>;
  /** Written to optimizer.json + optimizer.bin when given; otherwise stale optimizer files are removed. */
  optimizerState?: OptimizerState;
  quantization?: Quantization;
  metrics?: Record<string, number>;
  extra?: Record<string, unknown>;
}

export interface LoadedCheckpoint {
  config: TransformerConfig;
  vocab: Vocab;
  /** Dequantised float32 tensors by name; the caller owns (and disposes) them. */
  weights: Map<string, tf.Tensor>;
  quantization: Quantization;
  optimizerState?: OptimizerState;
  metrics?: Record<string, number>;
  extra?: Record<string, unknown>;
}

interface OptimizerJson {
  format: string;
  step: number;
  slots: { name: string; shape: number[]; mOffset: number; vOffset: number; size: number }[];
}

class ByteWriter {
  private chunks: Buffer[] = [];
  length = 0;
  align(n = 4): void {
    const pad = (n - (this.length % n)) % n;
    if (pad) this.push(Buffer.alloc(pad));
  }
  push(buf: Buffer): number {
    const at = this.length;
    this.chunks.push(buf);
    this.length += buf.length;
    return at;
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function f32Bytes(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Writes via a temporary file then renames, so a crash never leaves a half-written file. */
async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
}

export function quantizeInt8(values: Float32Array, rows: number): { q: Int8Array; scales: Float32Array } {
  const cols = rows > 0 ? values.length / rows : 0;
  const q = new Int8Array(values.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(values[r * cols + c]));
    const s = max > 0 ? max / 127 : 1;
    scales[r] = s;
    for (let c = 0; c < cols; c++) q[r * cols + c] = Math.max(-127, Math.min(127, Math.round(values[r * cols + c] / s)));
  }
  return { q, scales };
}

/** Saves model.json + weights.bin (+ optimizer.json/.bin) into `dir` (created if needed). */
export async function saveWeights(dir: string, input: SaveInput): Promise<ModelJson> {
  const quantization = input.quantization ?? 'float32';
  await fs.mkdir(dir, { recursive: true });
  const bin = new ByteWriter();
  const specs: WeightSpec[] = [];
  for (const [name, t] of input.weights) {
    const values = (await t.data()) as Float32Array;
    const shape = [...t.shape];
    bin.align();
    // Small 1-D tensors (biases, norms) stay float32 under int8: they cost nothing and matter for accuracy.
    const dtype = quantization === 'int8' && shape.length < 2 ? 'float32' : quantization;
    if (dtype === 'float32') {
      const buf = f32Bytes(Float32Array.from(values));
      specs.push({ name, shape, dtype, offset: bin.push(buf), byteLength: buf.length });
    } else if (dtype === 'float16') {
      const h = new Uint16Array(values.length);
      for (let i = 0; i < values.length; i++) h[i] = toHalf(values[i]);
      const buf = Buffer.from(h.buffer);
      specs.push({ name, shape, dtype, offset: bin.push(buf), byteLength: buf.length });
    } else {
      const { q, scales } = quantizeInt8(values, shape[0]);
      const offset = bin.push(Buffer.from(q.buffer));
      bin.align();
      const scaleOffset = bin.push(f32Bytes(scales));
      specs.push({ name, shape, dtype, offset, byteLength: q.byteLength, scaleOffset });
    }
  }
  const json: ModelJson = {
    format: CHECKPOINT_FORMAT,
    config: input.config,
    vocab: input.vocab.toJSON(),
    quantization,
    weights: specs,
    ...(input.metrics ? { metrics: input.metrics } : {}),
    ...(input.extra ? { extra: input.extra } : {}),
  };
  // Weights first, JSON last: model.json only ever points at a complete weights.bin.
  await writeAtomic(path.join(dir, 'weights.bin'), bin.bytes());
  if (input.optimizerState) {
    await saveOptimizer(dir, input.optimizerState);
  } else {
    await fs.rm(path.join(dir, 'optimizer.json'), { force: true });
    await fs.rm(path.join(dir, 'optimizer.bin'), { force: true });
  }
  await writeAtomic(path.join(dir, 'model.json'), JSON.stringify(json, null, 1));
  return json;
}

async function saveOptimizer(dir: string, state: OptimizerState): Promise<void> {
  const bin = new ByteWriter();
  const slots: OptimizerJson['slots'] = state.slots.map((s) => {
    const mOffset = bin.push(f32Bytes(Float32Array.from(s.m)));
    const vOffset = bin.push(f32Bytes(Float32Array.from(s.v)));
    return { name: s.name, shape: s.shape, mOffset, vOffset, size: s.m.length };
  });
  await writeAtomic(path.join(dir, 'optimizer.bin'), bin.bytes());
  const json: OptimizerJson = { format: `${CHECKPOINT_FORMAT}/adam`, step: state.step, slots };
  await writeAtomic(path.join(dir, 'optimizer.json'), JSON.stringify(json));
}

function readF32(buf: Buffer, offset: number, count: number): Float32Array {
  const out = new Float32Array(count);
  Buffer.from(out.buffer).set(buf.subarray(offset, offset + count * 4));
  return out;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function readAllWeights(json: ModelJson, bin: Buffer, jsonPath: string, weights: Map<string, tf.Tensor>): void {
  for (const s of json.weights) {
    const size = s.shape.reduce((a, b) => a * b, 1);
    const end = s.offset + s.byteLength;
    if (end > bin.length) throw new Error(`${jsonPath}: weight ${s.name} lies outside weights.bin`);
    let values: Float32Array;
    if (s.dtype === 'float32') {
      values = readF32(bin, s.offset, size);
    } else if (s.dtype === 'float16') {
      values = new Float32Array(size);
      for (let i = 0; i < size; i++) values[i] = fromHalf(bin.readUInt16LE(s.offset + 2 * i));
    } else if (s.dtype === 'int8') {
      const rows = s.shape[0];
      const cols = size / rows;
      const scales = readF32(bin, s.scaleOffset ?? -1, rows);
      const q = new Int8Array(bin.buffer, bin.byteOffset + s.offset, size);
      values = new Float32Array(size);
      for (let r = 0; r < rows; r++) {
        const sc = scales[r];
        for (let c = 0; c < cols; c++) values[r * cols + c] = q[r * cols + c] * sc;
      }
    } else {
      throw new Error(`${jsonPath}: weight ${s.name} has unknown dtype ${String((s as WeightSpec).dtype)}`);
    }
    weights.set(s.name, tf.tensor(values, s.shape, 'float32'));
  }
}

/** Loads a checkpoint written by `saveWeights`. Throws a clear error on a missing or malformed one. */
export async function loadWeights(dir: string, opts: { optimizer?: boolean } = {}): Promise<LoadedCheckpoint> {
  const jsonPath = path.join(dir, 'model.json');
  let json: ModelJson;
  try {
    json = JSON.parse(await fs.readFile(jsonPath, 'utf8')) as ModelJson;
  } catch (err) {
    throw new Error(`cannot read checkpoint ${jsonPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (json.format !== CHECKPOINT_FORMAT) throw new Error(`${jsonPath}: unknown format ${JSON.stringify(json.format)}`);
  const vocab = Vocab.fromJSON(json.vocab);
  const bin = await fs.readFile(path.join(dir, 'weights.bin'));
  const weights = new Map<string, tf.Tensor>();
  try {
    readAllWeights(json, bin, jsonPath, weights);
  } catch (err) {
    tf.dispose([...weights.values()]);
    throw err;
  }
  const out: LoadedCheckpoint = {
    config: json.config,
    vocab,
    weights,
    quantization: json.quantization,
    metrics: json.metrics,
    extra: json.extra,
  };
  if (opts.optimizer !== false && (await exists(path.join(dir, 'optimizer.json')))) {
    const oj = JSON.parse(await fs.readFile(path.join(dir, 'optimizer.json'), 'utf8')) as OptimizerJson;
    const ob = await fs.readFile(path.join(dir, 'optimizer.bin'));
    out.optimizerState = {
      step: oj.step,
      slots: oj.slots.map((s) => ({ name: s.name, shape: s.shape, m: readF32(ob, s.mOffset, s.size), v: readF32(ob, s.vOffset, s.size) })),
    };
  }
  return out;
}
