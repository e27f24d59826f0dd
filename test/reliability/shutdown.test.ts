import { otherUser } from '../../harness/other-user.js';
import { startBotProcess, type BotProcess } from '../../harness/bot-process.js';
import {
  chatInputInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type InteractionHandle,
} from '../../harness/discord-simulator/index.js';
import { sentMessage, visibleText } from '../../harness/interaction-reply.js';

/**
 * SIGTERM while answers are in progress: the real bot process (`scripts/bot.ts`) stops taking new
 * questions, lets the answers in progress finish, and exits with code 0. The simulator holds the
 * answer edits back so that they really are in flight when the signal arrives.
 */

const QUESTION = 'When did Albania cut diplomatic ties with Iran?';
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const IN_FLIGHT = 8;

let sim: DiscordSimulator;
let proc: BotProcess | undefined;

beforeEach(async () => {
  sim = await startDiscordSimulator({ interactionDeadlineMs: 10_000 });
});
afterEach(async () => {
  await proc?.dispose();
  await sim.close();
});

it('finishes the answers in progress after SIGTERM, then exits 0', async () => {
  proc = await startBotProcess(sim);
  // Each answer edit is held 1.5 s by "Discord", so all of them are still pending at the signal.
  sim.failNext({ route: ORIGINAL, method: 'PATCH', delayMs: 1500, count: IN_FLIGHT });
  const handles: InteractionHandle[] = [];
  for (let i = 0; i < IN_FLIGHT; i++)
    handles.push(sim.dispatchInteraction(chatInputInteraction({ ...otherUser(i), name: 'ask', options: { question: QUESTION } })));
  // Signal once every ask has been deferred and its edit is on its way.
  await Promise.all(handles.map((h) => h.waitForCallback({ timeoutMs: 20_000 })));
  for (let i = 0; i < 400 && sim.pendingFaults > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(sim.pendingFaults).toBe(0);
  proc.run.child.kill('SIGTERM');

  // A question arriving during the shutdown gets a short note instead of silence. It is sent once
  // the bot has taken the signal: sent earlier, it would rightly be answered like any other.
  await proc.waitForLog('shutting down: finishing answers in progress', 10_000);
  const late = sim.dispatchInteraction(chatInputInteraction({ ...otherUser(50), name: 'ask', options: { question: QUESTION } }));

  const result = await proc.run.done;
  expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
  for (const h of handles) {
    // The held edits carry the simulator's delay marker but were served normally (2xx).
    const edits = h.requests().filter((r) => r.route === 'editWebhookMessage' && r.status < 300);
    expect(edits).toHaveLength(1);
    expect(sentMessage(edits[0]!).embeds![0]!.description).toMatch(/”/);
    expect(edits[0]!.fault).toEqual(expect.objectContaining({ delayMs: 1500 }));
  }
  // The held answers keep the gateway open for 1.5 s after the signal, so the late question is seen.
  const lateCallback = late.requests().find((r) => r.route === 'interactionCallback' && r.status < 300);
  expect(visibleText((lateCallback?.body as { data: object } | undefined)?.data ?? {})).toMatch(/restarting/);
  const shutdownLog = proc.logs('shutting down: finishing answers in progress')[0];
  expect(shutdownLog).toMatchObject({ signal: 'SIGTERM' });
  expect(Number(shutdownLog!.pending)).toBeGreaterThanOrEqual(1);
  expect(proc.logs('bot stopped')).toHaveLength(1);
  expect(proc.logs('stopping with answers still in progress')).toEqual([]);
}, 120_000);

it('exits 0 on SIGTERM when idle, and on SIGINT', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    proc = await startBotProcess(sim);
    proc.run.child.kill(signal);
    const result = await proc.run.done;
    expect({ signal, code: result.code }).toEqual({ signal, code: 0 });
    await proc.dispose();
    proc = undefined;
  }
}, 120_000);
