import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AnswerStore } from '../../../../src/bot/stores/answer-store.js';
import type { Answer } from '../../../../src/types.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-answers-'));
  file = path.join(dir, 'answers.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const answer = (question: string): Answer => ({
  question,
  answered: true,
  mode: 'keyword',
  message: '',
  citations: [
    { n: 1, source: 'art', title: 'Article', quote: 'A quote.', highlights: [], score: 1, also: [], start: 0, end: 8, passageId: 'art#0' },
  ],
  timings: {},
});

describe('AnswerStore', () => {
  test('gives each answer a short id that fits in a custom id, and finds it again after a restart', async () => {
    const store = await AnswerStore.open(file);
    const record = await store.add(answer('Who?'), 'u1');
    expect(record.id).toMatch(/^[\w-]{8,20}$/);
    expect(store.get(record.id)?.question).toBe('Who?');
    const reopened = await AnswerStore.open(file);
    expect(reopened.get(record.id)).toEqual(record);
  });

  test('unknown and expired ids are gone', async () => {
    let now = 1_000_000;
    const store = await AnswerStore.open(file, { maxAgeMs: 60_000, now: () => now });
    const record = await store.add(answer('Old?'), 'u1');
    expect(store.get('nope')).toBeUndefined();
    now += 60_001;
    expect(store.get(record.id)).toBeUndefined();
  });

  test('keeps the newest answers and compacts the file when it grows past twice the cap', async () => {
    const store = await AnswerStore.open(file, { maxEntries: 3 });
    const records = [];
    for (let i = 0; i < 7; i++) records.push(await store.add(answer(`q${i}`), 'u1'));
    expect(store.get(records[0]!.id)).toBeUndefined();
    expect(store.get(records[6]!.id)).toBeDefined();
    const reopened = await AnswerStore.open(file, { maxEntries: 3 });
    expect(records.slice(4).every((r) => reopened.get(r.id))).toBe(true);
    expect((await readFile(file, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);
  });
});
