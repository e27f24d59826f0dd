import { silentLogger, type Logger } from '../../logger.js';
import { JsonlAppender, readJsonLines } from './jsonl.js';

export type Vote = 'up' | 'down';

/** One line of `feedback.jsonl`. */
export interface FeedbackRecord {
  /** ISO time of the vote. */
  at: string;
  answerId: string;
  userId: string;
  guildId: string | null;
  vote: Vote;
  question: string;
  mode: string;
  citations: Array<{ n: number; source: string; passageId: string }>;
}

export type VoteResult = { recorded: true } | { recorded: false; existing: Vote };

/**
 * Votes on answers, appended to a JSON-lines file. One vote per user per answer: a second vote is
 * refused, so the file only ever grows and no earlier line is rewritten. Who voted on what is read
 * back from the file on start, so the rule holds across restarts.
 */
export class FeedbackStore {
  private readonly votes = new Map<string, Vote>();

  private constructor(
    private readonly appender: JsonlAppender,
    private readonly logger: Logger,
  ) {}

  static async open(file: string, logger: Logger = silentLogger): Promise<FeedbackStore> {
    const store = new FeedbackStore(new JsonlAppender(file), logger);
    const { records, bad } = await readJsonLines(file, isFeedbackRecord);
    for (const r of records) if (!store.votes.has(key(r.answerId, r.userId))) store.votes.set(key(r.answerId, r.userId), r.vote);
    if (bad > 0) logger.warn('feedback store: skipped unreadable lines (left in place)', { file, bad });
    return store;
  }

  /** The vote this user already gave this answer, if any. */
  voteOf(answerId: string, userId: string): Vote | undefined {
    return this.votes.get(key(answerId, userId));
  }

  /** Records the vote unless the user already voted on this answer. Rejects if the line could not be written. */
  async record(record: FeedbackRecord): Promise<VoteResult> {
    const k = key(record.answerId, record.userId);
    const existing = this.votes.get(k);
    if (existing) return { recorded: false, existing };
    // Claimed before the write so a double click cannot slip a second vote in meanwhile.
    this.votes.set(k, record.vote);
    try {
      await this.appender.append(record);
    } catch (error) {
      this.votes.delete(k);
      this.logger.error('feedback store: could not save vote', { file: this.appender.file, error });
      throw error;
    }
    return { recorded: true };
  }
}

function key(answerId: string, userId: string): string {
  return `${answerId}/${userId}`;
}

function isFeedbackRecord(v: unknown): v is FeedbackRecord {
  const r = v as Partial<FeedbackRecord> | null;
  return !!r && typeof r.answerId === 'string' && typeof r.userId === 'string' && (r.vote === 'up' || r.vote === 'down');
}
