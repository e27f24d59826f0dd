import { Bm25Index } from '../index/bm25.js';
import { reciprocalRankFusion, type RankedList } from './fusion.js';
import type { StoredIndex } from '../index/index-store.js';
import { withFollowUp, type PreviousQuestion } from '../query/follow-up.js';
import { analyseQuery, type AnalysedQuery } from '../query/query.js';
import { withSpellings } from '../query/spelling.js';
import { Vocabulary } from '../text/vocabulary.js';
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
  /** The question's vector, when there was a vector search (for sentence similarity). */
  queryVector?: Float32Array;
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
    /**
     * Weight of the vector ranking in fusion. 0 for a model whose calibration found it does not
     * tell off-topic questions apart: it is still searched (for `/sources` debugging and sentence
     * similarity) but gets no vote, since a ranking no better than chance only reshuffles BM25's.
     */
    private readonly vectorWeight = 1,
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
    let queryVector: Float32Array | undefined;

    if (this.mode !== 'vector') {
      const t = performance.now();
      for (const hit of this.bm25.search(query.expanded, CANDIDATES)) bm25.set(hit.doc, hit.score);
      lists.push({ ids: [...bm25.keys()] });
      lap('bm25', t);
    }
    if (this.mode !== 'keyword' && this.embedder && this.index.vectorIndex) {
      let t = performance.now();
      // A follow-up's meaning includes the subject it carried in: "when did that happen?" alone means nothing.
      // The model sees the question as spelling correction read it: a typo is not a word it knows.
      const asked = respelled(question, query.corrections);
      const vector = (queryVector = await this.embedder.embedQuery(context ? `${context} ${asked}` : asked));
      lap('embed', t);
      t = performance.now();
      for (const hit of this.index.vectorIndex.search(vector, CANDIDATES)) similarity.set(hit.doc, hit.similarity);
      if (this.vectorWeight > 0) lists.push({ ids: [...similarity.keys()], weight: this.vectorWeight });
      lap('vector', t);
    }
    const t = performance.now();
    const hits = reciprocalRankFusion(lists).map((h) => ({
      ...h,
      ...(similarity.has(h.doc) ? { similarity: similarity.get(h.doc)! } : {}),
    }));
    lap('fusion', t);
    return { query, hits, bm25, similarity, timings, ...(queryVector ? { queryVector } : {}) };
  }
}

/** `question` with each corrected word replaced by the article word it was taken for. */
export function respelled(question: string, corrections: ReadonlyMap<string, string> | undefined): string {
  if (!corrections?.size) return question;
  return question.replace(/[\p{L}\p{N}'’-]+/gu, (word) => corrections.get(word) ?? corrections.get(word.toLowerCase()) ?? word);
}
