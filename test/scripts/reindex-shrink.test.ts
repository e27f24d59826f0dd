import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isArticleFile } from '../../src/articles/corpus.js';
import { manifestPath, readIndex } from '../../src/index/index-store.js';
import { reindex } from '../../src/index/reindex.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { tinyModelScriptEnv } from '../../harness/tiny-model.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

/**
 * `npm run reindex` with an empty or wrong ARTICLES_DIR used to replace a live index with an empty
 * one. It now refuses (exit 1) with the counts, the folder and the flag that overrides, and leaves
 * the index byte for byte as it was; `--allow-shrink` rebuilds.
 */

let ws: Workspace;
let articleCount: number;
const snapshot = async () => ({ manifest: await readFile(manifestPath(ws.embeddingsDir), 'utf8'), files: await readdir(ws.embeddingsDir) });

beforeEach(async () => {
  ws = await createWorkspace();
  articleCount = (await readdir(ws.articlesDir)).filter(isArticleFile).length;
  await reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder: null });
});
afterEach(() => ws.dispose());

it('refuses an empty folder and a wrong one, exit 1, naming counts, folder and --allow-shrink; the index is unchanged', async () => {
  const before = await snapshot();
  await rm(ws.articlesDir, { recursive: true });
  await mkdir(ws.articlesDir);
  const wrong = path.join(ws.root, 'elsewhere');
  await mkdir(wrong);
  await writeFile(path.join(wrong, 'notes.txt'), 'Meeting notes\n\nThe committee met on Tuesday to plan the budget.\n');
  const [empty, other] = await Promise.all([
    spawnScript('scripts/reindex.ts', tinyModelScriptEnv(ws)).done,
    spawnScript('scripts/reindex.ts', { ...tinyModelScriptEnv(ws), ARTICLES_DIR: wrong }).done,
  ]);
  expect(empty.code).toBe(1);
  expect(empty.stderr).toContain(`error: refusing to reindex: the index in ${ws.embeddingsDir} holds ${articleCount} articles`);
  expect(empty.stderr).toContain(`${ws.articlesDir} has no readable articles, so every article would be dropped`);
  expect(empty.stderr).toContain('npm run reindex -- --allow-shrink');
  expect(other.code).toBe(1);
  expect(other.stderr).toContain(`${wrong} has 1 (0 of them)`);
  expect(empty.stdout + other.stdout).not.toContain('index written');
  expect(await snapshot()).toEqual(before);
}, 120_000);

it('--allow-shrink rebuilds from the folder as it is, and --help documents it', async () => {
  const keep = (await readdir(ws.articlesDir)).filter(isArticleFile).sort()[0]!;
  for (const f of await readdir(ws.articlesDir)) if (f !== keep) await rm(path.join(ws.articlesDir, f));
  const [run, help] = await Promise.all([
    spawnScript('scripts/reindex.ts', tinyModelScriptEnv(ws), { args: ['--allow-shrink'] }).done,
    spawnScript('scripts/reindex.ts', {}, { args: ['--help'] }).done,
  ]);
  expect(run.stderr).not.toContain('error:');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`removed     ${articleCount - 1}`);
  expect((await readIndex(ws.embeddingsDir)).articles.map((a) => a.file)).toEqual([keep]);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/--allow-shrink\s+rebuild even if that drops every article/);
}, 120_000);
