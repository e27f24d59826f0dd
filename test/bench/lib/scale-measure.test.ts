import { measureScale } from '../../../bench/lib/scale-measure.js';

describe('measureScale', () => {
  it('sweeps ef and picks the smallest value meeting the recall target', async () => {
    const r = await measureScale({ size: 2000, queries: 30, efs: [10, 40, 400], repeats: 2 });
    expect(r).toMatchObject({ size: 2000, dimensions: 384, distribution: 'clustered', k: 10, queries: 30 });
    expect(r.hnsw).toMatchObject({ M: 16, efConstruction: 200 });
    expect(r.hnsw.indexBytes).toBeGreaterThan(2000 * 384 * 4);
    expect(r.memory.vectorBytes).toBe(2000 * 384 * 4);
    expect(r.sweep.map((p) => p.ef)).toEqual([10, 40, 400]);
    const first = r.sweep.find((p) => p.recall >= 0.95)!;
    expect(r.chosen).toMatchObject({ ef: first.ef, recall: first.recall, metTarget: true });
    expect(r.chosen.latency).toMatchObject({ n: 30, passes: 2 });
    expect(r.bruteForce).toMatchObject({ n: 30, passes: 2 });
    expect(r.chosen.speedupP50).toBeGreaterThan(0);
  });

  it('reports the largest ef, flagged, when none meets the target', async () => {
    const r = await measureScale({ size: 1000, queries: 20, efs: [10, 20], repeats: 1, distribution: 'uniform', targetRecall: 1.01 });
    expect(r.chosen).toMatchObject({ ef: 20, metTarget: false });
    expect(r.mixture).toBeNull();
  });
});
