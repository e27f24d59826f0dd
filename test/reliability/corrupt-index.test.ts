import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EngineHolder } from '../../src/bot/engine-holder.js';
import { Engine } from '../../src/engine.js';
import { IndexCorruptError } from '../../src/errors.js';
import { manifestPath, readIndex, type Manifest } from '../../src/index/index-store.js';
import { reindex } from '../../src/index/reindex.js';
import type { Embedder } from '../../src/types.js';
import { citationProblems } from '../helpers/citations.js';
import { captureLog } from '../helpers/log-capture.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

/**
 * A damaged index (truncated or altered data files, a broken manifest) is detected through the
 * manifest's checksums, logged as such, and rebuilt when the engine opens; without a model it is
 * rebuilt keyword-only. The bot's hot reload, which must not rebuild, keeps the previous engine.
 * Every answer's quotes are checked against the article files on disk.
 */

const QUESTION = 'How long did the Iranian diplomats have to leave?';

type Damage = (dir: string, manifest: Manifest) => Promise<void>;

const fileOf = (dir: string, m: Manifest, kind: keyof Manifest['files']) => path.join(dir, m.files[kind]!.name);

/** Flips one byte in the middle: same size, different checksum. */
async function flipByte(file: string): Promise<void> {
  const data = await readFile(file);
  const i = Math.floor(data.length / 2);
  data[i] = data[i]! ^ 0xff;
  await writeFile(file, data);
}

const damages: Array<[string, Damage, RegExp]> = [
  ['a truncated passages (corpus) file', async (d, m) => truncate(fileOf(d, m, 'corpus'), 100), /corpus-.*checksum/],
  ['a passages file with one byte altered', async (d, m) => flipByte(fileOf(d, m, 'corpus')), /corpus-.*checksum/],
  ['an empty vectors file', async (d, m) => truncate(fileOf(d, m, 'vectors'), 0), /vectors-.*checksum/],
  ['a vectors file with one byte altered', async (d, m) => flipByte(fileOf(d, m, 'vectors')), /vectors-.*checksum/],
  ['a truncated HNSW file', async (d, m) => truncate(fileOf(d, m, 'hnsw'), 64), /hnsw-.*checksum/],
  ['a deleted HNSW file', async (d, m) => rm(fileOf(d, m, 'hnsw')), /hnsw-.*missing/],
  ['a truncated manifest', async (d) => truncate(manifestPath(d), 40), /not valid JSON/],
  ['a manifest of another format', async (d) => writeFile(manifestPath(d), '{"formatVersion": 99}'), /unknown format/],
  [
    'a manifest whose passage count was edited',
    async (d, m) => writeFile(manifestPath(d), JSON.stringify({ ...m, passageCount: m.passageCount + 3 })),
    /passage count/,
  ],
  ['a manifest emptied to zero bytes', async (d) => truncate(manifestPath(d), 0), /not valid JSON/],
];

let ws: Workspace;
let embedder: Embedder;
/** A healthy index built once; each test damages its own copy. */
let pristine: string;

beforeAll(async () => {
  embedder = await loadTinyEmbedder();
  const template = await createWorkspace();
  pristine = await mkdtemp(path.join(os.tmpdir(), 'casefile-pristine-'));
  await reindex({ articlesDir: template.articlesDir, embeddingsDir: pristine, embedder });
  await template.dispose();
});

afterAll(() => rm(pristine, { recursive: true, force: true }));

beforeEach(async () => {
  ws = await createWorkspace();
  await cp(pristine, ws.embeddingsDir, { recursive: true });
});

afterEach(() => ws.dispose());

async function expectVerbatimAnswer(engine: Engine): Promise<void> {
  const answer = await engine.ask(QUESTION);
  expect(answer.answered).toBe(true);
  expect(answer.citations.length).toBeGreaterThan(0);
  expect(await citationProblems(answer, ws.articlesDir)).toEqual([]);
}

describe.each(damages)('with %s', (_label, damage, problem) => {
  it('is detected, logged, and rebuilt on open; answers stay verbatim', async () => {
    const { manifest } = await readIndex(ws.embeddingsDir);
    await damage(ws.embeddingsDir, manifest);
    await expect(readIndex(ws.embeddingsDir)).rejects.toThrow(IndexCorruptError);

    const log = captureLog();
    const engine = await Engine.open({ config: ws.config, embedder, logger: log.logger });
    // The engine says what is wrong; the rebuild says it is rebuilding because of it.
    expect(log.find('previous index is damaged; rebuilding from the articles')).toHaveLength(1);
    const warning = log.find('index is damaged');
    expect(warning).toHaveLength(1);
    expect(warning[0]!.level).toBe('warn');
    expect(String(warning[0]!.problem)).toMatch(problem);
    expect(log.find('building the index')).toHaveLength(1);

    expect(engine.status().mode).toBe('hybrid');
    await expectVerbatimAnswer(engine);
    // The rebuilt index is whole again.
    expect((await readIndex(ws.embeddingsDir)).manifest.generation).not.toBe(manifest.generation);
  });

  it('is rebuilt keyword-only when there is no model, and still answers verbatim', async () => {
    const { manifest } = await readIndex(ws.embeddingsDir);
    await damage(ws.embeddingsDir, manifest);
    const log = captureLog();
    const engine = await Engine.open({ config: ws.config, embedder: null, logger: log.logger });
    expect(log.find('index is damaged')).toHaveLength(1);
    expect(engine.status()).toMatchObject({ mode: 'keyword', model: null });
    await expectVerbatimAnswer(engine);
  });
});

it('a corrupt index that appears while the bot runs is refused by the hot reload, which keeps answering from the previous engine', async () => {
  const log = captureLog();
  const holder = await EngineHolder.open<Engine>({
    manifest: manifestPath(ws.embeddingsDir),
    logger: log.logger,
    open: () => Engine.open({ config: ws.config, embedder, logger: log.logger, refresh: 'never' }),
  });
  const before = holder.current();
  // What a broken copy or disk fault could leave: a new manifest naming a damaged file.
  const { manifest } = await readIndex(ws.embeddingsDir);
  await flipByte(fileOf(ws.embeddingsDir, manifest, 'corpus'));
  await writeFile(manifestPath(ws.embeddingsDir), JSON.stringify({ ...manifest, builtAt: new Date().toISOString() }));
  const failed = new Promise((resolve) => holder.once('reloadFailed', resolve));
  await holder.checkNow();
  expect(await failed).toBeInstanceOf(IndexCorruptError);
  expect(holder.current()).toBe(before);
  expect(log.find('index reload failed; still answering from the previous index')).toHaveLength(1);
  await expectVerbatimAnswer(holder.current());
  holder.close();
});
