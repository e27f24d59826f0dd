import hnswlib from 'hnswlib-node';
import { row, type VectorSet } from './synthetic.js';

/** Graph parameters for the benchmark's HNSW indexes; the bot uses the same (src/index/vector-index.ts). */
export interface HnswParams {
  /** Links per node (level 0 has 2·M). */
  M: number;
  /** Beam width while inserting. */
  efConstruction: number;
  seed?: number;
}

export const DEFAULT_HNSW: HnswParams = { M: 16, efConstruction: 200, seed: 100 };

/**
 * Builds a cosine-space HNSW index over `set`, labelling row i as i. hnswlib-node inserts one
 * point per `addPoint` call on the calling thread, so the build is single-threaded.
 * `onProgress` is called every `every` points so long builds can show they are alive.
 */
export function buildHnsw(
  set: VectorSet,
  params: HnswParams = DEFAULT_HNSW,
  onProgress?: (done: number) => void,
  every = 50_000,
): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW('cosine', set.dimensions);
  index.initIndex(Math.max(1, set.count), params.M, params.efConstruction, params.seed ?? 100);
  for (let i = 0; i < set.count; i++) {
    // The addon accepts only plain arrays, not typed arrays.
    index.addPoint(Array.from(row(set, i)), i);
    if (onProgress && (i + 1) % every === 0) onProgress(i + 1);
  }
  return index;
}

/** The ids of the `k` nearest rows, best first. */
export function searchHnsw(index: hnswlib.HierarchicalNSW, query: Float32Array, k: number): number[] {
  return index.searchKnn(Array.from(query), k).neighbors;
}

/** Result lists and per-query milliseconds for every query, at the index's current ef. */
export function searchAll(index: hnswlib.HierarchicalNSW, queries: VectorSet, k: number): { ids: number[][]; ms: number[] } {
  const ids: number[][] = [];
  const ms: number[] = [];
  for (let q = 0; q < queries.count; q++) {
    // The conversion to a plain array is timed too: every hnswlib-node caller pays it.
    const t = performance.now();
    const { neighbors } = index.searchKnn(Array.from(row(queries, q)), k);
    ms.push(performance.now() - t);
    ids.push(neighbors);
  }
  return { ids, ms };
}
