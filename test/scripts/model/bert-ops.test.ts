import * as ort from 'onnxruntime-node';
import { dynamicQuantize, gelu, layerNorm, quantizedLinear, sharedConstants } from '../../../scripts/model/bert-ops.js';
import { GraphBuilder } from '../../../scripts/model/onnx-graph.js';
import { uniformWeights } from '../../../scripts/model/weights.js';

/** Runs a one-input, one-output graph built by `body` on `x` ([rows, cols]). */
async function run(x: Float32Array, dims: number[], body: (g: GraphBuilder, input: string) => string): Promise<Float32Array> {
  const g = new GraphBuilder();
  const out = body(g, g.input('x', 'float32', dims));
  g.node('Identity', [out], { outputs: ['y'] });
  g.output('y', 'float32', ['rows', 'cols']);
  const session = await ort.InferenceSession.create(
    g.toBytes({ opset: 14, irVersion: 8, producerName: 't', producerVersion: '0', graphName: 't' }),
  );
  return (await session.run({ x: new ort.Tensor('float32', x, dims) })).y!.data as Float32Array;
}

test('layerNorm normalises each row over the last axis, then scales and shifts', async () => {
  const x = Float32Array.from([1, 2, 3, 4, -2, 0, 2, 8]);
  const y = await run(x, [2, 4], (g, input) =>
    layerNorm(g, input, {
      scope: '/ln',
      gamma: g.floats('gamma', [1, 2, 1, 1], [4]),
      beta: g.floats('beta', [0, 0, 0, 5], [4]),
      eps: g.floats('eps', [1e-12]),
    }),
  );
  for (let row = 0; row < 2; row++) {
    const v = Array.from(x.slice(row * 4, row * 4 + 4));
    const mean = v.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
    const expected = v.map((value, i) => ((value - mean) / sd) * [1, 2, 1, 1][i]! + [0, 0, 0, 5][i]!);
    expected.forEach((e, i) => expect(y[row * 4 + i]).toBeCloseTo(e, 4));
  }
});

test('quantizedLinear computes x·W + b through uint8 weights and activations', async () => {
  const [rows, inF, outF] = [3, 16, 5];
  const x = uniformWeights(1, 'x', rows * inF, 1);
  const weight = uniformWeights(1, 'w', inF * outF, 0.5);
  const bias = uniformWeights(1, 'b', outF, 0.5);
  const y = await run(x, [rows, inF], (g, input) =>
    quantizedLinear(g, dynamicQuantize(g, input, '/q'), { scope: '/q', name: 'dense', weight, bias, inFeatures: inF, outFeatures: outF }),
  );
  expect(y).toHaveLength(rows * outF);
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < outF; c++) {
      let expected = bias[c]!;
      for (let k = 0; k < inF; k++) expected += x[r * inF + k]! * weight[k * outF + c]!;
      worst = Math.max(worst, Math.abs(y[r * outF + c]! - expected));
    }
  }
  // Values are of order 1; quantising both operands to 8 bits costs a few hundredths at most.
  expect(worst).toBeLessThan(0.05);
});

test('gelu matches the exact erf form', async () => {
  const x = Float32Array.from([-3, -1, 0, 0.5, 1, 2]);
  const y = await run(x, [1, 6], (g, input) => gelu(g, input, sharedConstants(g), '/gelu'));
  const expected = [-0.0040497, -0.1586553, 0, 0.3457312, 0.8413447, 1.9544997];
  expected.forEach((e, i) => expect(y[i]).toBeCloseTo(e, 5));
});
