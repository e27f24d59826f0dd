import { IndexCorruptError } from '../errors.js';

/**
 * Checks an hnswlib index file before hnswlib reads it. hnswlib trusts its file: a wrong element
 * count makes it allocate whatever the header says, and a neighbour id past the end makes a search
 * read outside its memory (a crash of the whole process, not an exception). So every header field
 * is compared with what our parameters and the manifest imply, and every link is checked to point
 * at an existing element on a level it has. One linear pass over the file.
 *
 * Layout (hnswlib 0.8, `saveIndex`): a 96-byte header; `count` level-0 records of
 * `[u32 links count, maxM0 × u32 ids, dim × f32 vector, u64 label]`; then per element a u32 byte
 * length of its upper-level link lists, each `[u32 count, maxM × u32 ids]`.
 */

const HEADER_BYTES = 96;
const U32 = 4;

/** What the file must describe. */
export interface HnswExpectation {
  name: string;
  count: number;
  dimensions: number;
  M: number;
  efConstruction: number;
}

/** Throws {@link IndexCorruptError} unless `data` is a well-formed index of exactly `expected`. */
export function checkHnswFile(data: Buffer, expected: HnswExpectation): void {
  const fail = (why: string): never => {
    throw new IndexCorruptError(`index file ${expected.name} is not a valid HNSW index of this index (${why})`);
  };
  if (data.length < HEADER_BYTES) fail('too short');
  const n = expected.count;
  const maxM = expected.M;
  const maxM0 = 2 * expected.M;
  const level0Links = U32 + maxM0 * U32;
  const perElement = level0Links + expected.dimensions * 4 + 8;
  const upperLinks = U32 + maxM * U32;
  const u64 = (at: number) => Number(data.readBigUInt64LE(at));
  const header = {
    offsetLevel0: u64(0),
    maxElements: u64(8),
    count: u64(16),
    perElement: u64(24),
    labelOffset: u64(32),
    dataOffset: u64(40),
    maxLevel: data.readInt32LE(48),
    entry: data.readUInt32LE(52),
    maxM: u64(56),
    maxM0: u64(64),
    M: u64(72),
    efConstruction: u64(88),
  };
  const wanted = {
    offsetLevel0: 0,
    maxElements: Math.max(1, n),
    count: n,
    perElement,
    labelOffset: level0Links + expected.dimensions * 4,
    dataOffset: level0Links,
    maxM,
    maxM0,
    M: expected.M,
    efConstruction: Math.max(expected.efConstruction, expected.M),
  };
  for (const [key, value] of Object.entries(wanted)) {
    if (header[key as keyof typeof header] !== value) fail(`${key} is ${header[key as keyof typeof header]}, expected ${value}`);
  }
  if (n === 0) return void (data.length === HEADER_BYTES || fail('data after an empty index'));
  if (header.maxLevel < 0 || header.maxLevel > 64 || header.entry >= n) fail('bad entry point');
  const upperStart = HEADER_BYTES + n * perElement;
  if (data.length < upperStart + n * U32) fail('too short for its elements');

  // First pass: each element's level, from the lengths of its upper link lists.
  const levels = new Int32Array(n);
  const upperAt = new Float64Array(n);
  let at = upperStart;
  for (let i = 0; i < n; i++) {
    if (at + U32 > data.length) fail('too short for its link lists');
    const bytes = data.readUInt32LE(at);
    if (bytes % upperLinks !== 0 || bytes / upperLinks > header.maxLevel) fail(`element ${i} has a bad level`);
    levels[i] = bytes / upperLinks;
    upperAt[i] = at + U32;
    at += U32 + bytes;
    if (at > data.length) fail('too short for its link lists');
  }
  if (at !== data.length) fail('bytes after the last link list');
  if (levels[header.entry] !== header.maxLevel) fail('entry point is not on the top level');

  // Second pass: every link names an element that exists on that level; labels are 0..n-1 once each.
  const seen = new Uint8Array(n);
  const checkList = (offset: number, capacity: number, level: number, i: number) => {
    const size = data.readUInt16LE(offset);
    if (size > capacity) fail(`element ${i} has too many links`);
    for (let k = 0; k < size; k++) {
      const to = data.readUInt32LE(offset + U32 + k * U32);
      if (to >= n || levels[to]! < level) fail(`element ${i} links to a missing element`);
    }
  };
  for (let i = 0; i < n; i++) {
    const base = HEADER_BYTES + i * perElement;
    checkList(base, maxM0, 0, i);
    const label = u64(base + wanted.labelOffset);
    if (label >= n || seen[label]) fail(`element ${i} has a bad label`);
    seen[label] = 1;
    for (let level = 1; level <= levels[i]!; level++) checkList(upperAt[i]! + (level - 1) * upperLinks, maxM, level, i);
  }
}
