/**
 * A local Discord simulator (REST API + gateway) that the real discord.js `Client` logs in to,
 * so end-to-end tests exercise the bot over real HTTP and WebSocket on 127.0.0.1.
 *
 * ```ts
 * const sim = await startDiscordSimulator();            // ephemeral port on 127.0.0.1
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.apiBase } });
 * await client.login(sim.token);                        // GET /gateway/bot → ws://127.0.0.1:<port>
 * // or: const client = await loggedInClient(sim, async (i) => { … });  (logged in and ready)
 * // (the bot via config: DISCORD_API_BASE=sim.apiBase, DISCORD_TOKEN=sim.token,
 * //  DISCORD_CLIENT_ID=sim.applicationId, DISCORD_GUILD_ID=sim.guild.id)
 *
 * const handle = sim.dispatchInteraction(chatInputInteraction({ name: 'ask', options: { question: 'Who?' } }));
 * const callback = await handle.waitForCallback();      // the RecordedRequest
 * expect(callback.body).toEqual({ type: 4, data: expect.objectContaining({ content: '…' }) });
 * const edit = await handle.waitForOriginalEdit();      // after a deferred reply (type 5)
 * const ms = callback.receivedAt - handle.dispatchedAt; // time to the initial response
 * await sim.close();                                    // after client.destroy()
 * ```
 *
 * **Identity.** `token`, `applicationId` (= the bot user's id), `botUser`, `guild` / `guilds`
 * (one guild with one text channel by default; see `fixtures.ts`). The builders in
 * `interactions.ts` (`chatInputInteraction`, `messageContextInteraction`, `buttonInteraction`,
 * `selectInteraction`, `modalSubmitInteraction`, and `autocompleteInteraction` in `autocomplete.ts`; options `user`, `memberPermissions`, `guild`
 * (`null` for a DM), `locale`, `appPermissions`) default to the same ids, so their payloads fit
 * the default simulator; pass `applicationId` / `guild` when the simulator uses others.
 *
 * **REST** under `/api/v10`: `GET /gateway`, `/gateway/bot`, `/users/@me`, `/applications/@me`;
 * `GET|PUT /applications/:app/commands` and `/applications/:app/guilds/:guild/commands`
 * (recorded in `sim.commands`); `POST /interactions/:id/:token/callback` (types 4–9, 12,
 * `?with_response=true`; an autocomplete interaction takes only type 8, with at most 25 choices of
 * 1–100 characters, else 40043 / 50035); `POST /webhooks/:app/:token` (follow-up) and `GET|PATCH|DELETE
 * /webhooks/:app/:token/messages/:id|@original`. Routes Discord guards check
 * `Authorization: Bot <token>` (401 otherwise); interaction routes take no auth. Discord's errors
 * are mimicked: 10062 Unknown interaction (unknown, or initial response later than
 * `interactionDeadlineMs`, default 3 s), 40060 already acknowledged, 10015 Unknown Webhook
 * (webhook use before the callback), 10008 Unknown Message. Anything else: 404, recorded.
 *
 * **Recording.** `sim.requests` lists every request as a `RecordedRequest` (`method`, `path`
 * without `/api/v10`, `query`, `body` — JSON or multipart `payload_json` —, `files`, `headers`,
 * `receivedAt`, `status`, `route`, `fault`). Also `requestsTo(routeName | RegExp)`,
 * `unhandledRequests()`, `waitForRequest(predicate)`, `clearRecords()`.
 *
 * **Interactions.** `dispatchInteraction(payload)` → `InteractionHandle` with `waitForCallback`,
 * `waitForOriginalEdit`, `waitForFollowUp` (each `{ timeoutMs = 5000, nth = 1 }`), `requests()`,
 * `original` / `followUps` (the messages as the simulator now holds them) and `dispatchedAt`.
 * The same waits exist on the simulator by interaction id / token (`sim.interaction(idOrToken)`
 * gives the handle). `setInteractionDeadline(ms)` changes the 3 s limit on a running simulator.
 *
 * **Faults.** `failNext({ route: /callback$/, status: 429, retryAfter: 0.3, count })` answers with
 * Discord's 429 body and headers (so @discordjs/rest retries); `status: 500 | 502 | 503 | 504`,
 * `'reset'` (socket destroyed), `delayMs` (slow answer). `pendingFaults` counts unused ones.
 *
 * **Gateway** (JSON, uncompressed; discord.js only asks for zlib-stream when `zlib-sync` is
 * installed, which it is not): HELLO (`heartbeatIntervalMs`), IDENTIFY → READY + GUILD_CREATE,
 * heartbeats ACKed (`sim.gateway.ackHeartbeats = false` to stop), RESUME → replay + RESUMED (or
 * INVALID_SESSION after `setResumeBehaviour('invalidate')`). `dropConnections(code = 4000 |
 * 'terminate')` cuts sockets (dispatches meanwhile are replayed on resume);
 * `gateway.requestReconnect()`, `gateway.invalidateSession()`, `gateway.dispatch(t, d)`,
 * `gateway.frames` (a waitable log of every payload both ways), `gateway.openConnections`.
 * Note: after a non-resumable drop, @discordjs/ws waits ~5 s before re-identifying (its
 * identify throttle), so allow for that in timeouts.
 */
import { DiscordSimulator } from './simulator.js';
import type { DiscordSimulatorOptions } from './state.js';

/** Starts a simulator on 127.0.0.1 (ephemeral port). Close it with `sim.close()`. */
export function startDiscordSimulator(options: DiscordSimulatorOptions = {}): Promise<DiscordSimulator> {
  return DiscordSimulator.start(options);
}

export { DiscordSimulator } from './simulator.js';
export { InteractionHandle, type NthOptions } from './interaction-handle.js';
export type { DiscordSimulatorOptions, RecordedRequest } from './state.js';
export type { FaultSpec } from './faults.js';
export type { GatewayFrame } from './gateway-protocol.js';
export type { SimMessage } from './messages.js';
export type { RegisteredCommand } from './command-store.js';
export { CallbackType } from './routes-interactions.js';
export { Op as GatewayOp } from './gateway-protocol.js';
export * from './interactions.js';
export { autocompleteInteraction } from './autocomplete.js';
export * from './fixtures.js';
export { loggedInClient } from './logged-in-client.js';
