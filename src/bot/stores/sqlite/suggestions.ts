import type { Database, Statement } from 'better-sqlite3';
import { questionKey } from '../question-key.js';
import type { HiddenQuestion, QuestionSuggestion } from '../store.js';

/** The rows autocomplete draws from; the WHERE matches the partial index questions_suggest. */
const CANDIDATES = `outcome = 'answered' AND command = 'ask' AND variant IS NOT NULL AND variant <> ''`;

/**
 * Groups, votes, the best `limit`, and only then their wordings (the costly part, so it is done for
 * the few kept). Members are counted per (variant, member) first, in the order of the partial
 * index, so no temporary sort is needed. INDEXED BY: without statistics the planner prefers
 * questions_outcome_at and reads every answered row. Votes are few: CROSS JOIN makes SQLite read
 * them first and look up each one's question.
 */
export const SUGGESTIONS_SQL = `
  WITH askers AS (
    SELECT variant, member, count(*) AS asks, max(at) AS lastAsked
    FROM questions INDEXED BY questions_suggest WHERE ${CANDIDATES}
    GROUP BY variant, member),
  grouped AS (
    SELECT variant, count(*) AS members, sum(asks) AS asks, max(lastAsked) AS lastAsked FROM askers
    WHERE variant NOT IN (SELECT variant FROM hidden_questions)
    GROUP BY variant HAVING count(*) >= ?),
  voted AS (
    SELECT q.variant, sum(v.vote = 'up') AS up, sum(v.vote = 'down') AS down
    FROM votes v CROSS JOIN questions q INDEXED BY questions_answer_id ON q.answer_id = v.answer_id
    WHERE q.answer_id IS NOT NULL AND q.outcome = 'answered' AND q.command = 'ask' AND q.variant IN (SELECT variant FROM grouped)
    GROUP BY q.variant),
  top AS (
    SELECT g.variant, g.members, g.asks, g.lastAsked, coalesce(v.up, 0) AS up, coalesce(v.down, 0) AS down
    FROM grouped g LEFT JOIN voted v ON v.variant = g.variant
    ORDER BY g.asks + coalesce(v.up, 0) - coalesce(v.down, 0) DESC, g.lastAsked DESC, g.variant
    LIMIT ?),
  wordings AS (
    SELECT variant, question,
      row_number() OVER (PARTITION BY variant ORDER BY count(DISTINCT member) DESC, max(at) DESC) AS rank
    FROM questions INDEXED BY questions_suggest WHERE ${CANDIDATES} AND variant IN (SELECT variant FROM top)
    GROUP BY variant, question)
  SELECT w.question, t.variant AS key, t.members, t.asks, t.up AS upVotes, t.down AS downVotes, t.lastAsked
  FROM top t JOIN wordings w ON w.variant = t.variant AND w.rank = 1
  ORDER BY t.asks + t.up - t.down DESC, t.lastAsked DESC, t.variant`;

/**
 * Suggestions and moderator hiding for the SQLite question log. Members type fast and each key
 * press asks for suggestions, so the result is kept until the database changes: SQLite's
 * data_version (another connection committed) and total_changes() (this one wrote) say when, exactly
 * and cheaply, with no timer to tune.
 */
export class SqliteSuggestions {
  private readonly select: Statement<[number, number], QuestionSuggestion>;
  private readonly changes: Statement<[], { n: number }>;
  private cache: { version: string; key: string; rows: QuestionSuggestion[] } | undefined;

  constructor(private readonly db: Database) {
    this.select = db.prepare<[number, number], QuestionSuggestion>(SUGGESTIONS_SQL);
    this.changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    this.backfill();
  }

  suggestions(minMembers: number, limit: number): QuestionSuggestion[] {
    const version = `${String(this.db.pragma('data_version', { simple: true }))}:${this.changes.get()!.n}`;
    const key = `${minMembers}:${limit}`;
    if (this.cache?.version === version && this.cache.key === key) return this.cache.rows;
    // A member count below 1 would suggest questions nobody is known to have asked.
    const rows = this.select.all(Math.max(1, Math.floor(minMembers)), Math.max(0, Math.floor(limit)));
    this.cache = { version, key, rows };
    return rows;
  }

  hide(question: string, at: number): boolean {
    const variant = questionKey(question);
    if (!variant) return false;
    const sql = 'INSERT INTO hidden_questions (variant, question, hidden_at) VALUES (?, ?, ?) ON CONFLICT (variant) DO NOTHING';
    return this.db.prepare(sql).run(variant, question.trim(), at).changes === 1;
  }

  unhide(question: string): boolean {
    const variant = questionKey(question);
    return this.db.prepare('DELETE FROM hidden_questions WHERE variant = ?').run(variant).changes === 1;
  }

  hidden(): HiddenQuestion[] {
    return this.db
      .prepare<[], HiddenQuestion>(
        'SELECT question, variant AS key, hidden_at AS at FROM hidden_questions ORDER BY hidden_at DESC, variant',
      )
      .all();
  }

  /**
   * Gives rows written before schema version 4 their key. Only candidate rows need one, and the
   * partial index finds those without a key at once, so this costs nothing after the first open.
   */
  private backfill(): void {
    const pending = this.db
      .prepare<[], { id: number; question: string }>(
        `SELECT id, question FROM questions WHERE outcome = 'answered' AND command = 'ask' AND variant IS NULL`,
      )
      .all();
    if (pending.length === 0) return;
    const update = this.db.prepare('UPDATE questions SET variant = ? WHERE id = ?');
    const keys = new Map<string, string>();
    this.db.transaction(() => {
      for (const { id, question } of pending) {
        let key = keys.get(question);
        if (key === undefined) keys.set(question, (key = questionKey(question)));
        update.run(key, id);
      }
    })();
  }
}
