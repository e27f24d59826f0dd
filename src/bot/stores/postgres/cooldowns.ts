import type { Pool } from 'pg';
import type { Logger } from '../../../logger.js';
import type { CooldownLimiter, CooldownResult } from '../../cooldowns.js';

/** The database server's clock in milliseconds: one clock for every machine, however theirs drift. */
const SERVER_NOW = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

/**
 * Takes a use in one statement: a member with no row, or whose row has expired, gets `until` set;
 * a member still waiting matches the WHERE, so nothing is updated and nothing returned. The row
 * lock of ON CONFLICT serialises two shards taking at once: one wins, the other sees its row.
 */
const TAKE = `
  INSERT INTO cooldowns AS c (member, until) VALUES ($1, coalesce($2, ${SERVER_NOW}) + $3)
  ON CONFLICT (member) DO UPDATE SET until = excluded.until WHERE c.until <= coalesce($2, ${SERVER_NOW})
  RETURNING until`;

/**
 * Cooldowns shared by every shard process and machine through PostgreSQL, keyed by the member's
 * salted hash (no Discord id is stored). When the database cannot be reached the use is allowed and
 * a warning logged: the limit spreads load, and the answer that follows will report the outage.
 */
export class PostgresCooldowns implements CooldownLimiter {
  /**
   * @param member turns a Discord user id into the stored member key.
   * @param now a fixed clock for tests; by default the database server's.
   */
  constructor(
    private readonly pool: Pool,
    private readonly seconds: number,
    private readonly member: (userId: string) => string,
    private readonly logger: Logger,
    private readonly now?: () => number,
  ) {}

  async take(userId: string): Promise<CooldownResult> {
    if (this.seconds <= 0) return { ok: true };
    const key = this.member(userId);
    try {
      const now = this.now?.() ?? null;
      const taken = await this.pool.query(TAKE, [key, now, this.seconds * 1000]);
      if (taken.rowCount === 1) return { ok: true };
      const { rows } = await this.pool.query<{ until: string }>('SELECT until FROM cooldowns WHERE member = $1', [key]);
      // No row: released between the two statements. The member was refused at the first; say "now".
      return { ok: false, retryAt: rows[0] ? Number(rows[0].until) : (now ?? Date.now()) };
    } catch (error) {
      this.logger.warn('cooldowns: the database did not answer; allowing this use', { error });
      return { ok: true };
    }
  }

  async release(userId: string): Promise<void> {
    try {
      await this.pool.query('DELETE FROM cooldowns WHERE member = $1', [this.member(userId)]);
    } catch (error) {
      this.logger.warn('cooldowns: could not give a use back', { error });
    }
  }
}
