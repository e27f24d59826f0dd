import WebSocket from 'ws';
import { GatewayOp, chatInputInteraction, startDiscordSimulator, type DiscordSimulator } from '../../harness/discord-simulator/index.js';

let sim: DiscordSimulator;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  sim = await startDiscordSimulator({ heartbeatIntervalMs: 45_000 });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await sim.close();
});

/** A bare gateway client: collects frames and the close code. */
async function rawGateway(
  query = '?v=10&encoding=json',
): Promise<{ socket: WebSocket; frames: Array<{ op: number; t: string | null; d: any }>; closed: Promise<number> }> {
  const socket = new WebSocket(`${sim.gatewayUrl}${query}`);
  sockets.push(socket);
  const frames: Array<{ op: number; t: string | null; d: any }> = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, frames, closed };
}

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sim.apiBase}/v10${path}`, init);
}

async function identified() {
  const gw = await rawGateway();
  gw.socket.send(JSON.stringify({ op: GatewayOp.Identify, d: { token: sim.token, intents: 1, properties: {}, shard: [0, 1] } }));
  await sim.gateway.frames.waitFor((f) => f.t === 'GUILD_CREATE', 'GUILD_CREATE');
  return gw;
}

describe('discord simulator protocol details', () => {
  test('gateway: HELLO first, heartbeats acknowledged, READY then GUILD_CREATE with sequence numbers', async () => {
    const gw = await identified();
    gw.socket.send(JSON.stringify({ op: GatewayOp.Heartbeat, d: 2 }));
    await sim.gateway.frames.waitFor((f) => f.direction === 'sent' && f.op === GatewayOp.HeartbeatAck, 'ACK');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(gw.frames.map((f) => [f.op, f.t])).toEqual([
      [GatewayOp.Hello, null],
      [GatewayOp.Dispatch, 'READY'],
      [GatewayOp.Dispatch, 'GUILD_CREATE'],
      [GatewayOp.HeartbeatAck, null],
    ]);
    expect(gw.frames[0]?.d).toMatchObject({ heartbeat_interval: 45_000 });
    expect(gw.frames.slice(1, 3).map((f: any) => f.s)).toEqual([1, 2]);
    expect(gw.frames[1]?.d).toMatchObject({
      v: 10,
      user: { id: sim.applicationId, bot: true },
      guilds: [{ id: sim.guild.id, unavailable: true }],
      resume_gateway_url: sim.gatewayUrl,
      application: { id: sim.applicationId },
    });
  });

  test.each([
    ['a wrong IDENTIFY token', { op: GatewayOp.Identify, d: { token: 'nope', intents: 1 } }, 4004],
    ['a payload before identifying', { op: GatewayOp.PresenceUpdate, d: {} }, 4003],
  ])('gateway closes the socket on %s', async (_, payload, code) => {
    const gw = await rawGateway();
    gw.socket.send(JSON.stringify(payload));
    expect(await gw.closed).toBe(code);
  });

  test('gateway closes an identified socket that sends an unknown opcode', async () => {
    const gw = await identified();
    gw.socket.send(JSON.stringify({ op: 42, d: null }));
    expect(await gw.closed).toBe(4001);
  });

  test('gateway answers RESUME of an unknown session with INVALID_SESSION (not resumable)', async () => {
    const gw = await rawGateway();
    gw.socket.send(JSON.stringify({ op: GatewayOp.Resume, d: { token: sim.token, session_id: 'gone', seq: 3 } }));
    const frame = await sim.gateway.frames.waitFor((f) => f.op === GatewayOp.InvalidSession, 'INVALID_SESSION');
    expect(frame.d).toBe(false);
  });

  test('REST: unknown routes are 404 and recorded; guarded routes need the bot token', async () => {
    const unknown = await api('/channels/1/messages', { headers: { authorization: `Bot ${sim.token}` } });
    const unauthorised = await api('/gateway/bot');

    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(sim.unhandledRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /channels/1/messages']);
    expect(unauthorised.status).toBe(401);
  });

  test('REST: interaction callbacks follow Discord rules (no auth, one acknowledgement, webhook only after it)', async () => {
    await identified();
    const { id, token } = sim.dispatchInteraction(chatInputInteraction({ name: 'ask' })).payload;
    const post = (body: unknown) =>
      api(`/interactions/${id}/${token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const early = await api(`/webhooks/${sim.applicationId}/${token}/messages/@original`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"content":"x"}',
    });
    const first = await post({ type: 4, data: { content: 'hi' } });
    const second = await post({ type: 4, data: { content: 'again' } });
    const unknown = await api(`/interactions/1/${token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":4}',
    });

    expect(early.status).toBe(404);
    expect(await early.json()).toMatchObject({ code: 10015 });
    expect(first.status).toBe(204);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ code: 40060 });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 10062 });
    expect(sim.interaction(id).original).toMatchObject({ content: 'hi' });
  });
});
