import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_MARKER, commitTempFile, tempPathFor, writeFileAtomic } from '../atomic-write.js';
import type { Calibration } from './calibration.js';
import type { StoredArticle } from './corpus-file.js';
import { FORMAT_VERSION, MANIFEST_FILE, manifestPath, type FileRecord, type Manifest } from './manifest.js';
import { HNSW_PARAMS, VectorIndex } from './vector-index.js';
import type { Passage, SkippedArticle } from '../types.js';

/**
 * Writes the index (see `index-store.ts` for the layout): data files of a new generation first,
 * then the manifest, atomically, then the previous generation's files are removed.
 */

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Rows of equal length as the bytes of one float32 array. */
function flatten(rows: readonly Float32Array[], dimensions: number): Uint8Array {
  const flat = new Float32Array(rows.length * dimensions);
  rows.forEach((v, i) => flat.set(v, i * dimensions));
  return new Uint8Array(flat.buffer);
}

/** What a reindex hands over to be written. */
export interface IndexContents {
  articles: StoredArticle[];
  passages: Passage[];
  skipped: SkippedArticle[];
  model: { id: string; dimensions: number } | null;
  vectors: Float32Array[] | null;
  chunkerVersion: number;
  calibration?: Calibration;
  /** One per distinct sentence, in `sentenceKeys` order (indexes with a model only). */
  sentenceVectors?: Float32Array[] | null;
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
    files.vectors = await write(`vectors-${generation}.f32`, flatten(contents.vectors, contents.model.dimensions));
    const hnswName = `hnsw-${generation}.bin`;
    const temp = tempPathFor(path.join(dir, hnswName));
    await VectorIndex.build(contents.vectors, contents.model.dimensions).save(temp);
    await commitTempFile(temp, path.join(dir, hnswName));
    const data = await readFile(path.join(dir, hnswName));
    files.hnsw = { name: hnswName, bytes: data.length, sha256: sha256(data) };
    if (contents.sentenceVectors) {
      files.sentences = await write(`sentences-${generation}.f32`, flatten(contents.sentenceVectors, contents.model.dimensions));
    }
  }
  const perArticle = new Map<string, number>();
  for (const p of contents.passages) perArticle.set(p.articleId, (perArticle.get(p.articleId) ?? 0) + 1);
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
      passages: perArticle.get(a.id) ?? 0,
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
    const generated = /^(corpus|vectors|hnsw|sentences)-/.test(name) || name.includes(TEMP_MARKER);
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
