import type { PeriodData, QuestionOutcome, VoteRecord } from '../stores/store.js';
import { groupQuestions, type QuestionGroup } from './group-questions.js';

/** The insights report: what members asked that the articles could not answer, and what to add next. */
export interface InsightsReport {
  days: number;
  /** Milliseconds since the epoch: the period is [since, until). */
  since: number;
  until: number;
  /** False when QUESTION_LOG_DAYS is 0: only the votes section can have anything in it. */
  logEnabled: boolean;
  outcomes: Record<QuestionOutcome, number>;
  unanswered: QuestionGroup[];
  /** Names members asked about that no article mentions ("Microsoft ×7"): the articles to add next. */
  unknownNames: Array<{ name: string; count: number; lastAsked: number }>;
  downVoted: Array<{ answerId: string; question: string; votes: number; lastVoted: number; quotes: VoteRecord['citations'] }>;
  /** Articles no answer quoted in the period. */
  neverCited: Array<{ id: string; title: string }>;
}

export interface ReportOptions {
  days: number;
  now: number;
  logEnabled: boolean;
}

/** Builds the report from a period's rows (see QuestionLog.period) and the articles in the index. */
export function buildReport(data: PeriodData, articles: ReadonlyArray<{ id: string; title: string }>, o: ReportOptions): InsightsReport {
  const cited = new Set(data.citedArticleIds);
  return {
    days: o.days,
    since: o.now - o.days * 86_400_000,
    until: o.now,
    logEnabled: o.logEnabled,
    outcomes: data.outcomes,
    unanswered: groupQuestions(data.notCovered),
    unknownNames: unknownNames(data.notCovered),
    downVoted: downVoted(data.downVotes),
    neverCited: o.logEnabled ? articles.filter((a) => !cited.has(a.id)).map(({ id, title }) => ({ id, title })) : [],
  };
}

/** Counts the names the engine reported as unknown, case-insensitively, shown as most often written. */
function unknownNames(rows: PeriodData['notCovered']): InsightsReport['unknownNames'] {
  const byKey = new Map<string, { spellings: Map<string, number>; count: number; lastAsked: number }>();
  for (const r of rows) {
    if (r.reason !== 'unknown-name' || !r.term) continue;
    const key = r.term.toLowerCase();
    const entry = byKey.get(key) ?? { spellings: new Map(), count: 0, lastAsked: 0 };
    entry.spellings.set(r.term, (entry.spellings.get(r.term) ?? 0) + r.count);
    entry.count += r.count;
    entry.lastAsked = Math.max(entry.lastAsked, r.lastAsked);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map((e) => ({ name: [...e.spellings].sort(([, a], [, b]) => b - a)[0]![0], count: e.count, lastAsked: e.lastAsked }))
    .sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked);
}

/** One entry per answer voted 👎, most votes first. */
function downVoted(votes: PeriodData['downVotes']): InsightsReport['downVoted'] {
  const byAnswer = new Map<string, InsightsReport['downVoted'][number]>();
  for (const v of votes) {
    const entry = byAnswer.get(v.answerId);
    if (entry) {
      entry.votes++;
      entry.lastVoted = Math.max(entry.lastVoted, v.at);
    } else byAnswer.set(v.answerId, { answerId: v.answerId, question: v.question, votes: 1, lastVoted: v.at, quotes: v.citations });
  }
  return [...byAnswer.values()].sort((a, b) => b.votes - a.votes || b.lastVoted - a.lastVoted);
}
