import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadQuestions, splitOf } from '../../../scripts/eval/questions.js';

describe('eval questions', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-evalq-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (body: unknown) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify(body));
    return file;
  };

  it('splits by a seeded hash of the id: stable, and close to half each way', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `q${i}`);
    expect(ids.map((id) => splitOf(id))).toEqual(ids.map((id) => splitOf(id)));
    const dev = ids.filter((id) => splitOf(id) === 'dev').length;
    expect(dev).toBeGreaterThan(900);
    expect(dev).toBeLessThan(1100);
    // Another seed gives another split.
    expect(ids.filter((id) => splitOf(id, 'other-seed') !== splitOf(id)).length).toBeGreaterThan(500);
  });

  it('loads a valid file and assigns each question its split', async () => {
    const file = await write({
      version: 1,
      questions: [{ id: 'a', question: 'Who?', class: 'factoid', corpus: 'shipped', expect: ['Rama'] }],
    });
    expect(await loadQuestions(file)).toEqual([
      { id: 'a', question: 'Who?', class: 'factoid', corpus: 'shipped', expect: ['Rama'], split: splitOf('a') },
    ]);
  });

  it('names the field at fault in a bad file', async () => {
    const badClass = await write({
      version: 1,
      questions: [{ id: 'a', question: 'Who?', class: 'trivia', corpus: 'shipped', expect: ['x'] }],
    });
    await expect(loadQuestions(badClass)).rejects.toThrow(/questions\.0\.class/);
    const noExpect = await write({ version: 1, questions: [{ id: 'b', question: 'Who?', class: 'factoid', corpus: 'shipped' }] });
    await expect(loadQuestions(noExpect)).rejects.toThrow(/question b is answerable but has no expect/);
  });
});
