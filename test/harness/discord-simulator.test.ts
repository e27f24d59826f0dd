import { REST } from '@discordjs/rest';
import { Client, GatewayIntentBits, MessageFlags, Routes, type Interaction } from 'discord.js';
import {
  GatewayOp,
  loggedInClient,
  chatInputInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type DiscordSimulatorOptions,
} from '../../harness/discord-simulator/index.js';

let sim: DiscordSimulator;
let client: Client | undefined;

async function start(options: DiscordSimulatorOptions = {}): Promise<void> {
  sim = await startDiscordSimulator({ heartbeatIntervalMs: 1000, ...options });
}

async function connect(onInteraction?: (i: Interaction) => Promise<unknown>): Promise<Client> {
  client = await loggedInClient(sim, onInteraction);
  return client;
}

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await sim?.close();
});

describe('discord simulator with the real discord.js client', () => {
  test('the client logs in, gets READY and caches the guild and its channel', async () => {
    await start();
    const c = await connect();

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
    await connect(async (i) => {
      seen.push(i);
      if (i.isChatInputCommand())
        await i.reply({ content: `You asked: ${i.options.getString('question')}`, allowedMentions: { parse: [] } });
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

  test('a deferred reply arrives as callback type 5, then editReply as PATCH @original', async () => {
    await start();
    await connect(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: 'Here is what the sources say.', embeds: [{ title: 'Sources', description: '[1] Wire report' }] });
    });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question: 'When?' } }));
    const callback = await handle.waitForCallback();
    const edit = await handle.waitForOriginalEdit();

    expect(callback.body).toStrictEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(`/webhooks/${sim.applicationId}/${handle.token}/messages/@original`);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      content: 'Here is what the sources say.',
      embeds: [{ title: 'Sources', description: '[1] Wire report' }],
    });
    expect(edit.seq).toBeGreaterThan(callback.seq);
    // The "thinking…" flag is gone once the reply is edited; ephemerality stays.
    expect(handle.original).toMatchObject({ content: 'Here is what the sources say.', flags: MessageFlags.Ephemeral });
  });

  test('login with a wrong token is rejected and never identifies', async () => {
    await start();
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiBase } });
    client = c;

    await expect(c.login(`${sim.token.slice(0, -4)}nope`)).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(sim.requestsTo('gatewayBot').map((r) => r.status)).toEqual([401]);
    expect(sim.gateway.frames.items.some((f) => f.op === GatewayOp.Identify)).toBe(false);
  });

  test('a 429 on the callback is retried after retry_after and delivered exactly once', async () => {
    await start();
    let replies = 0;
    await connect(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'once only' });
      replies += 1;
    });
    sim.failNext({ route: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 429, retryAfter: 0.3 });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    const delivered = await handle.waitForCallback();
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show up

    const attempts = handle.requests().filter((r) => r.route === 'interactionCallback');
    expect(attempts.map((r) => [r.status, Boolean(r.fault)])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(attempts[1]?.body).toStrictEqual(attempts[0]?.body);
    expect(delivered.receivedAt - (attempts[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(300);
    expect(replies).toBe(1);
    expect(sim.pendingFaults).toBe(0);
  });

  test('@discordjs/rest REST registers guild commands and the simulator records the body', async () => {
    await start();
    const rest = new REST({ api: sim.apiBase }).setToken(sim.token);
    const body = [
      {
        name: 'ask',
        description: 'Ask about the incident',
        options: [{ type: 3, name: 'question', description: 'Your question', required: true }],
      },
    ];

    const first = (await rest.put(Routes.applicationGuildCommands(sim.applicationId, sim.guild.id), { body })) as Array<{
      id: string;
      name: string;
    }>;
    const second = (await rest.put(Routes.applicationGuildCommands(sim.applicationId, sim.guild.id), { body })) as Array<{ id: string }>;

    const [put] = sim.requestsTo('overwriteGuildCommands');
    expect(put?.method).toBe('PUT');
    expect(put?.body).toStrictEqual(body);
    expect(put?.headers.authorization).toBe(`Bot ${sim.token}`);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: 'ask', application_id: sim.applicationId, guild_id: sim.guild.id });
    expect(second[0]?.id).toBe(first[0]?.id); // same name keeps its id, as on Discord
    expect(sim.commands.guild(sim.guild.id).map((c) => c.name)).toEqual(['ask']);
    await expect(
      new REST({ api: sim.apiBase }).setToken('not-the-token').put(Routes.applicationCommands(sim.applicationId), { body }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
