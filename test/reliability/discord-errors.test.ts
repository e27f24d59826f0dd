import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { otherUser } from '../../harness/other-user.js';
import type { FaultSpec, InteractionHandle } from '../../harness/discord-simulator/index.js';
import { EPHEMERAL, finalReply, sentMessage, visibleText } from '../../harness/interaction-reply.js';
import { mulberry32 } from '../../harness/seeded-random.js';

/**
 * Discord answering some REST calls with 429 (with `retry_after`) or 5xx: the bot's replies are
 * still delivered after @discordjs/rest retries, and no reply is sent twice.
 */

const QUESTION = 'When did Albania cut diplomatic ties with Iran?';
const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());
afterEach(() => expect(h.sim.pendingFaults).toBe(0));

/** Accepted (non-faulted, 2xx) requests of one interaction, by kind. */
function accepted(handle: InteractionHandle) {
  const ok = handle.requests().filter((r) => !r.fault && r.status < 300);
  return {
    callbacks: ok.filter((r) => r.route === 'interactionCallback').length,
    edits: ok.filter((r) => r.route === 'editWebhookMessage').length,
    followUps: ok.filter((r) => r.route === 'followUp').length,
    faulted: handle.requests().filter((r) => r.fault).length,
  };
}

async function askThrough(faults: FaultSpec[], question = QUESTION) {
  for (const f of faults) h.sim.failNext(f);
  const handle = h.ask(question);
  const reply = await finalReply(handle, 20_000);
  // Let any stray retry land before counting.
  await h.bot.router.drain(10_000);
  return { handle, reply, counts: accepted(handle) };
}

const single: Array<[string, FaultSpec[]]> = [
  ['a 429 on the initial response', [{ route: CALLBACK, status: 429, retryAfter: 0.4 }]],
  ['a global 429 on the initial response', [{ route: CALLBACK, status: 429, retryAfter: 0.3, global: true }]],
  ['a 500 on the initial response', [{ route: CALLBACK, status: 500 }]],
  [
    'a 502 then a 503 on the initial response',
    [
      { route: CALLBACK, status: 502 },
      { route: CALLBACK, status: 503 },
    ],
  ],
  ['a 429 on the answer edit', [{ route: ORIGINAL, method: 'PATCH', status: 429, retryAfter: 0.5 }]],
  ['two 5xx on the answer edit', [{ route: ORIGINAL, method: 'PATCH', status: 504, count: 2 }]],
  [
    '429s and 5xx on both',
    [
      { route: CALLBACK, status: 429, retryAfter: 0.2 },
      { route: ORIGINAL, method: 'PATCH', status: 503 },
      { route: ORIGINAL, method: 'PATCH', status: 429, retryAfter: 0.3 },
    ],
  ],
];

describe.each(single)('with %s', (_label, faults) => {
  it('delivers the answer once', async () => {
    const { reply, counts } = await askThrough(faults);
    expect(counts).toEqual({ callbacks: 1, edits: 1, followUps: 0, faulted: faults.reduce((n, f) => n + (f.count ?? 1), 0) });
    expect(reply.callback.status).toBeLessThan(300);
    expect(reply.message.embeds?.[0]?.description).toMatch(/”/);
  });
});

it('delivers a refusal (an immediate ephemeral reply) once through a 429', async () => {
  h.sim.failNext({ route: CALLBACK, status: 429, retryAfter: 0.3 });
  const handle = h.ask('   ');
  const reply = await finalReply(handle);
  await h.bot.router.drain(10_000);
  expect(visibleText(reply.message)).toMatch(/Please type a question/);
  expect(accepted(handle)).toEqual({ callbacks: 1, edits: 0, followUps: 0, faulted: 1 });
});

it('delivers every answer exactly once when faults are spread over 40 concurrent asks', async () => {
  const random = mulberry32(429);
  const kinds: FaultSpec[] = [
    { route: CALLBACK, status: 429, retryAfter: 0.3 },
    { route: CALLBACK, status: 500 },
    { route: ORIGINAL, method: 'PATCH', status: 429, retryAfter: 0.5 },
    { route: ORIGINAL, method: 'PATCH', status: 502 },
    { route: ORIGINAL, method: 'PATCH', status: 503 },
  ];
  const handles: InteractionHandle[] = [];
  let planned = 0;
  for (let i = 0; i < 40; i++) {
    // One fault at a time, at most two waiting: @discordjs/rest gives up on a request after four
    // straight 5xx (Discord being down, not flaky), which is not what this test is about.
    if (h.sim.pendingFaults < 2 && random() < 0.7) {
      h.sim.failNext(kinds[Math.floor(random() * kinds.length)]!);
      planned++;
    }
    handles.push(h.ask(QUESTION, otherUser(i)));
    await new Promise((r) => setTimeout(r, random() * 60));
  }
  let replies = await Promise.all(handles.map((x) => finalReply(x, 30_000)));
  // A few more asks use up any fault still waiting, so every planned one is triggered.
  for (let extra = 0; extra < 10 && h.sim.pendingFaults > 0; extra++) {
    handles.push(h.ask(QUESTION, otherUser(100 + extra)));
    replies = [...replies, await finalReply(handles.at(-1)!, 30_000)];
  }
  const triggered = planned - h.sim.pendingFaults;
  await h.bot.router.drain(15_000);
  const failed = replies.filter((r) => !(r.callback.status < 300 && r.message.embeds?.length === 1));
  expect(failed.map((r) => [r.callback.status, r.callbackType, visibleText(r.message)])).toEqual([]);
  for (const x of handles) expect(accepted(x)).toMatchObject({ callbacks: 1, edits: 1, followUps: 0 });
  expect(handles.reduce((n, x) => n + accepted(x).faulted, 0)).toBe(triggered);
  expect(triggered).toBeGreaterThanOrEqual(10);
  expect(h.logs('interaction').filter((l) => l.outcome === 'error')).toEqual([]);
});

it('when Discord keeps failing the answer edit past the retries, the user gets an apology, not silence', async () => {
  // 1 attempt + 3 retries (@discordjs/rest's default), all failing.
  h.sim.failNext({ route: ORIGINAL, method: 'PATCH', status: 500, count: 4 });
  const handle = h.ask(QUESTION, otherUser(999));
  const apology = await handle.waitForFollowUp({ timeoutMs: 20_000 });
  await h.bot.router.drain(10_000);
  expect(visibleText(sentMessage(apology))).toMatch(/something went wrong/);
  expect(sentMessage(apology).flags! & EPHEMERAL).toBe(EPHEMERAL);
  expect(accepted(handle)).toEqual({ callbacks: 1, edits: 0, followUps: 1, faulted: 4 });
  // The public "thinking…" placeholder was removed rather than left hanging.
  expect(handle.requests().some((r) => r.method === 'DELETE' && r.status < 300)).toBe(true);
});
