import { bruteForceTopK } from '../../../bench/lib/brute-force.js';
import { Mixture, row } from '../../../bench/lib/synthetic.js';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('Mixture', () => {
  it('draws unit vectors of the requested dimension', () => {
    for (const distribution of ['clustered', 'uniform'] as const) {
      const set = new Mixture({ dimensions: 384, seed: 1, distribution }).sample(50, 2);
      expect(set.count).toBe(50);
      expect(set.data).toHaveLength(50 * 384);
      for (let i = 0; i < set.count; i++) expect(norm(row(set, i))).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = new Mixture({ dimensions: 64, seed: 1 }).sample(10, 2);
    const b = new Mixture({ dimensions: 64, seed: 1 }).sample(10, 2);
    const c = new Mixture({ dimensions: 64, seed: 1 }).sample(10, 3);
    expect(b.data).toEqual(a.data);
    expect(c.data).not.toEqual(a.data);
  });

  it('gives clustered data much closer nearest neighbours than uniform data', () => {
    const nearest = (distribution: 'clustered' | 'uniform') => {
      const mixture = new Mixture({ dimensions: 384, seed: 1, distribution, clusters: 20 });
      const corpus = mixture.sample(2000, 2);
      const queries = mixture.sample(20, 3);
      let sum = 0;
      for (let q = 0; q < queries.count; q++) sum += bruteForceTopK(corpus, row(queries, q), 1)[0]!.score;
      return sum / queries.count;
    };
    expect(nearest('clustered')).toBeGreaterThan(0.5);
    expect(nearest('uniform')).toBeLessThan(0.3);
  });
});
