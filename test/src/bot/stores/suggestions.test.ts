import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../../../../src/bot/stores/sqlite/migrations.js';
import { SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';
import { SUGGESTIONS_SQL } from '../../../../src/bot/stores/sqlite/suggestions.js';
import { questionKey } from '../../../../src/bot/stores/question-key.js';
import { entry } from '../../../helpers/store-fixtures.js';

/** The question log's suggestions: the privacy threshold, close variants, hiding, votes and the change-keyed cache. */

let dir: string;
let file: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-suggest-'));
  file = path.join(dir, 'casefile.db');
  store = SqliteStore.open(file, { questionLogDays: 30 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ask = (question: string, member: string, over: Parameters<typeof entry>[0] = {}) =>
  store.questions.add(entry({ question, member, ...over }));

test('close variants share a key: the same stemmed key terms, whatever the case, stopwords and inflection', () => {
  expect(questionKey('When did Albania cut ties with Iran?')).toBe(questionKey('when did albania cut its TIES with iran'));
  expect(questionKey('When did Albania cut ties with Iran?')).not.toBe(questionKey('When did Albania cut ties?'));
  expect(questionKey('What is it?')).toBe('');
});

test('a question is suggested only once 3 different members asked it or a close variant', async () => {
  await ask('When did Albania cut ties with Iran?', 'm1');
  await ask('When did Albania cut ties with Iran?', 'm1');
  await ask('when did albania cut its ties with iran', 'm2');
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
  await ask('When did Albania cut ties with Iran?', 'm3');
  const [s, ...rest] = await store.questions.suggestions(3, 25);
  expect(rest).toEqual([]);
  // The wording most members used stands for the group.
  expect(s).toMatchObject({ question: 'When did Albania cut ties with Iran?', members: 3, asks: 4, upVotes: 0, downVotes: 0 });
});

test('only answered /ask questions count: not covered, refused and message checks are never suggested', async () => {
  for (const member of ['m1', 'm2', 'm3']) {
    await ask('Was anyone arrested for the attack?', member, { outcome: 'not-covered' });
    await ask('Who hacked the servers of Albania?', member, { command: 'check' });
    await ask('Why was the embassy closed?', member, { outcome: 'refused' });
  }
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
});

test('a hidden question and its close variants are not suggested until unhidden', async () => {
  for (const member of ['m1', 'm2', 'm3']) await ask('Who attacked Albania?', member);
  expect(await store.questions.suggestions(3, 25)).toHaveLength(1);
  expect(await store.questions.hide('who ATTACKED albania', 1000)).toBe(true);
  expect(await store.questions.hide('Who attacked Albania?', 2000)).toBe(false);
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
  expect(await store.questions.hidden()).toEqual([
    { question: 'who ATTACKED albania', key: questionKey('Who attacked Albania?'), at: 1000 },
  ]);
  expect(await store.questions.unhide('Who attacked Albania')).toBe(true);
  expect(await store.questions.unhide('Who attacked Albania')).toBe(false);
  expect(await store.questions.suggestions(3, 25)).toHaveLength(1);
  expect(await store.questions.hide('What was it?', 1)).toBe(false);
});

test('most asked and best voted first, at most `limit`', async () => {
  const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);
  for (const m of members(5)) await ask('Who attacked Albania?', m, { answerId: `a-${m}` });
  for (const m of members(4)) await ask('When did the attack happen?', m, { answerId: `b-${m}` });
  for (const m of members(3)) await ask('Why did Albania cut ties with Iran?', m);
  // Two 👍 lift the four-member question above the five-member one; a 👎 counts against.
  const vote = (answerId: string, member: string, v: 'up' | 'down') =>
    store.votes.record({ answerId, member, at: 1, guildId: null, vote: v, question: 'q', mode: 'keyword', citations: [] });
  await vote('b-m0', 'x', 'up');
  await vote('b-m1', 'y', 'up');
  await vote('a-m0', 'x', 'down');
  const ranked = await store.questions.suggestions(3, 25);
  expect(ranked.map((s) => s.question)).toEqual([
    'When did the attack happen?',
    'Who attacked Albania?',
    'Why did Albania cut ties with Iran?',
  ]);
  expect(ranked[0]).toMatchObject({ asks: 4, upVotes: 2, downVotes: 0 });
  expect(ranked[1]).toMatchObject({ asks: 5, upVotes: 0, downVotes: 1 });
  expect(await store.questions.suggestions(3, 2)).toHaveLength(2);
});

test('the cached result follows writes from this and from another connection', async () => {
  for (const m of ['m1', 'm2']) await ask('Who attacked Albania?', m);
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
  const other = SqliteStore.open(file, { questionLogDays: 30 });
  await other.questions.add(entry({ question: 'Who attacked Albania?', member: 'm3' }));
  expect(await store.questions.suggestions(3, 25)).toHaveLength(1);
  await other.questions.hide('Who attacked Albania?', 1);
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
  await other.close();
  await store.questions.unhide('Who attacked Albania?');
  await store.forget('m3');
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
});

test('rows written before schema version 4 get their key when the store opens', async () => {
  await store.close();
  await rm(file);
  const db = new Database(file);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 4),
  );
  const insert = db.prepare(
    `INSERT INTO questions (at, member, command, outcome, article_ids, latency_ms, question) VALUES (1, ?, 'ask', 'answered', '[]', 1, ?)`,
  );
  for (const m of ['m1', 'm2', 'm3']) insert.run(m, 'Who attacked Albania?');
  db.close();
  store = SqliteStore.open(file, { questionLogDays: 30 });
  expect((await store.questions.suggestions(3, 25)).map((s) => s.key)).toEqual([questionKey('Who attacked Albania?')]);
});

test('the suggestion query reads the partial index, not the whole table', () => {
  const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${SUGGESTIONS_SQL}`).all(3, 25) as Array<{ detail: string }>;
  const details = plan.map((p) => p.detail);
  expect(details.filter((d) => /\bquestions\b/.test(d) && !/answer_id/.test(d)).every((d) => /INDEX questions_suggest/.test(d))).toBe(true);
  expect(details.join('\n')).not.toMatch(/SCAN questions\b(?! USING)/);
});

test('a follow-up is logged with an empty key: never suggested, and not keyed again on the next open', async () => {
  for (const member of ['m1', 'm2', 'm3']) await ask('What did he say about the damage?', member, { followUp: true });
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
  expect(store.db.prepare('SELECT DISTINCT variant FROM questions').all()).toEqual([{ variant: '' }]);
  await store.close();
  store = SqliteStore.open(file, { questionLogDays: 30 });
  expect(await store.questions.suggestions(3, 25)).toEqual([]);
});
