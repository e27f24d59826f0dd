import { Status } from 'discord.js';
import { otherUser } from '../../harness/other-user.js';
import { startConfiguredBot, type ConfiguredBot } from '../helpers/configured-bot.js';
import type { InteractionHandle } from '../../harness/discord-simulator/index.js';
import { finalReply } from '../../harness/interaction-reply.js';
import { botHealth } from '../../src/ops/health-status.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';

/**
 * The gateway connection drops while the bot is busy answering: after resumable drops (close code
 * 4000, a cut socket) the client resumes, and the interactions sent while it was away are replayed
 * and answered; after a drop the session cannot survive, it identifies again and the interactions
 * sent from then on are answered.
 */

const QUESTION = 'When did Albania cut diplomatic ties with Iran?';

let bot: ConfiguredBot;
beforeAll(async () => {
  bot = await startConfiguredBot({ embedder: await loadTinyEmbedder() });
});
afterAll(() => bot?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForReady(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (bot.bot.client.ws.status !== Status.Ready) {
    if (Date.now() > until) throw new Error(`gateway not ready after ${timeoutMs} ms (status ${Status[bot.bot.client.ws.status]})`);
    await sleep(50);
  }
}

it('resumes after drops in the middle of a stream of asks and answers every one of them', async () => {
  const handles: InteractionHandle[] = [];
  const drops: Array<Promise<void>> = [];
  for (let i = 0; i < 120; i++) {
    if (i === 30) drops.push(bot.sim.dropConnections(4000));
    if (i === 70) drops.push(bot.sim.dropConnections('terminate'));
    handles.push(bot.ask(QUESTION, otherUser(i % 20)));
    await sleep(100);
  }
  await Promise.all(drops);
  const replies = await Promise.all(handles.map((h) => finalReply(h, 30_000)));
  const initial = replies.map((r, i) => r.callback.receivedAt - handles[i]!.dispatchedAt);

  // Every interaction, including those sent while the client was away, was acknowledged in time and answered.
  expect(replies.filter((r) => r.callback.status >= 300)).toEqual([]);
  expect(replies.every((r) => r.message.embeds?.length === 1)).toBe(true);
  expect(bot.logs('gateway reconnected').filter((r) => r.replayed !== undefined).length).toBeGreaterThanOrEqual(2);
  await waitForReady(10_000);
  expect(botHealth(bot.bot.client, () => bot.engines.current().status())).toMatchObject({ ready: true, gateway: { status: 'Ready' } });
  process.stdout.write(`gateway drop: 120 asks, 2 resumable drops; initial response max ${Math.max(...initial)} ms\n`);
}, 90_000);

it('identifies again when the session cannot be resumed, and answers the interactions sent after that', async () => {
  bot.sim.setResumeBehaviour('invalidate');
  const before = bot.ask(QUESTION, otherUser(40));
  await finalReply(before);
  const firstSession = bot.sim.gateway.sessionId;
  let identified = false;
  const newSession = bot.sim.gateway.frames
    .waitFor(
      (f) => f.direction === 'sent' && f.t === 'READY' && (f.d as { session_id: string }).session_id !== firstSession,
      'READY of a new session',
      { timeoutMs: 20_000 },
    )
    .then(() => (identified = true));
  await bot.sim.dropConnections(4000);

  // While the client identifies again (@discordjs/ws waits ~5 s between identifies), keep asking.
  const during: InteractionHandle[] = [];
  while (!identified && during.length < 100) {
    during.push(bot.ask(QUESTION, otherUser(41 + (during.length % 10))));
    await sleep(250);
  }
  await newSession;
  await waitForReady(10_000);
  const after: InteractionHandle[] = [];
  for (let i = 0; i < 10; i++) after.push(bot.ask(QUESTION, otherUser(60 + i)));
  const replies = await Promise.all(after.map((h) => finalReply(h, 30_000)));
  expect(replies.every((r) => r.callback.status < 300 && r.message.embeds?.length === 1)).toBe(true);

  // Interactions Discord sent to the dead session are lost, as they would be on Discord itself;
  // the ones that reached the new session were answered.
  const answeredDuring = during.filter((h) => h.requests().some((r) => r.route === 'interactionCallback' && r.status < 300)).length;
  process.stdout.write(
    `gateway re-identify: ${during.length} asks sent while reconnecting, ${answeredDuring} answered; 10/10 answered after\n`,
  );
  expect(bot.logs('interaction').filter((l) => l.outcome === 'error')).toEqual([]);
}, 60_000);
