import { finalReply } from '../../harness/interaction-reply.js';
import { otherUser } from '../../harness/other-user.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../harness/postgres.js';
import { PostgresStore } from '../../src/bot/stores/postgres/postgres-store.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';

/**
 * Two bots (each with its own data folder, as two shard processes on two machines would be) on one
 * DATABASE_URL, through the real discord.js client and the simulator: a button on an answer one
 * bot gave works on the other, a vote counts once across both, a cooldown taken on one holds on the
 * other, and both log into the one question log.
 */
const describePg = postgresAvailable('the two-bot shared-store test') ? describe : describe.skip;
const QUESTION = 'When did Albania cut diplomatic ties with Iran?';

describePg('two bots sharing one PostgreSQL store', () => {
  let server: TestPostgres;
  let bots: BotHarness[] = [];
  beforeAll(async () => {
    server = await startPostgres();
    const env = { DATABASE_URL: await server.createDatabase() };
    bots = [await startBotHarness({ cooldownSeconds: 60, env }), await startBotHarness({ cooldownSeconds: 60, env })];
  });
  afterAll(async () => {
    for (const b of bots) await b.close();
    await server?.stop();
  });

  test('buttons, votes, cooldowns and the question log hold across the two', async () => {
    const [one, two] = bots as [BotHarness, BotHarness];
    expect(one.bot.store).toBeInstanceOf(PostgresStore);
    const asker = otherUser(1);
    const answer = await finalReply(one.ask(QUESTION, asker));
    const ids = answer.message.components!.flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
    const passages = ids.find((id) => id.startsWith('ask:passages:'))!;
    const up = ids.find((id) => id.startsWith('ask:vote:up:'))!;

    // The answer was given by one; its buttons are clicked on the other.
    const shown = await finalReply(two.button(passages, otherUser(2)));
    expect(JSON.stringify(shown.message)).not.toMatch(/expired/i);
    expect(shown.message.embeds?.length).toBeGreaterThan(0);
    const first = await finalReply(two.button(up, otherUser(2)));
    const again = await finalReply(one.button(up, otherUser(2)));
    expect(first.message.content).toMatch(/is recorded/);
    expect(again.message.content).toMatch(/You already gave this answer a 👍/);

    // The member who asked on one is refused on the other: the cooldown is shared.
    const refused = await finalReply(two.ask('Who is Edi Rama?', asker));
    expect(refused.message.content).toMatch(/asking a little fast/);
    const stranger = await finalReply(two.ask('Who is Edi Rama?', otherUser(3)));
    expect(stranger.message.content ?? '').not.toMatch(/asking a little fast/);

    for (const b of bots) await b.bot.router.drain(5000);
    const period = await one.bot.store.questions.period(0);
    expect(period.outcomes.answered).toBe(2);
    expect(period.outcomes.refused).toBe(1);
  });
});
