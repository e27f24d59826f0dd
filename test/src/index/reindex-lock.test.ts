import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReindexBusyError } from '../../../src/errors.js';
import { LOCK_FILE, withReindexLock } from '../../../src/index/reindex-lock.js';
import { createLogger } from '../../../src/logger.js';

/** A logger that keeps its JSON lines, parsed. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', format: 'json', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('withReindexLock', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-lock-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('runs two holders one after the other, and removes the lock after', async () => {
    const events: string[] = [];
    const hold = (name: string) => async () => {
      events.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 80));
      events.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([withReindexLock(dir, hold('a'), { pollMs: 10 }), withReindexLock(dir, hold('b'), { pollMs: 10 })]);
    expect(results).toEqual(['a', 'b']);
    // Either may win the race for the lock, but the second starts only after the first is out.
    const first = events[0]!.split(' ')[0];
    const second = first === 'a' ? 'b' : 'a';
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('releases the lock when the holder throws', async () => {
    await expect(withReindexLock(dir, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose process is gone, and says so', async () => {
    await writeFile(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', token: 'x' }),
    );
    const { logger, lines } = capturingLogger();
    expect(await withReindexLock(dir, async () => 'ran', { logger })).toBe('ran');
    expect(lines.some((l) => l.msg === 'taking over a reindex lock its process left behind')).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('deletes the own lock file a killed process left while taking the lock, and keeps a live one', async () => {
    const owner = (pid: number, token: string) => JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', token });
    const dead = `${LOCK_FILE}.00112233445566aa`;
    const live = `${LOCK_FILE}.ffeeddccbbaa9988`;
    await writeFile(path.join(dir, dead), owner(2 ** 22 + 12345, '00112233445566aa'));
    await writeFile(path.join(dir, live), owner(process.pid, 'ffeeddccbbaa9988'));
    await writeFile(path.join(dir, 'corpus-keep.json'), '{}');
    expect(await withReindexLock(dir, async () => (await readdir(dir)).sort())).toEqual([LOCK_FILE, live, 'corpus-keep.json']);
    expect((await readdir(dir)).sort()).toEqual([live, 'corpus-keep.json']);
  });

  it('takes over an unreadable lock once it is old, but waits on a fresh one', async () => {
    const file = path.join(dir, LOCK_FILE);
    await writeFile(file, '{"pid": 12');
    await expect(withReindexLock(dir, async () => 'ran', { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(ReindexBusyError);
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    expect(await withReindexLock(dir, async () => 'ran')).toBe('ran');
  });

  it('gives up on a live holder after the timeout, naming it and the lock file', async () => {
    await writeFile(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2026-11-30T10:00:00Z', token: 'other' }),
    );
    const { logger, lines } = capturingLogger();
    const attempt = withReindexLock(dir, async () => 'ran', { logger, timeoutMs: 150, pollMs: 20 });
    await expect(attempt).rejects.toThrow(
      new RegExp(`another reindex \\(pid ${process.pid} on .*since 2026-11-30T10:00:00Z\\).*${LOCK_FILE}`),
    );
    expect(lines.filter((l) => l.msg === 'waiting for another reindex to finish')).toHaveLength(1);
    // Someone else's lock stays where it was.
    expect(await readdir(dir)).toEqual([LOCK_FILE]);
  });
});
