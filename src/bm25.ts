/**
 * Okapi BM25 over pre-analysed documents. Built in memory at load time from the stored passages:
 * it is cheap to rebuild and so never needs its own file that could drift from the passages.
 */

export interface Bm25Options {
  k1: number;
  b: number;
}

/** A weighted query term: synonyms count for less than the words the user typed. */
export interface QueryTerm {
  term: string;
  weight: number;
}

export interface Bm25Hit {
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ doc: number; tf: number }>>();
  private readonly lengths: number[];
  private readonly avgLength: number;
  readonly size: number;

  constructor(docs: readonly string[][], private readonly options: Bm25Options = { k1: 1.2, b: 0.75 }) {
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
  search(query: readonly QueryTerm[], k = 10): Bm25Hit[] {
    const scores = new Map<number, number>();
    const { k1, b } = this.options;
    for (const { term, weight } of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]!) / this.avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (k1 + 1)) / norm));
      }
    }
    return [...scores]
      .map(([doc, score]) => ({ doc, score }))
      .sort((x, y) => y.score - x.score || x.doc - y.doc)
      .slice(0, k);
  }
}
