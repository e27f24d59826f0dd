import type { Pool } from 'pg';
import { z } from 'zod';
import { QUESTION_COLUMNS, questionRow } from '../question-key.js';
import type { HiddenQuestion, PeriodData, QuestionEntry, QuestionLog, QuestionOutcome, QuestionSuggestion } from '../store.js';
import { inTransaction } from './database.js';
import { int, parseRow, voteCitations } from './rows.js';
import { PostgresSuggestions } from './suggestions.js';

const OUTCOMES = ['answered', 'not-covered', 'refused', 'error'] as const satisfies readonly QuestionOutcome[];

const countRows = z.array(z.object({ outcome: z.string(), n: int }));
const notCoveredRows = z.array(
  z.object({ question: z.string(), reason: z.string().nullable(), term: z.string().nullable(), count: int, lastAsked: int }),
);
const citedRows = z.array(z.object({ id: z.string() }));
const downRows = z.array(z.object({ answer_id: z.string(), question: z.string(), at: int, citations: voteCitations }));

/** The question log in PostgreSQL, shared by every shard. With retention 0 it is disabled: nothing is written. */
export class PostgresQuestionLog implements QuestionLog {
  /** Suggestions for /ask and moderator hides (see PostgresSuggestions). */
  readonly suggested: PostgresSuggestions;

  constructor(
    private readonly pool: Pool,
    readonly enabled: boolean,
  ) {
    this.suggested = new PostgresSuggestions(pool);
  }

  async add(e: QuestionEntry): Promise<void> {
    if (!this.enabled) return;
    // Only answered /ask questions can be suggested; questionRow gives the rest no key.
    await this.pool.query(
      `INSERT INTO questions (${QUESTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)`,
      questionRow(e),
    );
  }

  suggestions(minMembers: number, limit: number): Promise<QuestionSuggestion[]> {
    return this.suggested.suggestions(minMembers, limit);
  }

  hide(question: string, at: number): Promise<boolean> {
    return this.suggested.hide(question, at);
  }

  unhide(question: string): Promise<boolean> {
    return this.suggested.unhide(question);
  }

  hidden(): Promise<HiddenQuestion[]> {
    return this.suggested.hidden();
  }

  /** The same four reads as the SQLite store's, in one snapshot: shards writing meanwhile cannot make the sections disagree. */
  async period(since: number): Promise<PeriodData> {
    return inTransaction(
      this.pool,
      async (db) => {
        const outcomes: Record<QuestionOutcome, number> = { answered: 0, 'not-covered': 0, refused: 0, error: 0 };
        const counts = await db.query('SELECT outcome, count(*) AS n FROM questions WHERE at >= $1 GROUP BY outcome', [since]);
        for (const { outcome, n } of parseRow(countRows, counts.rows, 'questions'))
          if ((OUTCOMES as readonly string[]).includes(outcome)) outcomes[outcome as QuestionOutcome] = n;
        const notCovered = await db.query(
          `SELECT question, reason, term, count(*) AS count, max(at) AS "lastAsked" FROM questions
           WHERE outcome = 'not-covered' AND at >= $1 GROUP BY question, reason, term`,
          [since],
        );
        const cited = await db.query(
          `SELECT DISTINCT j.id FROM (SELECT DISTINCT article_ids FROM questions WHERE outcome = 'answered' AND at >= $1) q,
           jsonb_array_elements_text(q.article_ids) AS j(id)`,
          [since],
        );
        const down = await db.query(
          "SELECT answer_id, question, at, citations FROM votes WHERE vote = 'down' AND at >= $1 ORDER BY at DESC",
          [since],
        );
        return {
          outcomes,
          notCovered: parseRow(notCoveredRows, notCovered.rows, 'questions'),
          citedArticleIds: parseRow(citedRows, cited.rows, 'questions').map((r) => r.id),
          downVotes: parseRow(downRows, down.rows, 'votes').map((r) => ({
            answerId: r.answer_id,
            question: r.question,
            at: r.at,
            citations: r.citations,
          })),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }
}
