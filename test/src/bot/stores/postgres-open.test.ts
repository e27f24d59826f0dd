import pg from 'pg';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../../../harness/postgres.js';
import { StoredRowError, StoreUnavailableError } from '../../../../src/errors.js';
import { databaseSecrets, openPool, redactUrl } from '../../../../src/bot/stores/postgres/database.js';
import { migrate, MIGRATIONS } from '../../../../src/bot/stores/postgres/migrations.js';
import { questionKey } from '../../../../src/bot/stores/question-key.js';
import { PostgresStore } from '../../../../src/bot/stores/postgres/postgres-store.js';
import { openStore } from '../../../../src/bot/stores/open-store.js';
import { silentLogger } from '../../../../src/logger.js';
import { captureLog } from '../../../helpers/log-capture.js';

/** Opening the shared store: the member salt every machine shares, failures that name the server but not the password, rows checked on the way back. */
const describePg = postgresAvailable('the PostgreSQL store opening tests') ? describe : describe.skip;

describePg('opening the PostgreSQL store', () => {
  let server: TestPostgres;
  let dataDir: string;
  beforeAll(async () => {
    server = await startPostgres();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-pg-open-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('with DATABASE_URL, two machines (two data folders) hash a member alike and see each other’s answers', async () => {
    const url = await server.createDatabase();
    const log = captureLog();
    const one = await openStore({ dataDir: path.join(dataDir, 'one'), databaseUrl: url, questionLogDays: 30, logger: log.logger });
    const two = await openStore({ dataDir: path.join(dataDir, 'two'), databaseUrl: url, questionLogDays: 30, logger: silentLogger });
    expect(one.store).toBeInstanceOf(PostgresStore);
    expect(one.members.of('123456789012345678')).toBe(two.members.of('123456789012345678'));
    const answer = await one.store.answers.add(
      { question: 'Q?', answered: true, mode: 'keyword', message: '', citations: [], timings: {} },
      one.members.of('1'),
    );
    expect(await two.store.answers.get(answer.id)).toEqual(answer);
    const password = new URL(url).password;
    expect(log.find('store: using PostgreSQL')).toEqual([expect.objectContaining({ url: redactUrl(url) })]);
    expect(log.lines.join('\n')).not.toContain(password);
    await one.close();
    await two.close();
  });

  test('a wrong password fails at once with a typed error naming the server, never the password', async () => {
    const url = new URL(await server.createDatabase());
    url.password = 'not-the-password-s3cret';
    const error = await openPool(url.toString(), silentLogger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`127.0.0.1:${url.port}`);
    expect((error as Error).message).not.toContain('s3cret');
  });

  test('a server nobody answers on is retried, then fails with a typed error', async () => {
    const log = captureLog();
    const error = await openPool('postgres://casefile:pw-s3cret@127.0.0.1:1/casefile', log.logger, [10, 10]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(log.find('store: PostgreSQL is not reachable yet; retrying')).toHaveLength(2);
    expect(`${(error as Error).message}\n${log.lines.join('\n')}`).not.toContain('s3cret');
  });

  test('questions an older schema logged without a close-variant key get theirs when the store opens', async () => {
    const url = await server.createDatabase();
    const pool = new pg.Pool({ connectionString: url });
    await migrate(
      pool,
      MIGRATIONS.filter((m) => m.version < 3),
    );
    for (const m of ['m1', 'm2', 'm3'])
      await pool.query(
        `INSERT INTO questions (at, member, command, outcome, article_ids, latency_ms, question) VALUES (1, $1, 'ask', 'answered', '[]', 1, 'Who attacked Albania?')`,
        [m],
      );
    await pool.end();
    const store = await PostgresStore.open(url, { questionLogDays: 30 });
    expect((await store.questions.suggestions(3, 25)).map((s) => s.key)).toEqual([questionKey('Who attacked Albania?')]);
    await store.close();
  });

  test('a row that is not in the shape this code writes is refused with a typed error, not acted on', async () => {
    const store = await PostgresStore.open(await server.createDatabase(), { questionLogDays: 30 });
    await store.pool.query(
      `INSERT INTO answers (id, created_at, member, question, mode, citations) VALUES ('bad', $1, 'm', 'Q?', 'telepathy', '[]')`,
      [Date.now()],
    );
    await store.pool.query(`INSERT INTO conversations (id, created_at, member, chain) VALUES ('bad', $1, 'm', '{"not": "a chain"}')`, [
      Date.now(),
    ]);
    await expect(store.answers.get('bad')).rejects.toBeInstanceOf(StoredRowError);
    await expect(store.conversations.get('bad')).rejects.toBeInstanceOf(StoredRowError);
    await store.close();
  });
});

test('the logger is told the URL and its password, as written and decoded, so neither is ever printed', () => {
  expect(databaseSecrets('postgres://bot:p%40ss-word-long@db/x')).toEqual([
    'postgres://bot:p%40ss-word-long@db/x',
    'p%40ss-word-long',
    'p@ss-word-long',
  ]);
  expect(databaseSecrets(undefined)).toEqual([]);
  const log = captureLog('info', databaseSecrets('postgres://bot:p%40ss-word-long@db/x'));
  log.logger.error('pg said', { error: new Error('auth failed for postgres://bot:p%40ss-word-long@db/x (p@ss-word-long)') });
  expect(log.lines.join('')).not.toMatch(/ss-word-long/);
});

test('redactUrl hides the password and keeps the rest', () => {
  expect(redactUrl('postgres://bot:hunter2-long@db.example:5432/casefile')).toBe('postgres://bot:***@db.example:5432/casefile');
  expect(redactUrl('postgres://bot@db.example/casefile')).toBe('postgres://bot@db.example/casefile');
});
