import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type { Answer } from '../../../types.js';
import type { AnswerRecord, AnswerRepository } from '../store.js';
import { answerRow, parseRow } from './rows.js';

/** Answers in PostgreSQL, behind their buttons, readable from every shard; they expire like the SQLite store's. */
export class PostgresAnswers implements AnswerRepository {
  constructor(
    private readonly pool: Pool,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  async add(answer: Answer, member: string): Promise<AnswerRecord> {
    const record: AnswerRecord = {
      id: randomBytes(9).toString('base64url'),
      question: answer.question,
      member,
      createdAt: this.now(),
      mode: answer.mode,
      citations: answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, passageId: c.passageId, quote: c.quote })),
    };
    await this.pool.query(
      'INSERT INTO answers (id, created_at, member, question, mode, citations) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
      [record.id, record.createdAt, record.member, record.question, record.mode, JSON.stringify(record.citations)],
    );
    return record;
  }

  /** An expired row reads as gone at once (the age is checked in the query); prune deletes it later. */
  async get(id: string): Promise<AnswerRecord | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM answers WHERE id = $1 AND created_at >= $2', [id, this.now() - this.maxAgeMs]);
    if (rows.length === 0) return undefined;
    const row = parseRow(answerRow, rows[0], 'answers');
    return { id: row.id, question: row.question, member: row.member, createdAt: row.created_at, mode: row.mode, citations: row.citations };
  }
}
