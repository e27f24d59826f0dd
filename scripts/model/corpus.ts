import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the article corpus is looked for, and how it is read for vocabulary building. */

/** Raised when no article folder can be found or it holds no articles. */
export class CorpusNotFoundError extends Error {
  override name = 'CorpusNotFoundError';
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED_ARTICLES = '/work/shared/articles';
const ARTICLE_FILE = /\.(txt|md)$/i;

/** The project's `data/articles/` when it exists, else the shared corpus. */
export function defaultCorpusDir(root: string = PROJECT_ROOT): string {
  const local = path.join(root, 'data', 'articles');
  return existsSync(local) && statSync(local).isDirectory() ? local : SHARED_ARTICLES;
}

/** Texts of every article file in `dir`, in file-name order so results are reproducible. */
export function readCorpus(dir: string): string[] {
  if (!existsSync(dir)) throw new CorpusNotFoundError(`Article folder not found: ${dir}`);
  const files = readdirSync(dir).filter((f) => ARTICLE_FILE.test(f)).sort();
  if (files.length === 0) throw new CorpusNotFoundError(`No .txt or .md articles in ${dir}`);
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
}
