import type { Database } from 'better-sqlite3';

/** One schema change. Applied in order, each exactly once, and never edited after it has shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, as the list of changes that build it. A later change is a new entry with the next
 * version; databases written by an older bot are brought up to date on open.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'answers, votes, question log',
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, member TEXT NOT NULL,
        question TEXT NOT NULL, mode TEXT NOT NULL, citations TEXT NOT NULL);
      CREATE INDEX answers_created_at ON answers (created_at);
      CREATE INDEX answers_member ON answers (member);
      CREATE TABLE votes (
        answer_id TEXT NOT NULL, member TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        at INTEGER NOT NULL, guild_id TEXT, question TEXT NOT NULL, mode TEXT NOT NULL, citations TEXT NOT NULL,
        PRIMARY KEY (answer_id, member));
      CREATE INDEX votes_at ON votes (at);
      CREATE INDEX votes_member ON votes (member);
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY, at INTEGER NOT NULL, member TEXT NOT NULL, command TEXT NOT NULL,
        outcome TEXT NOT NULL, reason TEXT, term TEXT, mode TEXT, article_ids TEXT NOT NULL,
        latency_ms INTEGER NOT NULL, question TEXT NOT NULL, answer_id TEXT);
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_outcome_at ON questions (outcome, at);
      CREATE INDEX questions_member ON questions (member);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 2,
    name: 'covering index for the articles cited in a period',
    // "Articles never cited" reads article_ids of every answered question in the period; with the
    // column in the index that is one index scan instead of a table lookup per question.
    sql: 'CREATE INDEX questions_outcome_at_articles ON questions (outcome, at, article_ids);',
  },
  {
    version: 3,
    name: 'conversations behind follow-up buttons',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, member TEXT NOT NULL, chain TEXT NOT NULL);
      CREATE INDEX conversations_created_at ON conversations (created_at);
      CREATE INDEX conversations_member ON conversations (member);`,
  },
  {
    version: 4,
    name: 'question suggestions: close-variant keys and questions moderators hid',
    // variant is the question's key (question-key.ts), written with the row; older rows get theirs
    // when the store opens (SQL cannot run the text analysis). The partial index holds exactly the
    // candidates for autocomplete, so counting members per variant reads the index alone.
    sql: `
      ALTER TABLE questions ADD COLUMN variant TEXT;
      CREATE INDEX questions_suggest ON questions (variant, member, question, at)
        WHERE outcome = 'answered' AND command = 'ask';
      CREATE INDEX questions_answer_id ON questions (answer_id) WHERE answer_id IS NOT NULL;
      CREATE TABLE hidden_questions (variant TEXT PRIMARY KEY, question TEXT NOT NULL, hidden_at INTEGER NOT NULL);`,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database up to {@link SCHEMA_VERSION}. The check and the changes run in one IMMEDIATE
 * transaction, so when several processes open a new database at once exactly one applies each
 * migration and the others (waiting on busy_timeout) then find it done. Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const run = db.transaction(() => {
    const row = db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number | null };
    const current = row.v ?? 0;
    const pending = migrations.filter((m) => m.version > current);
    const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  });
  return run.immediate();
}
