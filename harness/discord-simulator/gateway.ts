import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { guildCreatePayload, readyPayload } from './gateway-payloads.js';
import { GatewaySession } from './gateway-session.js';
import { eventGuildId, shardForGuild } from './sharding.js';
import type { SimulatorState } from './state.js';
import { WaitableLog } from './waitable-log.js';
import { Op, type GatewayFrame } from './gateway-protocol.js';

interface Connection {
  id: number;
  socket: WebSocket;
  session: GatewaySession | undefined;
}

const IGNORED_OPS = new Set<number>([Op.PresenceUpdate, Op.VoiceStateUpdate, Op.RequestGuildMembers]);

/** The simulated gateway, sharing the REST server's port. JSON encoding, no compression. */
export class GatewaySimulator {
  readonly frames = new WaitableLog<GatewayFrame>((f) => `#${f.connection} ${f.direction} op ${f.op}${f.t ? ` ${f.t}` : ''}`);
  /** Set to false to stop answering heartbeats (the client then treats the connection as a zombie). */
  ackHeartbeats = true;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection>();
  #nextConnectionId = 1;
  /** The current session of each shard id; `#latest` is the one most recently identified. */
  readonly #sessions = new Map<number, GatewaySession>();
  #latest: GatewaySession | undefined;

  constructor(
    private readonly state: SimulatorState,
    server: Server,
  ) {
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, req) => this.#accept(socket, req));
  }

  /** How many WebSocket connections are open. */
  get openConnections(): number {
    return this.#connections.size;
  }

  /** The id of the current (most recently identified) session. */
  get sessionId(): string | undefined {
    return this.#latest?.id;
  }

  /** `[shard_id, num_shards]` of every identified shard, by shard id. */
  get shards(): Array<[number, number]> {
    return [...this.#sessions.values()].map((s) => s.shard).sort((a, b) => a[0] - b[0]);
  }

  /**
   * Sends a dispatch on the current session. If the client is disconnected the event is kept
   * and replayed when it resumes. Returns the sequence number.
   */
  dispatch(t: string, d: unknown): number {
    if (!this.#latest) throw new Error(`Cannot dispatch ${t}: no client has identified with the simulator gateway`);
    // As on Discord: a guild's events go to shard (guild_id >> 22) % num_shards, others to shard 0.
    const session = this.#sessions.get(shardForGuild(eventGuildId(t, d), this.#latest.shard[1]));
    if (!session) return -1; // that shard has never identified: Discord would not deliver it either
    return this.#dispatchTo(session, t, d);
  }

  /** Records `t` on `session` (for replay on resume) and sends it if the session has a socket. */
  #dispatchTo(session: GatewaySession, t: string, d: unknown): number {
    const event = session.record(t, d);
    const connection = [...this.#connections].find((c) => c.session === session);
    if (connection) this.#send(connection, { op: Op.Dispatch, t, s: event.s, d });
    return event.s;
  }

  /** Closes every connection with `code` (default 4000), or cuts them without a close frame. */
  async dropConnections(code: number | 'terminate' = 4000): Promise<void> {
    const closing = [...this.#connections].map(({ socket }) => {
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      if (code === 'terminate') socket.terminate();
      else socket.close(code, 'Simulator dropped the connection');
      return closed;
    });
    await Promise.all(closing);
  }

  /** Asks connected clients to reconnect and resume (op 7), as Discord does before maintenance. */
  requestReconnect(): void {
    for (const c of this.#connections) this.#send(c, { op: Op.Reconnect, d: null });
  }

  /** Sends INVALID_SESSION; `resumable: false` forces a fresh IDENTIFY. */
  invalidateSession(resumable = false): void {
    for (const c of this.#connections) this.#send(c, { op: Op.InvalidSession, d: resumable });
  }

  /** Cuts every connection and stops accepting new ones. */
  async close(): Promise<void> {
    for (const { socket } of this.#connections) socket.terminate();
    this.frames.close('Discord simulator closed');
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(socket: WebSocket, req: IncomingMessage): void {
    const connection: Connection = { id: this.#nextConnectionId++, socket, session: undefined };
    this.#connections.add(connection);
    socket.on('close', () => this.#connections.delete(connection));
    socket.on('message', (data, isBinary) => this.#receive(connection, data, isBinary));
    const query = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams;
    if (query.get('v') !== '10') return void socket.close(4012, 'Invalid API version');
    if (query.get('encoding') !== 'json') return void socket.close(4002, 'Error while decoding payload');
    this.#send(connection, { op: Op.Hello, d: { heartbeat_interval: this.state.heartbeatIntervalMs, _trace: ['casefile-simulator'] } });
  }

  #receive(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: any };
    try {
      payload = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data)) as typeof payload;
    } catch {
      return void connection.socket.close(4002, 'Error while decoding payload');
    }
    const op = Number(payload.op);
    this.frames.push({ connection: connection.id, direction: 'received', op, t: null, s: null, d: payload.d, at: Date.now() });
    if (op === Op.Heartbeat) {
      if (this.ackHeartbeats) this.#send(connection, { op: Op.HeartbeatAck });
    } else if (op === Op.Identify) this.#identify(connection, payload.d);
    else if (op === Op.Resume) this.#resume(connection, payload.d);
    else if (!connection.session) connection.socket.close(4003, 'Not authenticated');
    else if (!IGNORED_OPS.has(op)) connection.socket.close(4001, 'Unknown opcode');
  }

  #identify(connection: Connection, d: { token?: string; shard?: [number, number]; intents?: number }): void {
    if (connection.session) return void connection.socket.close(4005, 'Already authenticated');
    if (d?.token !== this.state.token) return void connection.socket.close(4004, 'Authentication failed');
    if (typeof d.intents !== 'number') return void connection.socket.close(4013, 'Invalid intent(s)');
    const shard = d.shard ?? [0, 1];
    if (shard[0] < 0 || shard[0] >= shard[1]) return void connection.socket.close(4010, 'Invalid shard');
    if (this.#latest && this.#latest.shard[1] !== shard[1]) this.#sessions.clear(); // resharded: a new set
    const session = new GatewaySession(shard);
    this.#sessions.set(shard[0], session);
    this.#latest = session;
    this.#attach(connection, session);
    this.#dispatchTo(session, 'READY', readyPayload(this.state, session));
    const joinedAt = new Date().toISOString();
    for (const guild of this.state.guilds) {
      if (shardForGuild(guild.id, shard[1]) === shard[0])
        this.#dispatchTo(session, 'GUILD_CREATE', guildCreatePayload(guild, this.state.bot, joinedAt));
    }
  }

  #resume(connection: Connection, d: { token?: string; session_id?: string; seq?: number }): void {
    if (d?.token !== this.state.token) return void connection.socket.close(4004, 'Authentication failed');
    const session = [...this.#sessions.values()].find((s) => s.id === d.session_id);
    if (this.state.resume === 'invalidate' || !session) {
      return this.#send(connection, { op: Op.InvalidSession, d: false });
    }
    if (typeof d.seq !== 'number' || d.seq > session.seq) return void connection.socket.close(4007, 'Invalid seq');
    this.#attach(connection, session);
    for (const event of session.missedSince(d.seq)) this.#send(connection, { op: Op.Dispatch, ...event });
    this.#dispatchTo(session, 'RESUMED', { _trace: ['casefile-simulator'] });
  }

  #attach(connection: Connection, session: GatewaySession): void {
    // A session lives on one socket at a time; a resume from a new socket takes it over.
    for (const other of this.#connections) {
      if (other === connection || other.session !== session) continue;
      other.session = undefined;
      other.socket.close(4009, 'Session timed out');
    }
    connection.session = session;
  }

  #send(connection: Connection, payload: { op: number; d?: unknown; t?: string; s?: number }): void {
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const frame = { op: payload.op, d: payload.d ?? null, s: payload.s ?? null, t: payload.t ?? null };
    connection.socket.send(JSON.stringify(frame));
    this.frames.push({ connection: connection.id, direction: 'sent', op: frame.op, t: frame.t, s: frame.s, d: frame.d, at: Date.now() });
  }
}
