import { readFileSync } from 'node:fs';
import { otherUser } from '../../harness/other-user.js';
import { startBotProcess, type BotProcess } from '../../harness/bot-process.js';
import {
  chatInputInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type InteractionHandle,
} from '../../harness/discord-simulator/index.js';
import { finalReply, visibleText, type Reply } from '../../harness/interaction-reply.js';
import { planLoad, type PlannedAsk } from '../helpers/load-schedule.js';
import { parsePrometheus, sampleValue } from '../../harness/prometheus-text.js';
import { mulberry32 } from '../../harness/seeded-random.js';
import { httpGetText } from '../../harness/http-get.js';

/**
 * 500 `/ask`s from 50 users within 30 s through the simulator, against the real bot process
 * (`scripts/bot.ts`, hybrid search with the tiny model, metrics on its health endpoint). Every
 * interaction must get its initial response within Discord's 3 s, none may be dropped, and the
 * cooldown must refuse exactly the asks planned to fall inside it. The plan keeps every ask 2.5 s
 * away from a cooldown boundary, so a busy machine's jitter cannot flip an expected verdict.
 */

const USERS = 50;
const ASKS_PER_USER = 10;
const COOLDOWN_S = 6;
const MARGIN_MS = 2500;
const INITIAL_RESPONSE_MS = 3000;

const questions = JSON.parse(readFileSync(new URL('../fixtures/questions.json', import.meta.url), 'utf8')) as {
  answerable: Array<{ question: string }>;
  offTopic: Array<{ question: string } | string>;
};
const pool = [...questions.answerable.map((q) => q.question), ...questions.offTopic.map((q) => (typeof q === 'string' ? q : q.question))];

let sim: DiscordSimulator;
let bot: BotProcess;
beforeAll(async () => {
  sim = await startDiscordSimulator();
  bot = await startBotProcess(sim, { health: true, env: { ASK_COOLDOWN_SECONDS: String(COOLDOWN_S), LOG_LEVEL: 'info' } });
}, 120_000);
afterAll(async () => {
  await bot?.dispose();
  await sim?.close();
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

it(`answers ${USERS * ASKS_PER_USER} asks from ${USERS} users within 30 s, each initial response within 3 s, cooldowns exact`, async () => {
  const random = mulberry32(20220907);
  const plan = planLoad({
    users: USERS,
    asksPerUser: ASKS_PER_USER,
    durationMs: 26_000,
    cooldownMs: COOLDOWN_S * 1000,
    marginMs: MARGIN_MS,
    random,
  });
  expect(plan).toHaveLength(USERS * ASKS_PER_USER);
  expect(plan.at(-1)!.at).toBeLessThan(30_000);

  const started = Date.now();
  const sent: Array<{ ask: PlannedAsk; handle: InteractionHandle; reply: Promise<Reply> }> = [];
  for (const ask of plan) {
    const wait = started + ask.at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const handle = sim.dispatchInteraction(
      chatInputInteraction({ ...otherUser(ask.user), name: 'ask', options: { question: pool[Math.floor(random() * pool.length)]! } }),
    );
    sent.push({ ask, handle, reply: finalReply(handle, 30_000) });
  }
  const sendingMs = Date.now() - started;
  const replies = await Promise.all(sent.map((s) => s.reply));
  const totalMs = Date.now() - started;

  const initial = replies.map((r, i) => r.callback.receivedAt - sent[i]!.handle.dispatchedAt).sort((a, b) => a - b);
  const answered = sent
    .flatMap((s, i) => (s.ask.allowed ? [replies[i]!.messages.at(-1)!.receivedAt - s.handle.dispatchedAt] : []))
    .sort((a, b) => a - b);

  // None dropped: every interaction was acknowledged in time (the simulator answers 10062 to late ones).
  expect(replies.every((r) => r.callback.status < 300)).toBe(true);
  expect(initial.at(-1)).toBeLessThanOrEqual(INITIAL_RESPONSE_MS);
  expect(sendingMs).toBeLessThan(30_000);

  // Cooldowns: allowed asks are deferred and then answered; the others get the cooldown notice.
  const verdicts = replies.map((r) =>
    r.callbackType === 5 ? 'allowed' : /asking a little fast/.test(visibleText(r.message)) ? 'refused' : 'other',
  );
  expect(verdicts).toEqual(sent.map((s) => (s.ask.allowed ? 'allowed' : 'refused')));
  for (const [i, r] of replies.entries()) if (sent[i]!.ask.allowed) expect(r.message.embeds?.length).toBe(1);

  // No answer sent twice, nothing left unacknowledged.
  for (const s of sent) expect(s.handle.requests().filter((r) => r.route === 'interactionCallback' && r.status < 300)).toHaveLength(1);
  expect(sim.unhandledRequests()).toEqual([]);

  // The bot's own metrics saw the same, once every handler has written its log line.
  for (let i = 0; i < 100 && bot.logs('interaction').length < plan.length; i++) await new Promise((r) => setTimeout(r, 50));
  const metrics = parsePrometheus(await httpGetText(`${bot.healthUrl}/metrics`));
  const allowed = plan.filter((a) => a.allowed).length;
  const q = (outcome: string) => sampleValue(metrics, 'casefile_questions_total', { outcome, command: 'ask' }) ?? 0;
  expect(q('answered') + q('not_covered')).toBe(allowed);
  expect(q('refused')).toBe(plan.length - allowed);
  expect(sampleValue(metrics, 'casefile_question_refusals_total', { reason: 'cooldown' })).toBe(plan.length - allowed);
  expect(q('error')).toBe(0);

  process.stdout.write(
    `load: ${plan.length} asks (${allowed} allowed, ${plan.length - allowed} refused by cooldown) from ${USERS} users, sent over ${(sendingMs / 1000).toFixed(1)} s, all replied by ${(totalMs / 1000).toFixed(1)} s; ` +
      `initial response ms median ${percentile(initial, 0.5)} p95 ${percentile(initial, 0.95)} max ${initial.at(-1)}; ` +
      `full answer ms median ${percentile(answered, 0.5)} p95 ${percentile(answered, 0.95)} max ${answered.at(-1)}\n`,
  );
}, 120_000);
