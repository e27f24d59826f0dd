import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.js';
import { ReindexBusyError } from '../errors.js';

/** The lock's file name in the embeddings folder (never taken for index debris). */
export const LOCK_FILE = '.reindex.lock';

// Re-exported while branches that import it from here move to src/errors.ts.
export { ReindexBusyError } from '../errors.js';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface LockOptions {
  logger?: Logger;
  /** How long to wait for another reindex before giving up (default 10 minutes). */
  timeoutMs?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
}

/** A lock file only half written (or garbage) counts as abandoned once this old. */
const UNREADABLE_STALE_MS = 5_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's owner, or why it can be taken over (its process is gone, or it is unreadable and old). */
async function inspect(file: string): Promise<{ owner?: LockOwner; stale: boolean }> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') throw new Error('not a lock');
    // Another machine's process can't be checked from here (a shared folder): trust its lock.
    return { owner, stale: owner.host === os.hostname() && !alive(owner.pid) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { stale: true };
    const age = await stat(file).then(
      (s) => Date.now() - s.mtimeMs,
      () => Infinity,
    );
    return { stale: age > UNREADABLE_STALE_MS };
  }
}

/**
 * Runs `fn` while holding the index folder's reindex lock, so two reindexes (a maintainer's
 * `npm run reindex` and a bot building its missing index, say) never interleave: each would
 * delete the other's half-written generation as debris. A lock left by a killed process is
 * taken over; a live one is waited for, then `fn` runs on what it wrote.
 */
export async function withReindexLock<T>(dir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const logger = options.logger ?? silentLogger;
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  await mkdir(dir, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const { owner, stale } = await inspect(file);
    if (stale) {
      logger.warn('taking over a reindex lock its process left behind', {
        lock: file,
        ...(owner ? { pid: owner.pid, since: owner.startedAt } : {}),
      });
      await rm(file, { force: true });
      continue;
    }
    const holder = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}` : 'a process that is starting';
    if (Date.now() >= deadline)
      throw new ReindexBusyError(
        `another reindex (${holder}) is still writing ${dir}; try again when it has finished, or delete ${file} if no reindex is running`,
      );
    if (!announced) logger.warn('waiting for another reindex to finish', { holder });
    announced = true;
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
  }
  try {
    return await fn();
  } finally {
    // Only our own lock: a stale-lock takeover by someone else must not be undone by us.
    const { owner } = await inspect(file);
    if (owner?.token === me.token) await rm(file, { force: true });
  }
}
