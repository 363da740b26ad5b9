/**
 * Just enough protobuf writing to produce small ONNX models by hand (ModelProto, GraphProto,
 * NodeProto, TensorProto, ValueInfoProto), field numbers from onnx/onnx.proto.
 */

class Writer {
  private readonly parts: Buffer[] = [];

  private tag(field: number, wire: number): void {
    this.varint(BigInt((field << 3) | wire));
  }

  varint(v: bigint): void {
    let x = BigInt.asUintN(64, v);
    const bytes: number[] = [];
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x !== 0n) b |= 0x80;
      bytes.push(b);
    } while (x !== 0n);
    this.parts.push(Buffer.from(bytes));
  }

  int(field: number, v: number | bigint): this {
    this.tag(field, 0);
    this.varint(BigInt(v));
    return this;
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2);
    this.varint(BigInt(data.length));
    this.parts.push(Buffer.from(data));
    return this;
  }

  string(field: number, s: string): this {
    return this.bytes(field, Buffer.from(s, 'utf8'));
  }

  message(field: number, m: Writer): this {
    return this.bytes(field, m.finish());
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export const DataType = { FLOAT: 1, INT64: 7 } as const;

export interface TensorInit {
  name: string;
  dims: number[];
  dataType: number;
  /** Little-endian raw bytes. */
  raw: Uint8Array;
}

export function floatTensor(name: string, dims: number[], values: Float32Array): TensorInit {
  return { name, dims, dataType: DataType.FLOAT, raw: new Uint8Array(values.buffer, values.byteOffset, values.byteLength) };
}

export function int64Tensor(name: string, dims: number[], values: number[]): TensorInit {
  return { name, dims, dataType: DataType.INT64, raw: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) };
}

export interface NodeInit {
  opType: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  /** Integer attributes only (enough for Gather axis, Cast to, ReduceMean keepdims...). */
  intAttributes?: Record<string, number>;
}

export interface ValueInfoInit {
  name: string;
  elemType: number;
  /** Numbers are fixed sizes, strings are symbolic (e.g. "batch"). */
  shape: (number | string)[];
}

export interface ModelInit {
  nodes: NodeInit[];
  initializers: TensorInit[];
  inputs: ValueInfoInit[];
  outputs: ValueInfoInit[];
  opset: number;
  irVersion?: number;
  graphName?: string;
}

function tensorProto(t: TensorInit): Writer {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d); // dims
  w.int(2, t.dataType); // data_type
  w.string(8, t.name); // name
  w.bytes(9, t.raw); // raw_data
  return w;
}

function valueInfo(v: ValueInfoInit): Writer {
  const shape = new Writer();
  for (const d of v.shape) {
    const dim = new Writer();
    if (typeof d === 'number') dim.int(1, d); // dim_value
    else dim.string(2, d); // dim_param
    shape.message(1, dim);
  }
  const tensorType = new Writer().int(1, v.elemType).message(2, shape);
  const type = new Writer().message(1, tensorType); // TypeProto.tensor_type
  return new Writer().string(1, v.name).message(2, type);
}

function nodeProto(n: NodeInit, index: number): Writer {
  const w = new Writer();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.opType}_${index}`);
  w.string(4, n.opType);
  for (const [name, value] of Object.entries(n.intAttributes ?? {})) {
    // AttributeProto: name=1, i=3, type=20 (INT=2)
    w.message(5, new Writer().string(1, name).int(3, value).int(20, 2));
  }
  return w;
}

/** Serialises an ONNX ModelProto. */
export function encodeOnnxModel(m: ModelInit): Buffer {
  const graph = new Writer();
  m.nodes.forEach((n, i) => graph.message(1, nodeProto(n, i)));
  graph.string(2, m.graphName ?? 'graph');
  for (const t of m.initializers) graph.message(5, tensorProto(t));
  for (const v of m.inputs) graph.message(11, valueInfo(v));
  for (const v of m.outputs) graph.message(12, valueInfo(v));
  const model = new Writer();
  model.int(1, m.irVersion ?? 8); // ir_version
  model.string(2, 'unsmudge-test'); // producer_name
  model.message(7, graph); // graph
  model.message(8, new Writer().string(1, '').int(2, m.opset)); // opset_import
  return model.finish();
}
