import { layerNormParams, type BuildContext } from './bert-context.js';
import { layerNorm } from './bert-ops.js';
import { quantizeUint8 } from './weights.js';

/**
 * BERT's embedding block: word (stored uint8, dequantised after the Gather, as onnxruntime's
 * quantiser does for Gather) + position + token type, then LayerNorm.
 */
export function embeddings(ctx: BuildContext, inputIds: string, tokenTypeIds: string): string {
  const { g, architecture: a, scales } = ctx;
  const h = a.hiddenSize;
  const s = { scope: '/embeddings' };

  const word = quantizeUint8(ctx.wordEmbeddings ?? ctx.random('embeddings.word_embeddings.weight', ctx.vocabSize * h, scales.word));
  const wordTable = g.uint8s('embeddings.word_embeddings.weight_quantized', word.data, [ctx.vocabSize, h]);
  const wordScale = g.floats('embeddings.word_embeddings.weight_scale', [word.scale]);
  const wordZero = g.uint8s('embeddings.word_embeddings.weight_zero_point', [word.zeroPoint]);
  const wordCodes = g.op('Gather', [wordTable, inputIds], { ...s, attrs: { axis: 0 } });
  const unscaled = g.op('DequantizeLinear', [wordCodes, wordScale, wordZero], s);
  const words = ctx.tokenScales ? scaleRows(ctx, ctx.tokenScales, unscaled, inputIds) : unscaled;

  // Positions 0..seq-1 are the first rows of the table: slice it to the input's length.
  const positionTable = g.floats(
    'embeddings.position_embeddings.weight',
    ctx.random('embeddings.position_embeddings.weight', a.maxPositionEmbeddings * h, scales.position),
    [a.maxPositionEmbeddings, h],
  );
  const shape = g.op('Shape', [inputIds], s);
  const seqLength = g.op('Slice', [shape, g.int64s('const_slice_1', [1]), g.int64s('const_slice_2', [2])], s);
  const zero = g.int64s('const_slice_0', [0]);
  const positions = g.op('Slice', [positionTable, zero, seqLength, zero], s);

  const typeTable = g.floats(
    'embeddings.token_type_embeddings.weight',
    ctx.random('embeddings.token_type_embeddings.weight', a.typeVocabSize * h, scales.tokenType),
    [a.typeVocabSize, h],
  );
  const types = g.op('Gather', [typeTable, tokenTypeIds], { ...s, attrs: { axis: 0 } });

  const sum = g.op('Add', [g.op('Add', [words, positions], s), types], s);
  return layerNorm(g, sum, layerNormParams(ctx, 'embeddings.LayerNorm', '/embeddings/LayerNorm'));
}

/**
 * Multiplies each token's embedding row by its own scale. Kept apart from the uint8 table so that
 * short rows do not lose their precision to a quantisation step sized for the long ones.
 */
function scaleRows(ctx: BuildContext, tokenScales: Float32Array, rows: string, inputIds: string): string {
  const { g } = ctx;
  const s = { scope: '/embeddings' };
  const table = g.floats('embeddings.word_embeddings.row_scale', tokenScales, [ctx.vocabSize]);
  const perToken = g.op('Gather', [table, inputIds], { ...s, attrs: { axis: 0 } });
  return g.op('Mul', [rows, g.op('Unsqueeze', [perToken, g.int64s('const_axes_last', [-1])], s)], s);
}
