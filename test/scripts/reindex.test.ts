import { readdir } from 'node:fs/promises';
import { Engine } from '../../src/engine.js';
import { readIndex } from '../../src/index/index-store.js';
import { LOCK_FILE, withReindexLock } from '../../src/index/reindex-lock.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { TINY_MODEL_ID, tinyModelScriptEnv } from '../../harness/tiny-model.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

let ws: Workspace;
beforeEach(async () => (ws = await createWorkspace()));
afterEach(() => ws.dispose());

const env = () => tinyModelScriptEnv(ws, 'info');

it('npm run reindex waits while another reindex holds the folder, then builds the index', async () => {
  let run: ReturnType<typeof spawnScript> | undefined;
  // This process plays the other reindex: it holds the lock until the script says it is waiting.
  await withReindexLock(ws.embeddingsDir, async () => {
    run = spawnScript('scripts/reindex.ts', env(), { timeoutMs: 120_000 });
    for (let i = 0; i < 600 && !run.output().includes('waiting for another reindex to finish'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(run.output()).toContain('waiting for another reindex to finish');
    expect(run.output()).toContain(`pid ${process.pid}`);
    expect(await readdir(ws.embeddingsDir)).toEqual([LOCK_FILE]);
  });
  const result = await run!.done;
  expect(result.code).toBe(0);
  const index = await readIndex(ws.embeddingsDir);
  expect(index.manifest.model?.id).toBe(TINY_MODEL_ID);
  expect(await readdir(ws.embeddingsDir)).not.toContain(LOCK_FILE);
  const engine = await Engine.open({ config: ws.config, embedder: null, refresh: 'never' });
  expect((await engine.ask('How long did the Iranian diplomats have to leave?')).answered).toBe(true);
}, 120_000);
