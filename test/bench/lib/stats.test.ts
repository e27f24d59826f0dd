import { median, p50, p95, p99, percentile, repeat, summarize } from '../../../bench/lib/stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('returns the value at rank ceil(p/100 · n) of the sorted samples', () => {
    expect(p50(hundred)).toBe(50);
    expect(p95(hundred)).toBe(95);
    expect(p99(hundred)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0.5)).toBe(1);
  });

  it('always returns a measured value, never an interpolation', () => {
    const samples = [10, 20, 30, 40];
    expect(p50(samples)).toBe(20);
    expect(p95(samples)).toBe(40);
    expect(p99([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000])).toBe(1000);
  });

  it('handles a single sample, no samples and bad p', () => {
    expect(p99([7])).toBe(7);
    expect(p50([])).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    p50(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is the middle value for odd counts and the mean of the middle two for even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports count, percentiles and extremes', () => {
    const s = summarize(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(s).toEqual({ n: 200, p50: 100, p95: 190, p99: 198, min: 1, max: 200 });
  });
});

describe('repeat', () => {
  it('runs warm-up calls unmeasured, then returns one duration per measured run', async () => {
    const calls: number[] = [];
    const durations = await repeat(3, (run) => void calls.push(run), 2);
    expect(calls).toEqual([-1, -2, 0, 1, 2]);
    expect(durations).toHaveLength(3);
    for (const d of durations) expect(d).toBeGreaterThanOrEqual(0);
  });
});
