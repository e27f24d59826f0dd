import fc from 'fast-check';
import { signTest, wilson } from '../../../scripts/eval/statistics.js';

describe('signTest', () => {
  it('gives the exact two-sided binomial tail', () => {
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(5, 0)).toBeCloseTo(2 / 32, 12);
    expect(signTest(6, 0)).toBeCloseTo(2 / 64, 12);
    // 8 against 2: P(X <= 2) = (1 + 10 + 45) / 1024, doubled.
    expect(signTest(8, 2)).toBeCloseTo((2 * 56) / 1024, 12);
    expect(signTest(3, 3)).toBe(1);
  });

  it('is symmetric, a probability, and falls as the split grows more uneven', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (a, b) => {
        const p = signTest(a, b);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(signTest(b, a)).toBe(p);
        if (a >= b) expect(signTest(a + 1, b)).toBeLessThanOrEqual(p);
      }),
    );
  });
});

describe('wilson', () => {
  it('gives the Wilson 95% interval, inside [0, 1] even at none or all of n', () => {
    const [lo5, hi5] = wilson(5, 10);
    expect(lo5).toBeCloseTo(0.2366, 4);
    expect(hi5).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10)[1]).toBe(1);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  it('holds the observed rate and narrows as the same rate is seen over more questions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.integer({ min: 2, max: 10 }), (n, raw, m) => {
        const k = raw % (n + 1);
        const [lo, hi] = wilson(k, n);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(k / n + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(k / n - 1e-12);
        const [wideLo, wideHi] = [lo, hi];
        const [narrowLo, narrowHi] = wilson(k * m, n * m);
        expect(narrowHi - narrowLo).toBeLessThan(wideHi - wideLo);
      }),
    );
  });
});
