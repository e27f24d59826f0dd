import { bruteForceTopK, TopKHeap } from '../../../bench/lib/brute-force.js';
import { Prng } from '../../../bench/lib/prng.js';
import { Mixture, row } from '../../../bench/lib/synthetic.js';

/** The obvious reference: score every row, sort, take k. */
function sortReference(data: Float32Array, count: number, d: number, query: Float32Array, k: number): number[] {
  const scored = Array.from({ length: count }, (_, i) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[i * d + j]! * query[j]!;
    return { id: i, score: s };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, k)
    .map((n) => n.id);
}

describe('bruteForceTopK', () => {
  // 383 dimensions: not a multiple of 4, so the unrolled loop's remainder is exercised too.
  for (const d of [384, 383]) {
    it(`returns the same ids as a sort-based reference (${d} dimensions)`, () => {
      const mixture = new Mixture({ dimensions: d, seed: 1 });
      const corpus = mixture.sample(1000, 2);
      const queries = mixture.sample(25, 3);
      for (let q = 0; q < queries.count; q++) {
        const query = row(queries, q);
        for (const k of [1, 10, 50]) {
          expect(bruteForceTopK(corpus, query, k).map((n) => n.id)).toEqual(sortReference(corpus.data, corpus.count, d, query, k));
        }
      }
    });
  }

  it('returns cosine similarities of unit vectors, best first', () => {
    const mixture = new Mixture({ dimensions: 32, seed: 4 });
    const corpus = mixture.sample(100, 5);
    const top = bruteForceTopK(corpus, row(corpus, 17), 5);
    expect(top[0]!.id).toBe(17);
    expect(top[0]!.score).toBeCloseTo(1, 5);
    for (let i = 1; i < top.length; i++) expect(top[i]!.score).toBeLessThanOrEqual(top[i - 1]!.score);
  });

  it('returns every row when k exceeds the corpus, and nothing for k = 0', () => {
    const corpus = new Mixture({ dimensions: 8, seed: 1 }).sample(5, 2);
    expect(bruteForceTopK(corpus, row(corpus, 0), 10)).toHaveLength(5);
    expect(bruteForceTopK(corpus, row(corpus, 0), 0)).toEqual([]);
  });

  it('rejects a query of the wrong dimension', () => {
    const corpus = new Mixture({ dimensions: 8, seed: 1 }).sample(5, 2);
    expect(() => bruteForceTopK(corpus, new Float32Array(7), 1)).toThrow(/7 dimensions/);
  });
});

describe('TopKHeap', () => {
  it('keeps the k highest scores of a random stream, ties going to the earlier id', () => {
    const prng = new Prng(3);
    // Few distinct scores, so ties are common.
    const scores = Array.from({ length: 500 }, () => prng.int(20));
    const heap = new TopKHeap(15);
    scores.forEach((s, i) => heap.offer(i, s));
    const expected = scores
      .map((score, id) => ({ id, score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 15);
    expect(heap.sorted()).toEqual(expected);
  });
});
