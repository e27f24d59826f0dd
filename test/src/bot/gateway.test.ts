import { startDiscordSimulator, type DiscordSimulator } from '../../../harness/discord-simulator/index.js';
import { startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';

let other: DiscordSimulator;
let h: BotHarness;
beforeAll(async () => {
  other = await startDiscordSimulator();
  h = await startBotHarness({ embedder: null, env: { DISCORD_GATEWAY_URL: other.gatewayUrl } });
});
afterAll(async () => {
  await h?.close();
  await other?.close();
});

test('DISCORD_GATEWAY_URL, when set, is the gateway the client connects to; the REST API still comes from DISCORD_API_BASE', () => {
  expect(h.bot.client.isReady()).toBe(true);
  expect(other.gateway.openConnections).toBe(1);
  expect(h.sim.gateway.openConnections).toBe(0);
  expect(h.sim.requestsTo(/^\/gateway\/bot$/).length).toBeGreaterThan(0);
});
