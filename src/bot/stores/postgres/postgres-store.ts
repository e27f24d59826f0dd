import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { silentLogger, type Logger } from '../../../logger.js';
import type { ForgetCounts, Store } from '../store.js';
import { PostgresAnswers } from './answers.js';
import { PostgresConversations } from './conversations.js';
import { PostgresCooldowns } from './cooldowns.js';
import { inTransaction, openPool } from './database.js';
import { PostgresQuestionLog } from './questions.js';
import { PostgresVotes } from './votes.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PostgresStoreOptions {
  /** Days questions (and votes, with their question text) are kept; 0 turns the question log off. */
  questionLogDays: number;
  /** Answers behind buttons expire after this; default 30 days. */
  answerMaxAgeMs?: number;
  logger?: Logger;
  now?: () => number;
}

/**
 * {@link Store} on PostgreSQL (`DATABASE_URL`), shared by every shard process on every machine:
 * an answer given by one shard is found by a button clicked on another, and one question log
 * holds them all. Same tables, same retention rules as the SQLite store.
 */
export class PostgresStore implements Store {
  readonly answers: PostgresAnswers;
  readonly conversations: PostgresConversations;
  readonly votes: PostgresVotes;
  readonly questions: PostgresQuestionLog;
  private readonly answerMaxAgeMs: number;
  private readonly now: () => number;

  constructor(
    readonly pool: Pool,
    private readonly options: PostgresStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.answerMaxAgeMs = options.answerMaxAgeMs ?? 30 * DAY_MS;
    this.answers = new PostgresAnswers(pool, this.answerMaxAgeMs, this.now);
    this.conversations = new PostgresConversations(pool, this.answerMaxAgeMs, this.now);
    this.votes = new PostgresVotes(pool);
    this.questions = new PostgresQuestionLog(pool, options.questionLogDays > 0);
  }

  /** Connects to `url` and migrates it (see openPool); throws StoreUnavailableError when it cannot. */
  static async open(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
    const store = new PostgresStore(await openPool(url, options.logger ?? silentLogger), options);
    try {
      await store.questions.suggested.backfill();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async forget(member: string): Promise<ForgetCounts> {
    return inTransaction(this.pool, async (db) => {
      const gone = async (sql: string) => (await db.query(sql, [member])).rowCount ?? 0;
      const counts = {
        questions: await gone('DELETE FROM questions WHERE member = $1'),
        votes: await gone('DELETE FROM votes WHERE member = $1'),
        answers: await gone('DELETE FROM answers WHERE member = $1'),
      };
      // A conversation is an answer's context (its questions): it goes with the answers, uncounted; so does a cooldown.
      await gone('DELETE FROM conversations WHERE member = $1');
      await gone('DELETE FROM cooldowns WHERE member = $1');
      return counts;
    });
  }

  /**
   * Questions older than QUESTION_LOG_DAYS go (all of them when it is 0: off means none kept);
   * votes carry question text, so they follow the same rule, or the answers' 30 days when the log is off.
   * Every shard prunes on its timer; the deletes are idempotent, so that only repeats cheap work.
   */
  async prune(now: number = this.now()): Promise<ForgetCounts> {
    const days = this.options.questionLogDays;
    // Infinity does not fit BIGINT: "everything" is any time before the end of the safe integers.
    const questionCutoff = days > 0 ? now - days * DAY_MS : Number.MAX_SAFE_INTEGER;
    const voteCutoff = days > 0 ? questionCutoff : now - this.answerMaxAgeMs;
    const answerCutoff = now - this.answerMaxAgeMs;
    return inTransaction(this.pool, async (db) => {
      const gone = async (sql: string, cutoff: number) => (await db.query(sql, [cutoff])).rowCount ?? 0;
      const counts = {
        questions: await gone('DELETE FROM questions WHERE at < $1', questionCutoff),
        votes: await gone('DELETE FROM votes WHERE at < $1', voteCutoff),
        answers: await gone('DELETE FROM answers WHERE created_at < $1', answerCutoff),
      };
      // Follow-ups expire with their answer; a cooldown row is dead once its time has passed.
      await gone('DELETE FROM conversations WHERE created_at < $1', answerCutoff);
      await gone('DELETE FROM cooldowns WHERE until < $1', now);
      return counts;
    });
  }

  /**
   * The secret members' ids are hashed with, kept in the database so every machine hashes a member
   * alike (cooldowns and `npm run forget` then reach all shards). The first process to ask creates it.
   */
  async memberSalt(): Promise<string> {
    await this.pool.query("INSERT INTO meta (key, value) VALUES ('member-salt', $1) ON CONFLICT (key) DO NOTHING", [
      randomBytes(32).toString('hex'),
    ]);
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'member-salt'");
    return rows[0]!.value;
  }

  private closed = false;

  /** Cooldowns of `seconds` shared by every shard (see PostgresCooldowns), keyed by `member(userId)`. */
  cooldowns(seconds: number, member: (userId: string) => string, logger: Logger, now?: () => number): PostgresCooldowns {
    return new PostgresCooldowns(this.pool, seconds, member, logger, now);
  }

  async close(): Promise<void> {
    // pg's Pool.end() throws when called twice; closing must be safe to repeat, as the SQLite store's is.
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
