import { bruteForceAll } from '../../../bench/lib/brute-force.js';
import { recallAtK } from '../../../bench/lib/recall.js';
import { Mixture } from '../../../bench/lib/synthetic.js';

describe('recallAtK', () => {
  const mixture = new Mixture({ dimensions: 16, seed: 7 });
  const corpus = mixture.sample(200, 8);
  const queries = mixture.sample(20, 9);
  const exact = bruteForceAll(corpus, queries, 10).map((r) => r.map((n) => n.id));

  it('is 1 for exact search against itself', () => {
    expect(recallAtK(exact, exact, 10)).toBe(1);
  });

  it('ignores order within the top k', () => {
    expect(
      recallAtK(
        exact,
        exact.map((ids) => [...ids].reverse()),
        10,
      ),
    ).toBe(1);
  });

  it('counts the fraction of the true top k that was found', () => {
    // Keep 7 of the true 10 and pad with rows that are certainly not in the top 10.
    const wrong = exact.map((ids) => {
      const outsiders = Array.from({ length: 200 }, (_, i) => i).filter((i) => !ids.includes(i));
      return [...ids.slice(0, 7), ...outsiders.slice(0, 3)];
    });
    expect(recallAtK(exact, wrong, 10)).toBeCloseTo(0.7, 10);
  });

  it('averages over queries', () => {
    const truth = [
      [1, 2],
      [3, 4],
    ];
    expect(
      recallAtK(
        truth,
        [
          [1, 2],
          [9, 9],
        ],
        2,
      ),
    ).toBe(0.5);
    expect(
      recallAtK(
        truth,
        [
          [2, 7],
          [4, 3],
        ],
        2,
      ),
    ).toBe(0.75);
  });

  it('only looks at the first k of each list', () => {
    expect(recallAtK([[1, 2, 3]], [[9, 8, 1]], 2)).toBe(0);
    expect(recallAtK([[1, 2, 3]], [[2, 1, 9]], 2)).toBe(1);
  });

  it('rejects mismatched query counts', () => {
    expect(() => recallAtK([[1]], [], 1)).toThrow(/1 exact/);
  });
});
