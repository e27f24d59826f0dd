import { loadCorpus } from '../../src/articles/corpus.js';
import type { Answer } from '../../src/types.js';

/**
 * Checks that every quote in `answer` is verbatim: exactly the slice of the article file it cites,
 * as loaded from disk now (not from the index, which is what is under test). Returns the problems.
 */
export async function citationProblems(answer: Answer, articlesDir: string): Promise<string[]> {
  const { articles } = await loadCorpus(articlesDir);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const problems: string[] = [];
  for (const c of answer.citations) {
    const article = byId.get(c.source);
    if (!article) problems.push(`[${c.n}] cites unknown article ${c.source}`);
    else if (article.text.slice(c.start, c.end) !== c.quote) problems.push(`[${c.n}] quote is not ${c.source}[${c.start}, ${c.end})`);
  }
  return problems;
}
