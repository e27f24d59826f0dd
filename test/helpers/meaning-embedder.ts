import path from 'node:path';
import { loadEmbedder } from '../../src/index/embedder.js';
import type { Embedder } from '../../src/types.js';
import { TINY_MODEL_ROOT } from '../../harness/tiny-model.js';

/**
 * The committed known-meaning model (`npm run model:make-test -- --preset meaning`): word vectors
 * from WordNet, so related words sit close together. Loaded by the product's own embedder code.
 */
export const MEANING_MODEL_ID = 'casefile/meaning-bert';
export const MEANING_MODEL_DIR = path.join(TINY_MODEL_ROOT, ...MEANING_MODEL_ID.split('/'));

/** The product's Embedder over the known-meaning fixture. */
export function loadMeaningEmbedder(): Promise<Embedder> {
  return loadEmbedder({ modelId: MEANING_MODEL_ID, modelsDir: TINY_MODEL_ROOT, allowDownload: false });
}

/** Dot product of two unit vectors: their cosine similarity. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
