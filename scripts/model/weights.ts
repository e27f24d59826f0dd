import { prngFor } from './prng.js';

/**
 * Deterministic weight initialisation and the uint8 quantisation used by the "quantized" model
 * files (the same asymmetric per-tensor scheme as onnxruntime's dynamic quantisation).
 */

// Bound once: a global lookup per call is very slow inside jest's vm sandbox.
const { max, min, round, sqrt } = Math;

/** Float32 values drawn uniformly with standard deviation `std` and mean zero. */
export function uniformWeights(seed: number, name: string, count: number, std: number): Float32Array {
  const next = prngFor(seed, name);
  // A uniform distribution on [-a, a] has standard deviation a / sqrt(3).
  const half = std * sqrt(3);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (next() * 2 - 1) * half;
  return out;
}

/** A float32 tensor filled with one value (LayerNorm gains, zero biases). */
export function filled(count: number, value: number): Float32Array {
  return new Float32Array(count).fill(value);
}

/** A tensor stored as uint8 codes: `real = (code - zeroPoint) * scale`. */
export interface QuantizedTensor {
  data: Uint8Array;
  scale: number;
  zeroPoint: number;
}

/**
 * Quantises to uint8 over the range [min(0, lo), max(0, hi)], so that zero is exactly
 * representable (as onnxruntime's `quantize_dynamic` does for weights).
 */
export function quantizeUint8(values: Float32Array): QuantizedTensor {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scale = Math.fround(hi > lo ? (hi - lo) / 255 : 1);
  const zeroPoint = min(255, max(0, round(-lo / scale)));
  const data = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    data[i] = min(255, max(0, round((values[i] as number) / scale) + zeroPoint));
  }
  return { data, scale, zeroPoint };
}

/** Inverse of {@link quantizeUint8} (for tests and sanity checks). */
export function dequantize(q: QuantizedTensor): Float32Array {
  const out = new Float32Array(q.data.length);
  for (let i = 0; i < q.data.length; i++) out[i] = ((q.data[i] as number) - q.zeroPoint) * q.scale;
  return out;
}
