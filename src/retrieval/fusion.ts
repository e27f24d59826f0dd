/**
 * Reciprocal rank fusion: combines ranked lists without having to calibrate BM25 scores against
 * cosine similarities, which live on unrelated scales and shift with every corpus and model.
 */

import type { ScoredDoc } from '../types.js';

export interface RankedList {
  /** Document ids, best first. */
  ids: readonly number[];
  weight?: number;
}

/** The usual constant: damps the head of each list so one list cannot dominate. */
export const RRF_K = 60;

/** Fuses ranked lists by Σ weight / (k + rank); best first. Ties break on the lower id. */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): ScoredDoc[] {
  const scores = new Map<number, number>();
  for (const { ids, weight = 1 } of lists) {
    ids.forEach((doc, rank) => scores.set(doc, (scores.get(doc) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
