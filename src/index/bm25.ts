/**
 * Okapi BM25 over pre-analysed documents. Built in memory at load time from the stored passages:
 * it is cheap to rebuild and so never needs its own file that could drift from the passages.
 */

import type { ScoredDoc } from '../types.js';

export interface Bm25Options {
  k1: number;
  b: number;
}

/** A weighted query term: synonyms count for less than the words the user typed. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** A loosely related word (see src/query/related-words.ts): it ranks quotes, but never searches or decides. */
  loose?: boolean;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ doc: number; tf: number }>>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  private scratch: Float64Array | undefined;
  readonly size: number;

  constructor(
    docs: readonly string[][],
    private readonly options: Bm25Options = { k1: 1.2, b: 0.75 },
  ) {
    this.size = docs.length;
    this.lengths = docs.map((d) => d.length);
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
    docs.forEach((terms, doc) => {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    });
  }

  /** Number of documents containing `term`. */
  docFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Every term some document contains. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** BM25's smoothed idf; a term no document contains gets the highest value. Always > 0. */
  idf(term: string): number {
    const df = this.docFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Scores every document containing at least one query term; best first, at most `k`. */
  search(query: readonly QueryTerm[], k = 10): ScoredDoc[] {
    // One score slot per document, kept between calls and cleared after each: a Map of scores
    // and a full sort cost most of a query once the corpus reaches tens of thousands of passages.
    const scores = (this.scratch ??= new Float64Array(this.size));
    const touched: number[] = [];
    const { k1, b } = this.options;
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list || !(weight > 0)) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]!) / this.avgLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = scores[doc]! + weight * idf * ((tf * (k1 + 1)) / norm);
      }
    }
    const hits = topK(touched, (doc) => scores[doc]!, k);
    for (const doc of touched) scores[doc] = 0;
    return hits;
  }
}

/** Whether hit `a` ranks below `b`: lower score, or the same score and a later document. */
const below = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc);

/**
 * The `k` best of `docs` by `score`, best first (ties: lower doc first), through a min-heap of
 * size k: O(n log k) rather than sorting every matching document.
 */
export function topK(docs: readonly number[], score: (doc: number) => number, k: number): ScoredDoc[] {
  const heap: ScoredDoc[] = [];
  const sift = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && below(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && below(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const doc of docs) {
    const hit = { doc, score: score(doc) };
    if (heap.length < k) {
      heap.push(hit);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (k > 0 && below(heap[0]!, hit)) {
      heap[0] = hit;
      sift(0);
    }
  }
  return heap.sort((x, y) => y.score - x.score || x.doc - y.doc);
}
