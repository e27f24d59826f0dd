import type { ArticleFiles } from '../articles/verbatim.js';
import type { StoredArticle, StoredIndex } from '../index/index-store.js';
import { similarityTo } from '../index/sentence-vectors.js';
import type { Logger } from '../logger.js';
import type { PreviousQuestion } from '../query/follow-up.js';
import { checkQuestion } from '../question.js';
import type { Retrieval, Retriever } from '../retrieval/retriever.js';
import { round } from '../round.js';
import type { Answer } from '../types.js';
import { composeAnswer, type Composed } from './compose-answer.js';
import { coverageHint, notCoveredMessage, notCoveredReason } from './not-covered.js';
import { SentenceIndex } from './sentence-index.js';

/**
 * The ask pipeline over one open index: retrieve passages, compose numbered quotes from their
 * sentences, show only the quotes found verbatim in the article files, and say why when nothing
 * answers. A follow-up fragment the articles can't answer alone is asked again with the previous subject.
 */

/** What an answerer works from, all fixed for the life of the open index. */
export interface AnswererParts {
  index: StoredIndex;
  retriever: Retriever;
  /** The article files as read when the index opened: the proof that a quote is verbatim. */
  files: ArticleFiles;
  logger: Logger;
  /** Similarity above which meaning alone may answer; null when it may not (see retrieval-mode.ts). */
  meaningThreshold: number | null;
}

/** Answers questions with verbatim quotes from one open index. */
export class Answerer {
  private readonly sentences: SentenceIndex;
  private readonly articles: Map<string, StoredArticle>;

  constructor(private readonly parts: AnswererParts) {
    this.articles = new Map(parts.index.articles.map((a) => [a.id, a]));
    this.sentences = new SentenceIndex(parts.index.passages, (id) => this.articles.get(id)!.text);
  }

  /** Answers `question` (a follow-up of `previous`, when given), or says why the articles don't cover it. */
  async answer(question: string, previous?: PreviousQuestion): Promise<Answer> {
    const { retriever, index } = this.parts;
    const started = performance.now();
    const q = checkQuestion(question);
    let retrieval = await retriever.retrieve(q, previous);
    const t = performance.now();
    let composed = this.compose(retrieval);
    // A fragment ("How far from the capital?") seems whole but the articles can't answer it alone:
    // in a conversation it is read with the previous subject, unless it names a subject of its own.
    if (!composed.answered && previous && !retrieval.query.weights) {
      const carried = await retriever.retrieve(q, previous, true);
      const again = carried.query.weights ? this.compose(carried) : composed;
      if (again.answered) [retrieval, composed] = [carried, again];
    }
    const timings = { ...retrieval.timings, compose: round(performance.now() - t), total: round(performance.now() - started) };
    const notCovered = composed.answered ? undefined : notCoveredReason(retrieval.query, composed.unmentioned);
    const message = notCovered ? notCoveredMessage(notCovered, coverageHint(index.articles)) : '';
    return {
      question: q,
      answered: composed.answered,
      mode: retriever.mode,
      message,
      ...(notCovered ? { notCovered } : {}),
      citations: composed.citations,
      timings,
    };
  }

  private compose(retrieval: Retrieval): Composed {
    const { index, meaningThreshold } = this.parts;
    return this.verbatim(
      composeAnswer({
        query: retrieval.query,
        hits: retrieval.hits,
        passages: index.passages,
        sentences: this.sentences,
        meta: (id) => this.articles.get(id)!,
        ...(meaningThreshold !== null ? { minSimilarity: meaningThreshold } : {}),
        ...(meaningThreshold !== null && retrieval.queryVector && index.sentenceVectors
          ? { sentenceSimilarity: similarityTo(retrieval.queryVector, index.sentenceVectors) }
          : {}),
      }),
    );
  }

  /** Only quotes found verbatim in their article's file are shown (the index is not trusted for that). */
  private verbatim(composed: Composed): Composed {
    const kept = composed.citations.filter((c) => this.parts.files.contains(c.source, c.quote));
    if (kept.length === composed.citations.length) return composed;
    this.parts.logger.warn('quote not found in its article file; not shown (run npm run reindex)', {
      dropped: composed.citations.length - kept.length,
    });
    return { ...composed, answered: composed.answered && kept.length > 0, citations: kept.map((c, i) => ({ ...c, n: i + 1 })) };
  }
}
