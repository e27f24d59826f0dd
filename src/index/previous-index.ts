import { IndexCorruptError, IndexMissingError } from '../errors.js';
import type { Logger } from '../logger.js';
import { readIndex, type StoredIndex } from './index-store.js';

/**
 * The index a reindex replaces, as the reindex sees it. Its data is only ever reused, never needed:
 * a missing index means a first build and a damaged one a rebuild from the articles, so neither stops
 * the reindex.
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
