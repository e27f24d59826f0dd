import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Answer, RetrievalMode } from '../../../types.js';
import type { AnswerRecord, AnswerRepository } from '../store.js';
import { ExpiringRows, type TimedRow } from './expiring-rows.js';

interface AnswerRow extends TimedRow {
  member: string;
  question: string;
  mode: string;
  citations: string;
}

const INSERT = 'INSERT INTO answers (id, created_at, member, question, mode, citations) VALUES (?, ?, ?, ?, ?, ?)';

/** Answers in SQLite, behind their buttons; they expire (see {@link ExpiringRows}). */
export class SqliteAnswers implements AnswerRepository {
  private readonly rows: ExpiringRows<AnswerRow>;

  constructor(db: Database, maxAgeMs: number, now: () => number) {
    this.rows = new ExpiringRows(db, 'answers', INSERT, maxAgeMs, now);
  }

  async add(answer: Answer, member: string): Promise<AnswerRecord> {
    const record: AnswerRecord = {
      id: randomBytes(9).toString('base64url'),
      question: answer.question,
      member,
      createdAt: this.rows.now(),
      mode: answer.mode,
      citations: answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, passageId: c.passageId, quote: c.quote })),
    };
    this.save(record);
    return record;
  }

  /** Writes a record as it is (the JSON-lines import keeps the ids buttons already carry). */
  save(record: AnswerRecord): void {
    this.rows.insert.run(record.id, record.createdAt, record.member, record.question, record.mode, JSON.stringify(record.citations));
  }

  async get(id: string): Promise<AnswerRecord | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
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
