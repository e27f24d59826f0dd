import type { Client } from 'discord.js';
import type { BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { IndexStatus } from '../types.js';
import { botHealth } from './health-status.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import { tapInteractions } from './interaction-tap.js';
import { BotMetrics } from './metrics.js';

/** Metrics and the optional health endpoint of one bot process. */
export interface Ops {
  metrics: BotMetrics;
  /** Give this logger to the bot: its interaction lines feed the metrics. */
  logger: Logger;
  /** Starts `/healthz` and `/metrics` on 127.0.0.1:HEALTH_PORT, if HEALTH_PORT is set. */
  serve(client: Client, engine: { current(): { status(): IndexStatus } }): Promise<HealthServer | undefined>;
  close(): Promise<void>;
}

/**
 * Sets up the bot's metrics, counted per command in `commandNames`; the HTTP endpoint stays off
 * unless HEALTH_PORT is configured.
 */
export function createOps(config: Pick<BotConfig, 'HEALTH_PORT'>, logger: Logger, commandNames: readonly string[]): Ops {
  let status: (() => IndexStatus) | undefined;
  const metrics = new BotMetrics({
    commands: commandNames,
    processMetrics: true,
    index: () => {
      const s = status?.();
      return s
        ? { passages: s.passages, builtAt: s.builtAt, mode: s.mode, model: s.model }
        : { passages: 0, builtAt: new Date().toISOString(), mode: 'none', model: null };
    },
  });
  let server: HealthServer | undefined;
  return {
    metrics,
    logger: tapInteractions(logger, metrics),
    async serve(client, engine) {
      status = () => engine.current().status();
      if (config.HEALTH_PORT === undefined) return undefined;
      server = await startHealthServer({ port: config.HEALTH_PORT, metrics, logger, health: () => botHealth(client, status!) });
      return server;
    },
    async close() {
      await server?.close();
    },
  };
}
