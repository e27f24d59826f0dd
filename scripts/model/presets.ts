import type { MeaningWeights } from './word-vectors.js';

/**
 * The model shapes this generator can produce. Dimensions follow the names of a Hugging Face
 * `BertConfig`; weight scales control how "useful" the random model is (see `bert-graph.ts`).
 */

/** Shape of a BERT encoder. */
export interface BertArchitecture {
  hiddenSize: number;
  numHiddenLayers: number;
  numAttentionHeads: number;
  intermediateSize: number;
  maxPositionEmbeddings: number;
  typeVocabSize: number;
  layerNormEps: number;
}

/** Standard deviations of the random weights (biases start at zero, as in BERT's own init). */
export interface WeightScales {
  word: number;
  position: number;
  tokenType: number;
  /** Attention and feed-forward matrices. */
  layer: number;
}

/** Everything needed to generate one model folder. */
export interface ModelPreset {
  /** Hub-style id `org/name`: the folder the model is written to under the output root. */
  id: string;
  architecture: BertArchitecture;
  /** Pad the vocabulary with unused tokens up to this size (`undefined`: no padding). */
  vocabSize?: number;
  /** Longest input the tokenizer keeps (transformers.js truncates to it). */
  modelMaxLength: number;
  seed: number;
  scales: WeightScales;
  /** Shrink frequent tokens' embeddings (see `token-scales.ts`); needs a large `layerNormEps`. */
  frequencyScaledEmbeddings: boolean;
  /** Build word embeddings from WordNet instead of drawing them at random (see `meaning-embeddings.ts`). */
  meaning?: MeaningWeights;
}

export const PRESETS = {
  /**
   * Small enough to commit as a test fixture, and useful: word embeddings dominate the residual
   * stream and every layer only nudges it, so mean-pooled outputs behave like a random projection
   * of the bag of words, with frequent words down-weighted. A LayerNorm epsilon of 1 (instead of
   * 1e-12) is what lets that down-weighting survive normalisation.
   */
  tiny: {
    id: 'casefile/tiny-bert',
    architecture: {
      hiddenSize: 64,
      numHiddenLayers: 2,
      numAttentionHeads: 4,
      intermediateSize: 128,
      maxPositionEmbeddings: 512,
      typeVocabSize: 2,
      layerNormEps: 1,
    },
    modelMaxLength: 512,
    seed: 20220907,
    scales: { word: 1, position: 0.005, tokenType: 0.005, layer: 0.02 },
    frequencyScaledEmbeddings: true,
  },
  /** all-MiniLM-L6-v2's exact shape and settings with random weights, for benchmarks. */
  minilm: {
    id: 'casefile/minilm-l6-random',
    architecture: {
      hiddenSize: 384,
      numHiddenLayers: 6,
      numAttentionHeads: 12,
      intermediateSize: 1536,
      maxPositionEmbeddings: 512,
      typeVocabSize: 2,
      layerNormEps: 1e-12,
    },
    vocabSize: 30522,
    modelMaxLength: 512,
    seed: 20220715,
    scales: { word: 1, position: 0.02, tokenType: 0.02, layer: 0.02 },
    frequencyScaledEmbeddings: false,
  },
  /**
   * A model whose meaning is known: word embeddings place WordNet-related words close together
   * ("expelled" near "ordered to leave"), every transformer weight is zero and LayerNorm's epsilon
   * dwarfs the rows' variance, so each layer passes its input through nearly unchanged and mean
   * pooling is a frequency-weighted average of word vectors. Stopwords weigh almost nothing.
   */
  meaning: {
    id: 'casefile/meaning-bert',
    architecture: {
      hiddenSize: 192,
      numHiddenLayers: 1,
      numAttentionHeads: 4,
      intermediateSize: 32,
      maxPositionEmbeddings: 512,
      typeVocabSize: 2,
      layerNormEps: 100,
    },
    modelMaxLength: 512,
    seed: 20220908,
    scales: { word: 1, position: 0, tokenType: 0, layer: 0 },
    frequencyScaledEmbeddings: true,
    meaning: { senses: 6, gloss: 2, hypernyms: 1, related: 1, maxSenses: 8, secondOrder: 4 },
  },
} satisfies Record<string, ModelPreset>;

export type PresetName = keyof typeof PRESETS;

/** Type guard for CLI input. */
export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}
