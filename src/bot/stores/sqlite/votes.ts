import type { Database, Statement } from 'better-sqlite3';
import type { Vote, VoteRecord, VoteRepository, VoteResult } from '../store.js';

/**
 * Votes in SQLite, one per member per answer: the primary key (answer, member) refuses a second
 * one, so two clicks racing each other, or two processes, cannot both count. A vote that could not
 * be written (disk full, I/O error) rejects; SQLite's transaction leaves nothing half written.
 */
export class SqliteVotes implements VoteRepository {
  private readonly insert: Statement;
  private readonly existing: Statement<[string, string], { vote: Vote }>;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO votes (answer_id, member, vote, at, guild_id, question, mode, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, member) DO NOTHING`,
    );
    this.existing = db.prepare<[string, string], { vote: Vote }>('SELECT vote FROM votes WHERE answer_id = ? AND member = ?');
  }

  async record(v: VoteRecord): Promise<VoteResult> {
    const { changes } = this.insert.run(v.answerId, v.member, v.vote, v.at, v.guildId, v.question, v.mode, JSON.stringify(v.citations));
    if (changes === 1) return { recorded: true };
    const row = this.existing.get(v.answerId, v.member);
    // The row can only be missing if a forget ran in between; the vote was then not recorded either.
    return { recorded: false, existing: row?.vote ?? v.vote };
  }
}
