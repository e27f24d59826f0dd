import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../../commands/index.js';
import { createBot, type Bot } from '../../src/bot/client.js';
import { commandNames } from '../../src/bot/command.js';
import type { EngineHolder } from '../../src/bot/engine-holder.js';
import { openEngineHolder } from '../../src/bot/open-engine.js';
import type { BotConfig } from '../../src/config.js';
import type { Engine } from '../../src/engine.js';
import type { HealthServer } from '../../src/ops/health-server.js';
import { createOps, type Ops } from '../../src/ops/ops.js';
import type { Embedder } from '../../src/types.js';
import {
  chatInputInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type DiscordSimulatorOptions,
  type InteractionHandle,
  type InvocationOptions,
} from '../../harness/discord-simulator/index.js';
import { SHIPPED_ARTICLES } from '../../harness/workspace.js';
import { capturingLogger, simulatorBotConfig } from './simulator-config.js';

export interface ConfiguredBotOptions {
  /** Settings on top of the defaults (temp folders, simulator ids, cooldown 0, no download). */
  env?: Record<string, string>;
  /** Omitted: the model named by the config is loaded (or not) exactly as `npm start` does. */
  embedder?: Embedder | null;
  simulator?: DiscordSimulatorOptions;
  /** Prepares the project folder (e.g. a broken model copy) before the engine opens. */
  prepare?: (root: string) => Promise<void>;
}

/** A bot composed exactly like `src/bot/main.ts` (engine holder, ops with metrics, health endpoint), logged in to a simulator. */
export interface ConfiguredBot {
  sim: DiscordSimulator;
  bot: Bot;
  engines: EngineHolder<Engine>;
  ops: Ops;
  health: HealthServer | undefined;
  config: BotConfig;
  root: string;
  logLines: string[];
  logs(msg: string): Array<Record<string, unknown>>;
  slash(name: string, options?: InvocationOptions & { options?: Record<string, string | number | boolean> }): InteractionHandle;
  ask(question: string, who?: InvocationOptions): InteractionHandle;
  close(): Promise<void>;
}

export async function startConfiguredBot(options: ConfiguredBotOptions = {}): Promise<ConfiguredBot> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-rel-'));
  await cp(SHIPPED_ARTICLES, path.join(root, 'articles'), { recursive: true });
  await options.prepare?.(root);
  const sim = await startDiscordSimulator(options.simulator);
  const config = simulatorBotConfig(sim, root, options.env);
  const { logger, logLines } = capturingLogger(config);
  const engines = await openEngineHolder(config, logger, {
    pollMs: 0,
    ...(options.embedder !== undefined ? { embedder: options.embedder } : {}),
  });
  const ops = createOps(config, logger, commandNames(commands));
  const bot = await createBot(config, engines, ops.logger, { commands });
  try {
    await bot.start();
  } catch (error) {
    await bot.client.destroy();
    await sim.close();
    throw error;
  }
  const health = await ops.serve(bot.client, engines);
  return {
    sim,
    bot,
    engines,
    ops,
    health,
    config,
    root,
    logLines,
    logs: (msg) => logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === msg),
    slash: (name, { options: values, ...who } = {}) =>
      sim.dispatchInteraction(chatInputInteraction({ ...who, name, ...(values ? { options: values } : {}) })),
    ask: (question, who = {}) => sim.dispatchInteraction(chatInputInteraction({ ...who, name: 'ask', options: { question } })),
    async close() {
      engines.close();
      await bot.stop();
      await ops.close();
      await sim.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
