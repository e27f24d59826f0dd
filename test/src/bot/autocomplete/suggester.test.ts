import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { QuestionSuggester } from '../../../../src/bot/autocomplete/suggester.js';
import { SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';
import { captureLog } from '../../../helpers/log-capture.js';
import { entry } from '../../../helpers/store-fixtures.js';

/** The suggester over a real SQLite store: the privacy threshold end to end, and no input or store failure makes it throw. */

const CURATED = ['When did Albania cut diplomatic ties with Iran?', 'How long did the Iranian diplomats have to leave?'];

let dir: string;
let store: SqliteStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-suggester-'));
  store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const suggester = (log = captureLog()) => new QuestionSuggester(store.questions, { current: async () => CURATED }, log.logger);
const values = (choices: Array<{ value: string }>) => choices.map((c) => c.value);

test('curated questions before the log has any; a logged question joins them once 3 members asked it', async () => {
  const s = suggester();
  expect(values(await s.suggest(''))).toEqual(CURATED);
  for (const member of ['m1', 'm2']) await store.questions.add(entry({ member, question: 'Who carried out the attack?' }));
  expect(values(await s.suggest('who'))).toEqual([]);
  await store.questions.add(entry({ member: 'm3', question: 'who carried out the attack' }));
  expect(values(await s.suggest('who'))).toEqual(['Who carried out the attack?']);
  expect(values(await s.suggest(''))).toEqual(['Who carried out the attack?', ...CURATED]);
  await store.questions.hide('Who carried out the attack?', Date.now());
  await store.questions.hide(CURATED[0]!, Date.now());
  expect(values(await s.suggest(''))).toEqual([CURATED[1]]);
});

test('input that is not text gets no choices', async () => {
  expect(await suggester().suggest(42)).toEqual([]);
  expect(await suggester().suggest(undefined)).toEqual([]);
});

test('a store that fails gets an empty response, logged', async () => {
  const log = captureLog();
  const s = suggester(log);
  await store.close();
  expect(await s.suggest('when')).toEqual([]);
  expect(log.find('autocomplete: could not read the suggestions')).toHaveLength(1);
});

test('property: any typed string gives at most 25 valid choices and never throws', async () => {
  const questions = [
    'When did Albania cut ties with Iran?',
    'Who carried out the attack?',
    'Wie viel hat der Angriff gekostet?',
    'Why did the U.S. condemn the cyber-attack?',
  ];
  for (const [i, question] of questions.entries())
    for (const member of ['m1', 'm2', 'm3']) await store.questions.add(entry({ member, question, at: i }));
  for (let i = 0; i < 30; i++)
    for (const member of ['a', 'b', 'c']) await store.questions.add(entry({ member, question: `Albania question ${i}?` }));
  const s = suggester();
  const typed = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('', ' ', 'alb', 'Albania ', 'atack', '???', 'x'.repeat(7000)),
  );
  await fc.assert(
    fc.asyncProperty(typed, async (text) => {
      const choices = await s.suggest(text);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeGreaterThanOrEqual(1);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      expect(new Set(values(choices)).size).toBe(choices.length);
    }),
    { numRuns: 300 },
  );
});
