import * as ort from 'onnxruntime-node';
import { GraphBuilder } from '../../../scripts/model/onnx-graph.js';

const header = { opset: 14, irVersion: 8, producerName: 'test', producerVersion: '0', graphName: 'g' };

test('builds a model onnxruntime runs: initialisers, int and ints attributes, symbolic dims', async () => {
  const g = new GraphBuilder();
  const x = g.input('x', 'float32', ['n', 3]);
  const bias = g.floats('bias', [10, 20, 30], [3]);
  const sum = g.op('Add', [x, bias]);
  const transposed = g.op('Transpose', [sum], { attrs: { perm: [1, 0] } });
  const flat = g.op('Reshape', [transposed, g.int64s('shape', [-1])]);
  g.node('ReduceMax', [sum], { attrs: { axes: [1], keepdims: 0 }, outputs: ['row_max'] });
  g.node('Identity', [flat], { outputs: ['flat'] });
  g.output('flat', 'float32', ['m']);
  g.output('row_max', 'float32', ['n']);

  const session = await ort.InferenceSession.create(g.toBytes(header));
  const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]) });
  expect(Array.from(out.flat!.data as Float32Array)).toEqual([11, 14, 22, 25, 33, 36]);
  expect(Array.from(out.row_max!.data as Float32Array)).toEqual([33, 36]);
});

test('uint8 initialisers keep their bytes', async () => {
  const g = new GraphBuilder();
  const codes = g.uint8s('codes', [0, 128, 255], [3]);
  g.node('DequantizeLinear', [codes, g.floats('scale', [0.5]), g.uint8s('zero', [128])], { outputs: ['y'] });
  g.output('y', 'float32', [3]);
  const session = await ort.InferenceSession.create(g.toBytes(header));
  const out = await session.run({});
  expect(Array.from(out.y!.data as Float32Array)).toEqual([-64, 0, 63.5]);
});

test('rejects duplicate names and data that does not fit the shape', () => {
  const g = new GraphBuilder();
  g.floats('w', [1, 2], [2]);
  expect(() => g.floats('w', [3], [1])).toThrow(/Duplicate/);
  expect(() => g.floats('v', [1, 2, 3], [2, 2])).toThrow(/3 values for shape \[2, 2\]/);
});

test('serialisation is deterministic', () => {
  const build = (): Uint8Array => {
    const g = new GraphBuilder();
    g.node('Identity', [g.input('x', 'int64', ['n'])], { outputs: ['y'] });
    g.output('y', 'int64', ['n']);
    return g.toBytes(header);
  };
  expect(Buffer.from(build()).equals(Buffer.from(build()))).toBe(true);
});
