import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.js';
import { ReindexBusyError } from '../errors.js';
import { inspectLock, removeAbandonedOwnLocks, takeFree, takeOver, writeOwnLock, type LockOwner } from './lock-file.js';

/** The lock's file name in the embeddings folder (never taken for index debris). */
export const LOCK_FILE = '.reindex.lock';

// Re-exported while branches that import it from here move to src/errors.ts.
export { ReindexBusyError } from '../errors.js';

export interface LockOptions {
  logger?: Logger;
  /** How long to wait for another reindex before giving up (default 10 minutes). */
  timeoutMs?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
}

/**
 * Runs `fn` while holding the index folder's reindex lock, so two reindexes (a maintainer's
 * `npm run reindex` and a bot building its missing index, say) never interleave: each would
 * delete the other's half-written generation as debris. A lock left by a killed process is
 * taken over atomically (see `lock-file.ts`); a live one is waited for, then `fn` runs on what it wrote.
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
  // Our lock file exists under its own name only during an attempt, so a waiting process leaves nothing behind.
  const attempt = async (take: (mine: string) => Promise<boolean>): Promise<boolean> => {
    const mine = await writeOwnLock(file, me);
    try {
      return await take(mine);
    } finally {
      await rm(mine, { force: true });
    }
  };
  for (;;) {
    if (await attempt((mine) => takeFree(file, mine))) break;
    const { owner, stale, ino, seen } = await inspectLock(file);
    if (ino === undefined) continue; // gone, or replaced while we read it: try again at once
    if (stale && seen !== undefined) {
      if (await attempt((mine) => takeOver(file, mine, ino, seen))) {
        logger.warn('taking over a reindex lock its process left behind', {
          lock: file,
          ...(owner ? { pid: owner.pid, since: owner.startedAt } : {}),
        });
        break;
      }
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
  // A process killed while it tried to take the lock leaves its own lock file behind.
  await removeAbandonedOwnLocks(file);
  try {
    return await fn();
  } finally {
    // Only our own lock: a stale-lock takeover by someone else must not be undone by us.
    const { owner } = await inspectLock(file);
    if (owner?.token === me.token) await rm(file, { force: true });
  }
}
