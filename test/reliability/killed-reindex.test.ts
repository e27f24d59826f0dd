import { isArticleFile } from '../../src/articles/corpus.js';
import { readdir } from 'node:fs/promises';
import { TEMP_MARKER } from '../../src/atomic-write.js';
import { Engine } from '../../src/engine.js';
import { MANIFEST_FILE, readIndex, type Manifest } from '../../src/index/index-store.js';
import { reindex } from '../../src/index/reindex.js';
import { LOCK_FILE } from '../../src/index/reindex-lock.js';
import type { Embedder } from '../../src/types.js';
import { citationProblems } from '../helpers/citations.js';
import { mulberry32 } from '../../harness/seeded-random.js';
import { spawnScript, type RunningScript } from '../../harness/spawn-script.js';
import { appendToArticles, writeSyntheticArticles } from '../helpers/synthetic-corpus.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { tinyModelScriptEnv } from '../../harness/tiny-model.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

/**
 * `npm run reindex` is SIGKILLed at seeded-random moments. Half the kills fall anywhere in a full
 * run (model loading, chunking, embedding…); the other half are aimed at the write phase, which is
 * short, by waiting for the first file of the new generation to appear and then a random fraction
 * of the measured write time. After every kill the previous index (or, if the run got as far as
 * switching the manifest, the new one) must load and answer with verbatim quotes, and the next
 * reindex must finish and leave no temporary or orphaned file behind.
 */

const TRIALS = 20;
const SEED = 20220715;
const SYNTHETIC_ARTICLES = 60;
/** Articles changed before each run: enough to embed something, few enough to keep runs short. */
const CHANGED_PER_RUN = 3;
const QUESTION = 'How long did the Iranian diplomats have to leave Albania?';

type Phase = 'before-write' | 'mid-write' | 'after-switch';

let ws: Workspace;
let embedder: Embedder;
let env: Record<string, string>;
let articleFiles: string[];

function reindexChild(): RunningScript {
  return spawnScript('scripts/reindex.ts', env, { timeoutMs: 120_000 });
}

/** Polls the embeddings folder until an index file not in `before` appears; resolves with the elapsed ms. */
async function firstNewFile(dir: string, before: Set<string>, run: RunningScript, stop: () => boolean): Promise<number | undefined> {
  while (!stop()) {
    // The reindex lock appears at the start of a run, not with the index files.
    if ((await readdir(dir)).some((f) => !before.has(f) && f !== LOCK_FILE)) return run.elapsed();
    await new Promise((r) => setTimeout(r, 2));
  }
  return undefined;
}

async function inProcessReindex(): Promise<void> {
  await reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder });
}

async function expectOnlyCurrentFiles(manifest: Manifest): Promise<void> {
  const names = (await readdir(ws.embeddingsDir)).sort();
  expect(names.filter((n) => n.includes(TEMP_MARKER))).toEqual([]);
  expect(names).toEqual([MANIFEST_FILE, ...Object.values(manifest.files).map((f) => f.name)].sort());
}

beforeAll(async () => {
  ws = await createWorkspace();
  embedder = await loadTinyEmbedder();
  env = tinyModelScriptEnv(ws);
  articleFiles = [
    ...(await readdir(ws.articlesDir)).filter(isArticleFile),
    ...(await writeSyntheticArticles(ws.articlesDir, SYNTHETIC_ARTICLES, mulberry32(SEED))),
  ];
  // The first build goes through the script too: embedding in a child is faster than under jest.
  const first = await reindexChild().done;
  expect(first.code).toBe(0);
}, 180_000);

afterAll(() => ws?.dispose());

it(`keeps a usable index through ${TRIALS} reindexes killed at random points`, async () => {
  const random = mulberry32(SEED);
  const someArticles = () => Array.from({ length: CHANGED_PER_RUN }, () => articleFiles[Math.floor(random() * articleFiles.length)]!);

  // A full, unkilled run through the script measures the window to aim at.
  await appendToArticles(ws.articlesDir, someArticles(), 'Calibration run.');
  const before = new Set(await readdir(ws.embeddingsDir));
  const calibration = reindexChild();
  let finished = false;
  const writeStartPromise = firstNewFile(ws.embeddingsDir, before, calibration, () => finished);
  const full = await calibration.done;
  finished = true;
  expect({ code: full.code, stderr: full.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  const writeStart = (await writeStartPromise) ?? full.ms;
  const writeWindow = Math.max(5, full.ms - writeStart);

  const phases: Record<Phase, number> = { 'before-write': 0, 'mid-write': 0, 'after-switch': 0 };
  for (let trial = 0; trial < TRIALS; trial++) {
    const previous = (await readIndex(ws.embeddingsDir)).manifest;
    // Changed articles must be re-chunked and re-embedded; the whole index is written again either way.
    await appendToArticles(ws.articlesDir, someArticles(), `Update ${trial + 1}.`);
    const existing = new Set(await readdir(ws.embeddingsDir));
    const run = reindexChild();
    const aimAtWrite = trial % 2 === 1;
    if (aimAtWrite) {
      let exited = false;
      void run.done.then(() => (exited = true));
      await firstNewFile(ws.embeddingsDir, existing, run, () => exited);
      await new Promise((r) => setTimeout(r, random() * writeWindow));
    } else {
      await new Promise((r) => setTimeout(r, random() * full.ms));
    }
    const filesAtKill = await readdir(ws.embeddingsDir);
    run.child.kill('SIGKILL');
    const result = await run.done;

    const loaded = await readIndex(ws.embeddingsDir);
    const switched = loaded.manifest.generation !== previous.generation;
    if (switched) {
      // The run finished its manifest switch before the signal landed: the new index is complete.
      expect(result.signal === 'SIGKILL' || result.code === 0).toBe(true);
    } else {
      expect(loaded.manifest).toEqual(previous);
    }
    phases[switched ? 'after-switch' : filesAtKill.some((f) => !existing.has(f)) ? 'mid-write' : 'before-write']++;

    const engine = await Engine.open({ config: ws.config, embedder, refresh: 'never' });
    expect(engine.status().mode).toBe('hybrid');
    const answer = await engine.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(await citationProblems(answer, ws.articlesDir)).toEqual([]);

    await inProcessReindex();
    await expectOnlyCurrentFiles((await readIndex(ws.embeddingsDir)).manifest);
  }

  // The final reindex through the script itself also finishes cleanly.
  const last = await reindexChild().done;
  expect(last.code).toBe(0);
  await expectOnlyCurrentFiles((await readIndex(ws.embeddingsDir)).manifest);

  process.stdout.write(
    `killed reindex: full run ${Math.round(full.ms)} ms, write phase ~${Math.round(writeWindow)} ms, kills by phase ${JSON.stringify(phases)}\n`,
  );
  expect(phases['before-write'] + phases['mid-write'] + phases['after-switch']).toBe(TRIALS);
  // The aimed half must actually hit the write phase, or the test would prove little.
  expect(phases['mid-write'] + phases['after-switch']).toBeGreaterThanOrEqual(1);
}, 600_000);
