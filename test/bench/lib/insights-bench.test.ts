import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { INSIGHTS_QUESTIONS, measureInsights } from '../../../bench/lib/insights-bench.js';
import { seedQuestionLog } from '../../../bench/lib/question-log-data.js';
import { loadReport } from '../../../src/bot/insights/load-report.js';
import { SqliteStore } from '../../../src/bot/stores/sqlite/sqlite-store.js';

/** The insights report over 100,000 logged questions: correct, whatever it costs (the bench times it). */

const ARTICLES = ['a1', 'a2', 'a3', 'a4'];
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-insights-scale-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('100,000 logged questions: every one is counted, variants grouped, names and down votes tallied', async () => {
  const store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
  const seeded = seedQuestionLog(store, INSIGHTS_QUESTIONS, 30, ARTICLES.slice(0, 3));
  const report = await loadReport(
    store.questions,
    ARTICLES.map((id) => ({ id, title: id })),
    30,
  );
  await store.close();

  expect(report.outcomes).toEqual({ answered: seeded.answered, 'not-covered': seeded.notCovered, refused: seeded.refused, error: 0 });
  expect(report.unanswered.reduce((n, g) => n + g.count, 0)).toBe(seeded.notCovered);
  // 50 distinct questions (5 frames × 10 topics) and 10 names: variants must not scatter into thousands of groups.
  expect(report.unanswered.length).toBeLessThanOrEqual(60);
  expect(report.unknownNames).toHaveLength(10);
  expect(report.unknownNames.reduce((n, x) => n + x.count, 0)).toBe(seeded.unknownName);
  expect(report.downVoted.reduce((n, d) => n + d.votes, 0)).toBe(seeded.downVotes);
  expect(report.neverCited).toEqual([{ id: 'a4', title: 'a4' }]);
});

test('the bench section measures each step and reports the groups it found', async () => {
  const t = await measureInsights(2000, 1);
  expect(t).toMatchObject({ questions: 2000, days: 30 });
  for (const ms of [t.seedMs, t.reportMs, t.csvMs, t.totalMs]) expect(ms).toBeGreaterThan(0);
  expect(t.groups).toBeGreaterThan(0);
});
