import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { answerButtonIds } from '../../src/bot/views/answer-view.js';
import { otherUser } from '../../harness/other-user.js';
import { startConfiguredBot, type ConfiguredBot } from '../helpers/configured-bot.js';
import { buttonInteraction, chatInputInteraction } from '../../harness/discord-simulator/index.js';
import { finalReply } from '../../harness/interaction-reply.js';
import { PROJECT_DIR } from '../../harness/spawn-script.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

/**
 * Whatever users send (custom ids and questions full of `../`, absolute paths, NUL bytes, URL
 * encoding), the only files the bot writes while serving them are its database's in the data folder.
 * Every file of the temporary project is fingerprinted before and after; the temp folder and the
 * checkout are searched for anything named after the hostile input.
 */

const MARKER = `escape-${randomBytes(4).toString('hex')}`;

const hostilePaths = [
  `../../../../../../tmp/${MARKER}`,
  `..\\..\\..\\${MARKER}`,
  `/etc/${MARKER}`,
  `%2e%2e%2f%2e%2e%2f${MARKER}`,
  `..%00/${MARKER}`,
  `${MARKER}\u0000.jsonl`,
  `data/../../${MARKER}`,
  `~/${MARKER}`,
];

async function fingerprint(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const s = await stat(file);
    out.set(path.relative(root, file), `${s.size}:${s.mtimeMs}`);
  }
  return out;
}

async function namesContaining(dir: string, text: string, recursive: boolean): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive })).filter((n) => String(n).includes(text)).map(String);
  } catch {
    return [];
  }
}

let bot: ConfiguredBot;
beforeAll(async () => {
  bot = await startConfiguredBot({ embedder: await loadTinyEmbedder() });
});
afterAll(() => bot?.close());

it('writes only its database in the data folder, whatever the input', async () => {
  const before = await fingerprint(bot.root);

  // A real answer to vote on, then votes and clicks with hostile ids around it.
  const answered = await finalReply(
    bot.sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question: 'When did Albania cut ties with Iran?' } })),
  );
  const passagesId = answered.message.components![0]!.components[0]!.custom_id!;
  const answerId = passagesId.split(':').pop()!;

  const customIds = [
    answerButtonIds.vote(answerId, 'up'),
    ...hostilePaths.flatMap((p, i) => [
      `ask:vote:up:${p}`,
      `ask:vote:${p}:${answerId}`,
      `ask:passages:${p}`,
      `${p}:vote:up:${answerId}`,
      `ask:${p}:x`,
      `feedback:${p}:${i}`,
    ]),
    `ask:vote:down:${answerId}:${hostilePaths[0]}`,
    'x'.repeat(500),
  ];
  for (const [i, customId] of customIds.entries()) {
    const reply = await finalReply(bot.sim.dispatchInteraction(buttonInteraction({ ...otherUser(i), customId })));
    expect(reply.callback.status).toBeLessThan(300);
  }
  for (const [i, p] of hostilePaths.entries()) {
    await finalReply(
      bot.sim.dispatchInteraction(chatInputInteraction({ ...otherUser(100 + i), name: 'ask', options: { question: `What about ${p}?` } })),
    );
  }
  await bot.bot.router.drain(10_000);

  const after = await fingerprint(bot.root);
  const changed = [...after]
    .filter(([file, print]) => before.get(file) !== print)
    .map(([file]) => file)
    .sort();
  const storeFiles = ['casefile.db', 'casefile.db-shm', 'casefile.db-wal'].map((f) => path.join('data', f));
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.filter((f) => !storeFiles.includes(f))).toEqual([]);
  expect([...before.keys()].filter((f) => !after.has(f))).toEqual([]);

  // Only votes naming a real answer were recorded (extra parts after the id are ignored); the
  // hostile ones were refused as expired answers. Hostile text is data in the database, never a path.
  const feedback = sqliteDb(bot.bot.store).prepare('SELECT answer_id, vote FROM votes ORDER BY at, rowid').all() as Array<{
    answer_id: string;
    vote: string;
  }>;
  expect(feedback.map((f) => [f.answer_id, f.vote])).toEqual([
    [answerId, 'up'],
    [answerId, 'down'],
  ]);

  // Nothing named after the input anywhere the traversal could have led.
  expect(await namesContaining(os.tmpdir(), MARKER, false)).toEqual([]);
  expect(await namesContaining(bot.root, MARKER, true)).toEqual([]);
  expect(await namesContaining(path.dirname(bot.root), MARKER, false)).toEqual([]);
  expect(await namesContaining(PROJECT_DIR, MARKER, false)).toEqual([]);
  expect(await namesContaining(path.join(PROJECT_DIR, 'data'), MARKER, true)).toEqual([]);
  expect(await namesContaining(os.homedir(), MARKER, false)).toEqual([]);
});
