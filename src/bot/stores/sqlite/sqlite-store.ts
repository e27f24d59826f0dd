import type { Database } from 'better-sqlite3';
import { silentLogger, type Logger } from '../../../logger.js';
import type { ForgetCounts, Store } from '../store.js';
import { SqliteAnswers } from './answers.js';
import { SqliteConversations } from './conversations.js';
import { openOrReplace } from './database.js';
import { SqliteQuestionLog } from './questions.js';
import { SqliteVotes } from './votes.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface SqliteStoreOptions {
  /** Days questions (and votes, with their question text) are kept; 0 turns the question log off. */
  questionLogDays: number;
  /** Answers behind buttons expire after this; default 30 days. */
  answerMaxAgeMs?: number;
  logger?: Logger;
  now?: () => number;
}

/** {@link Store} on one SQLite file (`DATA_DIR/casefile.db`). */
export class SqliteStore implements Store {
  readonly answers: SqliteAnswers;
  readonly conversations: SqliteConversations;
  readonly votes: SqliteVotes;
  readonly questions: SqliteQuestionLog;
  private readonly answerMaxAgeMs: number;
  private readonly now: () => number;

  constructor(
    readonly db: Database,
    private readonly options: SqliteStoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.answerMaxAgeMs = options.answerMaxAgeMs ?? 30 * DAY_MS;
    this.answers = new SqliteAnswers(db, this.answerMaxAgeMs, this.now);
    this.conversations = new SqliteConversations(db, this.answerMaxAgeMs, this.now);
    this.votes = new SqliteVotes(db);
    this.questions = new SqliteQuestionLog(db, options.questionLogDays > 0);
  }

  /** Opens `file`, replacing it with a fresh database when it is damaged (see openOrReplace). */
  static open(file: string, options: SqliteStoreOptions): SqliteStore {
    const logger = options.logger ?? silentLogger;
    return new SqliteStore(
      openOrReplace(file, logger, () => new Date((options.now ?? Date.now)())),
      options,
    );
  }

  async forget(member: string): Promise<ForgetCounts> {
    return this.db
      .transaction(() => ({
        questions: this.db.prepare('DELETE FROM questions WHERE member = ?').run(member).changes,
        votes: this.db.prepare('DELETE FROM votes WHERE member = ?').run(member).changes,
        answers: this.db.prepare('DELETE FROM answers WHERE member = ?').run(member).changes,
        // A conversation is an answer's context (its questions): it goes with the answers, uncounted.
        ...this.dropConversations('member = ?', member),
      }))
      .immediate();
  }

  /**
   * Questions older than QUESTION_LOG_DAYS go (all of them when it is 0: off means none kept);
   * votes carry question text, so they follow the same rule, or the answers' 30 days when the log is off.
   */
  async prune(now: number = this.now()): Promise<ForgetCounts> {
    const days = this.options.questionLogDays;
    const questionCutoff = days > 0 ? now - days * DAY_MS : Number.POSITIVE_INFINITY;
    const voteCutoff = days > 0 ? questionCutoff : now - this.answerMaxAgeMs;
    return this.db
      .transaction(() => ({
        questions: this.db.prepare('DELETE FROM questions WHERE at < ?').run(questionCutoff).changes,
        votes: this.db.prepare('DELETE FROM votes WHERE at < ?').run(voteCutoff).changes,
        answers: this.db.prepare('DELETE FROM answers WHERE created_at < ?').run(now - this.answerMaxAgeMs).changes,
        // Follow-ups expire with their answer.
        ...this.dropConversations('created_at < ?', now - this.answerMaxAgeMs),
      }))
      .immediate();
  }

  /** Deletes conversations matching `where`; returns nothing to count (they are part of their answers). */
  private dropConversations(where: string, value: string | number): Record<string, never> {
    this.db.prepare(`DELETE FROM conversations WHERE ${where}`).run(value);
    return {};
  }

  /** A value kept in the `meta` table (the JSON-lines import marks itself done there). */
  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
