import { Events, type Client } from 'discord.js';
import type { Logger } from '../logger.js';

interface Outage {
  since: number;
  attempts: number;
  /** The attempt whose line is next printed: 1, 2, 4, 8… */
  nextLogged: number;
}

/**
 * Gateway connection logging that stays readable while Discord is unreachable. discord.js tries to
 * reconnect about every 0.5 s and says so each time; this prints the 1st, 2nd, 4th, 8th… attempt
 * of an outage with a count and the time down, then one line when the connection is back. After
 * `stopping()` (an intentional shutdown) the disconnect and any reconnect are not logged at all.
 */
export class GatewayLog {
  readonly #outages = new Map<number, Outage>();
  #stopping = false;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Listens to the client's shard events. */
  attach(client: Client): this {
    client.on(Events.ShardDisconnect, (event, shardId) => {
      if (!this.#stopping) this.logger.warn('gateway disconnected', { shardId, code: event.code });
    });
    client.on(Events.ShardReconnecting, (shardId) => this.reconnecting(shardId));
    client.on(Events.ShardResume, (shardId, replayed) => this.connected(shardId, { replayed }));
    client.on(Events.ShardReady, (shardId) => this.connected(shardId, {}));
    return this;
  }

  /** The bot is shutting down on purpose: the connection's end is expected, not news. */
  stopping(): void {
    this.#stopping = true;
  }

  /** One reconnect attempt of `shardId`; logged when its number is a power of two. */
  reconnecting(shardId: number): void {
    if (this.#stopping) return;
    let outage = this.#outages.get(shardId);
    if (!outage) this.#outages.set(shardId, (outage = { since: this.now(), attempts: 0, nextLogged: 1 }));
    outage.attempts++;
    if (outage.attempts < outage.nextLogged) return;
    outage.nextLogged *= 2;
    const fields = { shardId, attempt: outage.attempts, downForMs: this.now() - outage.since, nextLogAtAttempt: outage.nextLogged };
    // A blip is routine; an outage that lasts past a few attempts is worth a warning.
    if (outage.attempts >= 4) this.logger.warn('gateway reconnecting', fields);
    else this.logger.info('gateway reconnecting', fields);
  }

  /** `shardId` is connected again (resumed, or a new session is ready). */
  connected(shardId: number, fields: { replayed?: number }): void {
    const outage = this.#outages.get(shardId);
    if (!outage) return;
    this.#outages.delete(shardId);
    if (this.#stopping) return;
    this.logger.info('gateway reconnected', { shardId, attempts: outage.attempts, downForMs: this.now() - outage.since, ...fields });
  }
}
