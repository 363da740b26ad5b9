import * as tf from '@tensorflow/tfjs';

/**
 * Work-arounds for tfjs-backend-wasm 4.22 (see shared/notes/tfjs-wasm-on-node.md):
 * - `UnsortedSegmentSum` is missing, so the gradient of `tf.gather` fails: we register a JS kernel.
 * - matMul with transposeA/transposeB is ~12x slower: `mm` uses explicit transposes, also in its gradient.
 * - batched matMul is slow (~1.8 GFLOP/s), but splitting it per item was slower still at attention
 *   shapes (256 x 64x32 @ 32x64: 37 ms native vs 273 ms split), so `bmm` keeps the native kernel
 *   and only avoids the transpose flags.
 * - `_FusedMatMul` with batch > 1 and a bias is wrong: we never call tf.fused.matMul.
 */

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

function unsortedSegmentSumWasm(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as WasmBackendLike;
  const x = args.inputs.x!;
  const segmentIds = args.inputs.segmentIds!;
  const numSegments = Number((args.attrs as { numSegments: number }).numSegments);
  const idsSize = segmentIds.shape.reduce((a, b) => a * b, 1);
  const xSize = x.shape.reduce((a, b) => a * b, 1);
  const inner = idsSize === 0 ? 0 : xSize / idsSize;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = backend.makeOutput(outShape, x.dtype);
  const outVals = backend.typedArrayFromHeap(out);
  // makeOutput memory is not guaranteed zeroed.
  outVals.fill(0);
  const xVals = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  for (let i = 0; i < idsSize; i++) {
    const seg = ids[i];
    if (seg < 0 || seg >= numSegments) continue;
    const src = i * inner;
    const dst = seg * inner;
    for (let j = 0; j < inner; j++) outVals[dst + j] += xVals[src + j];
  }
  return out;
}

/** Registers the missing wasm kernels. Safe to call many times. */
export function registerWasmKernels(): void {
  if (!tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    tf.registerKernel({
      kernelName: 'UnsortedSegmentSum',
      backendName: 'wasm',
      kernelFunc: unsortedSegmentSumWasm as unknown as tf.KernelFunc,
    });
  }
}

/** Transpose of a 2-D tensor. */
function t2(x: tf.Tensor2D): tf.Tensor2D {
  return tf.transpose(x, [1, 0]);
}

/**
 * Plain 2-D matMul a[m,k] @ b[k,n] whose gradient uses explicit transposes + plain matMuls
 * (never the transposeA/transposeB paths, slow on wasm).
 */
type GradFn = Parameters<typeof tf.customGrad>[0];

export const mm = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  const a2 = a as tf.Tensor2D;
  const b2 = b as tf.Tensor2D;
  save([a2, b2]);
  return {
    value: tf.matMul(a2, b2),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor2D[];
      const d = dy as tf.Tensor2D;
      return [tf.matMul(d, t2(sb)), tf.matMul(t2(sa), d)];
    },
  };
}) as unknown as GradFn) as unknown as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** x[..., k] @ w[k, n] as one 2-D matMul (reshape, mm, reshape back). */
export function linear(x: tf.Tensor, w: tf.Tensor2D, bias?: tf.Tensor1D): tf.Tensor {
  const k = x.shape[x.rank - 1];
  const lead = x.shape.slice(0, -1);
  let y: tf.Tensor = mm(x.reshape([-1, k]) as tf.Tensor2D, w);
  if (bias) y = tf.add(y, bias);
  return y.reshape([...lead, w.shape[1]]);
}

function bmmSplit(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  const n = a.shape[0];
  if (n === 1) return tf.matMul(a.reshape([a.shape[1], a.shape[2]]), b.reshape([b.shape[1], b.shape[2]])).expandDims(0);
  const as = tf.unstack(a) as tf.Tensor2D[];
  const bs = tf.unstack(b) as tf.Tensor2D[];
  const outs = as.map((ai, i) => tf.matMul(ai, bs[i]));
  return tf.stack(outs) as tf.Tensor3D;
}

export type BmmMode = 'split' | 'native';
let bmmMode: BmmMode = 'native';

/** Chooses how `bmm` runs: tf's batched matMul ('native', default: fastest measured for attention shapes) or per-item plain matMuls ('split'). */
export function setBmmMode(mode: BmmMode): void {
  bmmMode = mode;
}

function bmmForward(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  return bmmMode === 'split' ? bmmSplit(a, b) : tf.matMul(a, b);
}

function t3(x: tf.Tensor3D): tf.Tensor3D {
  return tf.transpose(x, [0, 2, 1]);
}

/**
 * Batched matMul a[n,m,k] @ b[n,k,p] without transpose flags, forward and backward.
 */
export const bmm = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  const a3 = a as tf.Tensor3D;
  const b3 = b as tf.Tensor3D;
  save([a3, b3]);
  return {
    value: bmmForward(a3, b3),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor3D[];
      const d = dy as tf.Tensor3D;
      return [bmmForward(d, t3(sb)), bmmForward(t3(sa), d)];
    },
  };
}) as unknown as GradFn) as unknown as (a: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D;
