import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { articleSentences } from '../../src/passages/chunking.js';
import { loadCorpus } from '../../src/articles/corpus.js';
import { Prng } from './prng.js';

/**
 * Synthetic article corpora made of real article text, for benchmarks (a reindex of thousands of
 * articles) and tests (a reindex long enough to interrupt). Real sentences give the tokenizer,
 * cleaner and chunker the lengths and vocabulary they meet in production; random text would not.
 */

/** One article before it is written: a headline line and its paragraphs. */
export interface ArticleDraft {
  headline: string;
  paragraphs: string[];
}

/** The headline of synthetic article i (numbered, so every file differs from the others). */
export function syntheticHeadline(i: number): string {
  return `Albania and Iran: report ${i + 1} on the July 2022 cyberattack`;
}

/** The file text of a draft: the headline, a blank line, then paragraphs separated by blank lines. */
export function articleText(draft: ArticleDraft): string {
  return [draft.headline, '', ...draft.paragraphs.flatMap((p) => [p, ''])].join('\n');
}

/**
 * Writes `count` articles into `dir` as `synthetic-0000.txt`, `synthetic-0001.txt`…, drafting
 * them in order (so a seeded `draft` gives the same files every run). Returns the file names.
 */
export async function writeArticleFiles(dir: string, count: number, draft: (i: number) => ArticleDraft): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `synthetic-${String(i).padStart(4, '0')}.txt`;
    await writeFile(path.join(dir, file), articleText(draft(i)));
    files.push(file);
  }
  return files;
}

/**
 * Every distinct sentence of the articles in `articlesDir` as the corpus loader and chunker see
 * them (boilerplate already dropped), in file order. Sentences spanning a line break are left
 * out: rejoined into one paragraph they would no longer be verbatim.
 */
export async function realSentences(articlesDir: string): Promise<string[]> {
  const { articles } = await loadCorpus(articlesDir);
  const seen = new Set<string>();
  for (const article of articles) {
    for (const span of articleSentences(article)) {
      const sentence = article.text.slice(span.start, span.end);
      if (sentence.length >= 30 && !sentence.includes('\n')) seen.add(sentence);
    }
  }
  return [...seen];
}

/** Shape of a synthetic article; the defaults give about the length of the shipped articles. */
export interface SentenceArticleOptions {
  seed: number;
  /** Paragraphs per article: uniform in [min, max]. */
  paragraphs?: [number, number];
  /** Sentences per paragraph: uniform in [min, max]. */
  sentences?: [number, number];
}

/**
 * A drafting function for {@link writeArticleFiles}: article i gets a numbered headline and
 * paragraphs of real sentences in a shuffled order. Sentences are drawn without replacement
 * within an article, because the cleaner drops text an article repeats (photo captions).
 */
export function sentenceArticles(pool: readonly string[], options: SentenceArticleOptions): (i: number) => ArticleDraft {
  const [pMin, pMax] = options.paragraphs ?? [3, 6];
  const [sMin, sMax] = options.sentences ?? [2, 4];
  if (pool.length < pMax * sMax) throw new Error(`need at least ${pMax * sMax} distinct sentences, got ${pool.length}`);
  const random = new Prng(options.seed);
  const between = (lo: number, hi: number) => lo + random.int(hi - lo + 1);
  return (i) => {
    // A partial Fisher–Yates shuffle: only the sentences this article uses are drawn.
    const order = [...pool];
    let next = 0;
    const take = () => {
      const j = next + random.int(order.length - next);
      [order[next], order[j]] = [order[j]!, order[next]!];
      return order[next++]!;
    };
    const paragraphs = Array.from({ length: between(pMin, pMax) }, () => Array.from({ length: between(sMin, sMax) }, take).join(' '));
    return { headline: syntheticHeadline(i), paragraphs };
  };
}

/** Writes `count` sentence-shuffled articles built from `articlesDir` into `dir`; returns the file names. */
export async function writeSentenceCorpus(
  articlesDir: string,
  dir: string,
  count: number,
  options: SentenceArticleOptions,
): Promise<string[]> {
  return writeArticleFiles(dir, count, sentenceArticles(await realSentences(articlesDir), options));
}
