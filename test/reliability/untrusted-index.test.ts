import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Engine } from '../../src/engine.js';
import { IndexCorruptError, manifestPath, readIndex, type Manifest } from '../../src/index/index-store.js';
import { reindex } from '../../src/index/reindex.js';
import type { Answer, Embedder } from '../../src/types.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';
import { applyMutation, mutationArb, type Mutation } from '../helpers/index-mutations.js';

/**
 * Property: index files are untrusted input. A valid index is mutated at random (manifest fields
 * replaced, deleted or pointed outside the folder; data files flipped, truncated, extended or
 * rewritten, with checksums left stale or recomputed to match, as someone editing the files would).
 * Then, with a fixed seed and a bounded number of cases:
 * - reading the index and opening an engine finish (a generous bound against hangs, not a speed test);
 * - the index is read as valid or refused with IndexCorruptError (nothing else escapes), and an
 *   engine that may rebuild always opens;
 * - every quote served appears verbatim in an article file.
 */

const HANG_BOUND_MS = 60_000;
const QUESTIONS = ['When did Albania cut ties with Iran?', 'Who was behind the cyberattack?', 'How long did the diplomats have to leave?'];

let ws: Workspace;
let pristine: string;
let embedder: Embedder;
let articleTexts: string[];

beforeAll(async () => {
  embedder = await loadTinyEmbedder();
  ws = await createWorkspace();
  pristine = await mkdtemp(path.join(os.tmpdir(), 'casefile-untrusted-'));
  await reindex({ articlesDir: ws.articlesDir, embeddingsDir: pristine, embedder });
  articleTexts = await Promise.all((await readdir(ws.articlesDir)).map((f) => readFile(path.join(ws.articlesDir, f), 'utf8')));
  // A file outside the index folder that a hostile manifest may name: its text is in no article.
  await mkdir(path.join(ws.root, 'outside'), { recursive: true });
  await writeFile(path.join(ws.root, 'outside', 'corpus.json'), JSON.stringify({ articles: [], passages: [] }));
});
afterAll(async () => {
  await rm(pristine, { recursive: true, force: true });
  await ws.dispose();
});

/** Resolves to the outcome, or to 'hang' after the bound. */
async function bounded<T>(work: Promise<T>): Promise<{ value: T } | { error: unknown } | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), HANG_BOUND_MS)));
  try {
    return await Promise.race([
      work.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function notVerbatim(answer: Answer): string[] {
  return answer.citations.filter((c) => !articleTexts.some((t) => t.includes(c.quote))).map((c) => c.quote.slice(0, 80));
}

async function expectVerbatimAnswers(engine: Engine): Promise<void> {
  for (const q of QUESTIONS) expect(notVerbatim(await engine.ask(q))).toEqual([]);
}

async function damagedCopy(mutations: Mutation[]): Promise<void> {
  await rm(ws.embeddingsDir, { recursive: true, force: true });
  await cp(pristine, ws.embeddingsDir, { recursive: true });
  for (const m of mutations) await applyMutation(ws.embeddingsDir, m);
}

it('a randomly altered index is read or refused, never hangs or crashes, and only verbatim quotes are served', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
      await damagedCopy(mutations);
      const read = await bounded(readIndex(ws.embeddingsDir));
      expect(read).not.toBe('hang');
      if (read !== 'hang' && 'error' in read) expect(read.error).toBeInstanceOf(IndexCorruptError);

      // The hot-reload path (no rebuild): opens and answers verbatim, or refuses as damaged.
      const asIs = await bounded(Engine.open({ config: ws.config, embedder, refresh: 'never' }));
      expect(asIs).not.toBe('hang');
      if (asIs !== 'hang' && 'error' in asIs) expect(asIs.error).toBeInstanceOf(IndexCorruptError);
      if (asIs !== 'hang' && 'value' in asIs) await expectVerbatimAnswers(asIs.value);

      // The start-up path: always opens (rebuilding whatever is damaged), and answers verbatim.
      const opened = await bounded(Engine.open({ config: ws.config, embedder }));
      expect(opened).not.toBe('hang');
      if (opened === 'hang' || 'error' in opened) throw opened === 'hang' ? new Error('hang') : opened.error;
      await expectVerbatimAnswers(opened.value);
      await expect(readIndex(ws.embeddingsDir)).resolves.toBeDefined();
    }),
    { seed: 1111, numRuns: 30, endOnFailure: true },
  );
}, 900_000);

it('a manifest naming a file outside the folder, with its real checksum, is damaged and rebuilt', async () => {
  await damagedCopy([]);
  const outside = await readFile(path.join(ws.root, 'outside', 'corpus.json'));
  const manifest = JSON.parse(await readFile(manifestPath(ws.embeddingsDir), 'utf8')) as Manifest;
  manifest.files.corpus = {
    name: '../outside/corpus.json',
    bytes: outside.length,
    sha256: createHash('sha256').update(outside).digest('hex'),
  };
  await writeFile(manifestPath(ws.embeddingsDir), JSON.stringify(manifest));
  await expect(readIndex(ws.embeddingsDir)).rejects.toThrow(/files\.corpus\.name: must be a plain file name/);
  await expectVerbatimAnswers(await Engine.open({ config: ws.config, embedder }));
});

it.each([
  ['model.dimensions 0', (m: Manifest) => ({ ...m, model: { ...m.model!, dimensions: 0 } }), /model\.dimensions/],
  ['a null manifest', () => null, /not an object/],
  ['a manifest without articles', ({ articles: _a, ...m }: Manifest) => m, /articles/],
])('%s is refused clearly and rebuilt (regression)', async (_label, edit, problem) => {
  await damagedCopy([]);
  const manifest = JSON.parse(await readFile(manifestPath(ws.embeddingsDir), 'utf8')) as Manifest;
  await writeFile(manifestPath(ws.embeddingsDir), JSON.stringify(edit(manifest)));
  await expect(readIndex(ws.embeddingsDir)).rejects.toThrow(problem);
  await expectVerbatimAnswers(await Engine.open({ config: ws.config, embedder }));
  await expect(readIndex(ws.embeddingsDir)).resolves.toBeDefined();
});

it('stored article text altered with matching checksums is caught: rebuilt on start, its quotes never shown', async () => {
  await damagedCopy([{ kind: 'rewrite-article-text', fixChecksum: true }]);
  const asIs = await Engine.open({ config: ws.config, embedder, refresh: 'never' });
  await expectVerbatimAnswers(asIs);
  const engine = await Engine.open({ config: ws.config, embedder });
  await expectVerbatimAnswers(engine);
  expect((await engine.ask(QUESTIONS[0]!)).answered).toBe(true);
});
