import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../harness/postgres.js';
import { spawnScript } from '../../harness/spawn-script.js';
import { DATABASE_FILE, openShared, openStore } from '../../src/bot/stores/open-store.js';
import { silentLogger } from '../../src/logger.js';
import { answered, entry } from '../helpers/store-fixtures.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

/** Moving a bot's SQLite store into PostgreSQL: every row, the member salt, and nothing half-done. */
const describePg = postgresAvailable('the store copy tests') ? describe : describe.skip;

const MEMBERS = ['123456789012345671', '123456789012345672', '123456789012345673'];
const QUESTION = 'When did Albania cut ties with Iran?';

describePg('npm run store:copy', () => {
  let server: TestPostgres;
  let dataDir: string;
  let answerId: string;
  let conversationId: string;
  const copy = (...args: string[]) => spawnScript('scripts/store-copy.ts', { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { args }).done;

  beforeAll(async () => {
    server = await startPostgres();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-copy-'));
    // A bot's SQLite store: three members asked the same question (so it is suggested), one voted,
    // one follow-up conversation, and a hidden question.
    const { store, members, close } = await openStore({ dataDir, questionLogDays: 30, logger: silentLogger });
    for (const id of MEMBERS) {
      const answer = await store.answers.add(answered(QUESTION), members.of(id));
      answerId ??= answer.id;
      await store.questions.add(entry({ member: members.of(id), question: QUESTION, answerId: answer.id, articleIds: ['a1'] }));
    }
    await store.questions.add(entry({ member: members.of(MEMBERS[0]!), outcome: 'not-covered', question: 'Who won the cup?' }));
    await store.votes.record({
      answerId,
      member: members.of(MEMBERS[1]!),
      at: Date.now(),
      guildId: '42',
      vote: 'up',
      question: QUESTION,
      mode: 'keyword',
      citations: [],
    });
    conversationId = (await store.conversations.add([{ question: QUESTION }, { question: 'Why?' }], members.of(MEMBERS[0]!))).id;
    await store.questions.hide('Who won the cup?', Date.now());
    await close();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('copies every row and the member salt: answers, buttons, insights, suggestions and forget work from PostgreSQL', async () => {
    const url = await server.createDatabase();
    const result = await copy('--to', url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 answers, 1 conversations, 1 votes, 4 logged questions, 1 hidden suggestions, and the member salt');
    expect(result.stdout).not.toContain(new URL(url).password);

    const { store, members } = await openShared(url, { questionLogDays: 30, logger: silentLogger });
    try {
      expect((await store.answers.get(answerId))?.question).toBe(QUESTION);
      expect((await store.conversations.get(conversationId))?.chain.map((t) => t.question)).toEqual([QUESTION, 'Why?']);
      expect((await store.questions.suggestions(3, 25)).map((s) => s.question)).toEqual([QUESTION]);
      expect((await store.questions.hidden()).map((h) => h.question)).toEqual(['Who won the cup?']);
      const period = await store.questions.period(0);
      expect(period.outcomes).toMatchObject({ answered: 3, 'not-covered': 1 });
      expect(period.citedArticleIds).toEqual(['a1']);
      // The salt came along: the same Discord id finds the same member, so forget reaches the old rows.
      expect(await store.forget(members.of(MEMBERS[0]!))).toEqual({ questions: 2, votes: 0, answers: 1 });
    } finally {
      await store.close();
    }
  });

  test('refuses a database a bot already wrote to, and leaves it as it was', async () => {
    const url = await server.createDatabase();
    const { store, close } = await openStore({
      dataDir: path.join(dataDir, 'other'),
      databaseUrl: url,
      questionLogDays: 30,
      logger: silentLogger,
    });
    await store.questions.add(entry({ member: 'someone' }));
    await close();
    const result = await copy('--to', url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already holds rows (questions: 1)');
    expect(await count(url, 'answers')).toBe(0);
  });

  test('a row PostgreSQL refuses rolls the whole copy back and names the table', async () => {
    const damaged = path.join(dataDir, 'damaged');
    const { store, members, close } = await openStore({ dataDir: damaged, questionLogDays: 30, logger: silentLogger });
    await store.answers.add(answered(QUESTION), members.of(MEMBERS[0]!));
    await store.questions.add(entry({ member: members.of(MEMBERS[0]!) }));
    sqliteDb(store).prepare("UPDATE questions SET article_ids = '[not json'").run();
    await close();
    const url = await server.createDatabase();
    const result = await copy('--from', path.join(damaged, DATABASE_FILE), '--to', url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not copy the questions table: .*; nothing was copied/);
    expect(await count(url, 'answers')).toBe(0);
  });

  test('--help prints the usage; a missing file or database is named', async () => {
    const help = await copy('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run store:copy/);
    const nowhere = await copy('--from', path.join(dataDir, 'nope.db'), '--to', 'postgres://x@127.0.0.1:1/x');
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain(`no SQLite store at ${path.join(dataDir, 'nope.db')}`);
    const noTarget = await copy();
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toContain('no PostgreSQL database to copy into');
  });
});

async function count(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  } finally {
    await client.end();
  }
}
