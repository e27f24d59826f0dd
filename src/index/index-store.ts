import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VectorIndex } from './vector-index.js';
import { parseCorpusFile, type StoredArticle } from './corpus-file.js';
import { checkHnswFile } from './hnsw-file.js';
import { sentenceKeys } from './sentence-vectors.js';
import { IndexCorruptError, IndexMissingError } from '../errors.js';
import { manifestPath, parseManifest, type FileRecord, type Manifest } from './manifest.js';
import type { Passage } from '../types.js';

/**
 * The index on disk, under `embeddings/`. Data files carry a generation id in their names and are
 * written first; `manifest.json` is replaced last, atomically, and names the files of its
 * generation with their checksums. A reindex killed at any point therefore leaves the previous
 * manifest pointing at the previous, intact files.
 */

export { MANIFEST_FILE, FORMAT_VERSION, manifestPath, type FileRecord, type Manifest } from './manifest.js';
export { indexBytes, removeDebris, writeIndex, type IndexContents } from './index-writer.js';
// Re-exported while branches that import them from here move to src/errors.ts.
export { IndexCorruptError, IndexMissingError } from '../errors.js';
export type { StoredArticle } from './corpus-file.js';

/** Everything an engine needs, loaded and verified. */
export interface StoredIndex {
  manifest: Manifest;
  articles: StoredArticle[];
  passages: Passage[];
  /** Row i is passage i's vector; null for a keyword-only index. */
  vectors: Float32Array[] | null;
  vectorIndex: VectorIndex | null;
  /** Row i is the vector of sentence i in `sentenceKeys` order; null without a model. */
  sentenceVectors?: Float32Array[] | null;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

async function readVerified(dir: string, record: FileRecord): Promise<Buffer> {
  const file = path.join(dir, record.name);
  // Not a symlink, not a folder, and the size the manifest states, before reading it whole.
  const info = await lstat(file).catch(() => null);
  if (!info) throw new IndexCorruptError(`index file ${record.name} is missing`);
  if (!info.isFile()) throw new IndexCorruptError(`index file ${record.name} is not a plain file`);
  if (info.size !== record.bytes)
    throw new IndexCorruptError(`index file ${record.name} does not match its checksum (truncated or altered)`);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new IndexCorruptError(`index file ${record.name} is missing`);
  }
  if (data.length !== record.bytes || sha256(data) !== record.sha256) {
    throw new IndexCorruptError(`index file ${record.name} does not match its checksum (truncated or altered)`);
  }
  return data;
}

/**
 * Reads and verifies the index in `dir`. Nothing in the folder is trusted: the manifest is checked
 * by schema, every file by size and checksum, and every count, offset and dimension against the
 * files; anything wrong is an {@link IndexCorruptError}, which callers rebuild from.
 */
export async function readIndex(dir: string): Promise<StoredIndex> {
  let raw: string;
  try {
    raw = await readFile(manifestPath(dir), 'utf8');
  } catch {
    throw new IndexMissingError(`no index in ${dir}`);
  }
  const manifest = parseManifest(raw);
  const { articles, passages } = parseCorpusFile(await readVerified(dir, manifest.files.corpus), manifest);
  let vectors: Float32Array[] | null = null;
  let vectorIndex: VectorIndex | null = null;
  if (manifest.model && manifest.files.vectors && manifest.files.hnsw) {
    const { dimensions } = manifest.model;
    const rows = await readVerified(dir, manifest.files.vectors);
    if (rows.length !== manifest.passageCount * dimensions * 4) {
      throw new IndexCorruptError(`vector file holds ${rows.length} bytes, not ${manifest.passageCount} rows of ${dimensions} dimensions`);
    }
    vectors = splitRows(rows, dimensions);
    const hnsw = await readVerified(dir, manifest.files.hnsw);
    checkHnswFile(hnsw, { name: manifest.files.hnsw.name, count: manifest.passageCount, dimensions, ...manifest.hnsw });
    vectorIndex = await VectorIndex.load(path.join(dir, manifest.files.hnsw.name), dimensions);
  }
  let sentenceVectors: Float32Array[] | null = null;
  if (manifest.model && manifest.files.sentences) {
    const { dimensions } = manifest.model;
    const rows = await readVerified(dir, manifest.files.sentences);
    const expected = sentenceKeys(passages).length;
    if (rows.length !== expected * dimensions * 4) {
      throw new IndexCorruptError(`sentence vector file holds ${rows.length} bytes, not ${expected} rows of ${dimensions} dimensions`);
    }
    sentenceVectors = splitRows(rows, dimensions);
  }
  return { manifest, articles, passages, vectors, vectorIndex, sentenceVectors };
}

function splitRows(data: Buffer, dimensions: number): Float32Array[] {
  const all = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const rows: Float32Array[] = [];
  for (let i = 0; i < all.length; i += dimensions) rows.push(all.subarray(i, i + dimensions));
  return rows;
}
