import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commands } from '../../commands/index.js';
import { createBot, type Bot } from '../../src/bot/client.js';
import type { EngineHolder } from '../../src/bot/engine-holder.js';
import { openEngineHolder } from '../../src/bot/open-engine.js';
import type { BotConfig } from '../../src/config.js';
import type { Engine } from '../../src/engine.js';
import type { Embedder } from '../../src/types.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageContextInteraction,
  startDiscordSimulator,
  type DiscordSimulator,
  type InteractionHandle,
  type InvocationOptions,
} from '../../harness/discord-simulator/index.js';
import { loadTinyEmbedder } from './tiny-embedder.js';
import { capturingLogger, simulatorBotConfig } from './simulator-config.js';

const SHIPPED_ARTICLES = fileURLToPath(new URL('../../data/articles/', import.meta.url));

export interface BotHarnessOptions {
  /** `'tiny'` (default): hybrid search with the committed tiny model; `null`: keyword mode; or any embedder (a slow one, say). */
  embedder?: 'tiny' | Embedder | null;
  /** ASK_COOLDOWN_SECONDS; default 0 so tests can ask back to back. */
  cooldownSeconds?: number;
  /** Milliseconds the engine holder waits after file events before reloading. */
  debounceMs?: number;
  /** Further settings (they win over the harness's). */
  env?: Record<string, string>;
}

/** A running bot (real discord.js client, real engine over a copy of the shipped articles) logged in to a simulator. */
export interface BotHarness {
  sim: DiscordSimulator;
  readonly bot: Bot;
  engines: EngineHolder<Engine>;
  config: BotConfig;
  /** Temporary project root holding `articles/`, `embeddings/` and `data/`. */
  root: string;
  articlesDir: string;
  /** Every log line the bot wrote (JSON). */
  logLines: string[];
  /** Parsed log records whose `msg` is `msg`. */
  logs(msg: string): Array<Record<string, unknown>>;
  /** `/ask question:<question> [private:<bool>]` as `user`. */
  ask(question: string, options?: InvocationOptions & { private?: boolean }): InteractionHandle;
  slash(name: string, options?: InvocationOptions & { options?: Record<string, string | number | boolean> }): InteractionHandle;
  button(customId: string, options?: InvocationOptions): InteractionHandle;
  checkMessage(content: string, options?: InvocationOptions): InteractionHandle;
  /** A member typing `value` into option `focused` of `/command` (an autocomplete interaction). */
  autocomplete(command: string, focused: string, value: string, options?: InvocationOptions): InteractionHandle;
  /** Stops the bot and starts a new one on the same data folder and engine, as a process restart would. */
  restart(): Promise<void>;
  /** Stops the bot, the simulator and the watcher, and deletes the temporary folder. */
  close(): Promise<void>;
}

/** Starts simulator, engine and bot; the bot is logged in and ready when this resolves. */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-bot-'));
  const articlesDir = path.join(root, 'articles');
  await cp(SHIPPED_ARTICLES, articlesDir, { recursive: true });
  const sim = await startDiscordSimulator();
  const config = simulatorBotConfig(sim, root, { ASK_COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0), ...options.env });
  const { logger, logLines } = capturingLogger(config);
  const embedder = options.embedder === undefined || options.embedder === 'tiny' ? await loadTinyEmbedder() : options.embedder;
  const engines = await openEngineHolder(config, logger, {
    embedder,
    pollMs: 0,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  });
  const start = async () => {
    const bot = await createBot(config, engines, logger, { commands });
    try {
      await bot.start();
    } catch (error) {
      await bot.client.destroy();
      throw error;
    }
    return bot;
  };
  let bot: Bot;
  try {
    bot = await start();
  } catch (error) {
    engines.close();
    await sim.close();
    throw error;
  }

  return {
    sim,
    get bot() {
      return bot;
    },
    engines,
    config,
    root,
    articlesDir,
    logLines,
    logs: (msg) => logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === msg),
    ask: (question, { private: isPrivate, ...who } = {}) =>
      sim.dispatchInteraction(
        chatInputInteraction({ ...who, name: 'ask', options: { question, ...(isPrivate === undefined ? {} : { private: isPrivate }) } }),
      ),
    slash: (name, { options: values, ...who } = {}) =>
      sim.dispatchInteraction(chatInputInteraction({ ...who, name, ...(values ? { options: values } : {}) })),
    button: (customId, who = {}) => sim.dispatchInteraction(buttonInteraction({ ...who, customId })),
    autocomplete: (command, focused, value, who = {}) =>
      sim.dispatchInteraction(autocompleteInteraction({ ...who, name: command, focused, value })),
    checkMessage: (content, who = {}) =>
      sim.dispatchInteraction(messageContextInteraction({ ...who, name: 'Check against sources', targetMessage: { content } })),
    async restart() {
      await bot.stop();
      bot = await start();
    },
    async close() {
      engines.close();
      await bot.stop();
      await sim.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
