import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS } from '../../../../src/bot/stores/sqlite/migrations.js';
import { SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';
import { answered, entry } from '../../../helpers/store-fixtures.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-store-'));
  file = path.join(dir, 'casefile.db');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const open = (days = 30, now = Date.now) => SqliteStore.open(file, { questionLogDays: days, now });

// What every store does is in store-contract.test.ts; here, what only the SQLite file has.
describe('SqliteStore', () => {
  test('creates the schema through versioned migrations, in WAL mode, and applies each once', async () => {
    const store = open();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(Number(store.db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.prepare('SELECT version FROM migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version })),
    );
    expect(migrate(store.db)).toEqual([]);
    await store.close();
    const again = open();
    expect(again.db.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
    await again.close();
  });

  test('a later migration is applied on the next open, after the ones already there', () => {
    const db = new Database(file);
    migrate(db);
    const applied = migrate(db, [...MIGRATIONS, { version: 99, name: 'add a column', sql: 'ALTER TABLE answers ADD COLUMN extra TEXT' }]);
    expect(applied).toEqual([99]);
    expect((db.prepare('PRAGMA table_info(answers)').all() as Array<{ name: string }>).map((c) => c.name)).toContain('extra');
    db.close();
  });

  test('a write that does not fit (SQLite reports the disk full) rejects and leaves nothing behind', async () => {
    const store = open();
    // max_page_count caps the file where it is: SQLite then fails writes with SQLITE_FULL, as on a full disk.
    store.db.pragma(`max_page_count = ${Number(store.db.pragma('page_count', { simple: true }))}`);
    const vote = {
      answerId: 'x',
      member: 'm1',
      at: Date.now(),
      guildId: null,
      vote: 'up' as const,
      question: 'Q'.repeat(20_000),
      mode: 'keyword',
      citations: [],
    };
    await expect(store.votes.record(vote)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(store.answers.add(answered('Q'.repeat(20_000)), 'm1')).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(store.db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 });
    store.db.pragma('max_page_count = 1073741823');
    expect(await store.votes.record(vote)).toEqual({ recorded: true });
    await store.close();
  });

  test.each([
    ['garbage', async () => writeFile(file, Buffer.alloc(64 * 1024, 'not a database '))],
    [
      'truncated',
      async () => {
        const store = open();
        for (let i = 0; i < 2000; i++) await store.questions.add(entry({ question: `question ${i} `.repeat(10) }));
        store.db.pragma('wal_checkpoint(TRUNCATE)');
        await store.close();
        const { truncate } = await import('node:fs/promises');
        await truncate(file, 40 * 1024);
      },
    ],
  ])('a %s database file is moved aside with a timestamp, an error names it, and a fresh one works', async (_kind, damage) => {
    await damage();
    const errors: Array<Record<string, unknown>> = [];
    const logger = {
      debug() {},
      info() {},
      warn() {},
      error: (_m: string, f?: Record<string, unknown>) => void errors.push(f ?? {}),
      child: () => logger,
    };
    const store = SqliteStore.open(file, { questionLogDays: 30, logger });
    await store.questions.add(entry());
    expect(store.db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 1 });
    const aside = (await readdir(dir)).filter((f) => /^casefile\.db\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ file, movedTo: path.join(dir, aside[0]!) })]);
    await store.close();
  });
});
