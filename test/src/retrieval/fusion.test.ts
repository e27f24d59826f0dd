import { RRF_K, reciprocalRankFusion } from '../../../src/retrieval/fusion.js';

describe('reciprocalRankFusion', () => {
  it('rewards documents ranked well by both lists', () => {
    const fused = reciprocalRankFusion([{ ids: [1, 2, 3] }, { ids: [2, 3, 1] }]);
    expect(fused.map((h) => h.doc)).toEqual([2, 1, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
  });

  it('keeps documents found by only one list, below those found by both', () => {
    const fused = reciprocalRankFusion([{ ids: [7, 1] }, { ids: [1, 9] }]);
    expect(fused[0]!.doc).toBe(1);
    expect(fused.map((h) => h.doc).sort()).toEqual([1, 7, 9]);
  });

  it('weights lists', () => {
    const fused = reciprocalRankFusion([
      { ids: [1], weight: 1 },
      { ids: [2], weight: 3 },
    ]);
    expect(fused[0]!.doc).toBe(2);
  });

  it('is empty for no lists', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
