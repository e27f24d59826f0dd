import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import { buildBertOnnx, type BertBuild } from '../../../scripts/model/bert-graph.js';

const { onnx } = onnxProto;

const small: BertBuild = {
  architecture: {
    hiddenSize: 16,
    numHiddenLayers: 2,
    numAttentionHeads: 4,
    intermediateSize: 32,
    maxPositionEmbeddings: 32,
    typeVocabSize: 2,
    layerNormEps: 1e-12,
  },
  vocabSize: 50,
  seed: 3,
  // Large layer weights so attention really mixes tokens (the fixture deliberately keeps them small).
  scales: { word: 1, position: 0.5, tokenType: 0.5, layer: 0.5 },
};

/** Decodes a generated model into its graph (protobufjs marks every field optional). */
function decodeGraph(bytes: Uint8Array): onnxProto.onnx.GraphProto {
  return onnx.ModelProto.decode(bytes).graph as onnxProto.onnx.GraphProto;
}

const ids = (values: number[][]): ort.Tensor =>
  new ort.Tensor('int64', BigInt64Array.from(values.flat(), BigInt), [values.length, values[0]!.length]);

async function hidden(
  session: ort.InferenceSession,
  inputIds: number[][],
  mask: number[][],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const zeros = inputIds.map((row) => row.map(() => 0));
  const out = await session.run({ input_ids: ids(inputIds), attention_mask: ids(mask), token_type_ids: ids(zeros) });
  const t = out.last_hidden_state!;
  return { data: t.data as Float32Array, dims: t.dims };
}

const maxDiff = (a: Float32Array, b: Float32Array, n: number): number => {
  let worst = 0;
  for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

test('declares the inputs and output transformers.js feeds and reads, at opset 14', () => {
  const model = onnx.ModelProto.decode(buildBertOnnx(small));
  const graph = decodeGraph(buildBertOnnx(small));
  expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', 14]]);
  expect(graph.input.map((i) => [i.name, i.type?.tensorType?.elemType])).toEqual([
    ['input_ids', onnx.TensorProto.DataType.INT64],
    ['attention_mask', onnx.TensorProto.DataType.INT64],
    ['token_type_ids', onnx.TensorProto.DataType.INT64],
  ]);
  expect(graph.output.map((o) => o.name)).toEqual(['last_hidden_state']);
});

test('stores every projection matrix as uint8 and multiplies it with MatMulInteger', () => {
  const graph = decodeGraph(buildBertOnnx(small));
  const initializers = new Map(graph.initializer.map((t) => [t.name, t]));
  const ops = graph.node.map((n) => n.opType);
  const { numHiddenLayers: layers } = small.architecture;
  // Q, K, V, attention output, intermediate and output dense per layer.
  expect(ops.filter((op) => op === 'MatMulInteger')).toHaveLength(6 * layers);
  expect(ops.filter((op) => op === 'DynamicQuantizeLinear')).toHaveLength(4 * layers);
  expect(ops.filter((op) => op === 'Softmax')).toHaveLength(layers);
  expect(ops).toContain('Erf');
  for (const node of graph.node.filter((n) => n.opType === 'MatMulInteger')) {
    expect(initializers.get(node.input?.[1] ?? '')?.dataType).toBe(onnx.TensorProto.DataType.UINT8);
  }
  // Float MatMuls only combine activations (attention scores and context), never weights.
  for (const node of graph.node.filter((n) => n.opType === 'MatMul')) {
    expect((node.input ?? []).some((name) => initializers.has(name))).toBe(false);
  }
  expect(initializers.get('embeddings.word_embeddings.weight_quantized')?.dataType).toBe(onnx.TensorProto.DataType.UINT8);
});

test('runs in onnxruntime with dynamic batch and sequence sizes', async () => {
  const session = await ort.InferenceSession.create(buildBertOnnx(small));
  const out = await hidden(
    session,
    [
      [2, 7, 9, 3],
      [2, 11, 3, 0],
    ],
    [
      [1, 1, 1, 1],
      [1, 1, 1, 0],
    ],
  );
  expect(out.dims).toEqual([2, 4, 16]);
  expect(Array.from(out.data).every(Number.isFinite)).toBe(true);
});

test('padding positions are masked out of attention', async () => {
  const session = await ort.InferenceSession.create(buildBertOnnx(small));
  const tokens = 3 * small.architecture.hiddenSize;
  const alone = await hidden(session, [[2, 7, 9, 3]], [[1, 1, 1, 1]]);
  const masked = await hidden(session, [[2, 7, 9, 3, 5, 5]], [[1, 1, 1, 1, 0, 0]]);
  const unmasked = await hidden(session, [[2, 7, 9, 3, 5, 5]], [[1, 1, 1, 1, 1, 1]]);
  const leak = maxDiff(alone.data, unmasked.data, tokens);
  // Activation quantisation ranges see the padded rows too, hence a small residual difference.
  expect(maxDiff(alone.data, masked.data, tokens)).toBeLessThan(leak / 5);
  expect(leak).toBeGreaterThan(0.1);
});

test('is deterministic and validates its shape', () => {
  expect(Buffer.from(buildBertOnnx(small)).equals(Buffer.from(buildBertOnnx(small)))).toBe(true);
  expect(() => buildBertOnnx({ ...small, architecture: { ...small.architecture, numAttentionHeads: 5 } })).toThrow(/not divisible/);
});
