/**
 * Summary statistics for benchmark samples. Percentiles use the nearest-rank method: the result is
 * always one of the measured values, so a p99 over 200 samples is the second-worst sample, not an
 * interpolation between samples that never happened.
 */

/** The nearest-rank `p`-th percentile (0 < p ≤ 100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/**
 * The middle value, or the mean of the two middle values for an even count. Unlike the
 * percentiles this one interpolates, matching the usual definition of a median.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const p50 = (values: readonly number[]): number => percentile(values, 50);
export const p95 = (values: readonly number[]): number => percentile(values, 95);
export const p99 = (values: readonly number[]): number => percentile(values, 99);

/** Latency summary in milliseconds. */
export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

/** Summarises samples (milliseconds), rounded to microseconds for the report. */
export function summarize(samples: readonly number[]): LatencySummary {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    n: samples.length,
    p50: r(p50(samples)),
    p95: r(p95(samples)),
    p99: r(p99(samples)),
    min: r(samples.length ? Math.min(...samples) : Number.NaN),
    max: r(samples.length ? Math.max(...samples) : Number.NaN),
  };
}

/** Milliseconds taken by `fn`, with its result. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** Milliseconds taken by an async `fn`, with its result. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/**
 * Runs `fn` `runs` times after `warmup` unmeasured runs and returns each run's milliseconds. On a
 * shared, noisy machine one run says little; the median of several says what is typical.
 */
export async function repeat(runs: number, fn: (run: number) => unknown, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}
