import { randomBytes } from 'node:crypto';
import { silentLogger, type Logger } from '../../logger.js';
import type { Answer, RetrievalMode } from '../../types.js';
import { JsonlAppender, readJsonLines, rewriteJsonLines } from './jsonl.js';

/** What a button needs to act on an answer later: the question and where each quote came from. */
export interface AnswerRecord {
  id: string;
  question: string;
  userId: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  mode: RetrievalMode;
  citations: Array<{ n: number; source: string; title: string; passageId: string; quote: string }>;
}

export interface AnswerStoreOptions {
  /** Answers kept; older ones expire first. */
  maxEntries?: number;
  /** Answers older than this expire. */
  maxAgeMs?: number;
  logger?: Logger;
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Remembers recent answers so their buttons work, in memory and in a JSON-lines file so they keep
 * working after a restart. Buttons carry only the answer id; an id this store no longer has is an
 * expired answer.
 */
export class AnswerStore {
  private readonly byId = new Map<string, AnswerRecord>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly logger: Logger;
  private readonly now: () => number;

  private constructor(
    private readonly appender: JsonlAppender,
    options: AnswerStoreOptions,
  ) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxAgeMs = options.maxAgeMs ?? 30 * DAY_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** Loads the answers saved in `file`, compacting it when most of its lines have expired. */
  static async open(file: string, options: AnswerStoreOptions = {}): Promise<AnswerStore> {
    const store = new AnswerStore(new JsonlAppender(file), options);
    const { records, bad } = await readJsonLines(file, isAnswerRecord);
    for (const r of records) store.remember(r);
    if (bad > 0) store.logger.warn('answer store: skipped unreadable lines', { file, bad });
    if (records.length + bad > 2 * store.maxEntries) {
      await rewriteJsonLines(file, [...store.byId.values()]);
      store.logger.info('answer store: compacted', { file, kept: store.byId.size, dropped: records.length + bad - store.byId.size });
    }
    return store;
  }

  /** Saves an answer under a new short id. A failed disk write is logged; the answer still works until restart. */
  async add(answer: Answer, userId: string): Promise<AnswerRecord> {
    const record: AnswerRecord = {
      id: randomBytes(9).toString('base64url'),
      question: answer.question,
      userId,
      createdAt: this.now(),
      mode: answer.mode,
      citations: answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, passageId: c.passageId, quote: c.quote })),
    };
    this.remember(record);
    try {
      await this.appender.append(record);
    } catch (error) {
      this.logger.warn('answer store: could not save answer; its buttons will expire on restart', { file: this.appender.file, error });
    }
    return record;
  }

  /** The answer with this id, or undefined when it is unknown or has expired. */
  get(id: string): AnswerRecord | undefined {
    const record = this.byId.get(id);
    if (!record || this.now() - record.createdAt > this.maxAgeMs) return undefined;
    return record;
  }

  private remember(record: AnswerRecord): void {
    if (this.now() - record.createdAt > this.maxAgeMs) return;
    this.byId.delete(record.id);
    this.byId.set(record.id, record);
    // Map iteration is insertion order, so the first key is the oldest.
    while (this.byId.size > this.maxEntries) this.byId.delete(this.byId.keys().next().value!);
  }
}

function isAnswerRecord(v: unknown): v is AnswerRecord {
  const r = v as Partial<AnswerRecord> | null;
  return !!r && typeof r.id === 'string' && typeof r.question === 'string' && typeof r.createdAt === 'number' && Array.isArray(r.citations);
}
