import type { Pool } from 'pg';
import type { Migration } from '../sqlite/migrations.js';

export type { Migration } from '../sqlite/migrations.js';

/**
 * The PostgreSQL schema, as the list of changes that build it (the same tables as the SQLite store's;
 * times are milliseconds since the epoch in BIGINT, lists are JSONB). A later change is a new entry
 * with the next version, never an edit of one that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'answers, votes, question log',
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, member TEXT NOT NULL,
        question TEXT NOT NULL, mode TEXT NOT NULL, citations JSONB NOT NULL);
      CREATE INDEX answers_created_at ON answers (created_at);
      CREATE INDEX answers_member ON answers (member);
      CREATE TABLE votes (
        answer_id TEXT NOT NULL, member TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at BIGINT NOT NULL, guild_id TEXT, question TEXT NOT NULL, mode TEXT NOT NULL, citations JSONB NOT NULL,
        PRIMARY KEY (answer_id, member));
      CREATE INDEX votes_at ON votes (at);
      CREATE INDEX votes_member ON votes (member);
      CREATE TABLE questions (
        id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, member TEXT NOT NULL, command TEXT NOT NULL,
        outcome TEXT NOT NULL, reason TEXT, term TEXT, mode TEXT, article_ids JSONB NOT NULL,
        latency_ms INTEGER NOT NULL, question TEXT NOT NULL, answer_id TEXT);
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_outcome_at ON questions (outcome, at);
      CREATE INDEX questions_member ON questions (member);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 2,
    name: 'conversations behind follow-up buttons',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, member TEXT NOT NULL, chain JSONB NOT NULL);
      CREATE INDEX conversations_created_at ON conversations (created_at);
      CREATE INDEX conversations_member ON conversations (member);`,
  },
  {
    version: 3,
    name: 'question suggestions: close-variant keys and questions moderators hid',
    // As the SQLite store's version 4: variant is the question's key (question-key.ts), written with
    // the row; the partial index holds exactly the candidates autocomplete counts.
    sql: `
      ALTER TABLE questions ADD COLUMN variant TEXT;
      CREATE INDEX questions_suggest ON questions (variant, member, question, at)
        WHERE outcome = 'answered' AND command = 'ask';
      CREATE INDEX questions_answer_id ON questions (answer_id) WHERE answer_id IS NOT NULL;
      CREATE TABLE hidden_questions (variant TEXT PRIMARY KEY, question TEXT NOT NULL, hidden_at BIGINT NOT NULL);`,
  },
  {
    version: 4,
    name: 'cooldowns shared by every shard',
    // One row per member (the salted hash): until when they must wait. Expired rows are taken over
    // in place and pruned in bulk, so the table holds about the members of the last few seconds.
    sql: `
      CREATE TABLE cooldowns (member TEXT PRIMARY KEY, until BIGINT NOT NULL);
      CREATE INDEX cooldowns_until ON cooldowns (until);`,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The key of the transaction-level advisory lock every migrator takes (any constant; "casefile" in ASCII). */
export const MIGRATION_LOCK = 0x636173656669;

/**
 * Brings the database up to the newest version, one migration per transaction. Each transaction
 * first takes an advisory lock, so when several shards start together one migrates while the
 * others wait, then read the version it left and find nothing to do. DDL is transactional in
 * PostgreSQL: a migration that fails leaves no half-built table. Returns the versions applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Inside the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog.
      await client.query(
        'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM migrations');
      const next = migrations.find((m) => m.version > (rows[0]?.v ?? 0));
      if (next) {
        await client.query(next.sql);
        await client.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, now())', [next.version, next.name]);
      }
      await client.query('COMMIT');
      if (!next) return applied;
      applied.push(next.version);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
