import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnScript } from '../../harness/spawn-script.js';
import { openStore } from '../../src/bot/stores/open-store.js';
import { silentLogger } from '../../src/logger.js';
import { answered, entry } from '../helpers/store-fixtures.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

const ME = '123456789012345678';
const OTHER = '223456789012345678';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-forget-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const forget = (...args: string[]) => spawnScript('scripts/forget.ts', { DATA_DIR: dir, LOG_LEVEL: 'warn' }, { args }).done;

test('npm run forget -- <user id> deletes that member’s questions, votes and answers, and no one else’s', async () => {
  const { store, members, close } = await openStore({ dataDir: dir, questionLogDays: 30, logger: silentLogger });
  for (const id of [ME, OTHER]) {
    const member = members.of(id);
    await store.questions.add(entry({ member }));
    await store.questions.add(entry({ member, outcome: 'not-covered' }));
    const answer = await store.answers.add(answered('Q?'), member);
    await store.votes.record({
      answerId: answer.id,
      member,
      at: Date.now(),
      guildId: null,
      vote: 'up',
      question: 'Q?',
      mode: 'keyword',
      citations: [],
    });
  }
  // The bot keeps its connection open meanwhile, as a running bot would.
  const result = await forget(ME);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('2 questions, 1 votes, 1 answers deleted');
  expect(
    sqliteDb(store).prepare('SELECT DISTINCT member FROM questions UNION SELECT member FROM votes UNION SELECT member FROM answers').all(),
  ).toEqual([{ member: members.of(OTHER) }]);
  await close();
});

test('--help prints the usage; a missing or malformed id is refused with exit code 2', async () => {
  const help = await forget('--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/Usage: npm run forget -- <discord user id>/);
  for (const args of [[], ['not-an-id'], [ME, OTHER]]) {
    const bad = await forget(...args);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exactly one Discord user id/);
  }
});

test('with nothing stored yet it says so and creates nothing', async () => {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'casefile-forget-empty-'));
  const result = await spawnScript('scripts/forget.ts', { DATA_DIR: empty }, { args: [ME] }).done;
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/Nothing is stored/);
  await rm(empty, { recursive: true, force: true });
});
