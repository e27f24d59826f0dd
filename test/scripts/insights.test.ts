import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnScript } from '../../harness/spawn-script.js';
import { SHIPPED_ARTICLES } from '../../harness/workspace.js';
import type { InsightsReport } from '../../src/bot/insights/report.js';
import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import { entry } from '../helpers/store-fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-insights-'));
  const store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
  for (let i = 0; i < 3; i++)
    await store.questions.add(
      entry({ outcome: 'not-covered', reason: 'unknown-name', term: 'Microsoft', question: 'What did Microsoft say?' }),
    );
  await store.questions.add(entry({ outcome: 'answered', articleIds: ['no-such-article'] }));
  await store.questions.add(entry({ at: Date.now() - 3 * 86_400_000, outcome: 'not-covered', question: 'Three days ago?' }));
  await store.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnScript('scripts/insights.ts', { DATA_DIR: dir, ARTICLES_DIR: SHIPPED_ARTICLES }, { args }).done;

test('JSON by default when stdout is not a terminal, over --days', async () => {
  const result = await run('--days', '2');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as InsightsReport;
  expect(report.days).toBe(2);
  expect(report.outcomes).toEqual({ answered: 1, 'not-covered': 3, refused: 0, error: 0 });
  expect(report.unanswered).toEqual([expect.objectContaining({ example: 'What did Microsoft say?', count: 3 })]);
  expect(report.unknownNames).toEqual([expect.objectContaining({ name: 'Microsoft', count: 3 })]);
  expect(report.neverCited.length).toBeGreaterThan(0);
});

test('--format csv and --format table print the same report for a spreadsheet and for a person', async () => {
  const csv = await run('--format', 'csv');
  expect(csv.stdout.split('\r\n')[0]).toBe('section,item,count,last_at,detail');
  expect(csv.stdout).toContain('unanswered,Three days ago?,1,');
  const table = await run('--format', 'table');
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/^casefile insights: the last 7 days/);
  expect(table.stdout).toMatch(
    /Names asked about that no article mentions \(1\)\n\s+count\s+last asked\s+name\n\s+3\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Microsoft/,
  );
  expect(table.stdout).not.toContain('\x1b[');
});

test('--help, bad options, and a data folder with no database yet', async () => {
  expect((await run('--help')).stdout).toMatch(/^Usage: npm run insights/);
  for (const args of [
    ['--days', '0'],
    ['--format', 'xml'],
    ['--days', 'two'],
  ]) {
    const bad = await run(...args);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--days takes a whole number/);
  }
  const empty = await mkdtemp(path.join(os.tmpdir(), 'casefile-insights-empty-'));
  const none = await spawnScript('scripts/insights.ts', { DATA_DIR: empty, ARTICLES_DIR: SHIPPED_ARTICLES }, {}).done;
  expect(none.code).toBe(0);
  expect((JSON.parse(none.stdout) as InsightsReport).outcomes.answered).toBe(0);
  expect(existsSync(path.join(empty, 'casefile.db'))).toBe(false);
  await rm(empty, { recursive: true, force: true });
});

test('--hide, --hidden and --unhide take a question out of /ask suggestions and put it back; no database, no hide', async () => {
  const hide = await run('--hide', 'When did Albania cut *ties*?');
  expect(hide).toMatchObject({ code: 0, stderr: '' });
  expect(hide.stdout).toBe('Hidden: “When did Albania cut *ties*?” and its close variants are no longer suggested in /ask.\n');
  expect((await run('--hide', 'when did albania cut ties')).stdout).toMatch(/was already hidden/);
  expect((await run('--hidden')).stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}When did Albania cut \*ties\*\?\n$/);
  const store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
  expect((await store.questions.hidden()).map((h) => h.question)).toEqual(['When did Albania cut *ties*?']);
  await store.close();
  expect((await run('--unhide', 'When did Albania cut ties?')).stdout).toMatch(/^Unhidden: /);
  expect((await run('--hidden')).stdout).toBe('No question is hidden.\n');

  const empty = await mkdtemp(path.join(os.tmpdir(), 'casefile-insights-empty-'));
  const none = await spawnScript('scripts/insights.ts', { DATA_DIR: empty, ARTICLES_DIR: SHIPPED_ARTICLES }, { args: ['--hide', 'Q?'] })
    .done;
  expect(none.code).toBe(1);
  expect(none.stderr).toMatch(/No database/);
  expect(existsSync(path.join(empty, 'casefile.db'))).toBe(false);
  await rm(empty, { recursive: true, force: true });
});
