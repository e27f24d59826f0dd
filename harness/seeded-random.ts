/**
 * The one seeded pseudo-random generator of the repository, for everything that must draw the same
 * "random" numbers on every run and machine: benchmark corpora (bench/lib/prng.ts), generated model
 * weights (scripts/model/prng.ts), the evaluation's typing slips (scripts/eval/slips.ts) and fault
 * timings in tests. `Math.random` cannot be seeded.
 */

// Bound once: inside jest's vm sandbox every global lookup (even `Math`) goes through a slow
// interceptor, tens of times slower for the millions of draws of a benchmark corpus or a model.
const { imul } = Math;

/**
 * mulberry32: 32-bit state, fast, and good enough for test and benchmark data (not for anything
 * secret). Returns a generator of uniform floats in [0, 1); the same seed gives the same sequence.
 * Only integer arithmetic and an exact division are used, so every platform agrees bit for bit.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
