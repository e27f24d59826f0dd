import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from '../../src/engine.js';
import { QuestionError } from '../../src/errors.js';
import { readIndex } from '../../src/index/index-store.js';
import type { Embedder } from '../../src/types.js';
import { countingEmbedder, loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

describe('Engine', () => {
  let ws: Workspace;
  let tiny: Embedder;
  beforeAll(async () => (tiny = await loadTinyEmbedder()));
  beforeEach(async () => (ws = await createWorkspace()));
  afterEach(() => ws.dispose());

  it('builds the index on first use and answers in hybrid mode with cited verbatim quotes', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: tiny });
    const answer = await engine.ask('How long did the Iranian diplomats have to leave?');
    expect(answer).toMatchObject({ answered: true, mode: 'hybrid', message: '' });
    expect(answer.citations.slice(0, 3).some((c) => c.quote.includes('24 hours'))).toBe(true);
    const index = await readIndex(ws.embeddingsDir);
    for (const c of answer.citations) {
      const article = index.articles.find((a) => a.id === c.source)!;
      expect(article.text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.title).toBe(article.title);
    }
    expect(answer.timings.embed).toBeGreaterThanOrEqual(0);
    expect(engine.status()).toMatchObject({ model: tiny.modelId, mode: 'hybrid', passages: index.passages.length });
  });

  it('runs keyword-only without a model, and says so', async () => {
    const engine = await Engine.open({ config: ws.config });
    expect(engine.status().mode).toBe('keyword');
    expect(engine.status().modeReason).toMatch(/not in .*models/);
    const answer = await engine.ask('How long did the Iranian diplomats have to leave?');
    expect(answer.mode).toBe('keyword');
    expect(answer.citations[0]!.quote).toContain('24 hours');
  });

  it('refuses a question about a name no article mentions, saying which, in both modes', async () => {
    for (const embedder of [tiny, null]) {
      const engine = await Engine.open({ config: ws.config, embedder });
      const answer = await engine.ask('Did Microsoft help Albania investigate the cyberattack?');
      expect(answer).toMatchObject({ answered: false, citations: [] });
      expect(answer.message).toMatch(/^The articles don't cover that \(they never mention Microsoft\)/);
      expect((await engine.ask('Did Mandiant help Albania investigate the cyberattack?')).answered).toBe(true);
    }
  });

  it('answers misspelled questions of every kind of word, as members type them', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: null });
    for (const [question, fact] of [
      ['who is edi ramma', 'Rama'],
      ['how long did the iranian diplomtas have to leav', '24 hours'],
      ['When did the atack on albania hapen?', 'July'],
    ] as const) {
      const answer = await engine.ask(question);
      expect({ question, answered: answer.answered }).toEqual({ question, answered: true });
      expect(answer.citations.slice(0, 3).some((c) => c.quote.includes(fact))).toBe(true);
    }
  });

  it('says which word no article contains when that is why it refuses, and why in machine form', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: null });
    const answer = await engine.ask('What did the zqxvbrt group claim?');
    expect(answer).toMatchObject({ answered: false, notCovered: { reason: 'unknown-word', term: 'zqxvbrt' } });
    expect(answer.message).toMatch(/^No article contains “zqxvbrt”/);
    expect(answer.message).not.toMatch(/don't cover/);
    const name = await engine.ask('Did Microsoft help Albania investigate the cyberattack?');
    expect(name.notCovered).toEqual({ reason: 'unknown-name', term: 'Microsoft' });
    expect((await engine.ask('Who won the football world cup?')).notCovered?.reason).toBe('below-threshold');
  });

  it('never searches vectors of another model: a mismatch is rebuilt, or falls back to keyword mode', async () => {
    await Engine.open({ config: ws.config, embedder: tiny });
    const other = countingEmbedder(tiny, { modelId: 'casefile/another' });
    const stale = await Engine.open({ config: ws.config, embedder: other, refresh: 'never' });
    expect(stale.status().mode).toBe('keyword');
    expect(stale.status().modeReason).toMatch(/no vectors for casefile\/another/);
    const rebuilt = await Engine.open({ config: ws.config, embedder: other });
    expect(rebuilt.status()).toMatchObject({ mode: 'hybrid', model: 'casefile/another' });
    const sentences = (await readIndex(ws.embeddingsDir)).sentenceVectors!.length;
    expect(other.embedded).toBe(rebuilt.status().passages + sentences);
  });

  it('rebuilds a damaged index instead of crashing', async () => {
    await Engine.open({ config: ws.config, embedder: null });
    const { manifest } = await readIndex(ws.embeddingsDir);
    await writeFile(path.join(ws.embeddingsDir, manifest.files.corpus.name), '{"truncated":');
    const engine = await Engine.open({ config: ws.config, embedder: null });
    expect((await engine.ask('Who is the Prime Minister of Albania?')).answered).toBe(true);
  });

  it('picks up new articles on open', async () => {
    await Engine.open({ config: ws.config, embedder: null });
    await writeFile(
      path.join(ws.articlesDir, 'zz_new.md'),
      '---\ntitle: Harbour report\n---\nThe Durres harbour handled a record number of ferries in August.\n',
    );
    const engine = await Engine.open({ config: ws.config, embedder: null });
    const answer = await engine.ask('How many ferries did the Durres harbour handle?');
    expect(answer.citations[0]).toMatchObject({ source: 'zz_new', title: 'Harbour report' });
  });

  it('rejects empty and over-long questions with a typed error, and lists articles in status', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: null });
    await expect(engine.ask('   ')).rejects.toBeInstanceOf(QuestionError);
    await expect(engine.ask('x'.repeat(1001))).rejects.toBeInstanceOf(QuestionError);
    const status = engine.status();
    expect(status.articles.length).toBeGreaterThanOrEqual(5);
    expect(status.articles.every((a) => a.passages > 0 && a.title.length > 0)).toBe(true);
    expect(engine.coverageHint()).toContain(status.articles[0]!.title);
  });

  it('search returns scored passages for debugging', async () => {
    const engine = await Engine.open({ config: ws.config, embedder: tiny });
    const hits = await engine.search('Mandiant', 3);
    expect(hits[0]!.passage.text).toContain('Mandiant');
    expect(hits[0]!.bm25).toBeGreaterThan(0);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});
