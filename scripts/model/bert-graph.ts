import { createContext, layerNormParams, type BertBuild, type BuildContext } from './bert-context.js';
import { embeddings } from './bert-embeddings.js';
import { dynamicQuantize, gelu, layerNorm, quantizedLinear, type DynamicQuantized } from './bert-ops.js';
import { GraphBuilder } from './onnx-graph.js';
import { filled } from './weights.js';

/**
 * Builds a complete, randomly initialised BERT encoder as a dynamically quantised ONNX model:
 * inputs `input_ids`, `attention_mask`, `token_type_ids` (int64 [batch, seq]), output
 * `last_hidden_state` (float32 [batch, seq, hidden]), which is what transformers.js's
 * feature-extraction pipeline reads.
 */

export type { BertBuild } from './bert-context.js';

const OPSET = 14;
/** onnxruntime 1.14 reads models up to IR version 8. */
const IR_VERSION = 8;
/** Added to the scores of padding positions; large enough that softmax gives them exactly zero. */
const MASKED_SCORE = -1e9;

/** Returns the bytes of `model_quantized.onnx`. */
export function buildBertOnnx(build: BertBuild): Uint8Array {
  const { architecture: a } = build;
  if (a.hiddenSize % a.numAttentionHeads !== 0) {
    throw new Error(`hidden size ${a.hiddenSize} is not divisible by ${a.numAttentionHeads} attention heads`);
  }
  const g = new GraphBuilder();
  const ctx = createContext(g, build);
  const inputIds = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', 'int64', ['batch_size', 'sequence_length']);
  const tokenTypeIds = g.input('token_type_ids', 'int64', ['batch_size', 'sequence_length']);

  let hidden = embeddings(ctx, inputIds, tokenTypeIds);
  const mask = additiveMask(ctx, attentionMask);
  for (let i = 0; i < a.numHiddenLayers; i++) hidden = encoderLayer(ctx, i, hidden, mask);

  g.node('Identity', [hidden], { scope: '/encoder', outputs: ['last_hidden_state'] });
  g.output('last_hidden_state', 'float32', ['batch_size', 'sequence_length', a.hiddenSize]);
  return g.toBytes({
    opset: OPSET,
    irVersion: IR_VERSION,
    producerName: 'casefile make-test-model',
    producerVersion: '1',
    graphName: 'bert',
  });
}

/** attention_mask [b, s] (1 = token, 0 = padding) → [b, 1, 1, s] scores to add before softmax. */
function additiveMask(ctx: BuildContext, attentionMask: string): string {
  const { g } = ctx;
  const s = { scope: '/mask' };
  const asFloat = g.op('Cast', [attentionMask], { ...s, attrs: { to: 1 } });
  const inverted = g.op('Sub', [ctx.c.one, asFloat], s);
  const scores = g.op('Mul', [inverted, g.floats('const_masked_score', [MASKED_SCORE])], s);
  return g.op('Unsqueeze', [scores, g.int64s('const_axes_1_2', [1, 2])], s);
}

function linear(ctx: BuildContext, x: DynamicQuantized, name: string, scope: string, inF: number, outF: number): string {
  return quantizedLinear(ctx.g, x, {
    scope,
    name,
    inFeatures: inF,
    outFeatures: outF,
    weight: ctx.random(`${name}.weight`, inF * outF, ctx.scales.layer),
    bias: filled(outF, 0),
  });
}

/** Post-LN transformer block: LN(x + SelfAttention(x)), then LN(h + FFN(h)). */
function encoderLayer(ctx: BuildContext, index: number, x: string, mask: string): string {
  const { g, architecture: a } = ctx;
  const h = a.hiddenSize;
  const heads = a.numAttentionHeads;
  const headSize = h / heads;
  const prefix = `encoder.layer.${index}`;
  const scope = `/encoder/layer.${index}`;
  const at = `${scope}/attention`;

  const xq = dynamicQuantize(g, x, at);
  const splitHeads = g.int64s(`${prefix}.attention.split_heads_shape`, [0, 0, heads, headSize]);
  const toHeads = (name: string, perm: number[]): string => {
    const projected = linear(ctx, xq, `${prefix}.attention.self.${name}`, `${at}/self/${name}`, h, h);
    return g.op('Transpose', [g.op('Reshape', [projected, splitHeads], { scope: at })], { scope: at, attrs: { perm } });
  };
  const query = toHeads('query', [0, 2, 1, 3]); // [b, heads, s, d]
  const keyT = toHeads('key', [0, 2, 3, 1]); // [b, heads, d, s]
  const value = toHeads('value', [0, 2, 1, 3]);

  const raw = g.op('MatMul', [query, keyT], { scope: at });
  const scaled = g.op('Div', [raw, g.floats(`${prefix}.attention.score_divisor`, [Math.sqrt(headSize)])], { scope: at });
  const probs = g.op('Softmax', [g.op('Add', [scaled, mask], { scope: at })], { scope: at, attrs: { axis: -1 } });
  const context = g.op('Transpose', [g.op('MatMul', [probs, value], { scope: at })], { scope: at, attrs: { perm: [0, 2, 1, 3] } });
  const merged = g.op('Reshape', [context, g.int64s(`${prefix}.attention.merge_heads_shape`, [0, 0, h])], { scope: at });

  const attnOut = linear(ctx, dynamicQuantize(g, merged, `${at}/output`), `${prefix}.attention.output.dense`, `${at}/output`, h, h);
  const afterAttention = layerNorm(
    g,
    g.op('Add', [attnOut, x], { scope: at }),
    layerNormParams(ctx, `${prefix}.attention.output.LayerNorm`, `${at}/output/LayerNorm`),
  );

  const ff = `${scope}/ffn`;
  const inner = linear(
    ctx,
    dynamicQuantize(g, afterAttention, ff),
    `${prefix}.intermediate.dense`,
    `${ff}/intermediate`,
    h,
    a.intermediateSize,
  );
  const activated = gelu(g, inner, ctx.c, `${ff}/gelu`);
  const outer = linear(ctx, dynamicQuantize(g, activated, `${ff}/output`), `${prefix}.output.dense`, `${ff}/output`, a.intermediateSize, h);
  return layerNorm(
    g,
    g.op('Add', [outer, afterAttention], { scope: ff }),
    layerNormParams(ctx, `${prefix}.output.LayerNorm`, `${ff}/output/LayerNorm`),
  );
}
