/**
 * The one rounding helper: timings in answers, retrieval and the benchmark reports are rounded
 * here, so every figure keeps the same precision and no module carries its own copy.
 */

/**
 * `value` rounded to `digits` decimals (default 3: a time in milliseconds keeps its microseconds,
 * enough to compare stages, without float noise such as 0.30000000000000004 in JSON).
 */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
