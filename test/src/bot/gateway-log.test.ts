import { Events } from 'discord.js';
import { startDiscordSimulator, type DiscordSimulator } from '../../../harness/discord-simulator/index.js';
import { startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';

/** Attempts 1, 2, 4, 8… of an outage are logged: as many lines as powers of two up to `attempts`. */
const expectedLines = (attempts: number) => (attempts === 0 ? 0 : Math.floor(Math.log2(attempts)) + 1);

describe('gateway logging through an outage (real client; its gateway is a second simulator that goes away and comes back)', () => {
  let gateway: DiscordSimulator;
  let h: BotHarness;
  let attempts = 0;
  beforeAll(async () => {
    gateway = await startDiscordSimulator();
    h = await startBotHarness({ embedder: null, env: { DISCORD_GATEWAY_URL: gateway.gatewayUrl } });
    h.bot.client.on(Events.ShardReconnecting, () => attempts++);
  });
  afterAll(async () => {
    await h?.close();
    await gateway?.close();
  });

  test('while Discord is unreachable, reconnect attempts are logged with backoff and a count; one line when it is back', async () => {
    await gateway.close();
    // Long enough for several of discord.js's attempts (about one each 0.5 s, slower under load).
    const until = Date.now() + 30_000;
    while (attempts < 6 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const lines = h.logs('gateway reconnecting');
    expect(attempts).toBeGreaterThanOrEqual(6);
    expect(lines.map((l) => l.attempt)).toEqual([1, 2, 4, 8, 16, 32].slice(0, expectedLines(attempts)));
    expect(lines.length).toBeLessThan(attempts);
    expect(lines.at(-1)).toMatchObject({
      shardId: 0,
      downForMs: expect.any(Number),
      nextLogAtAttempt: (lines.at(-1)!.attempt as number) * 2,
    });

    const back = new Promise<void>((resolve) => h.bot.client.once(Events.ShardReady, () => resolve()));
    gateway = await startDiscordSimulator({ port: gateway.port }); // same address: resume, or identify anew
    await back;
    expect(h.logs('gateway reconnected')).toEqual([expect.objectContaining({ shardId: 0, attempts, downForMs: expect.any(Number) })]);
  }, 60_000);

  test('an intentional shutdown logs no disconnect or reconnect, only that the bot stopped', async () => {
    const before = h.logLines.length;
    await h.bot.stop();
    await new Promise((r) => setTimeout(r, 1500));
    const after = h.logLines.slice(before).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(after).toContain('bot stopped');
    expect(after.filter((m) => m.startsWith('gateway'))).toEqual([]);
  });
});

describe('a dropped connection that resumes', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ embedder: null });
  });
  afterAll(async () => h?.close());

  test('logs one "reconnecting" and one "reconnected" with the attempts and replayed events', async () => {
    const resumed = new Promise<void>((resolve) => h.bot.client.once(Events.ShardResume, () => resolve()));
    await h.sim.dropConnections();
    await resumed;
    expect(h.logs('gateway reconnecting')).toEqual([expect.objectContaining({ level: 'info', attempt: 1, shardId: 0 })]);
    expect(h.logs('gateway reconnected')).toEqual([expect.objectContaining({ attempts: 1, shardId: 0, replayed: expect.any(Number) })]);
  });
});
