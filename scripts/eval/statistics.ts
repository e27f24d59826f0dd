/**
 * The statistics the evaluation reports with its figures. Its classes are small (a dozen to a few
 * dozen questions), so a figure alone overstates what is known: an interval says how far the rate
 * behind it may lie, and a sign test whether a change's wins and losses are more than chance.
 */

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of a rate seen as `k` of `n`: unlike the normal approximation it
 * stays inside [0, 1] and is sensible at 0 of n and n of n, which small classes often are. [0, 1] for n = 0.
 */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At none or all of n the bound is exactly 0 or 1; floating point would miss it by an ulp.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** Two-sided exact binomial (sign) test of `a` against `b` successes at one half. */
export function signTest(a: number, b: number): number {
  const n = a + b;
  if (n === 0) return 1;
  const k = Math.min(a, b);
  // P(X <= k) for X ~ Binomial(n, 1/2), summed in logs so large n does not overflow.
  let logC = 0;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, 2 * tail);
}
