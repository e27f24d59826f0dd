import pg from 'pg';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../../../harness/postgres.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../../../src/bot/stores/postgres/migrations.js';

/**
 * The PostgreSQL schema's versioned migrations, on a real server: a fresh database and one an
 * older bot left are both brought to the newest version, a second run does nothing, and shards
 * starting together migrate once between them.
 */
const describePg = postgresAvailable('the PostgreSQL migration tests') ? describe : describe.skip;

describePg('PostgreSQL migrations', () => {
  let server: TestPostgres;
  const pools: pg.Pool[] = [];
  const pool = async () => {
    const p = new pg.Pool({ connectionString: await server.createDatabase() });
    pools.push(p);
    return p;
  };
  const versions = async (p: pg.Pool) =>
    (await p.query<{ version: number }>('SELECT version FROM migrations ORDER BY version')).rows.map((r) => r.version);
  const tables = async (p: pg.Pool) =>
    (await p.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    for (const p of pools) await p.end();
    await server?.stop();
  });

  test('a fresh database is brought to the newest version; running again is a no-op', async () => {
    const p = await pool();
    expect(await migrate(p)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await versions(p)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(p)).toEqual([
      'answers',
      'conversations',
      'cooldowns',
      'hidden_questions',
      'meta',
      'migrations',
      'questions',
      'votes',
    ]);
    expect(await migrate(p)).toEqual([]);
    expect(await versions(p)).toHaveLength(MIGRATIONS.length);
  });

  test('a database an older bot left (version N-1, with rows) gets only the newer migration, and keeps its rows', async () => {
    const p = await pool();
    expect(await migrate(p, MIGRATIONS.slice(0, -1))).toEqual(MIGRATIONS.slice(0, -1).map((m) => m.version));
    await p.query("INSERT INTO meta (key, value) VALUES ('kept', 'yes')");
    expect(await migrate(p)).toEqual([SCHEMA_VERSION]);
    expect((await p.query('SELECT value FROM meta')).rows).toEqual([{ value: 'yes' }]);
    const later = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'add a column', sql: 'ALTER TABLE answers ADD COLUMN extra TEXT' }];
    expect(await migrate(p, later)).toEqual([SCHEMA_VERSION + 1]);
    expect(
      (await p.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'answers' AND column_name = 'extra'")).rowCount,
    ).toBe(1);
  });

  test('a migration that fails is rolled back whole and names its error; the ones before it stay', async () => {
    const p = await pool();
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INT); SELECT * FROM no_such_table' }];
    await expect(migrate(p, broken)).rejects.toThrow(/no_such_table/);
    expect(await versions(p)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(p)).not.toContain('half');
  });

  test('eight migrators starting at once on a fresh database apply each migration exactly once', async () => {
    const url = await server.createDatabase();
    const starters = Array.from({ length: 8 }, () => new pg.Pool({ connectionString: url, max: 1 }));
    pools.push(...starters);
    const applied = await Promise.all(starters.map((s) => migrate(s)));
    expect(applied.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await versions(starters[0]!)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
