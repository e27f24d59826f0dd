import { REST } from '@discordjs/rest';
import { Client, Events, GatewayIntentBits, MessageFlags, Routes, type Interaction } from 'discord.js';
import { GatewayOp, chatInputInteraction, startDiscordSimulator, type DiscordSimulator, type DiscordSimulatorOptions } from './discord-simulator/index.js';

let sim: DiscordSimulator;
let client: Client | undefined;

async function start(options: DiscordSimulatorOptions = {}): Promise<void> {
  sim = await startDiscordSimulator({ heartbeatIntervalMs: 1000, ...options });
}

/** A real discord.js client pointed at the simulator, logged in and ready. */
async function loggedInClient(onInteraction?: (i: Interaction) => Promise<unknown>): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiBase } });
  client = c;
  if (onInteraction) c.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((e: unknown) => c.emit(Events.Error, e as Error)));
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(sim.token);
  await ready;
  return c;
}

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await sim?.close();
});

describe('discord simulator with the real discord.js client', () => {
  test('the client logs in, gets READY and caches the guild and its channel', async () => {
    await start();
    const c = await loggedInClient();

    expect(c.user?.id).toBe(sim.applicationId);
    expect(c.application?.id).toBe(sim.applicationId);
    const guild = c.guilds.cache.get(sim.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe(sim.guild.name);
    expect(guild?.channels.cache.get(sim.guild.channelId)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.permissions.has('SendMessages')).toBe(true);

    const identify = sim.gateway.frames.items.find((f) => f.direction === 'received' && f.op === GatewayOp.Identify);
    expect(identify?.d).toMatchObject({ token: sim.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    const gatewayBot = sim.requestsTo('gatewayBot');
    expect(gatewayBot).toHaveLength(1);
    expect(gatewayBot[0]?.headers.authorization).toBe(`Bot ${sim.token}`);
    expect(sim.unhandledRequests()).toEqual([]);
  });

  test('a chat-input interaction reaches the client and its reply arrives with the exact payload', async () => {
    await start();
    const seen: Interaction[] = [];
    await loggedInClient(async (i) => {
      seen.push(i);
      if (i.isChatInputCommand()) await i.reply({ content: `You asked: ${i.options.getString('question')}`, allowedMentions: { parse: [] } });
    });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question: 'Who was there?' } }));
    const callback = await handle.waitForCallback();

    expect(callback.status).toBe(204);
    expect(callback.method).toBe('POST');
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body).toStrictEqual({
      type: 4,
      data: { content: 'You asked: Who was there?', tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } },
    });
    expect(callback.receivedAt).toBeGreaterThanOrEqual(handle.dispatchedAt);
    const interaction = seen[0];
    expect(interaction?.isChatInputCommand() && interaction.commandName).toBe('ask');
    expect(interaction?.guild?.id).toBe(sim.guild.id);
    expect(interaction?.channel?.id).toBe(sim.guild.channelId);
    expect(handle.original).toMatchObject({ content: 'You asked: Who was there?', author: { id: sim.applicationId } });
  });
});
