import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../../logger.js';
import { migrate } from './migrations.js';

/** How long a writer waits for another process's write to finish before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQLite's answers for a file that is not a database, or one whose pages no longer add up. */
const DAMAGE_CODES = /^SQLITE_(NOTADB|CORRUPT)/;

/** Raised when `PRAGMA quick_check` finds damage that reading alone did not trip over. */
export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
  readonly code = 'SQLITE_CORRUPT';
}

/**
 * Opens (creating if needed) the database at `file` in WAL mode, checks it, and migrates it.
 * WAL lets the bot, `npm run insights` and `npm run forget` read and write at once; busy_timeout
 * makes a second writer wait instead of failing. Throws when the file is damaged (see
 * {@link isDamage}) or cannot be opened at all.
 */
export function openChecked(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // FULL syncs the WAL at every commit: a vote answered "recorded" survives a power cut too, not
    // only a crash of the process (NORMAL's promise). It costs one fsync per write, a few a question.
    db.pragma('synchronous = FULL');
    // Deleted questions (retention, forget) are overwritten, not left readable in free pages.
    db.pragma('secure_delete = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(`quick_check: ${String(check)}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** True for errors that mean the file's contents are damaged, rather than locked or unreachable. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGE_CODES.test(code);
}

/**
 * {@link openChecked}, but a damaged file (truncated, overwritten with garbage) is moved aside as
 * `<file>.corrupt-<timestamp>` with its WAL, an error naming it is logged, and a fresh database
 * takes its place: the bot must keep answering, and the old file stays for whoever wants to recover it.
 */
export function openOrReplace(file: string, logger: Logger, now: () => Date = () => new Date()): Database.Database {
  try {
    return openChecked(file);
  } catch (error) {
    if (!isDamage(error)) throw error;
    const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, aside);
    if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
    // The shared-memory index is rebuilt from the WAL; a stale one must not meet the fresh file.
    rmSync(`${file}-shm`, { force: true });
    logger.error('store: the database file is damaged; moved it aside and started a fresh one', { file, movedTo: aside, error });
    return openChecked(file);
  }
}
