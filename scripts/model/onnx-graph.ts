import { endianness } from 'node:os';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * A minimal ONNX graph builder on top of the `onnx-proto` message classes: named inputs,
 * initialisers and nodes in insertion order, serialised to the bytes of a `.onnx` file.
 * Insertion order is kept everywhere so the same build always yields the same bytes.
 */

/** Element types the generated models use. */
export type ElemType = 'float32' | 'uint8' | 'int32' | 'int64';

const DATA_TYPE: Record<ElemType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  uint8: onnx.TensorProto.DataType.UINT8,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
};

/** Integer (`INT`) or integer-list (`INTS`) node attributes: all the ops used here need. */
export type Attributes = Record<string, number | number[]>;

/** A dimension is fixed (number) or symbolic (name such as `batch_size`). */
export type Dim = number | string;

type TensorData = Float32Array | Uint8Array | Int32Array | BigInt64Array;

/** ONNX raw_data is little-endian whatever the host; swap bytes on a big-endian host. */
function littleEndianBytes(data: TensorData): Uint8Array {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data.BYTES_PER_ELEMENT === 1 || endianness() === 'LE') return bytes;
  const swapped = new Uint8Array(bytes.length);
  const width = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += width) {
    for (let j = 0; j < width; j++) swapped[i + j] = bytes[i + width - 1 - j] as number;
  }
  return swapped;
}

function valueInfo(name: string, type: ElemType, dims: Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: DATA_TYPE[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** Options written into the model header. */
export interface ModelHeader {
  opset: number;
  irVersion: number;
  producerName: string;
  producerVersion: string;
  graphName: string;
}

/** Collects a graph and encodes it as an ONNX `ModelProto`. */
export class GraphBuilder {
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly names = new Set<string>();
  private counter = 0;

  /** Declares a graph input. */
  input(name: string, type: ElemType, dims: Dim[]): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Declares an existing value as a graph output. */
  output(name: string, type: ElemType, dims: Dim[]): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** Adds a constant tensor (weights, shapes, scalars) and returns its name. */
  initializer(name: string, type: ElemType, dims: number[], data: TensorData): string {
    const count = dims.reduce((a, b) => a * b, 1);
    if (data.length !== count) throw new Error(`Initializer ${name}: ${data.length} values for shape [${dims.join(', ')}]`);
    this.claim(name);
    this.initializers.push({ name, dataType: DATA_TYPE[type], dims, rawData: littleEndianBytes(data) });
    return name;
  }

  /** A float32 constant; a single value without dims is a scalar. */
  floats(name: string, values: number[] | Float32Array, dims: number[] = []): string {
    return this.initializer(name, 'float32', dims, Float32Array.from(values));
  }

  /** An int64 constant (shapes, axes, indices). */
  int64s(name: string, values: number[], dims: number[] = [values.length]): string {
    return this.initializer(
      name,
      'int64',
      dims,
      BigInt64Array.from(values, (v) => BigInt(v)),
    );
  }

  /** A uint8 constant (quantised weights and zero points). */
  uint8s(name: string, values: Uint8Array | number[], dims: number[] = []): string {
    return this.initializer(name, 'uint8', dims, Uint8Array.from(values));
  }

  /**
   * Appends a node. `outputs` is a count of fresh names or explicit names; returns the output names.
   * `scope` prefixes the generated names the way exported models do (`/encoder/layer.0/...`).
   */
  node(opType: string, inputs: string[], options: { scope?: string; outputs?: number | string[]; attrs?: Attributes } = {}): string[] {
    const scope = options.scope ?? '';
    const nodeName = `${scope}/${opType}_${this.counter++}`;
    const wanted = options.outputs ?? 1;
    const outputs = typeof wanted === 'number' ? Array.from({ length: wanted }, (_, i) => `${nodeName}_output_${i}`) : wanted;
    for (const out of outputs) this.claim(out);
    const attribute = Object.entries(options.attrs ?? {}).map(([name, value]) =>
      Array.isArray(value)
        ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: value }
        : { name, type: onnx.AttributeProto.AttributeType.INT, i: value },
    );
    this.nodes.push({ name: nodeName, opType, input: inputs, output: outputs, attribute });
    return outputs;
  }

  /** Like {@link node} for single-output ops. */
  op(opType: string, inputs: string[], options: { scope?: string; name?: string; attrs?: Attributes } = {}): string {
    const outputs = options.name === undefined ? 1 : [options.name];
    return this.node(opType, inputs, { scope: options.scope, attrs: options.attrs, outputs })[0] as string;
  }

  /** Serialises the model. */
  toBytes(header: ModelHeader): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: header.irVersion,
      producerName: header.producerName,
      producerVersion: header.producerVersion,
      opsetImport: [{ domain: '', version: header.opset }],
      graph: {
        name: header.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private claim(name: string): void {
    if (this.names.has(name)) throw new Error(`Duplicate ONNX value name: ${name}`);
    this.names.add(name);
  }
}
