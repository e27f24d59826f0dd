import { ConfigError } from '../errors.js';
import { createLogger, redact, type LogFields, type Logger, type LogLevel } from '../logger.js';
import { databaseSecrets } from './stores/postgres/database.js';

/**
 * What the bot and its supervisor do alike when their process starts: read the configuration
 * (failing fast on a bad key), and log without ever printing the token or the database password.
 */

/** The settings a process's logger needs. */
export interface ProcessLogSettings {
  LOG_LEVEL: LogLevel;
  LOG_FORMAT?: 'json' | 'pretty' | undefined;
  DISCORD_TOKEN: string;
  DATABASE_URL?: string | undefined;
}

/** `text` without the token or the database password the environment holds. */
export function withoutSecrets(text: string): string {
  return redact(text, [process.env.DISCORD_TOKEN ?? '', ...databaseSecrets(process.env.DATABASE_URL)]);
}

/**
 * The configuration `load` reads, or undefined when a key is wrong: the error that names it goes
 * to stderr (redacted, in case a secret slipped into a value) and the exit code is set to 1.
 */
export function configOrExit<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(withoutSecrets(error.message) + '\n');
    process.exitCode = 1;
    return undefined;
  }
}

/** The process's logger, `bound` fields on every line, the token and database password redacted. */
export function processLogger(config: ProcessLogSettings, bound: LogFields = {}): Logger {
  return createLogger(
    {
      level: config.LOG_LEVEL,
      secrets: [config.DISCORD_TOKEN, ...databaseSecrets(config.DATABASE_URL)],
      ...(config.LOG_FORMAT ? { format: config.LOG_FORMAT } : {}),
    },
    bound,
  );
}
