import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the article corpus is looked for, and how it is read for vocabulary building. */

/** Raised when no article folder can be found or it holds no articles. */
export class CorpusNotFoundError extends Error {
  override name = 'CorpusNotFoundError';
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLE_FILE = /\.(txt|md)$/i;

/**
 * A pinned copy of the original five articles. The committed fixture must regenerate byte for
 * byte, so its vocabulary cannot follow `data/articles/`, which maintainers change.
 */
export function defaultCorpusDir(root: string = PROJECT_ROOT): string {
  return path.join(root, 'test', 'fixtures', 'model-vocabulary');
}

/** The evaluation's own articles (test/fixtures/eval/articles), a fixed corpus like the pinned copy. */
export function evalCorpusDir(root: string = PROJECT_ROOT): string {
  return path.join(root, 'test', 'fixtures', 'eval', 'articles');
}

/** Texts of every article file in `dir`, in file-name order so results are reproducible. */
export function readCorpus(dir: string): string[] {
  if (!existsSync(dir)) throw new CorpusNotFoundError(`Article folder not found: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => ARTICLE_FILE.test(f))
    .sort();
  if (files.length === 0) throw new CorpusNotFoundError(`No .txt or .md articles in ${dir}`);
  return files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
}
