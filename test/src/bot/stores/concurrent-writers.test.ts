import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnScript } from '../../../../harness/spawn-script.js';
import { MIGRATIONS } from '../../../../src/bot/stores/sqlite/migrations.js';
import { SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';

/**
 * The bot, `npm run insights`, `npm run forget` (and shard processes later) share one database.
 * Several processes open a fresh file at the same moment (racing the migration) and write
 * interleaved; WAL plus busy_timeout must make every write land, none fail with SQLITE_BUSY.
 */
const WRITERS = 4;
const EACH = 150;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-concurrent-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('several processes write to one fresh database at once and every write lands', async () => {
  const file = path.join(dir, 'casefile.db');
  const runs = Array.from({ length: WRITERS }, (_, i) =>
    spawnScript('test/helpers/store-writer.ts', {}, { args: [file, `member-${i}`, String(EACH)] }),
  );
  const results = await Promise.all(runs.map((r) => r.done));
  for (const r of results) {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(String(EACH));
  }
  const store = SqliteStore.open(file, { questionLogDays: 30 });
  expect(store.db.prepare('SELECT member, count(*) AS n FROM questions GROUP BY member ORDER BY member').all()).toEqual(
    Array.from({ length: WRITERS }, (_, i) => ({ member: `member-${i}`, n: EACH })),
  );
  expect(store.db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: WRITERS * EACH });
  expect(store.db.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
  await store.close();
});
