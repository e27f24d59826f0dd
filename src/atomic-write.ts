import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Marks files being written; anything carrying it after a crash is debris and safe to delete. */
export const TEMP_MARKER = '.tmp-';

/** A sibling path for writing `file` before it is renamed into place. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes `data` to `file` so that readers see either the old file or the complete new one, never
 * a torn write: write a temporary sibling, flush it to disk, then rename it over the target
 * (rename is atomic within a folder on POSIX file systems).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(file);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/** Moves a finished temporary file into place atomically. */
export async function commitTempFile(temp: string, file: string): Promise<void> {
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
}

/** Persists a rename: without it a power cut can lose the directory entry. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}
