import type { Database, Statement } from 'better-sqlite3';
import { QUESTION_COLUMNS, questionRow } from '../question-key.js';
import type { HiddenQuestion, PeriodData, QuestionEntry, QuestionLog, QuestionOutcome, QuestionSuggestion, VoteRecord } from '../store.js';
import { SqliteSuggestions } from './suggestions.js';

/** The question log in SQLite. With retention 0 it is disabled: nothing is written. */
export class SqliteQuestionLog implements QuestionLog {
  private readonly insert: Statement;
  private readonly suggested: SqliteSuggestions;

  constructor(
    private readonly db: Database,
    readonly enabled: boolean,
  ) {
    this.insert = db.prepare(`INSERT INTO questions (${QUESTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.suggested = new SqliteSuggestions(db);
  }

  async add(e: QuestionEntry): Promise<void> {
    if (!this.enabled) return;
    this.insert.run(...questionRow(e));
  }

  async suggestions(minMembers: number, limit: number): Promise<QuestionSuggestion[]> {
    return this.suggested.suggestions(minMembers, limit);
  }

  async hide(question: string, at: number): Promise<boolean> {
    return this.suggested.hide(question, at);
  }

  async unhide(question: string): Promise<boolean> {
    return this.suggested.unhide(question);
  }

  async hidden(): Promise<HiddenQuestion[]> {
    return this.suggested.hidden();
  }

  /** Three indexed range scans over the period; the grouping is left to the report. */
  async period(since: number): Promise<PeriodData> {
    const read = this.db.transaction(() => {
      const outcomes: Record<QuestionOutcome, number> = { answered: 0, 'not-covered': 0, refused: 0, error: 0 };
      const counts = this.db.prepare('SELECT outcome, count(*) AS n FROM questions WHERE at >= ? GROUP BY outcome').all(since) as Array<{
        outcome: QuestionOutcome;
        n: number;
      }>;
      for (const { outcome, n } of counts) outcomes[outcome] = n;
      // Counted in SQL: the same questions come back again and again, and each distinct one is analysed once.
      const notCovered = this.db
        .prepare(
          `SELECT question, reason, term, count(*) AS count, max(at) AS lastAsked FROM questions
           WHERE outcome = 'not-covered' AND at >= ? GROUP BY question, reason, term`,
        )
        .all(since) as PeriodData['notCovered'];
      const cited = this.db
        .prepare(
          "SELECT DISTINCT j.value AS id FROM (SELECT DISTINCT article_ids FROM questions WHERE outcome = 'answered' AND at >= ?) q, json_each(q.article_ids) j",
        )
        .all(since) as Array<{ id: string }>;
      const down = this.db
        .prepare("SELECT answer_id, question, at, citations FROM votes WHERE vote = 'down' AND at >= ? ORDER BY at DESC")
        .all(since) as Array<{ answer_id: string; question: string; at: number; citations: string }>;
      return {
        outcomes,
        notCovered,
        citedArticleIds: cited.map((r) => r.id),
        downVotes: down.map((r) => ({
          answerId: r.answer_id,
          question: r.question,
          at: r.at,
          citations: JSON.parse(r.citations) as VoteRecord['citations'],
        })),
      };
    });
    // One read transaction: a writer in another process cannot make the sections disagree.
    return read.deferred();
  }
}
