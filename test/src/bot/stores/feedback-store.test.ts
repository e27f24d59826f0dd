import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FeedbackStore, type FeedbackRecord, type Vote } from '../../../../src/bot/stores/feedback-store.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-feedback-'));
  file = path.join(dir, 'nested', 'feedback.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const vote = (answerId: string, userId: string, v: Vote): FeedbackRecord => ({
  at: new Date().toISOString(),
  answerId,
  userId,
  guildId: null,
  vote: v,
  question: 'q',
  mode: 'keyword',
  citations: [{ n: 1, source: 'a', passageId: 'a#0' }],
});

const lines = async () => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('FeedbackStore', () => {
  test('records one vote per user per answer and refuses the second', async () => {
    const store = await FeedbackStore.open(file);
    expect(await store.record(vote('A', 'u1', 'up'))).toEqual({ recorded: true });
    expect(await store.record(vote('A', 'u1', 'down'))).toEqual({ recorded: false, existing: 'up' });
    expect(await store.record(vote('A', 'u2', 'down'))).toEqual({ recorded: true });
    expect(await store.record(vote('B', 'u1', 'down'))).toEqual({ recorded: true });
    const written = (await lines()).map((l) => JSON.parse(l) as FeedbackRecord);
    expect(written.map((r) => [r.answerId, r.userId, r.vote])).toEqual([
      ['A', 'u1', 'up'],
      ['A', 'u2', 'down'],
      ['B', 'u1', 'down'],
    ]);
  });

  test('a double click records only one vote', async () => {
    const store = await FeedbackStore.open(file);
    const results = await Promise.all([store.record(vote('A', 'u1', 'up')), store.record(vote('A', 'u1', 'up'))]);
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(await lines()).toHaveLength(1);
  });

  test('remembers votes across a restart', async () => {
    await (await FeedbackStore.open(file)).record(vote('A', 'u1', 'down'));
    const reopened = await FeedbackStore.open(file);
    expect(reopened.voteOf('A', 'u1')).toBe('down');
    expect(await reopened.record(vote('A', 'u1', 'up'))).toEqual({ recorded: false, existing: 'down' });
  });

  test('never loses existing lines, even a torn last line from a crash', async () => {
    const first = await FeedbackStore.open(file);
    await first.record(vote('A', 'u1', 'up'));
    const before = await readFile(file, 'utf8');
    await writeFile(file, before + '{"answerId":"B","us', 'utf8'); // a write cut short
    const store = await FeedbackStore.open(file);
    await store.record(vote('C', 'u1', 'up'));
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(before + '{"answerId":"B","us\n')).toBe(true);
    const parsed = text
      .split('\n')
      .filter(Boolean)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as FeedbackRecord];
        } catch {
          return [];
        }
      });
    expect(parsed.map((r) => r.answerId)).toEqual(['A', 'C']);
  });
});
