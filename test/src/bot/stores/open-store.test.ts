import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../../../src/bot/stores/open-store.js';
import { captureLog } from '../../../helpers/log-capture.js';
import { sqliteDb } from '../../../helpers/sqlite-db.js';

const IMPORTED = 'store: imported the JSON-lines files into the database; they are no longer read and may be deleted';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-open-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('the JSON-lines files are imported on the first open only, even when they change afterwards', async () => {
  const vote = (answerId: string) =>
    JSON.stringify({
      at: new Date().toISOString(),
      answerId,
      userId: '123456789012345678',
      guildId: null,
      vote: 'up',
      question: 'Q?',
      mode: 'keyword',
      citations: [],
    });
  await writeFile(path.join(dir, 'feedback.jsonl'), `${vote('a1')}\n${vote('a2')}\n`);
  const log = captureLog();
  const first = await openStore({ dataDir: dir, questionLogDays: 30, logger: log.logger });
  await first.close();
  expect(log.find(IMPORTED)).toEqual([
    expect.objectContaining({ answers: 0, votes: 2, skipped: 0, files: [path.join(dir, 'feedback.jsonl')] }),
  ]);

  await writeFile(path.join(dir, 'feedback.jsonl'), `${vote('a3')}\n`, { flag: 'a' });
  const second = await openStore({ dataDir: dir, questionLogDays: 30, logger: log.logger });
  expect(log.find(IMPORTED)).toHaveLength(1);
  expect(sqliteDb(second.store).prepare('SELECT answer_id FROM votes ORDER BY answer_id').all()).toEqual([
    { answer_id: 'a1' },
    { answer_id: 'a2' },
  ]);
  await second.close();
});

test('a data folder that cannot hold a database leaves the bot on an in-memory store, with an error logged', async () => {
  const blocked = path.join(dir, 'not-a-folder');
  await writeFile(blocked, 'a file where the data folder should be');
  const log = captureLog();
  const { store, members, close } = await openStore({ dataDir: blocked, questionLogDays: 30, logger: log.logger });
  expect(log.find('store: could not open the database; keeping answers, votes and questions in memory until restart')).toHaveLength(1);
  const answer = await store.answers.add(
    { question: 'Q?', answered: true, mode: 'keyword', message: '', citations: [], timings: {} },
    members.of('1'),
  );
  expect(await store.answers.get(answer.id)).toEqual(answer);
  await close();
});
