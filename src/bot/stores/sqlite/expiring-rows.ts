import type { Database, Statement } from 'better-sqlite3';

/** A row with the time it was written, in milliseconds since the epoch. */
export interface TimedRow {
  id: string;
  created_at: number;
}

/**
 * The rows of a table that hold one record per id and expire (answers, conversations): a row older
 * than `maxAgeMs` reads as gone at once, so a button never acts on it, while the store's prune
 * deletes it later in bulk.
 */
export class ExpiringRows<Row extends TimedRow> {
  private readonly select: Statement<[string], Row>;
  /** The table's own INSERT, prepared once. */
  readonly insert: Statement;

  constructor(
    db: Database,
    table: 'answers' | 'conversations',
    insertSql: string,
    private readonly maxAgeMs: number,
    readonly now: () => number,
  ) {
    this.select = db.prepare<[string], Row>(`SELECT * FROM ${table} WHERE id = ?`);
    this.insert = db.prepare(insertSql);
  }

  /** The row with this id, unless there is none or it has expired. */
  get(id: string): Row | undefined {
    const row = this.select.get(id);
    return row && this.now() - row.created_at <= this.maxAgeMs ? row : undefined;
  }
}
