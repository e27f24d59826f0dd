import { readFile } from 'node:fs/promises';
import { Engine } from '../../src/engine.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../harness/workspace.js';

interface QuestionSet {
  answerable: Array<{ question: string; expect: string[] }>;
  offTopic: string[];
}

const set = JSON.parse(await readFile(new URL('../fixtures/questions.json', import.meta.url), 'utf8')) as QuestionSet;

/** Share of questions whose top-3 quotes contain one of the expected facts. */
async function hitRate(engine: Engine): Promise<{ rate: number; misses: string[] }> {
  const misses: string[] = [];
  for (const { question, expect: facts } of set.answerable) {
    const answer = await engine.ask(question);
    const top = answer.citations.slice(0, 3).map((c) => c.quote.toLowerCase());
    if (!answer.answered || !facts.some((f) => top.some((q) => q.includes(f.toLowerCase())))) misses.push(question);
  }
  return { rate: 1 - misses.length / set.answerable.length, misses };
}

describe('answer quality on our own question set', () => {
  let ws: Workspace;
  beforeAll(async () => (ws = await createWorkspace()));
  afterAll(() => ws.dispose());

  it('has at least 25 answerable questions', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['keyword', () => Promise.resolve(null)],
    ['hybrid (tiny model)', loadTinyEmbedder],
  ])('%s: finds the expected fact in the top 3 quotes for at least 90%% of questions', async (_mode, load) => {
    const engine = await Engine.open({ config: ws.config, embedder: await load() });
    const { rate, misses } = await hitRate(engine);
    expect({ rate: rate >= 0.9, misses }).toEqual({ rate: true, misses: expect.any(Array) });
  });

  it.each([
    ['keyword', () => Promise.resolve(null)],
    ['hybrid (tiny model)', loadTinyEmbedder],
  ])('%s: refuses every off-topic question without quoting', async (_mode, load) => {
    const engine = await Engine.open({ config: ws.config, embedder: await load() });
    for (const question of set.offTopic) {
      const answer = await engine.ask(question);
      expect({ question, answered: answer.answered, quotes: answer.citations.length }).toEqual({ question, answered: false, quotes: 0 });
      expect(answer.message).toMatch(/don't cover/);
    }
  });
});
