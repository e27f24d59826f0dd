import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isArticleFile } from '../../../src/articles/corpus.js';
import { Engine } from '../../../src/engine.js';
import { IndexShrinkError } from '../../../src/errors.js';
import { manifestPath, readIndex } from '../../../src/index/index-store.js';
import { reindex } from '../../../src/index/reindex.js';
import { isShrink } from '../../../src/index/shrink-guard.js';
import { createWorkspace, type Workspace } from '../../../harness/workspace.js';
import { captureLog } from '../../helpers/log-capture.js';

/**
 * An empty or wrong ARTICLES_DIR once replaced a live index with an empty one. A reindex that would
 * drop every article, or more than half of them, is refused without `allowShrink`, leaves the index
 * byte for byte as it was, and a bot or `ask` opening over it keeps answering from the old index.
 */

const ids = (n: number, prefix = 'a') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

it('is a shrink exactly when every article, or more than half of them, would be dropped', () => {
  for (let indexed = 0; indexed <= 12; indexed++) {
    for (let dropped = 0; dropped <= indexed; dropped++) {
      for (const added of [0, 3]) {
        const found = [...ids(indexed).slice(dropped), ...ids(added, 'new')];
        const expected = dropped > 0 && (dropped === indexed || dropped > indexed / 2);
        expect([indexed, dropped, added, isShrink({ indexed: ids(indexed), found })]).toEqual([indexed, dropped, added, expected]);
      }
    }
  }
});

describe('reindex over a live index', () => {
  let ws: Workspace;
  let articles: string[];
  let before: { manifest: string; files: string[] };
  const run = (extra: Partial<Parameters<typeof reindex>[0]> = {}) =>
    reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder: null, ...extra });
  const snapshot = async () => ({
    manifest: await readFile(manifestPath(ws.embeddingsDir), 'utf8'),
    files: await readdir(ws.embeddingsDir),
  });
  const removeArticles = (n: number) => Promise.all(articles.slice(0, n).map((f) => rm(path.join(ws.articlesDir, f), { force: true })));

  beforeEach(async () => {
    ws = await createWorkspace();
    articles = (await readdir(ws.articlesDir)).filter(isArticleFile).sort();
    await run(); // a first build over no index is not a shrink
    before = await snapshot();
  });
  afterEach(() => ws.dispose());

  it('refuses an empty folder, saying why and how to override, and leaves the index as it was', async () => {
    await removeArticles(articles.length);
    const refusal = run();
    await expect(refusal).rejects.toBeInstanceOf(IndexShrinkError);
    const message = await refusal.catch((e: Error) => e.message);
    expect(message).toContain(`the index in ${ws.embeddingsDir} holds ${articles.length} articles`);
    expect(message).toContain(`${ws.articlesDir} has no readable articles`);
    expect(message).toContain('every article would be dropped');
    expect(message).toContain('--allow-shrink');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a wrong folder (other articles) and one that drops more than half', async () => {
    const other = path.join(ws.root, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'unrelated.txt'), 'Local fair\n\nThe village fair opened on Saturday with a parade.\n');
    await expect(run({ articlesDir: other })).rejects.toThrow(`${other} has 1 (0 of them)`);
    await removeArticles(Math.floor(articles.length / 2) + 1);
    await expect(run()).rejects.toThrow(`so ${Math.floor(articles.length / 2) + 1} articles would be dropped`);
    expect(await snapshot()).toEqual(before);
  });

  it('allows dropping less than half, and any shrink with allowShrink', async () => {
    await removeArticles(Math.floor(articles.length / 2));
    expect((await run()).removed).toHaveLength(Math.floor(articles.length / 2));
    await removeArticles(articles.length);
    const summary = await run({ allowShrink: true });
    expect(summary.passages).toBe(0);
    expect((await readIndex(ws.embeddingsDir)).articles).toEqual([]);
  });

  it('a bot or ask opening over an emptied folder keeps the old index and says why', async () => {
    const passages = (await readIndex(ws.embeddingsDir)).passages.length;
    await removeArticles(articles.length);
    const log = captureLog('warn');
    const engine = await Engine.open({ config: ws.config, embedder: null, logger: log.logger });
    expect(engine.status().articles).toHaveLength(articles.length);
    expect(engine.status().passages).toBe(passages);
    expect(engine.coverageHint()).not.toBe('The articles cover: .');
    const [warning] = log.find('index not updated; answering from the previous index');
    expect(warning).toMatchObject({ level: 'warn', why: 'articles changed' });
    expect(warning!.problem).toContain(`holds ${articles.length} articles`);
    expect(warning!.problem).toContain(ws.articlesDir);
    expect(await snapshot()).toEqual(before);
  });

  it('answers from the articles still in the folder, quoting them verbatim, when more than half are gone', async () => {
    await removeArticles(Math.floor(articles.length / 2) + 1);
    const log = captureLog('warn');
    const engine = await Engine.open({ config: ws.config, embedder: null, logger: log.logger });
    expect(log.find('index not updated; answering from the previous index')).toHaveLength(1);
    const left = await Promise.all(
      articles.slice(Math.floor(articles.length / 2) + 1).map((f) => readFile(path.join(ws.articlesDir, f), 'utf8')),
    );
    const questions = ['Who did Albania blame for the attack?', 'When did the attack happen?', 'What did Iran say?', 'Who is Edi Rama?'];
    const quotes = (await Promise.all(questions.map((q) => engine.ask(q)))).flatMap((a) => a.citations.map((c) => c.quote));
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(left.some((text) => text.includes(quote))).toBe(true);
  });
});
