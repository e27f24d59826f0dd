import type { Database } from 'better-sqlite3';
import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import type { Store } from '../../src/bot/stores/store.js';

/** The SQLite database behind a bot's store, for tests that check its rows (the default store, without DATABASE_URL). */
export function sqliteDb(store: Store): Database {
  if (!(store instanceof SqliteStore)) throw new Error('this test expects the SQLite store (DATABASE_URL unset)');
  return store.db;
}
