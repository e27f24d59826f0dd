import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_MARKER, commitTempFile, tempPathFor, writeFileAtomic } from '../atomic-write.js';
import { calibrationSchema, type Calibration } from './calibration.js';
import { HNSW_PARAMS, VectorIndex } from './vector-index.js';
import type { ArticleMeta, Passage, SkippedArticle } from '../types.js';
import { IndexCorruptError, IndexMissingError } from '../errors.js';

/**
 * The index on disk, under `embeddings/`. Data files carry a generation id in their names and are
 * written first; `manifest.json` is replaced last, atomically, and names the files of its
 * generation with their checksums. A reindex killed at any point therefore leaves the previous
 * manifest pointing at the previous, intact files.
 */

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 1;

export interface FileRecord {
  name: string;
  bytes: number;
  sha256: string;
}

/** An article as stored: metadata, its original text (quotes are cut from it) and its hash. */
export interface StoredArticle extends ArticleMeta {
  hash: string;
  text: string;
}

export interface Manifest {
  formatVersion: number;
  generation: string;
  chunkerVersion: number;
  model: { id: string; dimensions: number } | null;
  builtAt: string;
  passageCount: number;
  articles: Array<{ id: string; file: string; hash: string; passages: number }>;
  skipped: SkippedArticle[];
  hnsw: typeof HNSW_PARAMS;
  files: { corpus: FileRecord; vectors?: FileRecord; hnsw?: FileRecord };
  /** How the model scores off-topic questions on this corpus (indexes with a model only). */
  calibration?: Calibration;
}

/** Everything an engine needs, loaded and verified. */
export interface StoredIndex {
  manifest: Manifest;
  articles: StoredArticle[];
  passages: Passage[];
  /** Row i is passage i's vector; null for a keyword-only index. */
  vectors: Float32Array[] | null;
  vectorIndex: VectorIndex | null;
}

// Re-exported while branches that import them from here move to src/errors.ts.
export { IndexCorruptError, IndexMissingError } from '../errors.js';

/** Path of the manifest in an embeddings folder (watch it: it changes once per finished reindex). */
export function manifestPath(dir: string): string {
  return path.join(dir, MANIFEST_FILE);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

async function readVerified(dir: string, record: FileRecord): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path.join(dir, record.name));
  } catch {
    throw new IndexCorruptError(`index file ${record.name} is missing`);
  }
  if (data.length !== record.bytes || sha256(data) !== record.sha256) {
    throw new IndexCorruptError(`index file ${record.name} does not match its checksum (truncated or altered)`);
  }
  return data;
}

/** Reads and verifies the index in `dir`. */
export async function readIndex(dir: string): Promise<StoredIndex> {
  let raw: string;
  try {
    raw = await readFile(manifestPath(dir), 'utf8');
  } catch {
    throw new IndexMissingError(`no index in ${dir}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
  } catch {
    throw new IndexCorruptError(`${MANIFEST_FILE} is not valid JSON`);
  }
  if (manifest.formatVersion !== FORMAT_VERSION || !manifest.files?.corpus) {
    throw new IndexCorruptError(`${MANIFEST_FILE} has an unknown format`);
  }
  if (manifest.calibration !== undefined && !calibrationSchema.safeParse(manifest.calibration).success) {
    throw new IndexCorruptError(`${MANIFEST_FILE} has a malformed calibration`);
  }
  const corpus = JSON.parse((await readVerified(dir, manifest.files.corpus)).toString('utf8')) as {
    articles: StoredArticle[];
    passages: Passage[];
  };
  if (corpus.passages.length !== manifest.passageCount) {
    throw new IndexCorruptError(`passage count ${corpus.passages.length} differs from the manifest's ${manifest.passageCount}`);
  }
  let vectors: Float32Array[] | null = null;
  let vectorIndex: VectorIndex | null = null;
  if (manifest.model && manifest.files.vectors && manifest.files.hnsw) {
    vectors = splitRows(await readVerified(dir, manifest.files.vectors), manifest.model.dimensions);
    if (vectors.length !== manifest.passageCount) throw new IndexCorruptError('vector count differs from passage count');
    await readVerified(dir, manifest.files.hnsw);
    vectorIndex = await VectorIndex.load(path.join(dir, manifest.files.hnsw.name), manifest.model.dimensions);
  }
  return { manifest, articles: corpus.articles, passages: corpus.passages, vectors, vectorIndex };
}

function splitRows(data: Buffer, dimensions: number): Float32Array[] {
  const all = new Float32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  const rows: Float32Array[] = [];
  for (let i = 0; i < all.length; i += dimensions) rows.push(all.subarray(i, i + dimensions));
  return rows;
}

export interface IndexContents {
  articles: StoredArticle[];
  passages: Passage[];
  skipped: SkippedArticle[];
  model: { id: string; dimensions: number } | null;
  vectors: Float32Array[] | null;
  chunkerVersion: number;
  calibration?: Calibration;
}

/** Writes a new generation of the index and switches the manifest to it. Returns the manifest. */
export async function writeIndex(dir: string, contents: IndexContents): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const generation = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const write = async (name: string, data: Uint8Array | string): Promise<FileRecord> => {
    await writeFileAtomic(path.join(dir, name), data);
    return { name, bytes: Buffer.byteLength(data), sha256: sha256(data) };
  };
  const files: Manifest['files'] = {
    corpus: await write(`corpus-${generation}.json`, JSON.stringify({ articles: contents.articles, passages: contents.passages })),
  };
  if (contents.model && contents.vectors) {
    const flat = new Float32Array(contents.vectors.length * contents.model.dimensions);
    contents.vectors.forEach((v, i) => flat.set(v, i * contents.model!.dimensions));
    files.vectors = await write(`vectors-${generation}.f32`, new Uint8Array(flat.buffer));
    const hnswName = `hnsw-${generation}.bin`;
    const temp = tempPathFor(path.join(dir, hnswName));
    await VectorIndex.build(contents.vectors, contents.model.dimensions).save(temp);
    await commitTempFile(temp, path.join(dir, hnswName));
    const data = await readFile(path.join(dir, hnswName));
    files.hnsw = { name: hnswName, bytes: data.length, sha256: sha256(data) };
  }
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    generation,
    chunkerVersion: contents.chunkerVersion,
    model: contents.model,
    builtAt: new Date().toISOString(),
    passageCount: contents.passages.length,
    articles: contents.articles.map((a) => ({
      id: a.id,
      file: a.file,
      hash: a.hash,
      passages: contents.passages.filter((p) => p.articleId === a.id).length,
    })),
    skipped: contents.skipped,
    hnsw: HNSW_PARAMS,
    files,
    ...(contents.calibration ? { calibration: contents.calibration } : {}),
  };
  await writeFileAtomic(manifestPath(dir), JSON.stringify(manifest, null, 2) + '\n');
  await removeDebris(dir, manifest);
  return manifest;
}

/** Deletes files of older generations and temporaries left by an interrupted write. */
export async function removeDebris(dir: string, keep: Manifest): Promise<string[]> {
  const referenced = new Set([MANIFEST_FILE, ...Object.values(keep.files).map((f) => f.name)]);
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const generated = /^(corpus|vectors|hnsw)-/.test(name) || name.includes(TEMP_MARKER);
    if (generated && !referenced.has(name)) {
      await rm(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Size in bytes of the current generation's files (for status and benchmarks). */
export async function indexBytes(dir: string, manifest: Manifest): Promise<number> {
  let total = 0;
  for (const f of Object.values(manifest.files)) total += (await stat(path.join(dir, f.name))).size;
  return total;
}
