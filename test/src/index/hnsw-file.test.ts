import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkHnswFile } from '../../../src/index/hnsw-file.js';
import { IndexCorruptError } from '../../../src/errors.js';
import { HNSW_PARAMS, VectorIndex } from '../../../src/index/vector-index.js';
import { mulberry32 as seededRandom } from '../../../harness/seeded-random.js';

/** Real hnswlib files, checked before hnswlib may read them. */

let dir: string;
let file: Buffer;
const N = 300;
const DIM = 8;
const expected = { name: 'hnsw-x.bin', count: N, dimensions: DIM, M: HNSW_PARAMS.M, efConstruction: HNSW_PARAMS.efConstruction };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-hnsw-'));
  const random = seededRandom(7);
  const vectors = Array.from({ length: N }, () => Float32Array.from({ length: DIM }, () => random() - 0.5));
  await VectorIndex.build(vectors, DIM).save(path.join(dir, 'x.bin'));
  file = await readFile(path.join(dir, 'x.bin'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('accepts what hnswlib wrote, for any element count including none and one', async () => {
  expect(() => checkHnswFile(file, expected)).not.toThrow();
  for (const n of [0, 1, 2]) {
    const target = path.join(dir, `n${n}.bin`);
    await VectorIndex.build(
      Array.from({ length: n }, () => new Float32Array(DIM).fill(0.5)),
      DIM,
    ).save(target);
    expect(() => checkHnswFile(Buffer.alloc(0), { ...expected, count: n })).toThrow(IndexCorruptError);
    checkHnswFile(await readFile(target), { ...expected, count: n });
  }
});

const edits: Array<[string, (b: Buffer) => void, RegExp]> = [
  ['a huge element capacity (hnswlib would allocate it)', (b) => b.writeBigUInt64LE(10n ** 12n, 8), /maxElements/],
  ['another element count', (b) => b.writeBigUInt64LE(BigInt(N + 1), 16), /count/],
  ['another dimension', (b) => b.writeBigUInt64LE(999n, 24), /perElement/],
  ['an entry point past the end', (b) => b.writeUInt32LE(N, 52), /entry point/],
  ['a neighbour id past the end', (b) => b.writeUInt32LE(N + 5, 96 + 4), /missing element/],
  ['more links than a node may have', (b) => b.writeUInt16LE(1000, 96), /too many links/],
  ['a duplicated label', (b) => b.writeBigUInt64LE(1n, 96 + (4 + 32 * 4 + DIM * 4)), /label/],
];

it.each(edits)('refuses %s', (_label, edit, why) => {
  const copy = Buffer.from(file);
  edit(copy);
  expect(() => checkHnswFile(copy, expected)).toThrow(why);
});

it('refuses a file cut short or extended', () => {
  expect(() => checkHnswFile(file.subarray(0, file.length - 4), expected)).toThrow(IndexCorruptError);
  expect(() => checkHnswFile(Buffer.concat([file, Buffer.alloc(4)]), expected)).toThrow(IndexCorruptError);
});
