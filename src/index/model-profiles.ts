/**
 * How to use each embedding model: retrieval-tuned models are trained with a specific pooling and
 * with instructions or prefixes on one side, and lose accuracy when those are not applied.
 * When a passage may answer on meaning alone is not a per-model constant: each reindex measures it
 * for the model and corpus (see `calibration.ts`).
 */
export interface ModelProfile {
  pooling: 'mean' | 'cls';
  queryPrefix: string;
  passagePrefix: string;
}

/**
 * The default model: BAAI's bge-small-en-v1.5 (33M parameters, 384 dimensions, 512 tokens) ranks
 * near the top of the MTEB retrieval benchmark for its size and runs on a CPU in milliseconds.
 * It uses the [CLS] vector and an instruction on queries only.
 */
export const DEFAULT_MODEL_ID = 'Xenova/bge-small-en-v1.5';

const PROFILES: Record<string, ModelProfile> = {
  'Xenova/bge-small-en-v1.5': {
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
  },
  'Xenova/bge-base-en-v1.5': {
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
  },
  'Xenova/e5-small-v2': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ' },
  'Xenova/all-MiniLM-L6-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '' },
};

/** The profile of a model id; sentence-transformers' defaults (mean pooling, no prefixes) otherwise. */
export function profileFor(modelId: string): ModelProfile {
  return (Object.hasOwn(PROFILES, modelId) ? PROFILES[modelId] : undefined) ?? { pooling: 'mean', queryPrefix: '', passagePrefix: '' };
}
