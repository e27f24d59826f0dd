import { mulberry32 } from '../../harness/seeded-random.js';

/**
 * Seeded draws for generated model weights, identical on every run and machine: the repository's
 * one generator (harness/seeded-random.ts), seeded per tensor by name.
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

/**
 * A generator dedicated to one tensor: seeding by name (not by draw order) keeps every tensor's
 * values stable when other tensors are added or resized.
 */
export function prngFor(seed: number, name: string): () => number {
  return mulberry32(hashString(`${seed}:${name}`));
}
