import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { syntheticHeadline, writeArticleFiles } from '../../bench/lib/synthetic-articles.js';
import { SHIPPED_ARTICLES } from '../../harness/workspace.js';
import { isArticleFile } from '../../src/articles/corpus.js';

/** Paragraphs of the shipped articles long enough to read as prose (no headlines or "Related Articles"). */
async function shippedParagraphs(): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(SHIPPED_ARTICLES)).filter(isArticleFile).sort()) {
    const text = await readFile(path.join(SHIPPED_ARTICLES, name), 'utf8');
    for (const p of text.split(/\n\s*\n/)) if (p.trim().length > 120 && !p.startsWith('---')) out.push(p.trim());
  }
  return out;
}

/**
 * Writes `count` extra articles into `dir`, each a different mix of the shipped paragraphs with a
 * distinct dateline, so a reindex has real work to do (a wider window to interrupt) and every file
 * hashes differently. Deterministic for a given `random`. (The benchmark's sentence-level corpus,
 * bench/lib/synthetic-articles.ts, writes the files the same way.)
 */
export async function writeSyntheticArticles(
  dir: string,
  count: number,
  random: () => number,
  paragraphsPerArticle = 8,
): Promise<string[]> {
  const pool = await shippedParagraphs();
  if (pool.length === 0) throw new Error(`no usable paragraphs in ${SHIPPED_ARTICLES}`);
  return writeArticleFiles(dir, count, (i) => ({
    headline: syntheticHeadline(i),
    paragraphs: Array.from({ length: paragraphsPerArticle }, (_, j) => {
      const p = pool[Math.floor(random() * pool.length)]!;
      return j === 0 ? `TIRANA, dispatch ${i + 1} — ${p}` : p;
    }),
  }));
}

/**
 * Appends a sentence to the given articles. Appending keeps every earlier offset valid, so quotes
 * from an index built before the change still slice the current files exactly.
 */
export async function appendToArticles(dir: string, files: string[], sentence: string): Promise<void> {
  for (const file of files) await appendFile(path.join(dir, file), `\n${sentence}\n`);
}
