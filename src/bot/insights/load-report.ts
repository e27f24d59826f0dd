import type { IndexStatus } from '../../types.js';
import type { QuestionLog } from '../stores/store.js';
import { buildReport, type InsightsReport } from './report.js';

/** Days `/insights` and `npm run insights` look back when not told. */
export const DEFAULT_INSIGHTS_DAYS = 7;

/** Reads the period from the question log and builds the report against the articles in the index. */
export async function loadReport(
  questions: QuestionLog,
  articles: IndexStatus['articles'] | ReadonlyArray<{ id: string; title: string }>,
  days: number,
  now = Date.now(),
): Promise<InsightsReport> {
  const data = await questions.period(now - days * 86_400_000);
  return buildReport(data, articles, { days, now, logEnabled: questions.enabled });
}
