import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ConversationRecord, ConversationRepository, Turn } from '../store.js';

interface ConversationRow {
  id: string;
  created_at: number;
  member: string;
  chain: string;
}

/**
 * The context of follow-up questions in SQLite: per reply, the few questions before it (at most
 * five, each with a name). It lives as long as answers do, so a follow-up expires with its answer,
 * and works after a restart and from any process sharing the database.
 */
export class SqliteConversations implements ConversationRepository {
  private readonly insert: Statement;
  private readonly select: Statement<[string], ConversationRow>;

  constructor(
    db: Database,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {
    // REPLACE: an answer id is reused as the conversation's id, and a retried save must not fail.
    this.insert = db.prepare('INSERT OR REPLACE INTO conversations (id, created_at, member, chain) VALUES (?, ?, ?, ?)');
    this.select = db.prepare<[string], ConversationRow>('SELECT * FROM conversations WHERE id = ?');
  }

  async add(chain: Turn[], member: string, id = randomBytes(9).toString('base64url')): Promise<ConversationRecord> {
    const record: ConversationRecord = { id, member, chain, createdAt: this.now() };
    this.insert.run(record.id, record.createdAt, record.member, JSON.stringify(record.chain));
    return record;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const row = this.select.get(id);
    if (!row || this.now() - row.created_at > this.maxAgeMs) return undefined;
    return { id: row.id, member: row.member, createdAt: row.created_at, chain: JSON.parse(row.chain) as Turn[] };
  }
}
