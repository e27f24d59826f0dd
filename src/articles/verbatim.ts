import { readFile } from 'node:fs/promises';
import { entryInside, isArticleFileName } from './inside-folder.js';

/**
 * The article files as they are on disk, read when an engine opens, against which every quote is
 * checked before it is shown. The index is a cache: if it was altered (or built from other files),
 * a quote it yields may be text that no article contains. Only a quote found verbatim in the file of
 * the article it cites is shown.
 */
export class ArticleFiles {
  private constructor(private readonly texts: ReadonlyMap<string, string>) {}

  /** Reads each article's file from `dir` (refusing names with separators and symlinks that leave it). */
  static async read(dir: string, articles: ReadonlyArray<{ id: string; file: string }>): Promise<ArticleFiles> {
    const texts = new Map<string, string>();
    for (const article of articles) {
      if (!isArticleFileName(article.file)) continue;
      const entry = await entryInside(dir, article.file);
      if (!entry.ok) continue;
      const text = await readFile(entry.path, 'utf8').catch(() => undefined);
      if (text !== undefined) texts.set(article.id, text);
    }
    return new ArticleFiles(texts);
  }

  /** True when `quote` is non-empty and appears verbatim in the file of article `id`. */
  contains(id: string, quote: string): boolean {
    return quote.length > 0 && (this.texts.get(id)?.includes(quote) ?? false);
  }

  /** True when the whole stored text of an article is in its file (its body, after any front matter). */
  holds(id: string, text: string): boolean {
    return this.texts.get(id)?.endsWith(text) ?? false;
  }
}
