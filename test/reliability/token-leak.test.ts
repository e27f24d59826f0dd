import { otherUser } from '../../harness/other-user.js';
import { startBotProcess, type BotProcess } from '../../harness/bot-process.js';
import {
  ALL_PERMISSIONS,
  GatewayOp,
  buttonInteraction,
  chatInputInteraction,
  messageContextInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
} from '../../harness/discord-simulator/index.js';
import { finalReply } from '../../harness/interaction-reply.js';
import { httpGetText } from '../../harness/http-get.js';

/**
 * The bot token never appears in anything the bot prints or sends, other than where Discord needs
 * it (the Authorization header, and IDENTIFY/RESUME on the gateway). The real bot process runs
 * with a known fake token through login, interactions, a failing Discord call, the health endpoint
 * and shutdown; then stdout, stderr, every recorded REST request and every gateway frame are scanned.
 */

/** Well-formed like a real bot token: base64 user id, timestamp, HMAC. Fake. */
const TOKEN = 'MTE1MDAwMDAwMDAwMDAwMDAwMQ.GtOkEn.Zm9yLXRlc3RzLW9ubHktbmV2ZXItcmVhbC1zZWNyZXQ';
const SECRET_PART = TOKEN.split('.')[2]!;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;

function leaks(text: string): string[] {
  return [TOKEN, SECRET_PART].filter((s) => text.includes(s));
}

let sim: DiscordSimulator;
let proc: BotProcess | undefined;
afterEach(async () => {
  await proc?.dispose();
  proc = undefined;
  await sim?.close();
});

it('never prints or sends the token through login, interactions, an error, metrics and shutdown', async () => {
  sim = await startDiscordSimulator({ token: TOKEN });
  proc = await startBotProcess(sim, { health: true });
  expect(sim.token).toBe(TOKEN);

  const dispatch = (payload: Parameters<DiscordSimulator['dispatchInteraction']>[0]) =>
    finalReply(sim.dispatchInteraction(payload), 20_000);
  await dispatch(chatInputInteraction({ name: 'ask', options: { question: 'When did Albania cut ties with Iran?' } }));
  await dispatch(chatInputInteraction({ ...otherUser(1), name: 'ask', options: { question: `Is ${TOKEN.slice(0, 20)} a token?` } }));
  await dispatch(
    chatInputInteraction({ ...otherUser(2), name: 'sources', memberPermissions: ALL_PERMISSIONS, options: { query: 'cyberattack' } }),
  );
  await dispatch(
    messageContextInteraction({
      ...otherUser(3),
      name: 'Check against sources',
      targetMessage: { content: 'Albania expelled Iranian diplomats.' },
    }),
  );
  await dispatch(buttonInteraction({ ...otherUser(4), customId: 'ask:vote:up:../../../../etc/passwd' }));
  // An error: Discord keeps failing the answer edit, so the bot logs an HTTP error with its stack.
  sim.failNext({ route: ORIGINAL, method: 'PATCH', status: 500, count: 4 });
  const failing = sim.dispatchInteraction(
    chatInputInteraction({ ...otherUser(5), name: 'ask', options: { question: 'Who attacked Albania?' } }),
  );
  await failing.waitForFollowUp({ timeoutMs: 20_000 });
  await proc.waitForLog('interaction failed');

  const health = await httpGetText(`${proc.healthUrl}/healthz`);
  const metrics = await httpGetText(`${proc.healthUrl}/metrics`);
  expect(JSON.parse(health)).toMatchObject({ ready: true });

  proc.run.child.kill('SIGTERM');
  const result = await proc.run.done;
  expect(result.code).toBe(0);

  const printed = result.stdout + result.stderr;
  expect(printed.length).toBeGreaterThan(1000);
  expect(printed).toContain('"msg":"interaction failed"');
  expect(leaks(printed)).toEqual([]);
  expect(leaks(health + metrics)).toEqual([]);

  // REST: the Authorization header carries it (that is how Discord authenticates); nothing else does.
  expect(sim.requests.some((r) => r.headers.authorization === `Bot ${TOKEN}`)).toBe(true);
  for (const r of sim.requests) {
    const { authorization: _auth, ...headers } = r.headers;
    expect(leaks(JSON.stringify({ url: r.url, body: r.body, headers, files: r.files }))).toEqual([]);
  }
  // Gateway: only IDENTIFY and RESUME may carry it.
  const frames = sim.gateway.frames.items.filter(
    (f) => !(f.direction === 'received' && (f.op === GatewayOp.Identify || f.op === GatewayOp.Resume)),
  );
  expect(leaks(JSON.stringify(frames))).toEqual([]);
}, 120_000);

it('does not print a token Discord rejects when login fails', async () => {
  sim = await startDiscordSimulator();
  proc = await startBotProcess(sim, { env: { DISCORD_TOKEN: TOKEN }, waitReady: false });
  const result = await proc.run.done;
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/failed to start/);
  expect(leaks(result.stdout + result.stderr)).toEqual([]);
}, 120_000);

it('does not print a malformed token in the configuration error', async () => {
  sim = await startDiscordSimulator();
  const malformed = 'not a valid token but still secret: hunter2-hunter2-hunter2';
  proc = await startBotProcess(sim, { env: { DISCORD_TOKEN: malformed }, waitReady: false });
  const result = await proc.run.done;
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/DISCORD_TOKEN/);
  expect(result.stdout + result.stderr).not.toContain('hunter2');
}, 60_000);
