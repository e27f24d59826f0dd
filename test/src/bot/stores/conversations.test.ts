import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DAY_MS, SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-conversations-'));
  file = path.join(dir, 'casefile.db');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('conversations in the SQLite store', () => {
  const chain = [{ question: 'Who attacked Albania?', person: 'Edi Rama' }, { question: 'When did that happen?' }];

  test('are kept under the given id, survive reopening, and expire with the answers', async () => {
    let now = Date.now();
    const store = SqliteStore.open(file, { questionLogDays: 30, now: () => now });
    const saved = await store.conversations.add(chain, 'member-a', 'answer-1');
    expect(saved.id).toBe('answer-1');
    await store.close();
    const again = SqliteStore.open(file, { questionLogDays: 30, now: () => now });
    expect((await again.conversations.get('answer-1'))?.chain).toEqual(chain);
    now += 31 * DAY_MS;
    expect(await again.conversations.get('answer-1')).toBeUndefined();
    await again.prune(now);
    expect(again.db.prepare('SELECT count(*) AS n FROM conversations').get()).toEqual({ n: 0 });
    await again.close();
  });

  test('are forgotten with the member who asked', async () => {
    const store = SqliteStore.open(file, { questionLogDays: 30 });
    const own = await store.conversations.add(chain, 'member-a');
    const other = await store.conversations.add(chain, 'member-b');
    await store.forget('member-a');
    expect(await store.conversations.get(own.id)).toBeUndefined();
    expect(await store.conversations.get(other.id)).toBeDefined();
    await store.close();
  });
});
