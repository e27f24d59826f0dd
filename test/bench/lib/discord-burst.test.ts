import { askOverDiscord, discordTimings, replyProblems, type DiscordAsk } from '../../../bench/lib/discord-burst.js';
import { cycleQuestions } from '../../../bench/lib/concurrency-stats.js';
import { loadQuestions } from '../../../bench/lib/questions.js';
import { startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';

/** The bench's Discord driver against the real bot (in-process here) and the simulator: correctness only, no timing limits. */

let harness: BotHarness;
let questions: string[];
beforeAll(async () => {
  harness = await startBotHarness();
  // No 3 s deadline: on a loaded machine the in-process bot defers many of 100 simultaneous asks
  // later than that, and this file checks the driver, not the bot's latency.
  harness.sim.setInteractionDeadline(Infinity);
  questions = cycleQuestions(await loadQuestions(new URL('../../fixtures/questions.json', import.meta.url).pathname), 100);
}, 60_000);
afterAll(() => harness?.close());

describe('askOverDiscord', () => {
  let asks: DiscordAsk[];
  // Longer than the driver's own wait, so a missing answer fails with its message (which wait, for which interaction).
  beforeAll(async () => {
    asks = await askOverDiscord(harness.sim, questions, 'concurrent');
  }, 90_000);

  it('gets all 100 concurrent interactions answered exactly once each, each with its own question', () => {
    // First, as its lines name each bad ask and why (a refused deferral, a crossed answer…).
    expect(replyProblems(asks)).toEqual([]);
    expect(asks.map((a) => a.question)).toEqual(questions);
    expect(new Set(asks.map((a) => a.handle.id)).size).toBe(100);
    expect(new Set(asks.map((a) => (a.handle.payload as { member?: { user: { id: string } } }).member?.user.id)).size).toBe(100);
    for (const a of asks) {
      const ok = a.handle.requests().filter((r) => r.status < 300);
      expect(ok.filter((r) => r.route === 'interactionCallback')).toHaveLength(1);
      expect(ok.filter((r) => r.route === 'editWebhookMessage')).toHaveLength(1);
      expect(a.reply.message.embeds?.[0]?.title).toBe(a.question);
    }
    expect(harness.sim.unhandledRequests()).toEqual([]);
  });

  it('dispatches every concurrent ask before the bot answers any, and times each from its own dispatch', () => {
    const timings = discordTimings(asks);
    const lastDispatch = Math.max(...timings.map((t) => t.start));
    expect(Math.min(...timings.map((t) => t.initial!))).toBeGreaterThanOrEqual(lastDispatch);
    for (const [i, t] of timings.entries()) {
      expect(t.start).toBe(asks[i]!.handle.dispatchedAt);
      expect(t.initial).toBe(asks[i]!.reply.callback.receivedAt);
      expect(t.end).toBe(asks[i]!.reply.messages.at(-1)!.receivedAt);
      expect(t.end).toBeGreaterThanOrEqual(t.initial!);
    }
  });

  it('asks one at a time when sequential: each dispatch after the previous answer', async () => {
    const seq = await askOverDiscord(harness.sim, questions.slice(0, 8), 'sequential');
    expect(replyProblems(seq)).toEqual([]);
    const t = discordTimings(seq);
    for (let i = 1; i < t.length; i++) expect(t[i]!.start).toBeGreaterThanOrEqual(t[i - 1]!.end);
  }, 30_000);

  it('reports an answer to another question and an interaction answered twice', () => {
    const [a, b] = asks;
    const crossed = [{ ...a!, reply: b!.reply }];
    expect(replyProblems(crossed)).toEqual([expect.stringMatching(/answer titled “.*”, expected “.*”/)]);
    const edit = a!.handle.requests().find((r) => r.route === 'editWebhookMessage')!;
    const twice = [{ ...a!, handle: Object.assign(Object.create(a!.handle), { requests: () => [...a!.handle.requests(), edit] }) }];
    expect(replyProblems(twice)).toEqual([expect.stringMatching(/1 initial responses, 2 edits, 0 follow-ups/)]);
  });

  it('reports initial responses Discord refused instead of waiting for edits that cannot come', async () => {
    // Every response is past a deadline of -1 ms, as when a loaded bot defers too late.
    harness.sim.setInteractionDeadline(-1);
    try {
      // The driver's wait is shorter than the test's: waiting for an edit would fail this with a timeout.
      const refused = await askOverDiscord(harness.sim, questions.slice(0, 3), 'concurrent', 20_000);
      for (const a of refused) expect(a.reply.callback.status).toBe(404);
      expect(replyProblems(refused).filter((p) => p.includes('initial response failed with 404'))).toHaveLength(3);
    } finally {
      harness.sim.setInteractionDeadline(Infinity);
    }
  });
});
