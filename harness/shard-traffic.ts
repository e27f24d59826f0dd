import {
  chatInputInteraction,
  guildFixture,
  type DiscordSimulator,
  type GuildFixture,
  type InteractionHandle,
} from './discord-simulator/index.js';
import { finalReply, visibleText, type Reply } from './interaction-reply.js';
import { otherUser } from './other-user.js';

/** `count` guilds; guild n is on shard n % shards, by Discord's rule `(guild_id >> 22) % num_shards`. */
export function shardedGuilds(count: number, shards: number): GuildFixture[] {
  // A base that is a multiple of the shard count, so guild n lands on shard n % shards.
  const base = 1_700_000_000_000n - (1_700_000_000_000n % BigInt(shards));
  return [...Array(count).keys()].map((n) => guildFixture({ id: String((base + BigInt(n)) << 22n), name: `guild-${n}` }));
}

/** One planned `/ask`. */
export interface PlannedAsk {
  guild: GuildFixture;
  shard: number;
  /** Index for `otherUser`: a distinct member per ask keeps the cooldown out of the bulk traffic. */
  user: number;
  question: string;
}

/** A dispatched `/ask`: whether the gateway delivered it to a connected shard, and the reply if so. */
export interface SentAsk extends PlannedAsk {
  handle: InteractionHandle;
  delivered: boolean;
  reply?: Reply;
}

/**
 * Whether the simulator sent this interaction on an open gateway socket. A shard that is down
 * (no socket) never receives it: its session keeps it for a RESUME that a restarted process, which
 * identifies afresh, never makes — as on Discord.
 */
export function wasDelivered(sim: DiscordSimulator, interactionId: string): boolean {
  return sim.gateway.frames.items.some(
    (f) => f.direction === 'sent' && f.t === 'INTERACTION_CREATE' && (f.d as { id?: string }).id === interactionId,
  );
}

/** Initial responses the bot made to the interaction (accepted or not, faults excluded). */
export function callbacksOf(ask: SentAsk): number {
  return ask.handle.requests().filter((r) => r.route === 'interactionCallback' && !r.fault).length;
}

/** Dispatches one ask now (synchronously); delivery is known at once. */
export function dispatchAsk(sim: DiscordSimulator, ask: PlannedAsk): SentAsk {
  const payload = chatInputInteraction({ ...otherUser(ask.user), guild: ask.guild, name: 'ask', options: { question: ask.question } });
  const handle = sim.dispatchInteraction(payload);
  return { ...ask, handle, delivered: wasDelivered(sim, payload.id) };
}

/**
 * Sends `plan` with at most `concurrency` delivered asks awaiting their answer at a time, and waits
 * for every delivered one's final reply (generous timeout: this is about delivery, not speed).
 */
export async function sendAsks(sim: DiscordSimulator, plan: readonly PlannedAsk[], concurrency = 12): Promise<SentAsk[]> {
  const sent: SentAsk[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const ask = dispatchAsk(sim, plan[next++]!);
      sent.push(ask);
      if (ask.delivered) ask.reply = await finalReply(ask.handle, 120_000);
    }
  };
  await Promise.all([...Array(concurrency)].map(worker));
  return sent;
}

/** Resolves once the simulator has fewer than `connected` gateway sockets open: a shard's socket closed. */
export async function waitForDisconnect(sim: DiscordSimulator, connected: number, timeoutMs = 60_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; sim.gateway.openConnections >= connected; await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() > until) throw new Error(`still ${sim.gateway.openConnections} gateway connections after ${timeoutMs} ms`);
}

/** The visible text of an ask's reply ('' when it had none). */
export function replyText(ask: SentAsk): string {
  return ask.reply ? visibleText(ask.reply.message) : '';
}

/** The custom ids of the buttons on an ask's reply. */
export function buttonIds(ask: SentAsk): string[] {
  return (ask.reply?.message.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}
