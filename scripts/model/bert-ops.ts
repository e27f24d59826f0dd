import type { GraphBuilder } from './onnx-graph.js';
import { quantizeUint8 } from './weights.js';

/**
 * Building blocks of a BERT encoder as plain ONNX ops (opset 14), in the shapes the PyTorch
 * exporter and onnxruntime's dynamic quantiser produce, so onnxruntime sees a familiar graph.
 */

/** Scalar constants shared by every block, created once per graph. */
export interface SharedConstants {
  one: string;
  half: string;
  sqrt2: string;
}

/** Creates the {@link SharedConstants} in `g`. */
export function sharedConstants(g: GraphBuilder): SharedConstants {
  return { one: g.floats('const_one', [1]), half: g.floats('const_half', [0.5]), sqrt2: g.floats('const_sqrt2', [Math.SQRT2]) };
}

/**
 * LayerNorm over the last axis, decomposed as the exporter does at opsets below 17
 * (onnxruntime fuses it back into one kernel).
 */
export function layerNorm(g: GraphBuilder, x: string, p: { scope: string; gamma: string; beta: string; eps: string }): string {
  const s = { scope: p.scope };
  const mean = g.op('ReduceMean', [x], { ...s, attrs: { axes: [-1], keepdims: 1 } });
  const centred = g.op('Sub', [x, mean], s);
  const squared = g.op('Mul', [centred, centred], s);
  const variance = g.op('ReduceMean', [squared], { ...s, attrs: { axes: [-1], keepdims: 1 } });
  const std = g.op('Sqrt', [g.op('Add', [variance, p.eps], s)], s);
  const normed = g.op('Div', [centred, std], s);
  return g.op('Add', [g.op('Mul', [normed, p.gamma], s), p.beta], s);
}

/** An activation quantised on the fly to uint8, shareable by every MatMul that reads it. */
export interface DynamicQuantized {
  values: string;
  scale: string;
  zeroPoint: string;
}

/** `DynamicQuantizeLinear` of an activation. */
export function dynamicQuantize(g: GraphBuilder, x: string, scope: string): DynamicQuantized {
  const [values, scale, zeroPoint] = g.node('DynamicQuantizeLinear', [x], { scope, outputs: 3 }) as [string, string, string];
  return { values, scale, zeroPoint };
}

/**
 * `x · W + b` with W stored as uint8: MatMulInteger on the quantised activation, then the int32
 * result is cast and rescaled by (activation scale × weight scale). `weight` is [in, out].
 */
export function quantizedLinear(
  g: GraphBuilder,
  x: DynamicQuantized,
  p: { scope: string; name: string; weight: Float32Array; bias: Float32Array; inFeatures: number; outFeatures: number },
): string {
  const q = quantizeUint8(p.weight);
  const w = g.uint8s(`${p.name}.weight_quantized`, q.data, [p.inFeatures, p.outFeatures]);
  const wScale = g.floats(`${p.name}.weight_scale`, [q.scale]);
  const wZero = g.uint8s(`${p.name}.weight_zero_point`, [q.zeroPoint]);
  const bias = g.floats(`${p.name}.bias`, p.bias, [p.outFeatures]);
  const s = { scope: p.scope };
  const product = g.op('MatMulInteger', [x.values, w, x.zeroPoint, wZero], s);
  const asFloat = g.op('Cast', [product], { ...s, attrs: { to: 1 } });
  const scale = g.op('Mul', [x.scale, wScale], s);
  return g.op('Add', [g.op('Mul', [asFloat, scale], s), bias], s);
}

/** Exact GELU: `x · ½ · (1 + erf(x / √2))`. */
export function gelu(g: GraphBuilder, x: string, c: SharedConstants, scope: string): string {
  const s = { scope };
  const erf = g.op('Erf', [g.op('Div', [x, c.sqrt2], s)], s);
  return g.op('Mul', [g.op('Mul', [x, g.op('Add', [erf, c.one], s)], s), c.half], s);
}
