import { IndexShrinkError } from '../errors.js';

/**
 * An empty or mistyped `ARTICLES_DIR` looks, to a reindex, exactly like a maintainer deleting every
 * article: the index would be replaced by an empty one and a running bot would reload it and answer
 * nothing. A reindex that would drop every article the index holds, or more than half of them, is
 * therefore refused unless the caller says the shrink is meant (`--allow-shrink`).
 */

/** What the guard compares: the articles the index holds and those the folder has now. */
export interface ShrinkCheck {
  /** Ids of the articles in the index that would be replaced (an empty list: no index yet). */
  indexed: readonly string[];
  /** Ids of the articles the folder has now (readable ones only: a skipped file is dropped too). */
  found: readonly string[];
  articlesDir: string;
  embeddingsDir: string;
}

/** How many of `indexed` a reindex from `found` would drop. */
export function droppedArticles({ indexed, found }: Pick<ShrinkCheck, 'indexed' | 'found'>): number {
  const present = new Set(found);
  return indexed.filter((id) => !present.has(id)).length;
}

/** True when the reindex would drop every indexed article, or more than half of them. */
export function isShrink(check: Pick<ShrinkCheck, 'indexed' | 'found'>): boolean {
  const dropped = droppedArticles(check);
  // A first build (nothing indexed) drops nothing, so it is never a shrink.
  return dropped > 0 && (dropped === check.indexed.length || dropped > check.indexed.length / 2);
}

/** Throws {@link IndexShrinkError}, saying why and how to override, when the reindex is a shrink. */
export function refuseShrink(check: ShrinkCheck): void {
  if (!isShrink(check)) return;
  const { indexed, found, articlesDir, embeddingsDir } = check;
  const dropped = droppedArticles(check);
  const kept = indexed.length - dropped;
  const folder = found.length === 0 ? `${articlesDir} has no readable articles` : `${articlesDir} has ${found.length} (${kept} of them)`;
  throw new IndexShrinkError(
    `refusing to reindex: the index in ${embeddingsDir} holds ${plural(indexed.length, 'article')} but ${folder}, ` +
      `so ${dropped === indexed.length ? 'every article' : plural(dropped, 'article')} would be dropped. ` +
      'Check ARTICLES_DIR; if the articles really were removed, run npm run reindex -- --allow-shrink.',
    { articlesDir, embeddingsDir, indexed: String(indexed.length), found: String(found.length), dropped: String(dropped) },
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
