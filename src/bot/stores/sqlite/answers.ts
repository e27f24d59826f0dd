import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Answer, RetrievalMode } from '../../../types.js';
import type { AnswerRecord, AnswerRepository } from '../store.js';

interface AnswerRow {
  id: string;
  created_at: number;
  member: string;
  question: string;
  mode: string;
  citations: string;
}

/** Answers in SQLite. Rows older than `maxAgeMs` read as expired at once and are deleted by the store's prune. */
export class SqliteAnswers implements AnswerRepository {
  private readonly insert: Statement;
  private readonly select: Statement<[string], AnswerRow>;

  constructor(
    db: Database,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare('INSERT INTO answers (id, created_at, member, question, mode, citations) VALUES (?, ?, ?, ?, ?, ?)');
    this.select = db.prepare<[string], AnswerRow>('SELECT * FROM answers WHERE id = ?');
  }

  async add(answer: Answer, member: string): Promise<AnswerRecord> {
    const record: AnswerRecord = {
      id: randomBytes(9).toString('base64url'),
      question: answer.question,
      member,
      createdAt: this.now(),
      mode: answer.mode,
      citations: answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, passageId: c.passageId, quote: c.quote })),
    };
    this.save(record);
    return record;
  }

  /** Writes a record as it is (the JSON-lines import keeps the ids buttons already carry). */
  save(record: AnswerRecord): void {
    this.insert.run(record.id, record.createdAt, record.member, record.question, record.mode, JSON.stringify(record.citations));
  }

  async get(id: string): Promise<AnswerRecord | undefined> {
    const row = this.select.get(id);
    if (!row || this.now() - row.created_at > this.maxAgeMs) return undefined;
    return {
      id: row.id,
      question: row.question,
      member: row.member,
      createdAt: row.created_at,
      mode: row.mode as RetrievalMode,
      citations: JSON.parse(row.citations) as AnswerRecord['citations'],
    };
  }
}
