import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../../../harness/postgres.js';
import { Cooldowns } from '../../../../src/bot/cooldowns.js';
import { openStore, type OpenedStore } from '../../../../src/bot/stores/open-store.js';
import { PostgresCooldowns } from '../../../../src/bot/stores/postgres/cooldowns.js';
import { PostgresStore } from '../../../../src/bot/stores/postgres/postgres-store.js';
import { silentLogger } from '../../../../src/logger.js';
import { captureLog } from '../../../helpers/log-capture.js';

/**
 * Cooldowns shared through PostgreSQL: each "shard" below is its own store with its own connection
 * pool, as separate processes or machines would have. A member's cooldown must hold across them,
 * and a burst of takes racing on several connections must let exactly one through.
 */
const describePg = postgresAvailable('the shared cooldown tests') ? describe : describe.skip;
const ALICE = '123456789012345678';

describePg('cooldowns on PostgreSQL', () => {
  let server: TestPostgres;
  let dir: string;
  const opened: OpenedStore[] = [];
  const shards = async (n: number) => {
    const url = await server.createDatabase();
    const list = [];
    for (let i = 0; i < n; i++) {
      const shard = await openStore({ dataDir: path.join(dir, `host-${i}`), databaseUrl: url, questionLogDays: 30, logger: silentLogger });
      opened.push(shard);
      list.push(shard);
    }
    return list;
  };
  beforeAll(async () => {
    server = await startPostgres();
    dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-pg-cooldowns-'));
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('a member’s cooldown holds on every shard, expires on time, and a release on one shard frees it on all', async () => {
    const [one, two] = await shards(2);
    let now = 1_000_000;
    const store = (s: OpenedStore) => s.store as PostgresStore;
    const limits = [one!, two!].map((s) =>
      store(s).cooldowns(
        10,
        (id) => s.members.of(id),
        silentLogger,
        () => now,
      ),
    );
    expect(await limits[0]!.take(ALICE)).toEqual({ ok: true });
    expect(await limits[1]!.take(ALICE)).toEqual({ ok: false, retryAt: 1_010_000 });
    expect(await limits[1]!.take('223456789012345678')).toEqual({ ok: true });
    now += 10_000;
    expect(await limits[1]!.take(ALICE)).toEqual({ ok: true });
    expect(await limits[0]!.take(ALICE)).toMatchObject({ ok: false });
    await limits[0]!.release(ALICE);
    expect(await limits[1]!.take(ALICE)).toEqual({ ok: true });
  });

  test('forty takes racing on four shards let exactly one through', async () => {
    const hosts = await shards(4);
    const limits = hosts.map((h) => h.cooldowns(60));
    expect(limits[0]).toBeInstanceOf(PostgresCooldowns);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => limits[i % 4]!.take(ALICE)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Refused with the database server's clock: the same moment whichever shard answered.
    const retryAts = new Set(results.flatMap((r) => (r.ok ? [] : [r.retryAt])));
    expect(retryAts.size).toBe(1);
    expect([...retryAts][0]).toBeGreaterThan(Date.now());
  });

  test('only the salted member hash is stored; forget and prune delete cooldown rows', async () => {
    const [host] = await shards(1);
    const store = host!.store as PostgresStore;
    await host!.cooldowns(60).take(ALICE);
    const { rows } = await store.pool.query<{ member: string }>('SELECT member FROM cooldowns');
    expect(rows).toEqual([{ member: host!.members.of(ALICE) }]);
    await store.forget(host!.members.of(ALICE));
    expect((await store.pool.query('SELECT 1 FROM cooldowns')).rowCount).toBe(0);
    await store
      .cooldowns(
        1,
        (id) => host!.members.of(id),
        silentLogger,
        () => 1000,
      )
      .take(ALICE);
    await store.prune(Date.now());
    expect((await store.pool.query('SELECT 1 FROM cooldowns')).rowCount).toBe(0);
  });

  test('when the database does not answer, the use is allowed and a warning logged; zero seconds is off', async () => {
    const [host] = await shards(1);
    const store = host!.store as PostgresStore;
    const log = captureLog();
    const limit = store.cooldowns(10, (id) => host!.members.of(id), log.logger);
    expect(await host!.cooldowns(0).take(ALICE)).toEqual({ ok: true });
    expect(await host!.cooldowns(0).take(ALICE)).toEqual({ ok: true });
    await host!.close();
    expect(await limit.take(ALICE)).toEqual({ ok: true });
    await expect(limit.release(ALICE)).resolves.toBeUndefined();
    expect(log.find('cooldowns: the database did not answer; allowing this use')).toHaveLength(1);
  });
});

test('without DATABASE_URL the cooldowns stay in memory', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-mem-cooldowns-'));
  const opened = await openStore({ dataDir, questionLogDays: 30, logger: silentLogger });
  expect(opened.cooldowns(10)).toBeInstanceOf(Cooldowns);
  await opened.close();
  await rm(dataDir, { recursive: true, force: true });
});
