import type { Pool } from 'pg';
import type { VoteRecord, VoteRepository, VoteResult } from '../store.js';

/**
 * Votes in PostgreSQL, one per member per answer: the primary key (answer, member) refuses a
 * second one, so two clicks on two shards cannot both count. The insert and the read of the
 * existing vote are one statement, so nothing can come between them.
 */
export class PostgresVotes implements VoteRepository {
  constructor(private readonly pool: Pool) {}

  async record(v: VoteRecord): Promise<VoteResult> {
    const { rows } = await this.pool.query<{ inserted: boolean; vote: string }>(
      `WITH ins AS (
         INSERT INTO votes (answer_id, member, vote, at, guild_id, question, mode, citations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
         ON CONFLICT (answer_id, member) DO NOTHING RETURNING vote)
       SELECT true AS inserted, vote FROM ins
       UNION ALL SELECT false, vote FROM votes WHERE answer_id = $1 AND member = $2 AND NOT EXISTS (SELECT 1 FROM ins)`,
      [v.answerId, v.member, v.vote, v.at, v.guildId, v.question, v.mode, JSON.stringify(v.citations)],
    );
    let row = rows[0];
    if (row?.inserted) return { recorded: true };
    if (!row) {
      // The statement's snapshot predates a racing vote that committed while it waited on the key: read again.
      ({
        rows: [row],
      } = await this.pool.query<{ inserted: boolean; vote: string }>(
        'SELECT false AS inserted, vote FROM votes WHERE answer_id = $1 AND member = $2',
        [v.answerId, v.member],
      ));
    }
    // Still no row: a forget ran in between; the vote was then not recorded either.
    return { recorded: false, existing: row?.vote === 'up' || row?.vote === 'down' ? row.vote : v.vote };
  }
}
