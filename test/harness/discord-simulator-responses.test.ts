import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, MessageFlags, type Client, type Interaction } from 'discord.js';
import {
  buttonInteraction,
  chatInputInteraction,
  loggedInClient,
  messageContextInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type DiscordSimulatorOptions,
} from '../../harness/discord-simulator/index.js';

let sim: DiscordSimulator;
let client: Client | undefined;

async function setUp(onInteraction: (i: Interaction) => Promise<unknown>, options: DiscordSimulatorOptions = {}): Promise<void> {
  sim = await startDiscordSimulator(options);
  client = await loggedInClient(sim, onInteraction);
}

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await sim?.close();
});

describe('discord simulator: the ways a bot answers', () => {
  test('follow-ups with a file arrive as multipart, decoded into body and files', async () => {
    await setUp(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'first' });
      await i.followUp({
        content: 'the full quotes',
        files: [{ attachment: Buffer.from('"It was 9 pm," she said.'), name: 'quotes.txt' }],
      });
    });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'sources' }));
    const followUp = await handle.waitForFollowUp();

    expect(followUp.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(followUp.query).toEqual({ wait: 'true' });
    expect(followUp.body).toMatchObject({ content: 'the full quotes', attachments: [{ id: '0' }] });
    expect(followUp.files).toEqual([expect.objectContaining({ field: 'files[0]', name: 'quotes.txt', text: '"It was 9 pm," she said.' })]);
    expect(handle.followUps).toEqual([
      expect.objectContaining({ content: 'the full quotes', attachments: [expect.objectContaining({ filename: 'quotes.txt', size: 24 })] }),
    ]);
  });

  test('reply with withResponse gets the callback response, message included', async () => {
    let content: string | undefined;
    await setUp(async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'with response', withResponse: true });
      content = response.resource?.message?.content;
    });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    const callback = await handle.waitForCallback();

    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.status).toBe(200);
    await waitUntil(() => content !== undefined);
    expect(content).toBe('with response');
  });

  test('a button press on the bot reply updates that message (callback type 7)', async () => {
    await setUp(async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Secondary),
        );
        await i.reply({ content: 'page 1', components: [row] });
      } else if (i.isButton()) {
        await i.update({ content: `page 2 (from ${i.customId})`, components: [] });
      }
    });
    const command = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    await command.waitForCallback();

    const press = sim.dispatchInteraction(buttonInteraction({ customId: 'more:1', message: command.original }));
    const update = await press.waitForCallback();

    expect(update.body).toMatchObject({ type: 7, data: { content: 'page 2 (from more:1)', components: [] } });
    expect(press.original).toMatchObject({ id: command.original?.id, content: 'page 2 (from more:1)', components: [] });
  });

  test('a message context command sees the target message and can answer ephemerally', async () => {
    await setUp(async (i) => {
      if (!i.isMessageContextMenuCommand()) return;
      await i.reply({ content: `Checking: ${i.targetMessage.content}`, flags: MessageFlags.Ephemeral });
    });

    const handle = sim.dispatchInteraction(
      messageContextInteraction({ name: 'Check against sources', targetMessage: { content: 'The fire started at 9 pm.' } }),
    );
    const callback = await handle.waitForCallback();

    expect(callback.body).toMatchObject({
      type: 4,
      data: { content: 'Checking: The fire started at 9 pm.', flags: MessageFlags.Ephemeral },
    });
  });

  test('interaction details reach the bot: user, member permissions, locale, DMs', async () => {
    const seen: string[] = [];
    await setUp(async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push(
        `${i.user.username} ${i.locale} guild=${i.guildId ?? 'none'} manage=${String(i.memberPermissions?.has('ManageGuild') ?? 'n/a')}`,
      );
      await i.reply({ content: 'ok' });
    });

    await sim
      .dispatchInteraction(chatInputInteraction({ name: 'ask', user: { username: 'bob' }, locale: 'de', memberPermissions: '32' }))
      .waitForCallback();
    await sim.dispatchInteraction(chatInputInteraction({ name: 'ask', guild: null })).waitForCallback();

    expect(seen).toEqual([`bob de guild=${sim.guild.id} manage=true`, 'alice en-US guild=none manage=n/a']);
  });

  test('a reply later than the deadline fails with Unknown interaction, as on Discord', async () => {
    let failure: unknown;
    await setUp(
      async (i) => {
        if (!i.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 150));
        await i.reply({ content: 'too late' }).catch((e: unknown) => (failure = e));
      },
      { interactionDeadlineMs: 50 },
    );

    const callback = await sim.dispatchInteraction(chatInputInteraction({ name: 'ask' })).waitForCallback();

    expect(callback.status).toBe(404);
    await waitUntil(() => failure !== undefined);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(10062);
  });

  test('5xx answers to editReply are retried until one succeeds', async () => {
    await setUp(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'after two failures' });
    });
    sim.failNext({ route: /\/messages\/@original$/, method: 'PATCH', status: 502, count: 2 });

    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    const edit = await handle.waitForOriginalEdit();

    const statuses = handle
      .requests()
      .filter((r) => r.method === 'PATCH')
      .map((r) => r.status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(edit.body).toMatchObject({ content: 'after two failures' });
    expect(handle.original).toMatchObject({ content: 'after two failures', flags: 0 });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
