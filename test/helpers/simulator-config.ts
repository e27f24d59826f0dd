import { loadBotConfig, type BotConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { DiscordSimulator } from '../../harness/discord-simulator/index.js';

/**
 * The settings of a bot pointed at `sim`, with its folders inside `root` (articles in
 * `root/articles`), no model download and no cooldown unless `env` says otherwise.
 */
export function simulatorBotConfig(sim: DiscordSimulator, root: string, env: Record<string, string> = {}): BotConfig {
  return loadBotConfig(
    {
      DISCORD_TOKEN: sim.token,
      DISCORD_CLIENT_ID: sim.applicationId,
      DISCORD_GUILD_ID: sim.guild.id,
      DISCORD_API_BASE: sim.apiBase,
      ASK_COOLDOWN_SECONDS: '0',
      ARTICLES_DIR: 'articles',
      EMBEDDINGS_DIR: 'embeddings',
      MODELS_DIR: 'models',
      DATA_DIR: 'data',
      MODEL_DOWNLOAD: 'false',
      ...env,
    },
    root,
  );
}

/** A debug-level JSON logger that keeps its lines for assertions, redacting the bot token as main does. */
export function capturingLogger(config: BotConfig): { logger: Logger; logLines: string[] } {
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'json', secrets: [config.DISCORD_TOKEN], write: (line) => logLines.push(line) });
  return { logger, logLines };
}
