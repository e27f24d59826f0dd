import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { chatInputInteraction, startDiscordSimulator, type DiscordSimulator } from '../../harness/discord-simulator/index.js';
import { guildFixture } from '../../harness/discord-simulator/fixtures.js';
import { shardForGuild } from '../../harness/discord-simulator/sharding.js';

/** Guild ids whose timestamp parts differ, so `(id >> 22) % 2` puts them on both shards. */
const GUILDS = [1, 2, 3, 4].map((n) => guildFixture({ id: String((1_700_000_000_000n + BigInt(n)) << 22n), name: `g${n}` }));

describe('the simulator shards like Discord (a real discord.js client with shards: auto)', () => {
  let sim: DiscordSimulator;
  let client: Client;
  beforeAll(async () => {
    sim = await startDiscordSimulator({ shards: 2, guilds: GUILDS });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiBase }, shards: 'auto' });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(sim.token);
    await ready;
  }, 60_000);
  afterAll(async () => {
    await client?.destroy();
    await sim?.close();
  });

  test('shardForGuild is (guild_id >> 22) % num_shards, and DMs go to shard 0', () => {
    expect(GUILDS.map((g) => shardForGuild(g.id, 2))).toEqual([1, 0, 1, 0]);
    expect(shardForGuild(undefined, 4)).toBe(0);
  });

  test('GET /gateway/bot recommends the shards and IDENTIFY carries [shard_id, num_shards]', () => {
    expect(sim.requestsTo(/^\/gateway\/bot$/).at(-1)?.status).toBe(200);
    expect(sim.gateway.shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(client.ws.shards.size).toBe(2);
  });

  test('each shard receives only its own guilds', () => {
    for (const g of GUILDS) expect(client.guilds.cache.get(g.id)?.shardId).toBe(shardForGuild(g.id, 2));
    expect(client.guilds.cache.size).toBe(4);
  });

  test("an interaction in a guild arrives on that guild's shard", async () => {
    const seen: Array<[string | null, number]> = [];
    const onRaw = (packet: { t?: string; d?: { guild_id?: string } }, shardId: number) => {
      if (packet.t === 'INTERACTION_CREATE') seen.push([packet.d?.guild_id ?? null, shardId]);
    };
    client.on(Events.Raw, onRaw);
    client.on(Events.InteractionCreate, (i: Interaction) => void (i.isRepliable() && i.reply({ content: 'ok' })));
    for (const g of GUILDS) await sim.dispatchInteraction(chatInputInteraction({ name: 'help', guild: g })).waitForCallback();
    expect(seen).toEqual(GUILDS.map((g) => [g.id, shardForGuild(g.id, 2)]));
  });
});
