import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { articleText, realSentences, writeSentenceCorpus } from '../../../bench/lib/synthetic-articles.js';
import { loadCorpus } from '../../../src/articles/corpus.js';
import { SHIPPED_ARTICLES } from '../../../harness/workspace.js';

/** Splits a paragraph back into pool sentences (longest match first); null if some text is not one. */
function asPoolSentences(paragraph: string, pool: readonly string[]): string[] | null {
  const byLength = [...pool].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = paragraph;
  while (rest) {
    const s = byLength.find((c) => rest === c || rest.startsWith(`${c} `));
    if (!s) return null;
    out.push(s);
    rest = rest.slice(s.length + 1);
  }
  return out;
}

async function contents(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).sort();
  return Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
}

describe('synthetic articles', () => {
  let dir: string;
  let pool: string[];
  let shipped: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synthetic-articles-'));
    pool = await realSentences(SHIPPED_ARTICLES);
    const files = (await readdir(SHIPPED_ARTICLES)).sort();
    shipped = (await Promise.all(files.map((f) => readFile(path.join(SHIPPED_ARTICLES, f), 'utf8')))).join('\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes distinct, verbatim sentences from the shipped articles', () => {
    expect(pool.length).toBeGreaterThan(30);
    expect(new Set(pool).size).toBe(pool.length);
    for (const s of pool) expect(shipped).toContain(s);
  });

  it('lays an article out as a headline line and blank-line separated paragraphs', () => {
    expect(articleText({ headline: 'H', paragraphs: ['One.', 'Two.'] })).toBe('H\n\nOne.\n\nTwo.\n');
  });

  it('is the same for a seed and differs between seeds', async () => {
    const write = (name: string, seed: number) => writeSentenceCorpus(SHIPPED_ARTICLES, path.join(dir, name), 12, { seed });
    await Promise.all([write('a', 1), write('b', 1), write('c', 2)]);
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => contents(path.join(dir, n))));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(new Set(a).size).toBe(12);
  });

  it('builds every paragraph from real sentences, none repeated within an article', async () => {
    const out = path.join(dir, 'made-of');
    await writeSentenceCorpus(SHIPPED_ARTICLES, out, 20, { seed: 3 });
    for (const text of await contents(out)) {
      const [, ...paragraphs] = text.trim().split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(3);
      const sentences = paragraphs.map((p) => asPoolSentences(p, pool));
      expect(sentences).not.toContain(null);
      const flat = sentences.flat();
      expect(new Set(flat).size).toBe(flat.length);
    }
  });

  it('loads through the corpus loader without skips, titled by its headline', async () => {
    const out = path.join(dir, 'loads');
    const files = await writeSentenceCorpus(SHIPPED_ARTICLES, out, 40, { seed: 4 });
    const { articles, skipped } = await loadCorpus(out);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.file)).toEqual(files);
    for (const a of articles) expect(a.titleSource).toBe('headline');
  });
});
