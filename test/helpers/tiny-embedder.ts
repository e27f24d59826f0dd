import { loadEmbedder } from '../../src/index/embedder.js';
import type { Embedder } from '../../src/types.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../../harness/tiny-model.js';

/** The product's Embedder over the committed tiny model: the same loading code as the real model. */
export function loadTinyEmbedder(): Promise<Embedder> {
  return loadEmbedder({ modelId: TINY_MODEL_ID, modelsDir: TINY_MODEL_ROOT, allowDownload: false });
}

/** Wraps an embedder to count how many passages it embeds (incremental reindex checks). */
export function countingEmbedder(inner: Embedder, overrides: Partial<Pick<Embedder, 'modelId'>> = {}): Embedder & { embedded: number } {
  const counter = {
    embedded: 0,
    modelId: overrides.modelId ?? inner.modelId,
    dimensions: inner.dimensions,
    maxTokens: inner.maxTokens,
    async embedPassages(texts: string[]) {
      counter.embedded += texts.length;
      return inner.embedPassages(texts);
    },
    embedQuery: (text: string) => inner.embedQuery(text),
    countTokens: (text: string) => inner.countTokens(text),
  };
  return counter;
}
