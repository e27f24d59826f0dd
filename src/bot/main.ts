import { loadBotConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { createLogger, redact } from '../logger.js';
import { createOps } from '../ops/ops.js';
import { createBot } from './client.js';
import { commandNames, type Command } from './command.js';
import { openEngineHolder } from './open-engine.js';

/**
 * The bot process (`npm start`, through `scripts/bot.ts`, which passes the commands): loads the
 * configuration (failing fast on a bad key), opens the engine, logs in, and runs until
 * SIGINT/SIGTERM, when it finishes the answers in progress and exits 0.
 */
export async function main(commands: readonly Command[]): Promise<void> {
  let config;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The message names the bad keys, not their values; redact anyway in case a token slipped into one.
    process.stderr.write(redact(error.message, [process.env.DISCORD_TOKEN ?? '']) + '\n');
    process.exitCode = 1;
    return;
  }
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.DISCORD_TOKEN],
    ...(config.LOG_FORMAT ? { format: config.LOG_FORMAT } : {}),
  });
  process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { error: reason }));

  const engines = await openEngineHolder(config, logger);
  const ops = createOps(config, logger, commandNames(commands));
  const bot = await createBot(config, engines, ops.logger, { commands });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
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
    process.stderr.write(`casefile bot failed to start: ${redact(text, [process.env.DISCORD_TOKEN ?? ''])}\n`);
    process.exitCode = 1;
    // Nothing should be left running, but a half-started client must not keep a failed bot alive.
    setTimeout(() => process.exit(), 2000).unref();
  });
}
