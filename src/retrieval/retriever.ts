import { Bm25Index } from '../index/bm25.js';
import { reciprocalRankFusion, type RankedList } from './fusion.js';
import type { StoredIndex } from '../index/index-store.js';
import { withFollowUp, type PreviousQuestion } from '../query/follow-up.js';
import { analyseQuery, type AnalysedQuery } from '../query/query.js';
import { withSpellings } from '../query/spelling.js';
import { Vocabulary } from '../query/vocabulary.js';
import { terms } from '../text/terms.js';
import type { Embedder, RetrievalMode, ScoredDoc } from '../types.js';
import { round } from '../round.js';

/** A retrieved passage, best first, with its vector similarity when there was a vector search. */
export interface PassageHit extends ScoredDoc {
  similarity?: number;
}

/** How many hits each retriever contributes to fusion. */
const CANDIDATES = 20;

export interface Retrieval {
  query: AnalysedQuery;
  hits: PassageHit[];
  /** Per-passage BM25 and vector scores, for debugging retrieval. */
  bm25: Map<number, number>;
  similarity: Map<number, number>;
  timings: Record<string, number>;
}

/** Runs the lexical and (when there is a model) vector search over passages and fuses them. */
export class Retriever {
  private readonly bm25: Bm25Index;
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly index: StoredIndex,
    private readonly embedder: Embedder | null,
    readonly mode: RetrievalMode,
  ) {
    this.bm25 = new Bm25Index(index.passages.map((p) => terms(`${p.title} ${p.text}`)));
    this.vocabulary = new Vocabulary(index.passages.map((p) => `${p.title} ${p.text}`));
  }

  /**
   * Retrieves passages for `question`; a follow-up of `previous` may carry its subject in (with
   * `force`, whenever it names no subject of its own).
   */
  async retrieve(question: string, previous?: PreviousQuestion, force = false): Promise<Retrieval> {
    const timings: Record<string, number> = {};
    const lap = (name: string, since: number) => (timings[name] = round(performance.now() - since));
    const analyse = (q: string) => withSpellings(analyseQuery(q), this.bm25, this.vocabulary);
    const { context, ...query } = withFollowUp(question, analyse(question), previous, analyse, { force });
    const lists: RankedList[] = [];
    const bm25 = new Map<number, number>();
    const similarity = new Map<number, number>();

    if (this.mode !== 'vector') {
      const t = performance.now();
      for (const hit of this.bm25.search(query.expanded, CANDIDATES)) bm25.set(hit.doc, hit.score);
      lists.push({ ids: [...bm25.keys()] });
      lap('bm25', t);
    }
    if (this.mode !== 'keyword' && this.embedder && this.index.vectorIndex) {
      let t = performance.now();
      // A follow-up's meaning includes the subject it carried in: "when did that happen?" alone means nothing.
      const vector = await this.embedder.embedQuery(context ? `${context} ${question}` : question);
      lap('embed', t);
      t = performance.now();
      for (const hit of this.index.vectorIndex.search(vector, CANDIDATES)) similarity.set(hit.doc, hit.similarity);
      lists.push({ ids: [...similarity.keys()] });
      lap('vector', t);
    }
    const t = performance.now();
    const hits = reciprocalRankFusion(lists).map((h) => ({
      ...h,
      ...(similarity.has(h.doc) ? { similarity: similarity.get(h.doc)! } : {}),
    }));
    lap('fusion', t);
    return { query, hits, bm25, similarity, timings };
  }
}
