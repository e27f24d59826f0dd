import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BotConfig } from '../../../src/config.js';
import { ModelStateLog } from '../../../src/bot/model-state.js';
import { openEngineHolder } from '../../../src/bot/open-engine.js';
import { reindex } from '../../../src/index/reindex.js';
import { TINY_MODEL_DIR, TINY_MODEL_ID } from '../../../harness/tiny-model.js';
import { createWorkspace, type Workspace } from '../../../harness/workspace.js';
import { captureLog } from '../../helpers/log-capture.js';

const UNAVAILABLE = 'embedding model unavailable: answering in keyword mode';
const AGAIN = 'embedding model available again: hybrid mode from the next index';

/** A reindex with one more article, so the manifest changes and the holder reloads. */
async function reindexWithNewArticle(ws: Workspace, n: number): Promise<void> {
  await writeFile(
    path.join(ws.articlesDir, `extra-${n}.md`),
    `# Extra note ${n}\n\nThe embassy in Tirana closed its doors on a Wednesday, note ${n} says.\n`,
  );
  await reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder: null });
}

describe('ModelStateLog', () => {
  test('logs once per change of state, not once per lookup', () => {
    const log = captureLog();
    const state = new ModelStateLog(log.logger);
    for (let i = 0; i < 3; i++) state.report({ embedder: null, reason: 'not in models/' });
    expect(log.find(UNAVAILABLE)).toEqual([expect.objectContaining({ level: 'warn', reason: 'not in models/' })]);
    state.report({ embedder: {} });
    state.report({ embedder: {} });
    state.report({ embedder: null, reason: 'gone' });
    expect(log.find(AGAIN)).toHaveLength(1);
    expect(log.find(UNAVAILABLE).map((r) => r.reason)).toEqual(['not in models/', 'gone']);
  });

  test('a model found at the first lookup is not announced (engine ready says so)', () => {
    const log = captureLog();
    new ModelStateLog(log.logger).report({ embedder: {} });
    expect(log.lines).toEqual([]);
  });
});

describe('the bot’s engine without a model, through hot reloads', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await createWorkspace({ env: { MODEL_ID: TINY_MODEL_ID } });
  });
  afterAll(async () => ws?.dispose());

  test('says "unavailable" once at start and not again on each reload; says when the model appears', async () => {
    const log = captureLog();
    const holder = await openEngineHolder(ws.config as unknown as BotConfig, log.logger, { pollMs: 0 });
    try {
      expect(log.find(UNAVAILABLE)).toHaveLength(1);
      expect(holder.current().status()).toMatchObject({ mode: 'keyword', modeReason: expect.stringMatching(/downloads are off/) });
      for (let i = 0; i < 2; i++) {
        const before = holder.current();
        await reindexWithNewArticle(ws, i);
        await holder.checkNow();
        expect(holder.current()).not.toBe(before);
      }
      expect(log.find(UNAVAILABLE)).toHaveLength(1);

      await cp(TINY_MODEL_DIR, path.join(ws.root, 'models', ...TINY_MODEL_ID.split('/')), { recursive: true });
      await reindexWithNewArticle(ws, 9);
      await holder.checkNow();
      expect(log.find(AGAIN)).toHaveLength(1);
      expect(log.find(UNAVAILABLE)).toHaveLength(1);
    } finally {
      holder.close();
    }
  });
});
