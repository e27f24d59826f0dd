import { CHUNKER_VERSION, chunkArticle } from '../passages/chunking.js';
import { IndexCorruptError, IndexMissingError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readIndex, type StoredIndex } from './index-store.js';
import type { PreviousSentences } from './sentence-vectors.js';
import type { Article, Passage } from '../types.js';

/**
 * The index a reindex replaces, as the reindex sees it. Its data is only ever reused, never needed:
 * a missing index means a first build and a damaged one a rebuild from the articles, so neither stops
 * the reindex. What it does hold spares work: an article whose bytes and chunker are unchanged keeps
 * its passages, and with the same model their vectors and its sentences' vectors too.
 */

/** The previous index in `dir`, or null when there is none or it is damaged (then with why, also logged). */
export async function readPreviousIndex(dir: string, logger: Logger): Promise<{ index: StoredIndex | null; problem?: string }> {
  try {
    return { index: await readIndex(dir) };
  } catch (error) {
    if (error instanceof IndexMissingError) return { index: null };
    if (error instanceof IndexCorruptError) {
      logger.warn('previous index is damaged; rebuilding from the articles', { problem: error.message });
      return { index: null, problem: error.message };
    }
    throw error;
  }
}

/** Article ids by what happened to them since the previous index (a first build adds every one). */
export interface ArticleChanges {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/** The new index's passages, with whatever the previous index lends them. */
export interface CarriedOver {
  changes: ArticleChanges;
  /** Every passage of the new index, article by article in the order given. */
  passages: Passage[];
  /** Row i is passage i's vector when it could be reused, else null: it still has to be embedded. */
  vectors: Array<Float32Array | null>;
  /** Sentence vectors the previous index lends (those of unchanged articles), or null when none can be reused. */
  previousSentences: PreviousSentences | null;
}

/**
 * Passages of `articles`, reused from `previous` where the article, the chunker and (for vectors) the
 * model `modelId` are unchanged, chunked afresh otherwise; null `modelId` is a keyword-only index.
 */
export function carryOver(articles: readonly Article[], previous: StoredIndex | null, modelId: string | null): CarriedOver {
  const sameChunker = previous?.manifest.chunkerVersion === CHUNKER_VERSION;
  const vectorsReusable = sameChunker && modelId !== null && previous?.manifest.model?.id === modelId && !!previous.vectors;
  const oldHashes = new Map(previous?.manifest.articles.map((a) => [a.id, a.hash]) ?? []);

  const changes: ArticleChanges = { added: [], changed: [], removed: [], unchanged: [] };
  const passages: Passage[] = [];
  const vectors: Array<Float32Array | null> = [];
  for (const article of articles) {
    const oldHash = oldHashes.get(article.id);
    if (oldHash === undefined) changes.added.push(article.id);
    else if (oldHash !== article.hash) changes.changed.push(article.id);
    else changes.unchanged.push(article.id);

    const reuse = oldHash === article.hash && sameChunker && previous !== null;
    const own = reuse
      ? previous.passages.map((p, i) => ({ p, i })).filter(({ p }) => p.articleId === article.id)
      : chunkArticle(article).map((p) => ({ p, i: -1 }));
    for (const { p, i } of own) {
      passages.push({ ...p, title: article.title });
      vectors.push(reuse && vectorsReusable && i >= 0 ? previous.vectors![i]! : null);
    }
  }
  const current = new Set(articles.map((a) => a.id));
  changes.removed = [...oldHashes.keys()].filter((id) => !current.has(id));

  const reusable = vectorsReusable && previous?.sentenceVectors ? new Set(changes.unchanged) : null;
  const previousSentences = reusable ? { passages: previous!.passages, vectors: previous!.sentenceVectors!, reusable } : null;
  return { changes, passages, vectors, previousSentences };
}
