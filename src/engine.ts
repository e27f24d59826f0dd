import { Answerer } from './answer/answerer.js';
import { coverageHint } from './answer/not-covered.js';
import type { ArticleFiles } from './articles/verbatim.js';
import { resolvePath, type EngineConfig } from './config.js';
import type { StoredIndex } from './index/index-store.js';
import { indexStatus } from './index/index-status.js';
import { openIndex } from './index/open-index.js';
import { resolveEmbedder } from './index/resolve-embedder.js';
import { silentLogger, type Logger } from './logger.js';
import type { PreviousQuestion } from './query/follow-up.js';
import { meaningThreshold, modelInUse, modelUse, vectorWeight, type ModelUse } from './retrieval/retrieval-mode.js';
import { Retriever } from './retrieval/retriever.js';
import type { Answer, Embedder, IndexStatus, Passage, RetrievalMode, ScoredPassage } from './types.js';

export { manifestPath } from './index/index-store.js';

// Re-exported while branches that import it from here move to src/errors.ts.
export { QuestionError } from './errors.js';

export interface EngineOptions {
  config: EngineConfig;
  /** undefined: load the configured model (keyword mode if it can't be); null: keyword mode. */
  embedder?: Embedder | null;
  /** With `embedder: null`: why there is no model (shown in /sources), when the caller looked for it. */
  modelReason?: string;
  logger?: Logger;
  /** 'auto': build or update the index when it is missing, damaged or stale. 'never': load as is. */
  refresh?: 'auto' | 'never';
  /** Force a retrieval mode (debugging, benchmarks); defaults to the best available. */
  mode?: RetrievalMode;
  onProgress?: (done: number, total: number) => void;
}

/** How to ask: a follow-up names the question (and its lead quote) it follows. */
export interface AskOptions {
  previous?: PreviousQuestion;
}

/** Answers questions from the indexed articles. Immutable once open: a reindex means a new Engine. */
export class Engine {
  private readonly retriever: Retriever;
  private readonly answerer: Answerer;
  /** The mode questions are searched in: hybrid when the index holds the model's vectors, else keyword. */
  readonly mode: RetrievalMode;

  private constructor(
    private readonly index: StoredIndex,
    private readonly use: ModelUse,
    files: ArticleFiles,
    logger: Logger,
    /** Why the index answered from is behind the articles (it could not be rebuilt); undefined when it is current. */
    readonly stale: string | undefined,
  ) {
    this.mode = use.mode;
    this.retriever = new Retriever(index, use.embedder, use.mode, vectorWeight(index, use.mode));
    this.answerer = new Answerer({ index, retriever: this.retriever, files, logger, meaningThreshold: meaningThreshold(index, use) });
  }

  /** Opens the index in `EMBEDDINGS_DIR`, building or updating it first when needed. */
  static async open(options: EngineOptions): Promise<Engine> {
    const { config } = options;
    const logger = options.logger ?? silentLogger;
    let reason = options.modelReason;
    let embedder = options.embedder;
    if (embedder === undefined) ({ embedder, reason } = await resolveEmbedder(config, logger));
    if (embedder === null && !reason) reason = 'no embedding model configured';

    const { index, files, stale } = await openIndex({
      articlesDir: resolvePath(config, config.ARTICLES_DIR),
      embeddingsDir: resolvePath(config, config.EMBEDDINGS_DIR),
      embedder,
      logger,
      refresh: options.refresh,
      onProgress: options.onProgress,
    });
    return new Engine(index, modelUse(index, embedder, reason, options.mode), files, logger, stale);
  }

  /**
   * Answers with verbatim, numbered quotes, or says the articles don't cover the question.
   * With `previous`, the question is a follow-up: one that lacks a subject of its own takes the previous one's.
   */
  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    return this.answerer.answer(question, options.previous);
  }

  /** The top passages with their scores, to debug retrieval. */
  async search(query: string, k = 5): Promise<ScoredPassage[]> {
    const r = await this.retriever.retrieve(query.trim());
    return r.hits.slice(0, k).map((h) => ({
      passage: this.index.passages[h.doc]!,
      score: h.score,
      ...(r.bm25.has(h.doc) ? { bm25: r.bm25.get(h.doc)! } : {}),
      ...(r.similarity.has(h.doc) ? { vector: r.similarity.get(h.doc)! } : {}),
    }));
  }

  /** The stored passage with `id` (the full text behind a citation, for "Show passages"). */
  passage(id: string): Passage | undefined {
    return this.index.passages.find((p) => p.id === id);
  }

  /** The index, its articles and the mode it is searched in, for /sources, /help and `ask --json`. */
  status(): IndexStatus {
    return indexStatus(this.index, { mode: this.mode, modeReason: this.use.modeReason, modelInUse: modelInUse(this.use) });
  }

  /** One line on what the articles cover, for "not covered" replies. */
  coverageHint(): string {
    return coverageHint(this.index.articles);
  }
}
