import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MemberHasher } from '../../src/bot/stores/member-hash.js';
import { SqliteStore, DAY_MS } from '../../src/bot/stores/sqlite/sqlite-store.js';
import { buttonInteraction, chatInputInteraction } from '../../harness/discord-simulator/index.js';
import { finalReply } from '../../harness/interaction-reply.js';
import { otherUser } from '../../harness/other-user.js';
import { startConfiguredBot, type ConfiguredBot } from '../helpers/configured-bot.js';
import { entry } from '../helpers/store-fixtures.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

/** The store under damage, a full disk, an upgrade from JSON-lines files, and retention. */

const QUESTION = 'When did Albania cut diplomatic ties with Iran?';
let bot: ConfiguredBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const askFor = async (b: ConfiguredBot, question = QUESTION, who = otherUser(1)) =>
  finalReply(b.sim.dispatchInteraction(chatInputInteraction({ ...who, name: 'ask', options: { question } })));
const click = async (b: ConfiguredBot, customId: string, who = otherUser(1)) =>
  finalReply(b.sim.dispatchInteraction(buttonInteraction({ ...who, customId })));

test('a garbage database file is moved aside, an error names it, and the bot keeps answering and logging', async () => {
  bot = await startConfiguredBot({
    prepare: async (root) => {
      await mkdir(path.join(root, 'data'), { recursive: true });
      await writeFile(path.join(root, 'data', 'casefile.db'), 'this is not a database\n'.repeat(500));
    },
  });
  const [damaged] = bot.logs('store: the database file is damaged; moved it aside and started a fresh one');
  expect(damaged).toMatchObject({ level: 'error', file: path.join(bot.root, 'data', 'casefile.db') });
  expect(await readdir(path.join(bot.root, 'data'))).toContain(path.basename(String(damaged!.movedTo)));
  const reply = await askFor(bot);
  expect(reply.message.embeds![0]!.description).toBeTruthy();
  await bot.bot.router.drain(5000);
  expect(sqliteDb(bot.bot.store).prepare('SELECT outcome FROM questions').all()).toEqual([{ outcome: 'answered' }]);
});

test('a vote that cannot be written is reported as failed, never as recorded, and can be given again', async () => {
  bot = await startConfiguredBot();
  const answer = await askFor(bot);
  const up = answer.message.components![0]!.components.find((c) => c.custom_id?.startsWith('ask:vote:up:'))!.custom_id!;
  const db = sqliteDb(bot.bot.store);
  // Cap the file at its current size and fill the votes' pages with ever smaller rows: SQLite then
  // fails the next vote with SQLITE_FULL, exactly as on a full disk.
  db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
  const fill = db.prepare(
    "INSERT INTO votes (answer_id, member, vote, at, guild_id, question, mode, citations) VALUES (?, ?, 'up', 0, NULL, ?, '', '[]')",
  );
  let n = 0;
  for (const size of [4000, 400, 40, 0]) {
    try {
      for (;;) fill.run(`fill${String(n++).padStart(8, '0')}`, 'f'.repeat(64), 'x'.repeat(size));
    } catch (error) {
      expect((error as { code: string }).code).toBe('SQLITE_FULL');
    }
  }
  const failed = await click(bot, up);
  expect(failed.message.content).toMatch(/could not be saved/);
  expect(failed.message.content).not.toMatch(/recorded|Thanks/);
  expect(bot.logs('could not save a vote')).toHaveLength(1);

  db.prepare("DELETE FROM votes WHERE answer_id LIKE 'fill%'").run();
  db.pragma('max_page_count = 1073741823');
  expect((await click(bot, up)).message.content).toMatch(/Thanks/);
});

test('answers.jsonl and feedback.jsonl are imported once on first start, with hashed ids, and their buttons work', async () => {
  const user = otherUser(7).user!.id!;
  const now = Date.now();
  const oldAnswer = {
    id: 'importedAns1',
    question: QUESTION,
    userId: user,
    createdAt: now - DAY_MS,
    mode: 'keyword',
    citations: [] as unknown[],
  };
  bot = await startConfiguredBot({
    prepare: async (root) => {
      const data = path.join(root, 'data');
      await mkdir(data, { recursive: true });
      const passageId = 'placeholder';
      oldAnswer.citations = [{ n: 1, source: 'a', title: 'T', passageId, quote: 'Q' }];
      await writeFile(path.join(data, 'answers.jsonl'), JSON.stringify(oldAnswer) + '\n{"torn":');
      const vote = {
        at: new Date(now).toISOString(),
        answerId: oldAnswer.id,
        userId: user,
        guildId: null,
        vote: 'down',
        question: QUESTION,
        mode: 'keyword',
        citations: [],
      };
      await writeFile(path.join(data, 'feedback.jsonl'), JSON.stringify(vote) + '\n');
    },
  });
  expect(bot.logs('store: imported the JSON-lines files into the database; they are no longer read and may be deleted')).toEqual([
    expect.objectContaining({ answers: 1, votes: 1, skipped: 1 }),
  ]);
  const members = (await MemberHasher.read(path.join(bot.root, 'data', 'member-salt')))!;
  expect(sqliteDb(bot.bot.store).prepare('SELECT member FROM votes').all()).toEqual([{ member: members.of(user) }]);
  // The imported vote still counts: the same member cannot vote again on that answer.
  expect((await click(bot, `ask:vote:up:${oldAnswer.id}`, otherUser(7))).message.content).toMatch(/already/);
  expect((await click(bot, `ask:vote:up:${oldAnswer.id}`, otherUser(8))).message.content).toMatch(/Thanks/);
});

test('retention: rows older than QUESTION_LOG_DAYS are deleted at start; 0 logs no questions at all', async () => {
  bot = await startConfiguredBot({
    env: { QUESTION_LOG_DAYS: '3' },
    prepare: async (root) => {
      const store = SqliteStore.open(path.join(root, 'data', 'casefile.db'), { questionLogDays: 30 });
      await store.questions.add(entry({ at: Date.now() - 4 * DAY_MS, question: 'four days old' }));
      await store.questions.add(entry({ at: Date.now() - 2 * DAY_MS, question: 'two days old' }));
      await store.close();
    },
  });
  expect(sqliteDb(bot.bot.store).prepare('SELECT question FROM questions').all()).toEqual([{ question: 'two days old' }]);
  await bot.close();

  bot = await startConfiguredBot({ env: { QUESTION_LOG_DAYS: '0' } });
  await askFor(bot);
  await bot.bot.router.drain(5000);
  expect(sqliteDb(bot.bot.store).prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 });
});
