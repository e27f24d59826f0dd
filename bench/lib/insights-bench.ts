import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { reportCsv } from '../../src/bot/insights/csv.js';
import { loadReport } from '../../src/bot/insights/load-report.js';
import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import { seedQuestionLog } from './question-log-data.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { median } from './stats.js';

/** Questions in the log the report is built over: a busy server's month and more. */
export const INSIGHTS_QUESTIONS = 100_000;
const ARTICLES = Array.from({ length: 40 }, (_, i) => `article-${String(i).padStart(2, '0')}`);

/** Milliseconds of one insights report over a seeded log, split into its steps (medians over the repeats). */
export interface InsightsTiming {
  questions: number;
  days: number;
  seedMs: number;
  reportMs: number;
  csvMs: number;
  totalMs: number;
  groups: number;
  fileMb: number;
}

/** Seeds `questions` rows over 30 days into a fresh database file and times `/insights days:30` and its CSV `repeats` times. */
export async function measureInsights(questions: number, repeats: number): Promise<InsightsTiming> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-insights-'));
  const store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
  try {
    const t0 = performance.now();
    seedQuestionLog(store, questions, 30, ARTICLES);
    const seedMs = performance.now() - t0;
    const report: number[] = [];
    const csv: number[] = [];
    let groups = 0;
    for (let i = 0; i < repeats; i++) {
      const t1 = performance.now();
      const r = await loadReport(
        store.questions,
        ARTICLES.map((id) => ({ id, title: id })),
        30,
      );
      const t2 = performance.now();
      reportCsv(r);
      csv.push(performance.now() - t2);
      report.push(t2 - t1);
      groups = r.unanswered.length;
    }
    const pages = Number(store.db.pragma('page_count', { simple: true })) * Number(store.db.pragma('page_size', { simple: true }));
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      questions,
      days: 30,
      seedMs: round(seedMs),
      reportMs: round(median(report)),
      csvMs: round(median(csv)),
      totalMs: round(median(report.map((ms, i) => ms + csv[i]!))),
      groups,
      fileMb: Math.round(pages / 1e5) / 10,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The `insights` section: how long `/insights` and its CSV take over 100,000 logged questions. */
export const insightsSection: Section = {
  name: 'insights',
  description: `/insights over ${INSIGHTS_QUESTIONS.toLocaleString('en-US')} logged questions (SQLite query, grouping on key terms, CSV)`,
  async run(ctx: BenchContext): Promise<SectionResult> {
    ctx.log(`insights: seeding ${INSIGHTS_QUESTIONS.toLocaleString('en-US')} questions`);
    const t = await measureInsights(INSIGHTS_QUESTIONS, ctx.options.quick ? 3 : 7);
    return {
      tables: [
        {
          title: 'Insights: one report over a 30-day question log (median of the repeats)',
          columns: ['questions', 'db MB', 'report ms', 'CSV ms', 'total ms', 'unanswered groups', 'seed ms'],
          rows: [[t.questions, t.fileMb, t.reportMs, t.csvMs, t.totalMs, t.groups, t.seedMs]],
        },
      ],
      data: t,
    };
  },
};
