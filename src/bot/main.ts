import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadBotConfig } from '../config.js';
import { createLogger, redact } from '../logger.js';
import { createOps } from '../ops/ops.js';
import { createBot } from './client.js';
import { openEngineHolder } from './open-engine.js';

/**
 * `npm start`: loads the configuration (failing fast on a bad key), opens the engine, logs in, and
 * runs until SIGINT/SIGTERM, when it finishes the answers in progress and exits 0.
 */
export async function main(): Promise<void> {
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
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { error: reason }));

  const engines = await openEngineHolder(config, logger);
  const ops = createOps(config, logger);
  const bot = await createBot(config, engines, ops.logger);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down: finishing answers in progress', { signal, pending: bot.router.pending });
    engines.close();
    bot.stop().then(() => ops.close()).then(
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

/** True when node was started with this file (not when a test imports it). */
function isEntryPoint(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`casefile bot failed to start: ${redact(text, [process.env.DISCORD_TOKEN ?? ''])}\n`);
    process.exitCode = 1;
    // Nothing should be left running, but a half-started client must not keep a failed bot alive.
    setTimeout(() => process.exit(), 2000).unref();
  });
}
