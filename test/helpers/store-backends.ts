import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../harness/postgres.js';
import { PostgresStore } from '../../src/bot/stores/postgres/postgres-store.js';
import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import type { Store } from '../../src/bot/stores/store.js';

export interface StoreOptions {
  questionLogDays: number;
  now?: () => number;
}

/** One empty database: `open` may be called several times (two connections, or a reopen after close). */
export interface FreshDatabase {
  open(options: StoreOptions): Promise<Store>;
  dispose(): Promise<void>;
}

/** A kind of store the contract tests run against. */
export interface StoreBackend {
  name: string;
  /** False when it cannot run here (no PostgreSQL binaries): its tests are skipped, loudly. */
  available: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  fresh(): Promise<FreshDatabase>;
}

const sqlite: StoreBackend = {
  name: 'SQLite',
  available: true,
  async setup() {},
  async teardown() {},
  async fresh() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-contract-'));
    const file = path.join(dir, 'casefile.db');
    return { open: async (o) => SqliteStore.open(file, o), dispose: () => rm(dir, { recursive: true, force: true }) };
  },
};

let server: TestPostgres | undefined;
const postgres: StoreBackend = {
  name: 'PostgreSQL',
  available: postgresAvailable('the PostgreSQL store tests'),
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async fresh() {
    const url = await server!.createDatabase();
    return { open: (o) => PostgresStore.open(url, o), dispose: async () => {} };
  },
};

/** Every store the bot can run on; the contract holds for each. */
export const STORE_BACKENDS: readonly StoreBackend[] = [sqlite, postgres];
