import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { jest } from '@jest/globals';
import ask from '../../commands/ask.js';
import insights from '../../commands/insights.js';
import { ALL_PERMISSIONS, modalSubmitInteraction } from '../../harness/discord-simulator/index.js';
import { allStrings, finalReply, type Reply } from '../../harness/interaction-reply.js';
import { otherUser } from '../../harness/other-user.js';
import { parseCuratedQuestions } from '../../src/bot/autocomplete/curated-questions.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

/**
 * Autocomplete on /ask end to end: the real discord.js client, the simulator's type 4 interactions
 * and type 8 results. Curated questions before there is a log; a question suggested only once three
 * members asked it; a moderator's hide takes it out.
 */

const QUESTION = 'Who is Edi Rama?';
const MODERATOR = { memberPermissions: ALL_PERMISSIONS };

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

/** The choices the bot sent for `value` typed into /ask's question. */
async function suggestions(value: string, command = 'ask', focused = 'question', who = {}): Promise<string[]> {
  const callback = await h.autocomplete(command, focused, value, who).waitForCallback();
  expect(callback.status).toBe(204);
  const body = callback.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
  expect(body.type).toBe(8);
  for (const c of body.data.choices) expect(c.name).toBe(c.value);
  return body.data.choices.map((c) => c.value);
}

/** Asks as `who` and waits until the question log has the row (the router writes it after the reply). */
async function askAs(n: number, question = QUESTION): Promise<Reply> {
  return logged(() => finalReply(h.ask(question, otherUser(n))));
}

/** Runs an interaction that asks a question, and waits for its row in the question log, which must be answered. */
async function logged(ask: () => Promise<Reply>): Promise<Reply> {
  const before = count();
  const reply = await ask();
  expect(reply.message.embeds?.length ?? 0).toBeGreaterThan(0);
  while (count() === before) await new Promise((resolve) => setTimeout(resolve, 20));
  const row = sqliteDb(h.bot.store).prepare('SELECT outcome FROM questions ORDER BY id DESC LIMIT 1').get() as { outcome: string };
  expect(row.outcome).toBe('answered');
  return reply;
}

function count(): number {
  return (sqliteDb(h.bot.store).prepare('SELECT count(*) AS n FROM questions').get() as { n: number }).n;
}

test('the question option is registered with autocomplete, and /insights has hide and unhide', () => {
  const options = (json: { options?: unknown[] }) => (json.options ?? []) as Array<{ name: string; autocomplete?: boolean }>;
  expect(options(ask.data.toJSON()).find((o) => o.name === 'question')).toMatchObject({ autocomplete: true, required: true });
  expect(
    options(insights.data.toJSON())
      .filter((o) => o.autocomplete)
      .map((o) => o.name),
  ).toEqual(['hide', 'unhide']);
});

test('before there is a log, the curated questions.txt is suggested, filtered by what is typed', async () => {
  const curated = parseCuratedQuestions(await readFile(path.join(h.articlesDir, 'questions.txt'), 'utf8'));
  expect(await suggestions('')).toEqual(curated);
  const diplomats = await suggestions('diplomat');
  expect(diplomats.length).toBeGreaterThan(0);
  for (const q of diplomats) expect(q.toLowerCase()).toContain('diplomat');
  expect(await suggestions('zqxv ')).toEqual([]);
});

test('a question asked by 2 members is not suggested; by 3 it is; hidden by a moderator it is not', async () => {
  await askAs(1);
  await askAs(2);
  await askAs(2);
  expect(await suggestions('edi')).not.toContain(QUESTION);
  await askAs(3);
  expect(await suggestions('edi')).toContain(QUESTION);
  expect((await suggestions(''))[0]).toBe(QUESTION);

  const refused = await finalReply(h.slash('insights', { options: { hide: 'who is edi rama' } }));
  expect(refused.message.content).toMatch(/moderators/);
  expect(await suggestions('edi')).toContain(QUESTION);

  const hidden = await finalReply(h.slash('insights', { ...MODERATOR, options: { hide: 'who is edi rama' } }));
  expect(hidden.message.content).toMatch(/^Hidden: /);
  expect(await suggestions('edi')).not.toContain(QUESTION);
  expect(await suggestions('')).not.toContain(QUESTION);

  // Moderators find it again under unhide:; members get nothing from /insights.
  expect(await suggestions('edi', 'insights', 'unhide', MODERATOR)).toEqual(['who is edi rama']);
  expect(await suggestions('edi', 'insights', 'unhide')).toEqual([]);
  const unhidden = await finalReply(h.slash('insights', { ...MODERATOR, options: { unhide: 'Who is Edi Rama?' } }));
  expect(unhidden.message.content).toMatch(/^Unhidden: /);
  expect(await suggestions('edi')).toContain(QUESTION);
});

test('a follow-up is never suggested on its own, however many members asked it', async () => {
  const FOLLOW_UP = 'Did Albania expel the Iranian diplomats?';
  const first = await askAs(4, 'Who carried out the cyberattack on Albania?');
  const button = allStrings(first.message).find((id) => id.startsWith('ask:follow:'))!;
  for (const n of [4, 5, 6]) {
    const modal = modalSubmitInteraction({ customId: button, fields: { question: FOLLOW_UP }, ...otherUser(n) });
    await logged(() => finalReply(h.sim.dispatchInteraction(modal)));
  }
  expect(await suggestions('expel')).not.toContain(FOLLOW_UP);
  // The same words asked as questions of their own by three members are suggested.
  for (const n of [4, 5, 6]) await askAs(n, FOLLOW_UP);
  expect(await suggestions('expel')).toContain(FOLLOW_UP);
});

test('autocomplete writes nothing to the question log, no interaction line, and never asks the engine', async () => {
  const before = { questions: count(), lines: h.logs('interaction').length };
  const engine = jest.spyOn(h.engines.current(), 'ask');
  for (const value of ['', 'a', '\u0000\u200b', 'x'.repeat(6000)]) await suggestions(value);
  expect({ questions: count(), lines: h.logs('interaction').length }).toEqual(before);
  expect(engine).not.toHaveBeenCalled();
  engine.mockRestore();
});
