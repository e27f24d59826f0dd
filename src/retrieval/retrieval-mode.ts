import type { StoredIndex } from '../index/index-store.js';
import type { Embedder, RetrievalMode } from '../types.js';

/**
 * How much say the embedding model has over an open index: whether it is used at all (the index must
 * hold its vectors), how much its ranking weighs in fusion, and whether meaning alone may answer.
 */

/** Weight of a calibrated model's ranking in fusion, against BM25's 1. */
const VECTOR_WEIGHT = 1;

/** The mode an engine answers in, the model it uses (null in keyword mode) and why it has none. */
export interface ModelUse {
  mode: RetrievalMode;
  embedder: Embedder | null;
  /** Why the mode is keyword; undefined in any other mode. */
  modeReason: string | undefined;
}

/**
 * Hybrid when the index holds vectors of `embedder`'s model, else keyword mode with `reason` (why
 * there is no model) or the missing vectors as the reason. `forced` applies only when it is possible.
 */
export function modelUse(
  index: StoredIndex,
  embedder: Embedder | null,
  reason: string | undefined,
  forced: RetrievalMode | undefined,
): ModelUse {
  const vectorsMatch = !!embedder && !!index.vectorIndex && index.manifest.model?.id === embedder.modelId;
  if (embedder && !vectorsMatch) reason = `index has no vectors for ${embedder.modelId}; run npm run reindex`;
  let mode: RetrievalMode = vectorsMatch ? 'hybrid' : 'keyword';
  if (forced && (forced === 'keyword' || vectorsMatch)) mode = forced;
  return { mode, embedder: vectorsMatch ? embedder : null, modeReason: mode === 'keyword' ? reason : undefined };
}

/**
 * Weight of the model's ranking in fusion. A model that the calibration found unable to separate
 * off-topic questions gets no vote, except in vector mode, where its ranking is the only one.
 */
export function vectorWeight(index: StoredIndex, mode: RetrievalMode): number {
  const calibrated = typeof index.manifest.calibration?.threshold === 'number';
  return calibrated || mode === 'vector' ? VECTOR_WEIGHT : 0;
}

/** Whether the model takes part in answering: a model forced into keyword mode has no say. */
export function modelInUse({ mode, embedder }: ModelUse): boolean {
  return !!embedder && mode !== 'keyword';
}

/** Similarity above which meaning alone may answer (calibrated at reindex); null when it may not. */
export function meaningThreshold(index: StoredIndex, use: ModelUse): number | null {
  return modelInUse(use) ? (index.manifest.calibration?.threshold ?? null) : null;
}
