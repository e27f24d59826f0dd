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

  test('a deferred reply arrives as callback type 5, then editReply as PATCH @original', async () => {
    await start();
    await loggedInClient(async (i) => {
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

  test.each([
    ['close code 4000', 4000 as const],
    ['an abnormal cut (1006)', 'terminate' as const],
  ])('after the gateway drops with %s the client resumes and answers a later interaction', async (_, code) => {
    await start();
    const c = await loggedInClient(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'still here' });
    });
    const resumed = new Promise<number>((resolve) => c.once(Events.ShardResume, (_id, replayed) => resolve(replayed)));

    await sim.dropConnections(code);
    expect(sim.gateway.openConnections).toBe(0);
    await resumed;

    const resume = await sim.gateway.frames.waitFor((f) => f.direction === 'received' && f.op === GatewayOp.Resume, 'RESUME');
    expect(resume.d).toMatchObject({ token: sim.token, session_id: sim.gateway.sessionId });
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    expect((await handle.waitForCallback()).status).toBe(204);
    expect(sim.gateway.frames.items.filter((f) => f.direction === 'received' && f.op === GatewayOp.Identify)).toHaveLength(1);
  });

  test('an interaction dispatched while the client is away is replayed when it resumes', async () => {
    await start({ interactionDeadlineMs: 15_000 });
    await loggedInClient(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'caught up' });
    });

    await sim.dropConnections();
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));

    expect((await handle.waitForCallback({ timeoutMs: 10_000 })).status).toBe(204);
    const sent = sim.gateway.frames.items.filter((f) => f.direction === 'sent' && f.op === GatewayOp.Dispatch);
    const delivery = sent.filter((f) => f.t === 'INTERACTION_CREATE');
    expect(delivery.map((f) => [f.connection, f.s])).toEqual([[2, handle.sequence]]);
    expect(sent.slice(-2).map((f) => f.t)).toEqual(['INTERACTION_CREATE', 'RESUMED']);
  });

  test('when the session cannot be resumed the client identifies again and keeps working', async () => {
    await start();
    sim.setResumeBehaviour('invalidate');
    await loggedInClient(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'new session' });
    });
    const firstSession = sim.gateway.sessionId;

    await sim.dropConnections();
    // @discordjs/ws spaces identifies 5 s apart (plus jitter), so the second READY takes a while.
    await sim.gateway.frames.waitFor((f) => f.direction === 'sent' && f.t === 'READY' && f.s === 1 && (f.d as { session_id: string }).session_id !== firstSession, 'second READY', { timeoutMs: 15_000 });

    const invalid = sim.gateway.frames.items.find((f) => f.direction === 'sent' && f.op === GatewayOp.InvalidSession);
    expect(invalid?.d).toBe(false);
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    expect((await handle.waitForCallback()).status).toBe(204);
  }, 30_000);

  test('a 429 on the callback is retried after retry_after and delivered exactly once', async () => {
    await start();
    let replies = 0;
    await loggedInClient(async (i) => {
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
    const body = [{ name: 'ask', description: 'Ask about the incident', options: [{ type: 3, name: 'question', description: 'Your question', required: true }] }];

    const first = (await rest.put(Routes.applicationGuildCommands(sim.applicationId, sim.guild.id), { body })) as Array<{ id: string; name: string }>;
    const second = (await rest.put(Routes.applicationGuildCommands(sim.applicationId, sim.guild.id), { body })) as Array<{ id: string }>;

    const [put] = sim.requestsTo('overwriteGuildCommands');
    expect(put?.method).toBe('PUT');
    expect(put?.body).toStrictEqual(body);
    expect(put?.headers.authorization).toBe(`Bot ${sim.token}`);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: 'ask', application_id: sim.applicationId, guild_id: sim.guild.id });
    expect(second[0]?.id).toBe(first[0]?.id); // same name keeps its id, as on Discord
    expect(sim.commands.guild(sim.guild.id).map((c) => c.name)).toEqual(['ask']);
    await expect(new REST({ api: sim.apiBase }).setToken('not-the-token').put(Routes.applicationCommands(sim.applicationId), { body }))
      .rejects.toMatchObject({ status: 401 });
  });
});

