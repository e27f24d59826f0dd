import path from 'node:path';
import Database from 'better-sqlite3';
import { modalSubmitInteraction } from '../../harness/discord-simulator/index.js';
import { otherUser } from '../../harness/other-user.js';
import { MAX_CHAIN } from '../../src/query/follow-up.js';
import { DATABASE_FILE } from '../../src/bot/stores/open-store.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { callbackType, customIds, EPHEMERAL, sentMessage, type SentMessage } from '../helpers/sent-message.js';

const FIRST = 'Who carried out the cyberattack on Albania?';
const FOLLOW_UP = 'When did that happen?';

let h: BotHarness;
beforeAll(async () => (h = await startBotHarness({ embedder: null })));
afterAll(() => h?.close());

const followUpButton = (m: SentMessage) => customIds(m).find((id) => id.startsWith('ask:follow:'));
const submit = (customId: string, question: string, user = otherUser(1)) =>
  h.sim.dispatchInteraction(modalSubmitInteraction({ customId, fields: { question }, user }));
async function reply(handle: ReturnType<typeof submit>): Promise<SentMessage> {
  return sentMessage(await handle.waitForOriginalEdit({ timeoutMs: 20_000 }));
}

describe('Ask a follow-up', () => {
  let first: SentMessage;
  beforeAll(async () => (first = await reply(h.ask(FIRST))));

  test('every answer gets the button, beside its others', () => {
    const id = followUpButton(first);
    expect(id).toMatch(/^ask:follow:/);
    expect(id!.length).toBeLessThanOrEqual(100);
    expect(first.components![0]!.components.map((c) => c.label ?? '')).toContain('Ask a follow-up');
  });

  test('a "not covered" reply gets it too', async () => {
    const refused = await reply(h.ask('What is the boiling point of liquid nitrogen?'));
    expect(refused.embeds![0]!.title).toContain('boiling point');
    expect(followUpButton(refused)).toBeDefined();
  });

  test('the button opens a modal with one text input', async () => {
    const callback = await h.button(followUpButton(first)!).waitForCallback();
    expect(callbackType(callback)).toBe(9);
    const modal = (
      callback.body as { data: { custom_id: string; title: string; components: Array<{ components: Array<{ custom_id: string }> }> } }
    ).data;
    expect(modal.custom_id).toBe(followUpButton(first));
    expect(modal.components.flatMap((r) => r.components.map((c) => c.custom_id))).toEqual(['question']);
  });

  test('the follow-up is answered in a new reply that says what it follows, from the previous subject', async () => {
    const expected = await h.engines.current().ask(FOLLOW_UP, { previous: { question: FIRST } });
    expect(expected.answered).toBe(true);
    const sent = await reply(submit(followUpButton(first)!, FOLLOW_UP));
    expect(sent.content).toBe(`Follow-up to: “${FIRST}”`);
    expect(sent.embeds![0]!.title).toBe(FOLLOW_UP);
    expect(sent.embeds![0]!.description).toMatch(/July 15|15 July/);
    expect(followUpButton(sent)).toBeDefined();
    expect(followUpButton(sent)).not.toBe(followUpButton(first));
  });

  test(`a chain stops offering follow-ups at ${MAX_CHAIN} questions`, async () => {
    let current = first;
    for (let depth = 2; depth <= MAX_CHAIN; depth++) {
      current = await reply(submit(followUpButton(current)!, `Why did that happen? (${depth})`));
      expect(current.content).toMatch(/^Follow-up to:/);
    }
    expect(followUpButton(current)).toBeUndefined();
  });

  test('an expired conversation says so, from the button and from the modal', async () => {
    // A conversation saved 31 days ago: answers, and so their follow-ups, last 30.
    const db = new Database(path.join(h.root, 'data', DATABASE_FILE));
    db.prepare('INSERT INTO conversations (id, created_at, member, chain) VALUES (?, ?, ?, ?)').run(
      'old-conversation',
      Date.now() - 31 * 24 * 60 * 60 * 1000,
      'someone',
      JSON.stringify([{ question: FIRST }]),
    );
    db.close();
    for (const handle of [h.button('ask:follow:old-conversation'), submit('ask:follow:old-conversation', FOLLOW_UP)]) {
      const sent = sentMessage(await handle.waitForCallback());
      expect(sent.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(sent.content).toMatch(/conversation has expired/);
    }
  });

  test('a follow-up works after a restart', async () => {
    await h.restart();
    const sent = await reply(submit(followUpButton(first)!, 'How long did their diplomats get to leave?', otherUser(2)));
    expect(sent.content).toBe(`Follow-up to: “${FIRST}”`);
    expect(sent.embeds![0]!.description).toContain('24 hours');
  });
});
