import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Command } from './command.js';
import { resolvePath, type BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotEngine } from './bot-engine.js';
import { openStore, type OpenedStore } from './stores/open-store.js';
import { gatewayOptions } from './gateway.js';
import { GatewayLog } from './gateway-log.js';
import { InteractionRouter } from './router.js';
import { CuratedQuestions } from './autocomplete/curated-questions.js';
import { QuestionSuggester } from './autocomplete/suggester.js';
import { clientForShard, type ShardIdentity } from './sharding/shard-env.js';

/** Where the bot gets the engine for each interaction (an EngineHolder, or a fixed engine in tests). */
export interface EngineSource {
  current(): BotEngine;
}

export interface BotOptions {
  /** The commands the bot serves (every command in `commands/index.ts`, in production). */
  commands: readonly Command[];
  /** How long `stop()` waits for answers in progress. */
  drainTimeoutMs?: number;
  /** The shard this process runs when a supervisor spawned it; absent, the one shard of an unsharded bot. */
  shard?: ShardIdentity;
}

/** A bot ready to log in; see `createBot`. */
export interface Bot {
  client: Client;
  router: InteractionRouter;
  /** Answers, votes and the question log (`DATA_DIR/casefile.db`, or PostgreSQL with DATABASE_URL). */
  store: OpenedStore['store'];
  /** Logs in and resolves once the gateway says the bot is ready. */
  start(): Promise<void>;
  /** Stops taking new interactions, lets answers in progress finish, then disconnects. */
  stop(): Promise<void>;
}

/**
 * Builds the Discord client and everything behind it (stores, cooldowns, router), without
 * connecting: `start()` logs in. Tests start it in-process against the Discord simulator.
 */
export async function createBot(config: BotConfig, engines: EngineSource, logger: Logger, options: BotOptions): Promise<Bot> {
  const dataDir = resolvePath(config, config.DATA_DIR);
  const opened = await openStore({
    dataDir,
    databaseUrl: config.DATABASE_URL,
    questionLogDays: config.QUESTION_LOG_DAYS,
    logger,
    pruneTimer: true,
  });
  const { store, members } = opened;
  const router = new InteractionRouter({
    commands: options.commands,
    engine: () => engines.current(),
    answers: store.answers,
    feedback: store.votes,
    questions: store.questions,
    member: (userId) => members.of(userId),
    conversations: store.conversations,
    cooldowns: opened.cooldowns(config.ASK_COOLDOWN_SECONDS),
    suggestions: new QuestionSuggester(store.questions, new CuratedQuestions(resolvePath(config, config.ARTICLES_DIR), logger), logger),
    logger,
  });

  const client = clientForShard(
    { intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_BASE }, ws: gatewayOptions(config.DISCORD_GATEWAY_URL) },
    options.shard,
  );
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  // Without an 'error' listener an EventEmitter error would throw and end the process.
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));
  client.on(Events.ShardError, (error, shardId) => logger.error('gateway connection error', { shardId, error }));
  const gatewayLog = new GatewayLog(logger).attach(client);

  let stopped = false;
  return {
    client,
    router,
    store,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.DISCORD_TOKEN);
      await ready;
      // startupMs: from process start, so an operator sees the whole cold start in one line.
      const startupMs = Math.round(process.uptime() * 1000);
      logger.info('bot ready', { user: client.user?.tag, applicationId: client.application?.id, commands: router.commandNames, startupMs });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      router.stopAccepting();
      const drained = await router.drain(options.drainTimeoutMs ?? 20_000);
      if (!drained) logger.warn('stopping with answers still in progress', { pending: router.pending });
      gatewayLog.stopping();
      await client.destroy();
      // After the drain, so answers in progress can still save their buttons and log their question.
      await opened.close();
      logger.info('bot stopped');
    },
  };
}
