import type { APIUser } from 'discord.js';
import { CommandStore } from './command-store.js';
import { FaultPlan } from './faults.js';
import { DEFAULT_BOT_TOKEN, DEFAULT_IDS, botUser, guildFixture, type GuildFixture } from './fixtures.js';
import type { UploadedFile } from './http-io.js';
import { InteractionRegistry } from './interaction-registry.js';
import { WaitableLog } from './waitable-log.js';
import type { AppliedFault } from './faults.js';

/** Options for `startDiscordSimulator`. Everything has a default matching `interactions.ts`. */
export interface DiscordSimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. A fixed one lets a test bring a "Discord" back at the same address. */
  port?: number;
  /** The bot token the simulator accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  token?: string;
  /** The bot's user id, which is also its application id (as on Discord). */
  applicationId?: string;
  botUsername?: string;
  /** Guilds the bot is in; default one guild (see `guildFixture`). */
  guilds?: Array<Partial<GuildFixture>>;
  /** HELLO's heartbeat interval; default 41250 ms like Discord. Tests may lower it. */
  heartbeatIntervalMs?: number;
  /**
   * How long after dispatch the bot may send the initial callback before Discord answers
   * "Unknown interaction" (10062); default 3000 ms like Discord. `Infinity` disables it.
   */
  interactionDeadlineMs?: number;
  /** What RESUME gets: replay + RESUMED (default), or INVALID_SESSION so the client re-identifies. */
  resume?: 'accept' | 'invalidate';
  /** Shards `GET /gateway/bot` recommends (default 1), as Discord does from 2,500 guilds on. */
  shards?: number;
}

/** One HTTP request as the simulator received and answered it. */
export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** The path without `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  /** The full request path and query, as sent. */
  url: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the `payload_json` part of a multipart upload. */
  body: unknown;
  files: UploadedFile[];
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
  /** The status the simulator answered with (0 for a reset connection). */
  status: number;
  /** Which route handled it (e.g. `interactionCallback`); undefined for unknown routes. */
  route: string | undefined;
  /** The injected fault that answered it instead of the route, if any. */
  fault: AppliedFault | undefined;
}

/** State shared by the REST and gateway halves. */
export interface SimulatorState {
  token: string;
  applicationId: string;
  bot: APIUser;
  guilds: GuildFixture[];
  heartbeatIntervalMs: number;
  interactionDeadlineMs: number;
  resume: 'accept' | 'invalidate';
  shards: number;
  /** Set once listening: `ws://127.0.0.1:<port>`. */
  gatewayUrl: string;
  interactions: InteractionRegistry;
  commands: CommandStore;
  faults: FaultPlan;
  requests: WaitableLog<RecordedRequest>;
}

/** Fills in defaults. */
export function createSimulatorState(options: DiscordSimulatorOptions): SimulatorState {
  const applicationId = options.applicationId ?? DEFAULT_IDS.application;
  const guilds = (options.guilds ?? [{}]).map((g) => guildFixture(g));
  return {
    token: options.token ?? DEFAULT_BOT_TOKEN,
    applicationId,
    bot: botUser(applicationId, options.botUsername),
    guilds,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    resume: options.resume ?? 'accept',
    shards: options.shards ?? 1,
    gatewayUrl: '',
    interactions: new InteractionRegistry(),
    commands: new CommandStore(applicationId),
    faults: new FaultPlan(),
    requests: new WaitableLog((r) => `${r.method} ${r.path} -> ${r.status}`),
  };
}
