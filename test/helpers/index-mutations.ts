import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';

/**
 * Random damage to an index folder, for property tests: what a disk fault, a bad copy or someone
 * editing the files could leave. `fixChecksum` recomputes the manifest's size and checksum of the
 * altered file, as a deliberate edit would, so only structural checks can catch it.
 */
export type FileKind = 'corpus' | 'vectors' | 'hnsw';
type Key = string | number;
export type Mutation =
  | { kind: 'manifest-set'; at: Key[]; value: unknown }
  | { kind: 'manifest-delete'; at: Key[] }
  | { kind: 'manifest-replace'; value: unknown }
  | { kind: 'corpus-set'; at: Key[]; value: unknown; fixChecksum: boolean }
  | { kind: 'bytes'; file: FileKind; op: 'flip' | 'truncate' | 'append' | 'u32'; where: number; value: number; fixChecksum: boolean }
  | { kind: 'rewrite-article-text'; fixChecksum: boolean };

const hostile = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 40 }),
  fc.constantFrom(0, -1, 1.5, 1e9, 2 ** 53, 2 ** 31),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('../../outside/corpus.json', '../outside/corpus.json', '/etc/passwd', '.', '..', 'manifest.json', 'a/b'),
  fc.constantFrom([], {}, true, 'x'.repeat(300)),
);
const manifestPaths: Key[][] = [
  ['model', 'dimensions'],
  ['model'],
  ['passageCount'],
  ['articles'],
  ['articles', 0, 'passages'],
  ['articles', 0, 'file'],
  ['articles', 1, 'hash'],
  ['files', 'corpus', 'name'],
  ['files', 'vectors', 'bytes'],
  ['files', 'hnsw', 'name'],
  ['files', 'hnsw'],
  ['hnsw', 'M'],
  ['formatVersion'],
  ['skipped'],
  ['chunkerVersion'],
];
const corpusPaths: Key[][] = [
  ['passages', 0, 'start'],
  ['passages', 0, 'end'],
  ['passages', 2, 'sentences', 0, 'end'],
  ['passages', 1, 'sentences'],
  ['passages', 0, 'articleId'],
  ['articles', 0, 'text'],
  ['articles', 0, 'id'],
  ['articles', 1, 'file'],
  ['passages'],
];

/** One random mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('manifest-set' as const), at: fc.constantFrom(...manifestPaths), value: hostile }),
  fc.record({ kind: fc.constant('manifest-delete' as const), at: fc.constantFrom(...manifestPaths) }),
  fc.record({ kind: fc.constant('manifest-replace' as const), value: fc.oneof(hostile, fc.jsonValue({ maxDepth: 2 })) }),
  fc.record({ kind: fc.constant('corpus-set' as const), at: fc.constantFrom(...corpusPaths), value: hostile, fixChecksum: fc.boolean() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    file: fc.constantFrom<FileKind>('corpus', 'vectors', 'hnsw', 'hnsw'),
    op: fc.constantFrom('flip', 'truncate', 'append', 'u32', 'u32'),
    // Below 1: a fraction of the file; from 1: a byte offset (the HNSW header is 96 bytes).
    where: fc.oneof(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 120 })),
    value: fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 1, 0xffffffff, 5000)),
    fixChecksum: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('rewrite-article-text' as const), fixChecksum: fc.boolean() }),
);

function setAt(root: unknown, at: Key[], value: unknown, remove = false): void {
  let node = root as Record<Key, unknown> | null;
  for (const key of at.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = node[key] as Record<Key, unknown> | null;
  }
  if (node === null || typeof node !== 'object') return;
  if (remove) delete node[at[at.length - 1]!];
  else node[at[at.length - 1]!] = value;
}

/** Applies `m` to the index in `dir`. */
export async function applyMutation(dir: string, m: Mutation): Promise<void> {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifestText = await readFile(manifestFile, 'utf8');
  type Files = Record<string, { name?: unknown; bytes?: unknown; sha256?: unknown }>;
  let manifest = null as { files?: Files } | null;
  try {
    manifest = JSON.parse(manifestText) as { files?: Files } | null;
  } catch {
    // Already mangled: file mutations still find their file by its prefix.
  }
  if (m.kind === 'manifest-set' || m.kind === 'manifest-delete') {
    setAt(manifest, m.at, m.kind === 'manifest-set' ? m.value : undefined, m.kind === 'manifest-delete');
    return writeFile(manifestFile, JSON.stringify(manifest));
  }
  if (m.kind === 'manifest-replace') return writeFile(manifestFile, JSON.stringify(m.value) ?? '');
  const kind: FileKind = m.kind === 'bytes' ? m.file : 'corpus';
  const name = (await readdir(dir)).find((n) => n.startsWith(`${kind}-`) && !n.includes('.tmp-'));
  if (!name) return;
  let data: Buffer = await readFile(path.join(dir, name));
  if (m.kind === 'bytes') data = alterBytes(data, m);
  else {
    let corpus: { articles?: Array<{ text?: unknown }> };
    try {
      corpus = JSON.parse(data.toString('utf8')) as typeof corpus;
    } catch {
      return; // an earlier mutation broke it already
    }
    if (m.kind === 'corpus-set') setAt(corpus, m.at, m.value);
    else if (Array.isArray(corpus?.articles)) {
      for (const a of corpus.articles) if (typeof a?.text === 'string') a.text = a.text.replace(/Albania/g, 'Atlantis').replace(/\d/g, '7');
    }
    data = Buffer.from(JSON.stringify(corpus));
  }
  await writeFile(path.join(dir, name), data);
  const record = manifest?.files?.[kind];
  if (m.fixChecksum && record && typeof record === 'object') {
    record.bytes = data.length;
    record.sha256 = createHash('sha256').update(data).digest('hex');
    await writeFile(manifestFile, JSON.stringify(manifest));
  }
}

function alterBytes(data: Buffer, m: Extract<Mutation, { kind: 'bytes' }>): Buffer {
  const at = Math.min(m.where < 1 ? Math.floor(m.where * data.length) : Math.floor(m.where), Math.max(0, data.length - 1));
  if (m.op === 'truncate') return data.subarray(0, at);
  if (m.op === 'append') return Buffer.concat([data, Buffer.alloc(1 + (m.value % 64), m.value & 0xff)]);
  const copy = Buffer.from(data);
  if (m.op === 'flip' && copy.length > 0) copy[at] = copy[at]! ^ 0xff;
  if (m.op === 'u32' && at + 4 <= copy.length) copy.writeUInt32LE(m.value, at);
  return copy;
}
