import { loadBotConfig } from '../config.js';
import { createOps } from '../ops/ops.js';
import { createBot } from './client.js';
import { commandNames, type Command } from './command.js';
import { openEngineHolder } from './open-engine.js';
import { configOrExit, processLogger, withoutSecrets } from './process-start.js';
import { shardFromEnv, shardHealthPort } from './sharding/shard-env.js';

/**
 * The bot process (`npm start`, through `scripts/bot.ts`, which passes the commands): loads the
 * configuration (failing fast on a bad key), opens the engine, logs in, and runs until
 * SIGINT/SIGTERM, when it finishes the answers in progress and exits 0.
 */
export async function main(commands: readonly Command[]): Promise<void> {
  // A shard's identity comes from the environment its supervisor gave it, checked like the keys.
  const started = configOrExit(() => ({ config: loadBotConfig(), shard: shardFromEnv(process.env) }));
  if (!started) return;
  const { config, shard } = started;
  // Under the supervisor every line names its shard: the processes of a machine share one log.
  const logger = processLogger(config, shard ? { shard: shard.id } : {});
  process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { error: reason }));

  const engines = await openEngineHolder(config, logger);
  const ops = createOps({ HEALTH_PORT: shardHealthPort(config.HEALTH_PORT, shard) }, logger, commandNames(commands));
  const bot = await createBot(config, engines, ops.logger, { commands, ...(shard ? { shard } : {}) });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals | 'supervisor gone') => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: finishing answers in progress', { signal, pending: bot.router.pending });
    engines.close();
    bot
      .stop()
      .then(() => ops.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('error while shutting down', { error });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A shard whose supervisor died (even by SIGKILL) must not live on unsupervised: the IPC channel
  // discord.js's ShardingManager forks it with closes, and the shard stops as on SIGTERM.
  if (shard && process.connected) process.once('disconnect', () => shutdown('supervisor gone'));

  try {
    await bot.start();
  } catch (error) {
    engines.close();
    await bot.client.destroy();
    throw error;
  }
  engines.watch();
  await ops.serve(bot.client, engines);
}

/** Runs {@link main} as the process's entry point: a failure to start is printed (token redacted) and exits 1. */
export function runBot(commands: readonly Command[]): void {
  main(commands).catch((error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`casefile bot failed to start: ${withoutSecrets(text)}\n`);
    process.exitCode = 1;
    // Nothing should be left running, but a half-started client must not keep a failed bot alive.
    setTimeout(() => process.exit(), 2000).unref();
  });
}
