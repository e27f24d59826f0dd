import { createServer, type Server } from 'node:http';
import type { APIUser } from 'discord.js';
import type { CommandStore } from './command-store.js';
import type { FaultSpec } from './faults.js';
import type { GuildFixture } from './fixtures.js';
import { GatewaySimulator } from './gateway.js';
import { InteractionHandle, type NthOptions } from './interaction-handle.js';
import type { InteractionPayload } from './interactions.js';
import { createRestHandler } from './rest.js';
import { createSimulatorState, type DiscordSimulatorOptions, type RecordedRequest, type SimulatorState } from './state.js';
import type { WaitOptions } from './waitable-log.js';

/** A running simulator; see the module documentation in `index.ts`. */
export class DiscordSimulator {
  readonly #handles = new Map<string, InteractionHandle>();

  private constructor(
    private readonly server: Server,
    private readonly state: SimulatorState,
    /** The gateway: frames log, raw `dispatch`, reconnect/invalid-session controls, `ackHeartbeats`. */
    readonly gateway: GatewaySimulator,
    readonly port: number,
  ) {}

  /** Starts the simulator on 127.0.0.1, on an ephemeral port unless `options.port` is set. */
  static async start(options: DiscordSimulatorOptions = {}): Promise<DiscordSimulator> {
    const state = createSimulatorState(options);
    const server = createServer(createRestHandler(state));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('simulator did not get a TCP port');
    state.gatewayUrl = `ws://127.0.0.1:${address.port}`;
    return new DiscordSimulator(server, state, new GatewaySimulator(state, server), address.port);
  }

  /** Pass as the client's `rest.api` (and to `new REST({ api })`): `http://127.0.0.1:<port>/api`. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return this.state.gatewayUrl;
  }

  get token(): string {
    return this.state.token;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get botUser(): APIUser {
    return this.state.bot;
  }

  /** The first (by default the only) guild. */
  get guild(): GuildFixture {
    return this.state.guilds[0] as GuildFixture;
  }

  get guilds(): readonly GuildFixture[] {
    return this.state.guilds;
  }

  /** Registered commands (`global`, `guild(id)`), as the bot last overwrote them. */
  get commands(): CommandStore {
    return this.state.commands;
  }

  /** Every HTTP request so far, in order of arrival (faulted and unknown ones included). */
  get requests(): readonly RecordedRequest[] {
    return this.state.requests.items;
  }

  /** Requests handled by the named route (e.g. `'interactionCallback'`), or whose path matches. */
  requestsTo(route: string | RegExp, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (typeof route === 'string' ? r.route === route : r.path.search(route) !== -1) && (!method || r.method === method.toUpperCase()),
    );
  }

  /** Requests to routes the simulator does not know (answered 404): the bot called something unexpected. */
  unhandledRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.route === undefined && !r.fault);
  }

  /** Waits for a request (already received or future) matching `predicate`. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, options?: WaitOptions): Promise<RecordedRequest> {
    return this.state.requests.waitFor(predicate, 'a matching request', options);
  }

  /** Sends INTERACTION_CREATE to the logged-in client (or queues it for replay if it is away). */
  dispatchInteraction(payload: InteractionPayload): InteractionHandle {
    const dispatchedAt = Date.now();
    const interaction = this.state.interactions.register(payload, dispatchedAt);
    const sequence = this.gateway.dispatch('INTERACTION_CREATE', payload);
    const handle = new InteractionHandle(payload, dispatchedAt, sequence, interaction, this.state.applicationId, this.state.requests);
    this.#handles.set(payload.id, handle);
    this.#handles.set(payload.token, handle);
    return handle;
  }

  /** The handle of a dispatched interaction, by id or token. */
  interaction(idOrToken: string): InteractionHandle {
    const handle = this.#handles.get(idOrToken);
    if (!handle) throw new Error(`No interaction ${idOrToken} was dispatched by this simulator`);
    return handle;
  }

  waitForCallback(interactionId: string, options?: NthOptions): Promise<RecordedRequest> {
    return this.interaction(interactionId).waitForCallback(options);
  }

  waitForOriginalEdit(token: string, options?: NthOptions): Promise<RecordedRequest> {
    return this.interaction(token).waitForOriginalEdit(options);
  }

  waitForFollowUp(token: string, options?: NthOptions): Promise<RecordedRequest> {
    return this.interaction(token).waitForFollowUp(options);
  }

  /** Makes the next matching request(s) fail; see `FaultSpec`. */
  failNext(spec: FaultSpec): void {
    this.state.faults.add(spec);
  }

  /** Planned faults not yet triggered. */
  get pendingFaults(): number {
    return this.state.faults.pending;
  }

  /** Closes all gateway sockets with `code` (default 4000: the client resumes) or `'terminate'`. */
  dropConnections(code?: number | 'terminate'): Promise<void> {
    return this.gateway.dropConnections(code);
  }

  /** Whether RESUME is accepted (replay + RESUMED) or answered with INVALID_SESSION. */
  setResumeBehaviour(behaviour: 'accept' | 'invalidate'): void {
    this.state.resume = behaviour;
  }

  /** Changes how long the bot has for its initial response (ms; `Infinity` for no limit). */
  setInteractionDeadline(ms: number): void {
    this.state.interactionDeadlineMs = ms;
  }

  /** Forgets recorded requests and gateway frames (interactions and commands stay). */
  clearRecords(): void {
    this.state.requests.clear();
    this.gateway.frames.clear();
  }

  /** Closes sockets, the server and pending waits, leaving no open handles. */
  async close(): Promise<void> {
    this.state.faults.clear();
    this.state.requests.close('Discord simulator closed');
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
