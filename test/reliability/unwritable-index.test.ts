import { jest } from '@jest/globals';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';
import { DEFAULT_BOT_TOKEN } from '../../harness/discord-simulator/index.js';
import { failWritesUnder, fsWithWriteFaults, type FaultSpec } from '../helpers/write-faults.js';

/**
 * A read-only or full index folder while the articles have changed: opening used to fail (EROFS on
 * the lock, ENOSPC on a data file) instead of answering from the intact old index. Tests run as
 * root, which ignores chmod 0555, so the failure is injected where the operating system would give
 * it: node:fs/promises fails writes under the index folder with the errno (reads stay real).
 * EROFS fails every write, so the lock already fails; ENOSPC lets the small lock file through and
 * fails the first data file part-way, as a nearly full disk does. Everything else is the real code.
 */

jest.unstable_mockModule('node:fs/promises', () => fsWithWriteFaults());
const { main: ask } = await import('../../scripts/ask.js');
const { Engine } = await import('../../src/engine.js');
const { manifestPath } = await import('../../src/index/index-store.js');
const { reindex } = await import('../../src/index/reindex.js');
const { captureLog } = await import('../helpers/log-capture.js');
const { isArticleFile } = await import('../../src/articles/corpus.js');
const { openEngineHolder } = await import('../../src/bot/open-engine.js');
const { loadBotConfig } = await import('../../src/config.js');

const QUESTION = 'How long did the Iranian diplomats have to leave?';
let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
  await reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder: null });
  // The articles change after the index was built, so opening wants to rebuild it.
  const [first] = (await readdir(ws.articlesDir)).filter(isArticleFile).sort();
  await appendFile(path.join(ws.articlesDir, first!), '\nThe ministry published a further statement on Thursday.\n');
});
afterEach(async () => {
  failWritesUnder(null);
  await ws.dispose();
});

const snapshot = async () => ({ manifest: await readFile(manifestPath(ws.embeddingsDir), 'utf8'), files: await readdir(ws.embeddingsDir) });
const articleTexts = async () =>
  Promise.all((await readdir(ws.articlesDir)).filter(isArticleFile).map((f) => readFile(path.join(ws.articlesDir, f), 'utf8')));

const FAULTS: Array<[string, Omit<FaultSpec, 'dir'>]> = [
  ['read-only (EROFS on the lock)', { code: 'EROFS' }],
  ['full (ENOSPC on the first data file)', { code: 'ENOSPC' }],
  ['full (ENOSPC on the lock file)', { code: 'ENOSPC', roomBytes: 0 }],
];

it.each(FAULTS)('%s: opening answers from the old index, verbatim, and warns once with the errno', async (_name, spec) => {
  const { code } = spec;
  const before = await snapshot();
  failWritesUnder({ dir: ws.embeddingsDir, ...spec });
  const log = captureLog('warn');
  const engine = await Engine.open({ config: ws.config, embedder: null, logger: log.logger });
  const answer = await engine.ask(QUESTION);
  expect(answer.answered).toBe(true);
  const texts = await articleTexts();
  for (const c of answer.citations) expect(texts.some((t) => t.includes(c.quote))).toBe(true);
  const warnings = log.find('index not updated; answering from the previous index');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatchObject({
    why: 'articles changed',
    code,
    problem: `the index folder ${ws.embeddingsDir} cannot be written (${code})`,
  });
  // Nothing changed in the folder: no lock, no temporary file, no new generation.
  failWritesUnder(null);
  expect(await snapshot()).toEqual(before);
});

/** Runs `npm run ask` in this process (where writes fail) on the workspace; keyword mode, as no model is there. */
async function runAsk(argv: string[]): Promise<{ out: string; err: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    ARTICLES_DIR: ws.articlesDir,
    EMBEDDINGS_DIR: ws.embeddingsDir,
    MODEL_ID: 'casefile/absent',
    MODELS_DIR: ws.root,
  });
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((c) => out.push(String(c)) > 0);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((c) => err.push(String(c)) > 0);
  try {
    await ask(argv);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
  return { out: out.join(''), err: err.join('') };
}

const warningLines = (err: string) => err.split('\n').filter((l) => l.includes('index not updated'));

it('npm run ask on a read-only index folder prints the answer and one warning line naming EROFS', async () => {
  failWritesUnder({ dir: ws.embeddingsDir, code: 'EROFS' });
  const { out, err } = await runAsk([QUESTION]);
  const quoted = out.match(/“([^”]+)”/g) ?? [];
  expect(quoted.length).toBeGreaterThan(0);
  expect((await articleTexts()).some((t) => t.includes(quoted[0]!.slice(1, -1).replace(/\*\*/g, '')))).toBe(true);
  const lines = warningLines(err);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('cannot be written (EROFS)');
  expect(lines[0]).toContain('answering from the previous index');
});

it('npm run ask --json on a full index folder: the JSON answer on stdout, the warning on stderr', async () => {
  failWritesUnder({ dir: ws.embeddingsDir, code: 'ENOSPC' });
  const { out, err } = await runAsk(['--json', QUESTION]);
  const answer = JSON.parse(out) as { answered: boolean; citations: Array<{ quote: string }> };
  expect(answer.answered).toBe(true);
  const texts = await articleTexts();
  for (const c of answer.citations) expect(texts.some((t) => t.includes(c.quote))).toBe(true);
  expect(warningLines(err)).toEqual([
    `warning: index not updated (articles changed): the index folder ${ws.embeddingsDir} cannot be written (ENOSPC); answering from the previous index`,
  ]);
});

it("the bot's start on a read-only index folder serves the old index and logs the warning", async () => {
  failWritesUnder({ dir: ws.embeddingsDir, code: 'EROFS' });
  const config = loadBotConfig(
    { DISCORD_TOKEN: DEFAULT_BOT_TOKEN, DISCORD_CLIENT_ID: '1150000000000000001', ARTICLES_DIR: 'articles', EMBEDDINGS_DIR: 'embeddings' },
    ws.root,
  );
  const log = captureLog('info');
  const holder = await openEngineHolder(config, log.logger, { embedder: null, pollMs: 0 });
  expect((await holder.current().ask(QUESTION)).answered).toBe(true);
  expect(log.find('index not updated; answering from the previous index')).toMatchObject([{ code: 'EROFS' }]);
  expect(log.find('engine ready')).toHaveLength(1);
  // The spelling word lists are loaded at start, not by the first question with a word the articles lack.
  expect(log.find('engine ready')[0]).toMatchObject({ wordListsMs: expect.any(Number) });
  holder.close();
});
