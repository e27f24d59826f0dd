import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../harness/postgres.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { SHIPPED_ARTICLES } from '../../harness/workspace.js';
import type { InsightsReport } from '../../src/bot/insights/report.js';
import { openStore, type OpenedStore } from '../../src/bot/stores/open-store.js';
import { silentLogger } from '../../src/logger.js';
import { entry } from '../helpers/store-fixtures.js';

/**
 * With DATABASE_URL, `npm run insights` and `npm run forget` work on the shared store: they see and
 * delete what every machine's bot wrote, whatever DATA_DIR they run with, and never print the password.
 */
const describePg = postgresAvailable('the shared-store script tests') ? describe : describe.skip;
const ME = '123456789012345678';

describePg('insights and forget on the shared PostgreSQL store', () => {
  let server: TestPostgres;
  let dir: string;
  let url: string;
  let machines: OpenedStore[];
  beforeAll(async () => {
    server = await startPostgres();
    dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-shared-scripts-'));
    url = await server.createDatabase();
    machines = await Promise.all(
      ['one', 'two'].map((m) => openStore({ dataDir: path.join(dir, m), databaseUrl: url, questionLogDays: 30, logger: silentLogger })),
    );
    for (const [i, machine] of machines.entries())
      for (const id of [ME, `22345678901234567${i}`])
        await machine.store.questions.add(
          entry({ member: machine.members.of(id), outcome: 'not-covered', question: `Asked on machine ${i}?` }),
        );
  });
  afterAll(async () => {
    for (const m of machines ?? []) await m.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const script = (name: string, ...args: string[]) =>
    spawnScript(
      name,
      { DATA_DIR: path.join(dir, 'elsewhere'), DATABASE_URL: url, ARTICLES_DIR: SHIPPED_ARTICLES, LOG_LEVEL: 'warn' },
      { args },
    ).done;

  test('insights reports the questions of both machines; forget deletes one member’s everywhere', async () => {
    const before = await script('scripts/insights.ts', '--format', 'json');
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as InsightsReport).outcomes['not-covered']).toBe(4);

    const forgot = await script('scripts/forget.ts', ME);
    expect(forgot.code).toBe(0);
    expect(forgot.stdout).toContain('2 questions, 0 votes, 0 answers deleted');
    const after = await script('scripts/insights.ts', '--format', 'json');
    expect((JSON.parse(after.stdout) as InsightsReport).outcomes['not-covered']).toBe(2);
    const password = new URL(url).password;
    for (const r of [before, forgot, after]) expect(r.stdout + r.stderr).not.toContain(password);
  });

  test('a DATABASE_URL that is not a PostgreSQL URL stops the script, naming the key and not the value', async () => {
    const result = await spawnScript('scripts/insights.ts', { DATA_DIR: dir, DATABASE_URL: 'mysql://bot:s3cret-pw@db/x' }).done;
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATABASE_URL must be a PostgreSQL URL/);
    expect(result.stderr).not.toContain('s3cret');
  });
});
