/** Shared data shapes of the retrieval core. Nothing here depends on Discord. */

/** A half-open character range `[start, end)` into an article's original text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** What we know about an article. Optional fields are set only when the article states them. */
export interface ArticleMeta {
  /** Stable id: the file name without its extension. */
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  url?: string;
  author?: string;
  /** File name inside the articles folder. */
  file: string;
}

/** A loaded, cleaned article. */
export interface Article extends ArticleMeta {
  /** The article body exactly as read from disk (after front matter removal offsets are still into this string). */
  text: string;
  /** Content kept after boilerplate removal, in order, as spans into `text`. */
  blocks: TextSpan[];
  /** sha256 of the raw file bytes. */
  hash: string;
}

/** An article that could not be indexed, and why. */
export interface SkippedArticle {
  file: string;
  reason: string;
}

/** A retrievable chunk of an article: whole sentences, with their offsets. */
export interface Passage {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  title: string;
  /** Span of the passage in the article's original text. */
  start: number;
  end: number;
  /** The passage's sentences joined by single spaces (boilerplate between them is left out). */
  text: string;
  /** Each sentence's span in the article's original text. */
  sentences: TextSpan[];
}

/** Turns text into unit-length vectors. Passed into the engine so tests can use a tiny model. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Upper bound of tokens per input the model accepts (passages are sized under it). */
  readonly maxTokens: number;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  /** Counts tokens as the model would. */
  countTokens(text: string): number;
}

export type RetrievalMode = 'hybrid' | 'keyword' | 'vector';

/** A passage (by its row in the index) and its score: what BM25 and rank fusion both return, best first. */
export interface ScoredDoc {
  doc: number;
  score: number;
}

/** One numbered, verbatim quote in an answer. */
export interface Citation {
  n: number;
  /** Article id. */
  source: string;
  title: string;
  /** Verbatim text of the article: `article.text.slice(start, end)`. */
  quote: string;
  /** Stretches of `quote` that answer the question (offsets into `quote`), to show in bold. */
  highlights: TextSpan[];
  score: number;
  /** Ids of other articles that carry the same statement. */
  also: string[];
  start: number;
  end: number;
  passageId: string;
  outlet?: string;
  url?: string;
}

/**
 * Why a question was not answered: it had no words to search for, it names something no article
 * mentions, it has a word no article contains (in any near spelling), or no quote covered enough of it.
 */
export type NotCoveredReason = 'no-words' | 'unknown-name' | 'unknown-word' | 'below-threshold';

/** The engine's reply to a question. */
export interface Answer {
  question: string;
  answered: boolean;
  mode: RetrievalMode;
  /** For the user when not answered; empty when answered. */
  message: string;
  /** Set when not answered. */
  notCovered?: { reason: NotCoveredReason; /** The name or word at fault. */ term?: string };
  /** Best first, at most 5. */
  citations: Citation[];
  /** Milliseconds per stage (embed, vector, bm25, fusion, compose, total). */
  timings: Record<string, number>;
}

/** A passage with its retrieval scores, for debugging retrieval. */
export interface ScoredPassage {
  passage: Passage;
  score: number;
  bm25?: number;
  vector?: number;
}

/** What the index holds and how it was built. */
export interface IndexStatus {
  model: string | null;
  mode: RetrievalMode;
  /** Why the mode is what it is, e.g. "model not downloaded". */
  modeReason?: string;
  builtAt: string;
  passages: number;
  dimensions: number;
  articles: Array<ArticleMeta & { passages: number }>;
  skipped: SkippedArticle[];
  /**
   * Whether a passage may answer on meaning alone (no shared words), from the reindex calibration:
   * the similarity it must exceed, or null when the model does not tell off-topic questions apart.
   * Absent in keyword mode.
   */
  meaningOnly?: { threshold: number | null; quantile: number; offTopicProbes: number; onTopicProbes: number };
}
