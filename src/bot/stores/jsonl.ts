import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../atomic-write.js';

/** Lines of a JSON-lines file that parse, plus how many did not (a torn last line after a crash, say). */
export interface JsonLines<T> {
  records: T[];
  bad: number;
}

/** Reads a JSON-lines file; a missing file is empty. Lines `accept` rejects are counted as bad, never dropped from disk. */
export async function readJsonLines<T>(file: string, accept: (value: unknown) => value is T): Promise<JsonLines<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bad: 0 };
    throw error;
  }
  const records: T[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (accept(value)) records.push(value);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { records, bad };
}

/**
 * Appends records to a JSON-lines file, one whole line per write, one write at a time, each synced
 * to disk before the next. Existing lines are never touched; a torn last line left by a crash is
 * closed off with a newline first so the new record starts on its own line.
 */
export class JsonlAppender {
  private queue: Promise<void> = Promise.resolve();
  private checkedTail = false;

  constructor(readonly file: string) {}

  /** Resolves once the record is on disk; rejects if it could not be written. */
  append(record: unknown): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    const write = this.queue.then(() => this.write(line));
    // A failed write must not block the ones after it.
    this.queue = write.catch(() => undefined);
    return write;
  }

  private async write(line: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a+');
    try {
      let prefix = '';
      if (!this.checkedTail) {
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        this.checkedTail = true;
      }
      await handle.write(prefix + line);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * Replaces a JSON-lines file with `records` atomically (src/atomic-write.ts): readers see the old
 * file or the new one, never half, and the rename survives a power cut.
 */
export async function rewriteJsonLines(file: string, records: unknown[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, records.map((r) => JSON.stringify(r) + '\n').join(''));
}
