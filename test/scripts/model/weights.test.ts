import { dequantize, quantizeUint8, uniformWeights } from '../../../scripts/model/weights.js';

function std(values: Float32Array): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

test('uniform weights are deterministic, zero-mean and have the requested spread', () => {
  const w = uniformWeights(1, 'layer.weight', 10000, 0.5);
  expect(w).toEqual(uniformWeights(1, 'layer.weight', 10000, 0.5));
  expect(w).not.toEqual(uniformWeights(1, 'other.weight', 10000, 0.5));
  expect(std(w)).toBeCloseTo(0.5, 1);
  expect(Math.max(...w)).toBeLessThanOrEqual(0.5 * Math.sqrt(3));
});

test('uint8 quantisation round-trips within half a step and keeps zero exact', () => {
  const values = Float32Array.from([-1.5, -0.2, 0, 0.01, 0.7, 2.25]);
  const q = quantizeUint8(values);
  expect(q.scale).toBeCloseTo(3.75 / 255, 6);
  const back = dequantize(q);
  values.forEach((v, i) => expect(Math.abs((back[i] as number) - v)).toBeLessThanOrEqual(q.scale / 2 + 1e-7));
  expect(back[2]).toBe(0);
  expect(Math.min(...q.data)).toBe(0);
  expect(Math.max(...q.data)).toBe(255);
});

test('all-positive tensors still include zero in the quantised range', () => {
  const q = quantizeUint8(Float32Array.from([1, 2, 3]));
  expect(q.zeroPoint).toBe(0);
  expect(dequantize(q)[2]).toBeCloseTo(3, 5);
});
