import { loadCorpus } from '../articles/corpus.js';
import type { ArticleFiles } from '../articles/verbatim.js';
import { CHUNKER_VERSION } from '../passages/chunking.js';
import { CALIBRATION_PROBES_VERSION } from './calibration-probes.js';
import type { StoredIndex } from './index-store.js';
import type { Embedder } from '../types.js';
import { CorpusError, IndexShrinkError, IndexUnwritableError, type CasefileError } from '../errors.js';

/**
 * Whether an index that opened fine still describes the articles folder and the configured model.
 * Anything it returns is a reason to reindex before answering.
 */

/** Why the stored index can't be used as is, or null when it is current. */
export async function staleness(
  index: StoredIndex,
  articlesDir: string,
  embedder: Embedder | null,
  files: ArticleFiles,
): Promise<string | null> {
  if (index.manifest.chunkerVersion !== CHUNKER_VERSION) return 'chunker changed';
  if (embedder && index.manifest.model?.id !== embedder.modelId) {
    return `index built with ${index.manifest.model?.id ?? 'no model'}, configured model is ${embedder.modelId}`;
  }
  if (embedder && index.manifest.calibration?.probesVersion !== CALIBRATION_PROBES_VERSION) return 'model not calibrated';
  if (embedder && !index.sentenceVectors) return 'no sentence vectors';
  const { articles, skipped } = await loadCorpus(articlesDir);
  const stored = new Map(index.manifest.articles.map((a) => [a.id, a.hash]));
  const changed = articles.length !== stored.size || articles.some((a) => stored.get(a.id) !== a.hash);
  const newlySkipped = skipped.some((s) => !index.manifest.skipped.some((k) => k.file === s.file && k.reason === s.reason));
  if (changed || newlySkipped) return 'articles changed';
  // Same files, but the stored text (which quotes are cut from) is not theirs: the index was altered.
  return index.articles.some((a) => !files.holds(a.id, a.text)) ? 'stored article text differs from the article files' : null;
}

/**
 * Whether, after `error` while checking or rebuilding a stale index, the previous index can still be
 * served: the articles folder is missing or would empty the index, or the index folder can't be
 * written. Each leaves the previous index as it was; a bot that stopped answering over it would be worse.
 */
export function keepsPreviousIndex(error: unknown): error is CasefileError {
  return error instanceof CorpusError || error instanceof IndexShrinkError || error instanceof IndexUnwritableError;
}
