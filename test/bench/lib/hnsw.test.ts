import { bruteForceAll } from '../../../bench/lib/brute-force.js';
import { buildHnsw, searchAll, searchHnsw } from '../../../bench/lib/hnsw.js';
import { recallAtK } from '../../../bench/lib/recall.js';
import { Mixture, row } from '../../../bench/lib/synthetic.js';

describe('HNSW against brute force', () => {
  const mixture = new Mixture({ dimensions: 384, seed: 11 });
  const corpus = mixture.sample(2000, 12);
  const queries = mixture.sample(50, 13);
  const exact = bruteForceAll(corpus, queries, 10).map((r) => r.map((n) => n.id));
  const index = buildHnsw(corpus);

  it('holds every vector under its row number', () => {
    expect(index.getCurrentCount()).toBe(2000);
    expect(searchHnsw(index, row(corpus, 123), 1)).toEqual([123]);
  });

  it('reaches recall@10 ≥ 0.95 at a high ef', () => {
    index.setEf(200);
    const { ids, ms } = searchAll(index, queries, 10);
    expect(ms).toHaveLength(50);
    expect(recallAtK(exact, ids, 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('does not lose recall as ef grows', () => {
    const recallAt = (ef: number) => {
      index.setEf(ef);
      return recallAtK(exact, searchAll(index, queries, 10).ids, 10);
    };
    expect(recallAt(400)).toBeGreaterThanOrEqual(recallAt(10));
  });
});
