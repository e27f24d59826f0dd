import path from 'node:path';
import { MemberHasher } from '../../src/bot/stores/member-hash.js';
import { otherUser } from '../../harness/other-user.js';
import { finalReply } from '../../harness/interaction-reply.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

/** Every question a member puts to the bot lands in the question log, with its outcome, under a salted hash. */

const ANSWERABLE = 'When did Albania cut diplomatic ties with Iran?';
const OFF_TOPIC = 'What is the boiling point of liquid nitrogen?';

interface Row {
  member: string;
  command: string;
  outcome: string;
  reason: string | null;
  term: string | null;
  mode: string | null;
  article_ids: string;
  latency_ms: number;
  question: string;
  answer_id: string | null;
}

let h: BotHarness;
let members: MemberHasher;
beforeAll(async () => {
  h = await startBotHarness();
  members = (await MemberHasher.read(path.join(h.root, 'data', 'member-salt')))!;
});
afterAll(() => h?.close());

/** The log row of a question; the router writes it right after the reply, so it may take a moment. */
async function rowFor(question: string): Promise<Row> {
  for (let i = 0; i < 100; i++) {
    const row = sqliteDb(h.bot.store).prepare('SELECT * FROM questions WHERE question = ? ORDER BY id DESC').get(question) as
      Row | undefined;
    if (row) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no question-log row for ${question}`);
}

test('an answered /ask is logged with its command, mode, cited articles and latency, the member only as a hash', async () => {
  const expected = await h.engines.current().ask(ANSWERABLE);
  await finalReply(h.ask(ANSWERABLE, otherUser(1)));
  const row = await rowFor(ANSWERABLE);
  expect(row).toMatchObject({
    command: 'ask',
    outcome: 'answered',
    reason: null,
    mode: expected.mode,
    member: members.of(otherUser(1).user!.id!),
  });
  expect(JSON.parse(row.article_ids)).toEqual([...new Set(expected.citations.map((c) => c.source))]);
  expect(row.latency_ms).toBeGreaterThan(0);
  expect(row.answer_id).toMatch(/^[\w-]{12}$/);
  expect(JSON.stringify(sqliteDb(h.bot.store).prepare('SELECT * FROM questions').all())).not.toContain(otherUser(1).user!.id!);
});

test('a question the articles do not cover is logged as not covered, with the engine’s reason', async () => {
  const expected = await h.engines.current().ask(OFF_TOPIC);
  expect(expected.answered).toBe(false);
  await finalReply(h.ask(OFF_TOPIC));
  const row = await rowFor(OFF_TOPIC);
  expect(row).toMatchObject({
    outcome: 'not-covered',
    reason: expected.notCovered?.reason ?? null,
    term: expected.notCovered?.term ?? null,
    article_ids: '[]',
  });
});

test('a refused question is logged with the refusal, and "Check against sources" as the check command', async () => {
  const tooLong = `Why ${'really '.repeat(200)}?`;
  await finalReply(h.ask(tooLong));
  expect(await rowFor(tooLong.trim())).toMatchObject({ command: 'ask', outcome: 'refused', reason: 'too-long' });

  const claim = 'Albania expelled Iranian diplomats in September 2022.';
  await finalReply(h.checkMessage(claim));
  expect((await rowFor(claim)).command).toBe('check');
});

test('answers and their buttons survive a restart on the same database', async () => {
  const reply = await finalReply(h.ask(ANSWERABLE));
  const passages = reply.message.components![0]!.components[0]!.custom_id!;
  await h.restart();
  const after = await finalReply(h.button(passages));
  expect(after.message.content ?? '').not.toMatch(/expired/);
  expect(after.message.embeds?.length).toBeGreaterThan(0);
});
