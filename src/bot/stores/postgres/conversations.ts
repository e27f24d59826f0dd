import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { ConversationRecord, ConversationRepository, Turn } from '../store.js';
import { conversationRow, parseRow } from './rows.js';

/**
 * The context of follow-up questions in PostgreSQL, per reply: a follow-up clicked on any shard
 * finds it. It lives as long as answers do.
 */
export class PostgresConversations implements ConversationRepository {
  constructor(
    private readonly pool: Pool,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  async add(chain: Turn[], member: string, id = randomBytes(9).toString('base64url')): Promise<ConversationRecord> {
    const record: ConversationRecord = { id, member, chain, createdAt: this.now() };
    // Upsert: an answer id is reused as the conversation's id, and a retried save must not fail.
    await this.pool.query(
      `INSERT INTO conversations (id, created_at, member, chain) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, member = excluded.member, chain = excluded.chain`,
      [record.id, record.createdAt, record.member, JSON.stringify(record.chain)],
    );
    return record;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM conversations WHERE id = $1 AND created_at >= $2', [
      id,
      this.now() - this.maxAgeMs,
    ]);
    if (rows.length === 0) return undefined;
    const row = parseRow(conversationRow, rows[0], 'conversations');
    // Optional names stay absent, not undefined-valued, as the SQLite store returns them.
    const chain = row.chain.map((t) => (t.person === undefined ? { question: t.question } : { question: t.question, person: t.person }));
    return { id: row.id, member: row.member, createdAt: row.created_at, chain };
  }
}
