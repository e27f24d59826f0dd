import type { BertArchitecture } from './presets.js';
import { SPECIAL_TOKENS } from './vocab.js';

/** `config.json` of a Hugging Face `BertModel` with the given shape. */
export function bertConfigJson(a: BertArchitecture, tokens: string[]): object {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: a.hiddenSize,
    initializer_range: 0.02,
    intermediate_size: a.intermediateSize,
    layer_norm_eps: a.layerNormEps,
    max_position_embeddings: a.maxPositionEmbeddings,
    num_attention_heads: a.numAttentionHeads,
    num_hidden_layers: a.numHiddenLayers,
    pad_token_id: tokens.indexOf(SPECIAL_TOKENS.pad),
    position_embedding_type: 'absolute',
    type_vocab_size: a.typeVocabSize,
    use_cache: true,
    vocab_size: tokens.length,
  };
}
