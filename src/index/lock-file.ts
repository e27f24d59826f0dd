import { link, lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The lock file's atomic steps. Taking over a dead lock used to be check, delete, create: three
 * processes starting together on a dead lock could each delete the lock another had just created,
 * and two held it at once. Here every step that changes the lock is one atomic call:
 * - taking a free lock is `link()` of a complete, privately written file (fails if the lock exists);
 * - taking over a dead lock first *claims its inode*: `link()` of the lock to a name carrying its
 *   inode number, which only one process can create. The winner checks the claim is that same inode
 *   (not a newer lock), then `rename()`s its own file over it. The claim keeps the dead inode alive,
 *   so its number cannot be reused by a newer lock until the take-over is done.
 */

/** Who holds a lock; `token` tells our own lock from another. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

/** A lock file only half written (or garbage) counts as abandoned once this old. */
const UNREADABLE_STALE_MS = 5_000;
/** A claim whose process died mid-take-over (a window of a few system calls) is cleared after this. */
const CLAIM_STALE_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The lock's owner and inode, or why it can be taken over (its process is gone, or it is unreadable and old). */
export async function inspectLock(file: string): Promise<{ owner?: LockOwner; stale: boolean; ino?: number; seen?: string }> {
  const before = await lstat(file).catch(() => undefined);
  if (!before) return { stale: false };
  let owner: LockOwner | undefined;
  try {
    owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    if (typeof owner?.pid !== 'number' || typeof owner.host !== 'string') owner = undefined;
  } catch {
    owner = undefined;
  }
  const after = await lstat(file).catch(() => undefined);
  // Replaced while we read it: what we read may belong to another lock. Look again next round.
  if (after?.ino !== before.ino) return { stale: false };
  const found = { ino: before.ino, seen: fingerprint(before) };
  if (!owner) return { stale: Date.now() - before.mtimeMs > UNREADABLE_STALE_MS, ...found };
  // Another machine's process can't be checked from here (a shared folder): trust its lock.
  return { owner, stale: owner.host === os.hostname() && !alive(owner.pid), ...found };
}

/** Inode, size and change time: a later file that reuses a freed inode number differs in the time. */
function fingerprint(s: { ino: number; size: number; mtimeMs: number }): string {
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** Takes the lock if it is free: true when we now hold it. `mine` is our complete lock file. */
export async function takeFree(file: string, mine: string): Promise<boolean> {
  try {
    await link(mine, file);
    return true;
  } catch (error) {
    if (code(error) === 'EEXIST') return false;
    throw error;
  }
}

/** Replaces the dead lock `seen` (inode `ino`) by ours, if no one else does first: true when we now hold it. */
export async function takeOver(file: string, mine: string, ino: number, seen: string): Promise<boolean> {
  const claim = `${file}.claim-${ino}`;
  try {
    await link(file, claim);
  } catch (error) {
    if (code(error) === 'ENOENT') return false;
    if (code(error) !== 'EEXIST') throw error;
    // Someone else is taking this one over; a claim left by a process that died doing so is cleared.
    const left = await lstat(claim).catch(() => undefined);
    if (left && Date.now() - left.ctimeMs > CLAIM_STALE_MS) await rm(claim, { force: true });
    return false;
  }
  try {
    if (fingerprint(await lstat(claim)) !== seen) return false; // the lock changed before we claimed it
    await rename(mine, file);
    return true;
  } finally {
    await rm(claim, { force: true });
  }
}

/** Our lock file's own name: the lock's, then our token. */
const ownLockName = (file: string, token: string) => `${file}.${token}`;
/** Tokens are 16 hex digits (see reindex-lock.ts). */
const TOKEN = /^[0-9a-f]{16}$/;

/** Writes our lock file under its own name, complete, ready to be linked into place. */
export async function writeOwnLock(file: string, me: LockOwner): Promise<string> {
  const mine = ownLockName(file, me.token);
  try {
    await writeFile(mine, JSON.stringify(me));
  } catch (error) {
    // A full disk creates the file and then fails the write: leave no empty lock file behind.
    await rm(mine, { force: true }).catch(() => undefined);
    throw error;
  }
  return mine;
}

/**
 * Deletes the own lock files (`<lock>.<token>`) of processes killed between writing one and
 * removing it: nothing else would ever delete them. Called by the lock's holder; the file of a
 * process still trying to take the lock is left alone, as `inspectLock` judges a lock.
 */
export async function removeAbandonedOwnLocks(file: string): Promise<string[]> {
  const prefix = `${path.basename(file)}.`;
  const removed: string[] = [];
  for (const name of await readdir(path.dirname(file))) {
    if (!name.startsWith(prefix) || !TOKEN.test(name.slice(prefix.length))) continue;
    const own = path.join(path.dirname(file), name);
    if ((await inspectLock(own)).stale) {
      await rm(own, { force: true });
      removed.push(name);
    }
  }
  return removed;
}
