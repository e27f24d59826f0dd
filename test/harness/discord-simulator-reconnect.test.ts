import { Events, type Client, type Interaction } from 'discord.js';
import {
  GatewayOp,
  chatInputInteraction,
  loggedInClient,
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

const replyOk = async (i: Interaction) => {
  if (i.isChatInputCommand()) await i.reply({ content: 'still here' });
};

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await sim?.close();
});

describe('discord simulator: gateway drops, resumes and re-identifies', () => {
  test.each([
    ['close code 4000', 4000 as const],
    ['an abnormal cut (1006)', 'terminate' as const],
  ])('after the gateway drops with %s the client resumes and answers a later interaction', async (_, code) => {
    await start();
    const c = await connect(replyOk);
    const resumed = new Promise<void>((resolve) => c.once(Events.ShardResume, () => resolve()));

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
    await connect(replyOk);

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
    await connect(replyOk);
    const firstSession = sim.gateway.sessionId;

    await sim.dropConnections();
    // @discordjs/ws spaces identifies 5 s apart (plus jitter), so the second READY takes a while.
    await sim.gateway.frames.waitFor(
      (f) => f.direction === 'sent' && f.t === 'READY' && f.s === 1 && (f.d as { session_id: string }).session_id !== firstSession,
      'second READY',
      { timeoutMs: 15_000 },
    );

    const invalid = sim.gateway.frames.items.find((f) => f.direction === 'sent' && f.op === GatewayOp.InvalidSession);
    expect(invalid?.d).toBe(false);
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    expect((await handle.waitForCallback()).status).toBe(204);
  }, 30_000);

  test('a client whose heartbeats go unacknowledged drops the zombie connection and resumes', async () => {
    await start({ heartbeatIntervalMs: 200 });
    await connect(replyOk);
    sim.gateway.ackHeartbeats = false;

    const resume = await sim.gateway.frames.waitFor((f) => f.direction === 'received' && f.op === GatewayOp.Resume, 'RESUME', {
      timeoutMs: 5000,
    });
    sim.gateway.ackHeartbeats = true;

    expect(resume.connection).toBe(2);
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    expect((await handle.waitForCallback()).status).toBe(204);
  });

  test('a RECONNECT request (op 7) makes the client reconnect and resume', async () => {
    await start();
    await connect(replyOk);

    sim.gateway.requestReconnect();
    const resumed = await sim.gateway.frames.waitFor((f) => f.direction === 'sent' && f.t === 'RESUMED', 'RESUMED');

    expect(resumed.connection).toBe(2);
    const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' }));
    expect((await handle.waitForCallback()).status).toBe(204);
  });
});
