import path from 'node:path';
import { z } from 'zod';
import { isArticleFileName } from '../articles/inside-folder.js';
import { IndexCorruptError } from '../errors.js';
import { calibrationSchema } from './calibration.js';

/**
 * The manifest's schema. Everything in `manifest.json` is untrusted input: it is checked here before
 * any field is used, so a hand-edited or hostile manifest is "damaged" (and rebuilt), never a hang,
 * a crash or a read outside the index folder.
 *
 * To add a field, add it to {@link manifestShape} (optional if older indexes lack it). Extra data
 * files go under `files` with any key: each is checked as a {@link fileRecordSchema} and read with
 * its checksum verified. Unknown top-level keys are kept, so a newer writer does not break a reader.
 */

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 1;

/** Vector width we accept: 0 once sent reading into an endless loop; real models are far below the cap. */
export const MAX_DIMENSIONS = 8192;

/** Path of the manifest in an embeddings folder (watch it: it changes once per finished reindex). */
export function manifestPath(dir: string): string {
  return path.join(dir, MANIFEST_FILE);
}

/** A plain file name inside the index folder: no separators, no `.`/`..`, nothing hidden. */
export function isPlainFileName(name: string): boolean {
  return (
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) &&
    !name.includes('..') &&
    path.basename(name) === name &&
    path.posix.basename(name) === name &&
    path.win32.basename(name) === name
  );
}

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const plainName = z.string().refine(isPlainFileName, 'must be a plain file name inside the index folder');

export const fileRecordSchema = z.object({
  name: plainName,
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
});

export const modelSchema = z.object({ id: z.string().min(1).max(200), dimensions: z.number().int().min(1).max(MAX_DIMENSIONS) });

/** The manifest's fields; extend here (see the file comment). */
export const manifestShape = {
  formatVersion: z.literal(FORMAT_VERSION),
  generation: z.string().min(1).max(100),
  chunkerVersion: z.number().int(),
  model: modelSchema.nullable(),
  builtAt: z.string(),
  passageCount: count,
  articles: z.array(
    z.object({
      id: z.string().min(1),
      file: z.string().refine(isArticleFileName, 'must be a file name of the articles folder'),
      hash: z.string().min(1),
      passages: count,
    }),
  ),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  hnsw: z.object({ M: z.number().int().min(2).max(1000), efConstruction: z.number().int().min(1), ef: z.number().int().min(1) }),
  files: z
    .object({ corpus: fileRecordSchema, vectors: fileRecordSchema.optional(), hnsw: fileRecordSchema.optional() })
    .catchall(fileRecordSchema),
  /** How the model scores off-topic questions on this corpus (indexes with a model only). */
  calibration: calibrationSchema.optional(),
};

export const manifestSchema = z.looseObject(manifestShape);

export type FileRecord = z.infer<typeof fileRecordSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Parses the text of `manifest.json`, or says in one line what is wrong with it. */
export function parseManifest(raw: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new IndexCorruptError(`${MANIFEST_FILE} is not valid JSON`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new IndexCorruptError(`${MANIFEST_FILE} is not an object`);
  if ((json as { formatVersion?: unknown }).formatVersion !== FORMAT_VERSION) {
    throw new IndexCorruptError(`${MANIFEST_FILE} has an unknown format`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new IndexCorruptError(`${MANIFEST_FILE} is invalid (${problems.join('; ')})`);
  }
  const m = result.data;
  const vectorFiles = [m.files.vectors, m.files.hnsw].filter(Boolean).length;
  if (m.model ? vectorFiles !== 2 : vectorFiles !== 0) {
    throw new IndexCorruptError(`${MANIFEST_FILE} is invalid (a model needs both vector files, keyword-only needs neither)`);
  }
  const names = Object.values(m.files).map((f) => f.name);
  if (new Set(names).size !== names.length || names.includes(MANIFEST_FILE)) {
    throw new IndexCorruptError(`${MANIFEST_FILE} is invalid (files share a name)`);
  }
  const listed = m.articles.reduce((sum, a) => sum + a.passages, 0);
  if (listed !== m.passageCount) {
    throw new IndexCorruptError(`passage count ${m.passageCount} differs from the articles' total ${listed} in ${MANIFEST_FILE}`);
  }
  return m;
}
