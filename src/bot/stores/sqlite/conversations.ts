import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ConversationRecord, ConversationRepository, Turn } from '../store.js';
import { ExpiringRows, type TimedRow } from './expiring-rows.js';

interface ConversationRow extends TimedRow {
  member: string;
  chain: string;
}

const INSERT = 'INSERT OR REPLACE INTO conversations (id, created_at, member, chain) VALUES (?, ?, ?, ?)';

/**
 * The context of follow-up questions in SQLite: per reply, the few questions before it (at most
 * five, each with a name). It lives as long as answers do, so a follow-up expires with its answer,
 * and works after a restart and from any process sharing the database.
 */
export class SqliteConversations implements ConversationRepository {
  private readonly rows: ExpiringRows<ConversationRow>;

  constructor(db: Database, maxAgeMs: number, now: () => number) {
    // REPLACE: an answer id is reused as the conversation's id, and a retried save must not fail.
    this.rows = new ExpiringRows(db, 'conversations', INSERT, maxAgeMs, now);
  }

  async add(chain: Turn[], member: string, id = randomBytes(9).toString('base64url')): Promise<ConversationRecord> {
    const record: ConversationRecord = { id, member, chain, createdAt: this.rows.now() };
    this.rows.insert.run(record.id, record.createdAt, record.member, JSON.stringify(record.chain));
    return record;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    return { id: row.id, member: row.member, createdAt: row.created_at, chain: JSON.parse(row.chain) as Turn[] };
  }
}
