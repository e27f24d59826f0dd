import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IndexCorruptError, IndexMissingError } from '../../../src/errors.js';
import { readIndex, writeIndex, type IndexContents } from '../../../src/index/index-store.js';
import { HNSW_PARAMS } from '../../../src/index/vector-index.js';

function contents(label: string, withVectors = true): IndexContents {
  const passages = [0, 1, 2].map((i) => ({
    id: `a#${i}`,
    articleId: 'a',
    title: label,
    start: i * 10,
    end: i * 10 + 9,
    text: `${label} ${i}`,
    sentences: [{ start: i * 10, end: i * 10 + 9 }],
  }));
  const vectors = [0, 1, 2].map((i) => Float32Array.from([i === 0 ? 1 : 0, i === 1 ? 1 : 0, i === 2 ? 1 : 0]));
  return {
    articles: [{ id: 'a', title: label, file: 'a.txt', hash: label, text: 'x'.repeat(40) }],
    passages,
    skipped: [],
    chunkerVersion: 1,
    model: withVectors ? { id: 'test/model', dimensions: 3 } : null,
    vectors: withVectors ? vectors : null,
  };
}

describe('index store', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-store-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips passages, vectors and a searchable HNSW index with ef set after load', async () => {
    await writeIndex(dir, contents('one'));
    const index = await readIndex(dir);
    expect(index.passages.map((p) => p.text)).toEqual(['one 0', 'one 1', 'one 2']);
    expect(Array.from(index.vectors![1]!)).toEqual([0, 1, 0]);
    expect(index.vectorIndex!.ef).toBe(HNSW_PARAMS.ef);
    expect(index.vectorIndex!.search(Float32Array.from([0, 0.1, 1]), 1)[0]!.doc).toBe(2);
    expect(index.manifest.model).toEqual({ id: 'test/model', dimensions: 3 });
    expect(index.manifest.articles).toEqual([{ id: 'a', file: 'a.txt', hash: 'one', passages: 3 }]);
  });

  it('writes a keyword-only index without vector files', async () => {
    const manifest = await writeIndex(dir, contents('kw', false));
    expect(manifest.files.vectors).toBeUndefined();
    expect((await readIndex(dir)).vectorIndex).toBeNull();
  });

  it('reports a missing index as missing', async () => {
    await expect(readIndex(dir)).rejects.toBeInstanceOf(IndexMissingError);
  });

  it.each(['corpus', 'vectors', 'hnsw'] as const)('detects a truncated %s file by its checksum', async (kind) => {
    const manifest = await writeIndex(dir, contents('one'));
    await truncate(path.join(dir, manifest.files[kind]!.name), 10);
    await expect(readIndex(dir)).rejects.toThrow(IndexCorruptError);
  });

  it('detects a corrupted manifest', async () => {
    await writeIndex(dir, contents('one'));
    await writeFile(path.join(dir, 'manifest.json'), '{"formatVersion": 1, "files"');
    await expect(readIndex(dir)).rejects.toThrow(/not valid JSON/);
  });

  it('keeps the previous index usable when a write dies before the manifest switch, and cleans up after', async () => {
    await writeIndex(dir, contents('old'));
    // What a reindex killed mid-way leaves: new-generation data files and a half-written temporary.
    await writeFile(path.join(dir, 'corpus-zzz-123.json'), '{"articles": [');
    await writeFile(path.join(dir, 'manifest.json.tmp-999-abcd'), '{');
    await writeFile(path.join(dir, 'hnsw-zzz-123.bin.tmp-999-abcd'), 'partial');
    const survivor = await readIndex(dir);
    expect(survivor.passages[0]!.text).toBe('old 0');
    expect(survivor.vectorIndex!.search(Float32Array.from([1, 0, 0]), 1)[0]!.doc).toBe(0);

    const manifest = await writeIndex(dir, contents('new'));
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['manifest.json', ...Object.values(manifest.files).map((f) => f.name)].sort());
    expect((await readIndex(dir)).passages[0]!.text).toBe('new 0');
    expect(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')).generation).toBe(manifest.generation);
  });
});
