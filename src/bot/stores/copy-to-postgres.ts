import type { Database } from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { StoreCopyError } from '../../errors.js';
import type { MemberHasher } from './member-hash.js';
import { inTransaction } from './postgres/database.js';

/**
 * Moving a bot from its SQLite file to a shared PostgreSQL database, rows and all: answers (so
 * buttons on old replies keep working), follow-up conversations, votes, the question log (so
 * `/insights` and suggestions keep their history) and hidden suggestions. Members are stored as
 * salted hashes, so the SQLite bot's salt goes too: without it `npm run forget` could not find a
 * member's old rows, and the same member would count twice towards a suggestion. Cooldowns last
 * seconds and are not copied.
 */

/** Rows copied, per table. */
export interface CopyCounts {
  answers: number;
  conversations: number;
  votes: number;
  questions: number;
  hidden: number;
}

interface TableCopy {
  name: keyof CopyCounts;
  table: string;
  /** Columns in both schemas; JSON ones are cast from SQLite's text to JSONB. */
  columns: string[];
  json: string[];
  order: string;
}

const TABLES: TableCopy[] = [
  {
    name: 'answers',
    table: 'answers',
    columns: ['id', 'created_at', 'member', 'question', 'mode', 'citations'],
    json: ['citations'],
    order: 'created_at, id',
  },
  {
    name: 'conversations',
    table: 'conversations',
    columns: ['id', 'created_at', 'member', 'chain'],
    json: ['chain'],
    order: 'created_at, id',
  },
  {
    name: 'votes',
    table: 'votes',
    columns: ['answer_id', 'member', 'vote', 'at', 'guild_id', 'question', 'mode', 'citations'],
    json: ['citations'],
    order: 'at, answer_id, member',
  },
  {
    name: 'questions',
    table: 'questions',
    // Not id: PostgreSQL numbers the rows itself (BIGSERIAL), in the SQLite order.
    columns: [
      'at',
      'member',
      'command',
      'outcome',
      'reason',
      'term',
      'mode',
      'article_ids',
      'latency_ms',
      'question',
      'answer_id',
      'variant',
    ],
    json: ['article_ids'],
    order: 'id',
  },
  { name: 'hidden', table: 'hidden_questions', columns: ['variant', 'question', 'hidden_at'], json: [], order: 'variant' },
];

/** Rows per INSERT: PostgreSQL allows 65,535 parameters; 500 rows of 12 columns stay far below. */
const BATCH = 500;

/** How many rows the copy will write, per table (for progress). */
export function sourceCounts(source: Database): CopyCounts {
  const count = (table: string) => (source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries(TABLES.map((t) => [t.name, count(t.table)])) as unknown as CopyCounts;
}

/**
 * Copies every row of the SQLite store `source` into the migrated, empty PostgreSQL store behind
 * `target`, and makes the salt of `members` (the SQLite bot's hasher) the database's. One
 * transaction: a row PostgreSQL refuses (damaged JSON, say) rolls everything back, and the error
 * names its table. Refuses a target that already holds answers, votes or questions: their members
 * were hashed with another salt.
 */
export async function copyToPostgres(
  source: Database,
  target: Pool,
  members: MemberHasher,
  onRows: (table: keyof CopyCounts, copied: number) => void = () => {},
): Promise<CopyCounts> {
  return inTransaction(target, async (db) => {
    const held = await rowsHeld(db);
    if (held)
      throw new StoreCopyError(`the PostgreSQL database already holds ${held}; copy only into a database no bot has written to yet`);
    const counts: CopyCounts = { answers: 0, conversations: 0, votes: 0, questions: 0, hidden: 0 };
    for (const table of TABLES) {
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await insert(db, table, batch);
        counts[table.name] += batch.length;
        onRows(table.name, counts[table.name]);
        batch = [];
      };
      const rows = source
        .prepare(`SELECT ${table.columns.join(', ')} FROM ${table.table} ORDER BY ${table.order}`)
        .raw()
        .iterate();
      for (const row of rows as Iterable<unknown[]>) {
        batch.push(row);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
    await db.query('DELETE FROM cooldowns');
    await db.query("INSERT INTO meta (key, value) VALUES ('member-salt', $1) ON CONFLICT (key) DO UPDATE SET value = $1", [
      members.saltHex(),
    ]);
    return counts;
  });
}

/** What the target already holds that a copy would mix with, in words; '' when nothing. */
async function rowsHeld(db: PoolClient): Promise<string> {
  const { rows } = await db.query<{ answers: string; votes: string; questions: string }>(
    'SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM votes) AS votes, (SELECT count(*) FROM questions) AS questions',
  );
  const held = Object.entries(rows[0]!).filter(([, n]) => Number(n) > 0);
  return held.length ? `rows (${held.map(([table, n]) => `${table}: ${n}`).join(', ')})` : '';
}

async function insert(db: PoolClient, table: TableCopy, rows: unknown[][]): Promise<void> {
  const width = table.columns.length;
  const placeholders = rows.map(
    (_, r) => `(${table.columns.map((c, i) => `$${r * width + i + 1}${table.json.includes(c) ? '::jsonb' : ''}`).join(', ')})`,
  );
  try {
    await db.query(`INSERT INTO ${table.table} (${table.columns.join(', ')}) VALUES ${placeholders.join(', ')}`, rows.flat());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreCopyError(`could not copy the ${table.table} table: ${reason}; nothing was copied`);
  }
}
