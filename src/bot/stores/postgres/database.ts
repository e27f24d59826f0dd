import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { StoreUnavailableError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { migrate } from './migrations.js';

/** Connections one process keeps open at most: a shard answers a few questions at a time. */
const POOL_SIZE = 10;

/** Waits between connection attempts at start: PostgreSQL may be starting beside the bot (compose, boot). */
const CONNECT_RETRIES_MS = [500, 1000, 2000, 4000];

/** `url` with its password replaced by `***`: the only form of DATABASE_URL that may be logged or shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable DATABASE_URL]';
  }
}

/**
 * What the logger must never print of DATABASE_URL: the URL itself and its password (as written and
 * decoded). Our own lines use {@link redactUrl}; this catches the URL or password inside someone else's message.
 */
export function databaseSecrets(url: string | undefined): string[] {
  if (!url || !URL.canParse(url)) return url ? [url] : [];
  const { password } = new URL(url);
  return password ? [url, password, decodeURIComponent(password)] : [url];
}

/**
 * Opens a connection pool on `url`, checks that the server answers (retrying for a few seconds),
 * and migrates the schema. Throws {@link StoreUnavailableError}, naming the server without its
 * password, when it cannot: several shards must not quietly keep state apart.
 */
export async function openPool(url: string, logger: Logger, retriesMs = CONNECT_RETRIES_MS): Promise<Pool> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'casefile', connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (restart, failover) emits here; unhandled it would end the process.
  pool.on('error', (error) => logger.warn('store: a PostgreSQL connection failed; the pool will open another', { error: error.message }));
  for (let attempt = 0; ; attempt++) {
    try {
      await migrate(pool);
      return pool;
    } catch (error) {
      const wait = retriesMs[attempt];
      if (wait === undefined || !isConnectionError(error)) {
        await pool.end().catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new StoreUnavailableError(`could not open the PostgreSQL store at ${redactUrl(url)}: ${reason}`, { url: redactUrl(url) });
      }
      logger.warn('store: PostgreSQL is not reachable yet; retrying', { url: redactUrl(url), inMs: wait });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** True for failures to reach the server at all, as opposed to errors it reported (bad password, bad SQL). */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // Node's socket errors, and the server's "starting up / shutting down" class 57P.
  return typeof code === 'string' && (/^E[A-Z]+$/.test(code) || code.startsWith('57P'));
}

/** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
