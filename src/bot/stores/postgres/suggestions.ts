import type { Pool } from 'pg';
import { z } from 'zod';
import { questionKey } from '../question-key.js';
import type { HiddenQuestion, QuestionSuggestion } from '../store.js';
import { int, parseRow } from './rows.js';

/** The rows autocomplete draws from; the WHERE matches the partial index questions_suggest. */
const CANDIDATES = `outcome = 'answered' AND command = 'ask' AND variant IS NOT NULL AND variant <> ''`;

/** The SQLite store's query in PostgreSQL's words; ties break on the key in byte order (COLLATE "C"), as SQLite's do. */
const SUGGESTIONS_SQL = `
  WITH grouped AS (
    SELECT variant, count(DISTINCT member) AS members, count(*) AS asks, max(at) AS "lastAsked"
    FROM questions WHERE ${CANDIDATES} AND variant NOT IN (SELECT variant FROM hidden_questions)
    GROUP BY variant HAVING count(DISTINCT member) >= $1),
  wordings AS (
    SELECT variant, question,
      row_number() OVER (PARTITION BY variant ORDER BY count(DISTINCT member) DESC, max(at) DESC) AS rank
    FROM questions WHERE ${CANDIDATES} AND variant IN (SELECT variant FROM grouped)
    GROUP BY variant, question),
  voted AS (
    SELECT q.variant, count(*) FILTER (WHERE v.vote = 'up') AS up, count(*) FILTER (WHERE v.vote = 'down') AS down
    FROM votes v JOIN questions q ON q.answer_id = v.answer_id
    WHERE q.answer_id IS NOT NULL AND q.outcome = 'answered' AND q.command = 'ask' AND q.variant IN (SELECT variant FROM grouped)
    GROUP BY q.variant)
  SELECT w.question, g.variant AS key, g.members, g.asks, coalesce(v.up, 0) AS "upVotes", coalesce(v.down, 0) AS "downVotes", g."lastAsked"
  FROM grouped g JOIN wordings w ON w.variant = g.variant AND w.rank = 1 LEFT JOIN voted v ON v.variant = g.variant
  ORDER BY g.asks + coalesce(v.up, 0) - coalesce(v.down, 0) DESC, g."lastAsked" DESC, g.variant COLLATE "C"
  LIMIT $2`;

const suggestionRows = z.array(
  z.object({ question: z.string(), key: z.string(), members: int, asks: int, upVotes: int, downVotes: int, lastAsked: int }),
);
const hiddenRows = z.array(z.object({ question: z.string(), key: z.string(), at: int }));

/**
 * Suggestions and moderator hiding for the PostgreSQL question log. Unlike the SQLite store's, the
 * result is not cached: another shard's write leaves no cheap mark here to invalidate it by, and a
 * moderator's hide must take effect on every shard at once. The query reads the partial indexes only.
 */
export class PostgresSuggestions {
  constructor(private readonly pool: Pool) {}

  async suggestions(minMembers: number, limit: number): Promise<QuestionSuggestion[]> {
    // A member count below 1 would suggest questions nobody is known to have asked.
    const { rows } = await this.pool.query(SUGGESTIONS_SQL, [Math.max(1, Math.floor(minMembers)), Math.max(0, Math.floor(limit))]);
    return parseRow(suggestionRows, rows, 'questions');
  }

  async hide(question: string, at: number): Promise<boolean> {
    const variant = questionKey(question);
    if (!variant) return false;
    const sql = 'INSERT INTO hidden_questions (variant, question, hidden_at) VALUES ($1, $2, $3) ON CONFLICT (variant) DO NOTHING';
    return (await this.pool.query(sql, [variant, question.trim(), at])).rowCount === 1;
  }

  async unhide(question: string): Promise<boolean> {
    return (await this.pool.query('DELETE FROM hidden_questions WHERE variant = $1', [questionKey(question)])).rowCount === 1;
  }

  async hidden(): Promise<HiddenQuestion[]> {
    const { rows } = await this.pool.query(
      'SELECT question, variant AS key, hidden_at AS at FROM hidden_questions ORDER BY hidden_at DESC, variant COLLATE "C"',
    );
    return parseRow(hiddenRows, rows, 'hidden_questions');
  }

  /** Gives candidate rows written before the schema had keys their key (SQL cannot run the text analysis). */
  async backfill(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string; question: string }>(
      `SELECT id, question FROM questions WHERE outcome = 'answered' AND command = 'ask' AND variant IS NULL`,
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const keys = rows.map((r) => questionKey(r.question));
    await this.pool.query('UPDATE questions q SET variant = k.key FROM unnest($1::bigint[], $2::text[]) AS k(id, key) WHERE q.id = k.id', [
      ids,
      keys,
    ]);
  }
}
