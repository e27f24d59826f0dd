import { CLEANING_VERSION } from '../articles/cleaning.js';
import { splitSentences } from '../text/sentences.js';
import { MAX_SENTENCE_CHARS, splitLongSentence } from './long-sentences.js';

export { MAX_SENTENCE_CHARS };
import type { Article, Passage, TextSpan } from '../types.js';

/** Bump when chunking output changes. */
const CHUNKING_RULES = 2;

/**
 * The version of the passages an index holds, recorded in its manifest: a mismatch forces
 * re-chunking and re-embedding. Passages depend on cleaning as much as on chunking, because the
 * same article bytes can yield other blocks after a cleaning rule changes.
 */
export const CHUNKER_VERSION = CHUNKING_RULES * 100 + CLEANING_VERSION;

export interface ChunkOptions {
  /** Target passage size in (estimated) model tokens. */
  targetTokens: number;
  /** Hard ceiling: the model's token limit. A passage never exceeds it unless one sentence does. */
  maxTokens: number;
  /** Sentences repeated from the end of one passage at the start of the next. */
  overlapSentences: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetTokens: 120, maxTokens: 256, overlapSentences: 1 };

/**
 * WordPiece-style token estimate: words plus punctuation, with long words counted as several
 * pieces. Chunking must not depend on which model is loaded (keyword and hybrid indexes share
 * passages), so it uses this estimate, kept conservative, instead of a tokenizer.
 */
export function estimateTokens(text: string): number {
  let count = 0;
  for (const piece of text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []) {
    count += piece.length > 8 ? Math.ceil(piece.length / 6) : 1;
  }
  return count;
}

/** All sentences of an article, in order, over its kept blocks; none longer than {@link MAX_SENTENCE_CHARS}. */
export function articleSentences(article: Article): TextSpan[] {
  return article.blocks.flatMap((block) => splitSentences(article.text, block).flatMap((s) => splitLongSentence(article.text, s)));
}

/**
 * Packs an article's sentences into passages of whole sentences, about `targetTokens` long, with
 * a small sentence overlap so a statement that straddles two passages is whole in one of them.
 */
export function chunkArticle(article: Article, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const sentences = articleSentences(article).map((span) => ({
    span,
    tokens: estimateTokens(article.text.slice(span.start, span.end)),
  }));
  const passages: Passage[] = [];
  const budget = Math.min(options.targetTokens, options.maxTokens);
  let i = 0;
  while (i < sentences.length) {
    let j = i;
    let tokens = 0;
    while (j < sentences.length && (j === i || tokens + sentences[j]!.tokens <= budget)) {
      tokens += sentences[j]!.tokens;
      j++;
    }
    const spans = sentences.slice(i, j).map((s) => s.span);
    passages.push(makePassage(article, passages.length, spans));
    if (j >= sentences.length) break;
    // Step back for overlap, but always move forward by at least one sentence.
    i = Math.max(i + 1, j - options.overlapSentences);
  }
  return passages;
}

function makePassage(article: Article, index: number, sentences: TextSpan[]): Passage {
  const first = sentences[0]!;
  const last = sentences[sentences.length - 1]!;
  return {
    id: `${article.id}#${index}`,
    articleId: article.id,
    title: article.title,
    start: first.start,
    end: last.end,
    text: sentences.map((s) => article.text.slice(s.start, s.end)).join(' '),
    sentences,
  };
}
