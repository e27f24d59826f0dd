import { IndexUnwritableError } from '../errors.js';

/**
 * Errno codes meaning a folder can't take a write: read-only (a read-only mount, a container image),
 * full, over quota, or not ours to write. Any of them while rebuilding the index leaves the previous
 * index intact (data files are written first, the manifest last), so callers may keep answering from it.
 */
const UNWRITABLE = new Set(['EROFS', 'ENOSPC', 'EDQUOT', 'EACCES', 'EPERM']);

/**
 * `error` as an {@link IndexUnwritableError} naming `dir` and the errno code when it is one of those,
 * else undefined. Use only around steps that write the index folder (taking the lock, writing files).
 */
export function unwritableFolder(error: unknown, dir: string): IndexUnwritableError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined || !UNWRITABLE.has(code)) return undefined;
  return new IndexUnwritableError(`the index folder ${dir} cannot be written (${code})`, { path: dir, code });
}
