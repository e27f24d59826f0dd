import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hitInTop3, loadQuestions } from '../../../bench/lib/questions.js';

describe('hitInTop3', () => {
  it('finds any expected fact in the first three texts, ignoring case, quote style and spacing', () => {
    expect(hitInTop3(['nothing', 'Prime Minister Edi Rama said'], ['rama'])).toBe(true);
    expect(hitInTop3(['a', 'b', 'c', 'gave them 24 hours'], ['24 hours'])).toBe(false);
    expect(hitInTop3(['called it “short‑sighted”'], ['baseless', 'short‑sighted'])).toBe(true);
    expect(hitInTop3(['Iran’s foreign\nministry'], ["Iran's foreign ministry"])).toBe(true);
    expect(hitInTop3([], ['anything'])).toBe(false);
  });
});

describe('loadQuestions', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'bench-questions-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (name: string, value: unknown) => {
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(value));
    return file;
  };

  it('reads the fixture shape { answerable, offTopic }', async () => {
    const set = await loadQuestions(new URL('../../fixtures/questions.json', import.meta.url).pathname);
    expect(set.answerable.length).toBeGreaterThan(0);
    for (const q of set.answerable) expect(q.expect.length).toBeGreaterThan(0);
    expect(Array.isArray(set.offTopic)).toBe(true);
  });

  it('also takes a bare array of answerable questions', async () => {
    const file = await write('array.json', [{ question: 'Q?', expect: ['A'] }]);
    expect(await loadQuestions(file)).toEqual({ answerable: [{ question: 'Q?', expect: ['A'] }], offTopic: [] });
  });

  it('rejects questions without expected facts', async () => {
    await expect(loadQuestions(await write('bad.json', [{ question: 'Q?', expect: [] }]))).rejects.toThrow(/expect/);
    await expect(loadQuestions(await write('empty.json', { answerable: [] }))).rejects.toThrow(/answerable/);
  });
});
