/**
 * A small seeded pseudo-random generator, so generated model weights are identical on every run
 * and every machine (only integer arithmetic and exactly representable divisions are used).
 */

// Bound once: a global lookup per call is very slow inside jest's vm sandbox (tens of times slower
// for the tens of millions of draws of the minilm preset).
const { imul } = Math;

/** FNV-1a over UTF-16 code units: turns a tensor name into a 32-bit seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Returns a generator of uniform floats in [0, 1) (mulberry32). */
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

/**
 * A generator dedicated to one tensor: seeding by name (not by draw order) keeps every tensor's
 * values stable when other tensors are added or resized.
 */
export function prngFor(seed: number, name: string): () => number {
  return mulberry32(hashString(`${seed}:${name}`));
}
