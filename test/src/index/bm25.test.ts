import { Bm25Index, topK } from '../../../src/index/bm25.js';

const docs = [['albania', 'iran', 'tie'], ['cyber', 'attack', 'juli', 'albania'], ['iran', 'deni', 'attack', 'attack'], ['weather']];
const q = (...t: string[]) => t.map((term) => ({ term, weight: 1 }));

describe('Bm25Index', () => {
  const index = new Bm25Index(docs);

  it('gives rarer terms a higher idf, and unknown terms the highest', () => {
    expect(index.idf('weather')).toBeGreaterThan(index.idf('albania'));
    expect(index.idf('unknown')).toBeGreaterThan(index.idf('weather'));
    expect(index.idf('albania')).toBeGreaterThan(0);
  });

  it('ranks the document matching more and rarer terms first', () => {
    const hits = index.search(q('iran', 'attack'));
    expect(hits[0]!.doc).toBe(2);
    expect(hits.map((h) => h.doc).sort()).toEqual([0, 1, 2]);
  });

  it('applies query term weights', () => {
    const strong = index.search([{ term: 'juli', weight: 1 }])[0]!.score;
    const weak = index.search([{ term: 'juli', weight: 0.5 }])[0]!.score;
    expect(weak).toBeCloseTo(strong / 2);
  });

  it('returns nothing for terms no document has, and honours k', () => {
    expect(index.search(q('nothing'))).toEqual([]);
    expect(index.search(q('albania', 'iran', 'attack'), 2)).toHaveLength(2);
  });
});

/** BM25 the slow, obvious way, to check the index's scratch buffer and heap against. */
function naiveSearch(corpus: string[][], query: Array<{ term: string; weight: number }>, k: number) {
  const avg = corpus.reduce((a, d) => a + d.length, 0) / corpus.length;
  const hits = corpus.map((d, doc) => {
    let score = 0;
    for (const { term, weight } of query) {
      const tf = d.filter((t) => t === term).length;
      const df = corpus.filter((x) => x.includes(term)).length;
      if (!tf) continue;
      const idf = Math.log(1 + (corpus.length - df + 0.5) / (df + 0.5));
      score += weight * idf * ((tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * d.length) / avg)));
    }
    return { doc, score };
  });
  return hits
    .filter((h) => h.score > 0)
    .sort((x, y) => y.score - x.score || x.doc - y.doc)
    .slice(0, k);
}

describe('Bm25Index.search against a naive BM25', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary = Array.from({ length: 40 }, (_, i) => `t${i}`);
  const corpus = Array.from({ length: 300 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 12) }, () => vocabulary[Math.floor(random() ** 2 * 40)]!),
  );
  const index = new Bm25Index(corpus);

  it('returns the same hits, in the same order, query after query', () => {
    for (let i = 0; i < 50; i++) {
      const query = Array.from({ length: 1 + (i % 5) }, (_, j) => ({ term: vocabulary[(i * 7 + j * 11) % 40]!, weight: j % 2 ? 0.4 : 1 }));
      const k = [1, 5, 20, 500][i % 4]!;
      const got = index.search(query, k);
      const want = naiveSearch(corpus, query, k);
      expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
      got.forEach((h, j) => expect(h.score).toBeCloseTo(want[j]!.score, 9));
    }
  });

  it('ignores terms of zero weight', () => {
    expect(index.search([{ term: 't0', weight: 0 }])).toEqual([]);
  });
});

describe('topK', () => {
  it('keeps the k best, best first, lower document first on ties', () => {
    const score = (doc: number) => [5, 1, 5, 3, 9, 3][doc]!;
    expect(topK([0, 1, 2, 3, 4, 5], score, 3)).toEqual([
      { doc: 4, score: 9 },
      { doc: 0, score: 5 },
      { doc: 2, score: 5 },
    ]);
    expect(topK([5, 3, 1], score, 10).map((h) => h.doc)).toEqual([3, 5, 1]);
    expect(topK([0, 1], score, 0)).toEqual([]);
  });
});
