import { CHUNKER_VERSION } from '../passages/chunking.js';
import { loadCorpus } from '../articles/corpus.js';
import { writeIndex, type StoredArticle } from './index-store.js';
import { carryOver, readPreviousIndex, type ArticleChanges } from './previous-index.js';
import { silentLogger, type Logger } from '../logger.js';
import { withReindexLock } from './reindex-lock.js';
import { calibrate, type Calibration } from './calibration.js';
import { embedSentences } from './sentence-vectors.js';
import { refuseShrink } from './shrink-guard.js';
import { unwritableFolder } from './unwritable-folder.js';
import type { Embedder, SkippedArticle } from '../types.js';

/**
 * One reindex run, start to finish: under the folder's lock, read the articles and the previous
 * index, carry over what is unchanged (`previous-index.ts`), embed the rest, calibrate the model on
 * this corpus and write the new index.
 */

/** Where the articles and the index are, the model to embed with, and how to report and wait. */
export interface ReindexOptions {
  articlesDir: string;
  embeddingsDir: string;
  /** null builds a keyword-only index. */
  embedder: Embedder | null;
  logger?: Logger;
  /** Called as passages are embedded. */
  onProgress?: (done: number, total: number) => void;
  /** Passages per embedding call; progress is reported after each. */
  batchSize?: number;
  /** How long to wait for another reindex of the same folder (default 10 minutes). */
  lockTimeoutMs?: number;
  /** Allow dropping every article, or more than half of them (see `shrink-guard.ts`); refused otherwise. */
  allowShrink?: boolean;
}

/** What a reindex did, for the summary line. */
export interface ReindexSummary extends ArticleChanges {
  skipped: SkippedArticle[];
  passages: number;
  /** Passages whose vectors were computed this run (0 when nothing changed). */
  embedded: number;
  /** Distinct sentences indexed, and those whose vectors were computed this run. */
  sentences: number;
  embeddedSentences: number;
  model: string | null;
  seconds: number;
  /** Why the previous index could not be reused, if it could not. */
  previousProblem?: string;
}

/**
 * Brings the index up to date with the articles folder. Articles whose bytes, the chunker and the
 * model are all unchanged keep their passages and vectors; only the rest are chunked and embedded.
 * The new index replaces the old one atomically, so a crash here leaves the old one usable. One
 * reindex at a time writes a folder: a second waits for the first (see {@link withReindexLock}).
 */
export async function reindex(options: ReindexOptions): Promise<ReindexSummary> {
  const logger = options.logger ?? silentLogger;
  try {
    return await withReindexLock(options.embeddingsDir, () => reindexUnlocked(options), {
      logger,
      ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}),
    });
  } catch (error) {
    // Articles are read through loadCorpus (its own errors) and the old index through readIndex
    // (missing or damaged): an errno like EROFS or ENOSPC here comes from writing the index folder.
    throw unwritableFolder(error, options.embeddingsDir) ?? error;
  }
}

async function reindexUnlocked(options: ReindexOptions): Promise<ReindexSummary> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const { articles, skipped } = await loadCorpus(options.articlesDir);
  for (const s of skipped) logger.warn('skipped article', { file: s.file, reason: s.reason });
  const { index: previous, problem } = await readPreviousIndex(options.embeddingsDir, logger);
  if (!options.allowShrink) {
    const indexed = previous?.manifest.articles.map((a) => a.id) ?? [];
    refuseShrink({ indexed, found: articles.map((a) => a.id), articlesDir: options.articlesDir, embeddingsDir: options.embeddingsDir });
  }

  const embedder = options.embedder;
  const model = embedder ? { id: embedder.modelId, dimensions: embedder.dimensions } : null;
  const { changes, passages, vectors, previousSentences } = carryOver(articles, previous, model?.id ?? null);

  const summary: ReindexSummary = {
    ...changes,
    skipped,
    passages: 0,
    embedded: 0,
    sentences: 0,
    embeddedSentences: 0,
    model: model?.id ?? null,
    seconds: 0,
    ...(problem ? { previousProblem: problem } : {}),
  };
  if (embedder) {
    const todo = vectors.flatMap((v, i) => (v ? [] : [i]));
    const batch = options.batchSize ?? 16;
    options.onProgress?.(0, todo.length);
    for (let k = 0; k < todo.length; k += batch) {
      const rows = todo.slice(k, k + batch);
      const embedded = await embedder.embedPassages(rows.map((r) => passages[r]!.text));
      rows.forEach((r, j) => (vectors[r] = embedded[j]!));
      options.onProgress?.(Math.min(k + batch, todo.length), todo.length);
    }
    summary.embedded = todo.length;
  }
  // Sentence vectors, incrementally like passages: those of unchanged articles are carried over.
  let sentenceVectors: Float32Array[] | null = null;
  if (embedder) {
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const result = await embedSentences(embedder, passages, (id) => texts.get(id)!, previousSentences, options.batchSize);
    sentenceVectors = result.vectors;
    summary.sentences = result.vectors.length;
    summary.embeddedSentences = result.embedded;
  }

  const stored: StoredArticle[] = articles.map(({ blocks: _blocks, ...rest }) => rest);
  // Off-topic probes and article titles against this corpus: decides when meaning alone may answer.
  let calibration: Calibration | undefined;
  if (embedder) calibration = await calibrate(embedder, passages, vectors as Float32Array[], new Map(articles.map((a) => [a.id, a.title])));
  await writeIndex(options.embeddingsDir, {
    articles: stored,
    passages,
    skipped,
    model,
    vectors: embedder ? (vectors as Float32Array[]) : null,
    chunkerVersion: CHUNKER_VERSION,
    ...(calibration ? { calibration } : {}),
    sentenceVectors,
  });
  summary.passages = passages.length;
  summary.seconds = (performance.now() - started) / 1000;
  logger.info('index written', { passages: summary.passages, embedded: summary.embedded, model: summary.model });
  return summary;
}
