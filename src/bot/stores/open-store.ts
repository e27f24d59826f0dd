import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../logger.js';
import { Cooldowns, type CooldownLimiter } from '../cooldowns.js';
import { importJsonl } from './jsonl-import.js';
import { MemberHasher } from './member-hash.js';
import { redactUrl } from './postgres/database.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { migrate } from './sqlite/migrations.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The database's file name inside DATA_DIR. */
export const DATABASE_FILE = 'casefile.db';

/** Retention is enforced this often while the bot runs, besides once at start. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface OpenStoreOptions {
  dataDir: string;
  /** DATABASE_URL: when set, the shared PostgreSQL store instead of `DATA_DIR/casefile.db`. */
  databaseUrl?: string | undefined;
  questionLogDays: number;
  logger: Logger;
  now?: () => number;
  /** Prune on a timer (the bot); scripts that run once leave it off. */
  pruneTimer?: boolean;
}

/** The bot's store, the hasher that turns user ids into its member keys, and a way to stop its timer. */
export interface OpenedStore {
  store: Store;
  members: MemberHasher;
  /** The /ask cooldowns: in memory (this process) by default, shared by every shard with DATABASE_URL. */
  cooldowns(seconds: number): CooldownLimiter;
  close(): Promise<void>;
}

/**
 * Opens the bot's store: PostgreSQL when `databaseUrl` is set (see openShared), else
 * `DATA_DIR/casefile.db`: a damaged file is replaced (see openOrReplace), the
 * JSON-lines files of earlier versions are imported once, and expired rows are deleted. If the
 * file cannot be opened at all (a read-only or missing folder), the bot still answers: it runs on
 * an in-memory database, logs an error, and its votes and buttons last until restart.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { store, members } = options.databaseUrl ? await openShared(options.databaseUrl, options) : await openEmbedded(options);
  const { logger } = options;
  const prune = async () => {
    try {
      const gone = await store.prune(options.now?.() ?? Date.now());
      if (gone.questions + gone.votes + gone.answers > 0) logger.info('store: deleted expired rows', { ...gone });
    } catch (error) {
      logger.warn('store: could not delete expired rows; will try again', { error });
    }
  };
  await prune();
  const timer = options.pruneTimer ? setInterval(() => void prune(), PRUNE_EVERY_MS).unref() : undefined;
  return {
    store,
    members,
    cooldowns: (seconds) =>
      store instanceof PostgresStore ? store.cooldowns(seconds, (id) => members.of(id), logger) : new Cooldowns(seconds),
    async close() {
      clearInterval(timer);
      await store.close();
    },
  };
}

/**
 * The shared store: no fallback to memory, since shards that quietly kept state apart would break
 * each other's buttons; the error (StoreUnavailableError) names the server without its password.
 * Members are hashed with the database's salt, so every machine hashes a member alike.
 */
export async function openShared(
  url: string,
  options: Pick<OpenStoreOptions, 'questionLogDays' | 'logger' | 'now'>,
): Promise<{ store: Store; members: MemberHasher }> {
  const store = await PostgresStore.open(url, {
    questionLogDays: options.questionLogDays,
    logger: options.logger,
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    const members = MemberHasher.fromHex(await store.memberSalt());
    options.logger.info('store: using PostgreSQL', { url: redactUrl(url) });
    return { store, members };
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function openEmbedded(options: OpenStoreOptions): Promise<{ store: Store; members: MemberHasher }> {
  const { dataDir, logger } = options;
  const file = path.join(dataDir, DATABASE_FILE);
  const storeOptions = { questionLogDays: options.questionLogDays, logger, ...(options.now ? { now: options.now } : {}) };
  let store: SqliteStore;
  let members: MemberHasher;
  try {
    members = await MemberHasher.open(dataDir);
    store = SqliteStore.open(file, storeOptions);
    await importJsonl(store, dataDir, members, logger);
  } catch (error) {
    logger.error('store: could not open the database; keeping answers, votes and questions in memory until restart', { file, error });
    const db = new Database(':memory:');
    migrate(db);
    store = new SqliteStore(db, storeOptions);
    members ??= MemberHasher.ephemeral();
  }
  return { store, members };
}
