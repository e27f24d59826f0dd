import { ArticleFiles } from '../articles/verbatim.js';
import { IndexCorruptError, IndexMissingError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Embedder } from '../types.js';
import { readIndex, type StoredIndex } from './index-store.js';
import { reindex } from './reindex.js';
import { keepsPreviousIndex, staleness } from './staleness.js';

/**
 * Opening the index an engine answers from: read and verify it, rebuild it first when it is missing,
 * damaged or stale, and keep answering from the previous one when a rebuild is refused or fails.
 */

/** Where the index and its articles are, and whether it may be rebuilt. */
export interface OpenIndexOptions {
  articlesDir: string;
  embeddingsDir: string;
  /** The model the index should hold vectors for; null for a keyword-only index. */
  embedder: Embedder | null;
  logger: Logger;
  /** 'auto': build or update the index when it is missing, damaged or stale. 'never': load as is. */
  refresh?: 'auto' | 'never';
  onProgress?: (done: number, total: number) => void;
}

/** An index ready to answer from, with the article files its quotes are checked against. */
export interface OpenedIndex {
  index: StoredIndex;
  files: ArticleFiles;
  /** Why the index is behind the articles (it could not be rebuilt); undefined when it is current. */
  stale: string | undefined;
}

/** Reads the index in `embeddingsDir`, building or updating it first when needed and allowed. */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const { articlesDir, embeddingsDir, embedder, logger } = options;
  let index: StoredIndex | null = null;
  try {
    index = await readIndex(embeddingsDir);
  } catch (error) {
    if (!(error instanceof IndexMissingError || error instanceof IndexCorruptError)) throw error;
    if (error instanceof IndexCorruptError) logger.warn('index is damaged', { problem: error.message });
    if (options.refresh === 'never') throw error;
  }
  let files = index && (await ArticleFiles.read(articlesDir, index.articles));
  let why: string | null = index ? null : 'no usable index';
  let stale: string | undefined;
  try {
    if (index && options.refresh !== 'never') why = await staleness(index, articlesDir, embedder, files!);
    if (why) {
      logger.info('building the index', { why });
      await reindex({ articlesDir, embeddingsDir, embedder, logger, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
      index = await readIndex(embeddingsDir);
      files = await ArticleFiles.read(articlesDir, index.articles);
    }
  } catch (error) {
    // The old index is intact (a refused or failed reindex never touches it): answer from it.
    if (!index || !keepsPreviousIndex(error)) throw error;
    stale = `index not updated${why ? ` (${why})` : ''}: ${error.message}; answering from the previous index`;
    logger.warn('index not updated; answering from the previous index', {
      ...(why ? { why } : {}),
      problem: error.message,
      ...(error.context.code ? { code: error.context.code } : {}),
    });
  }
  // Past the try, both are set: a missing index was either rebuilt and read, or the error was thrown.
  return { index: index!, files: files!, stale };
}
