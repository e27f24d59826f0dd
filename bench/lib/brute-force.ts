import { row, type VectorSet } from './synthetic.js';

/** One search result: row number and cosine similarity (= dot product of unit vectors). */
export interface Neighbour {
  id: number;
  score: number;
}

/**
 * Exact top-k by cosine similarity over unit vectors: one dot product per row in a tight loop,
 * keeping the best k in a min-heap (root = worst kept) so each row costs O(log k) at most. This is
 * the baseline HNSW is compared with and the ground truth recall is measured against.
 */
export function bruteForceTopK(set: VectorSet, query: Float32Array, k: number): Neighbour[] {
  const { data, count, dimensions: d } = set;
  if (query.length !== d) throw new Error(`query has ${query.length} dimensions, expected ${d}`);
  const size = Math.min(k, count);
  if (size <= 0) return [];
  const heap = new TopKHeap(size);
  for (let i = 0, off = 0; i < count; i++, off += d) {
    // Four accumulators break the dependency chain so the loop isn't bound by add latency.
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j + 3 < d; j += 4) {
      s0 += data[off + j]! * query[j]!;
      s1 += data[off + j + 1]! * query[j + 1]!;
      s2 += data[off + j + 2]! * query[j + 2]!;
      s3 += data[off + j + 3]! * query[j + 3]!;
    }
    for (; j < d; j++) s0 += data[off + j]! * query[j]!;
    heap.offer(i, s0 + s1 + s2 + s3);
  }
  return heap.sorted();
}

/** Exact top-k for each row of `queries`. */
export function bruteForceAll(set: VectorSet, queries: VectorSet, k: number): Neighbour[][] {
  return Array.from({ length: queries.count }, (_, q) => bruteForceTopK(set, row(queries, q), k));
}

/** A bounded min-heap on score keeping the `capacity` highest-scoring ids seen. */
export class TopKHeap {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  offer(id: number, score: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      // Sift up.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.ids[i] = this.ids[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    if (score <= this.scores[0]!) return;
    // Replace the root (worst kept) and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.scores[r]! < this.scores[l]! ? r : l;
      if (this.scores[c]! >= score) break;
      this.ids[i] = this.ids[c]!;
      this.scores[i] = this.scores[c]!;
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  /** The kept entries, best first (ties by lower id first, for determinism). */
  sorted(): Neighbour[] {
    const out: Neighbour[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
