import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSupervisor } from '../src/bot/sharding/supervisor.js';
import { configOrExit, processLogger } from '../src/bot/process-start.js';
import { loadSupervisorConfig } from '../src/bot/sharding/supervisor-config.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const USAGE = `Usage: npm run start:sharded [-- --help]     (in production: node dist/scripts/supervisor.js)
Runs the bot as one process per gateway shard (discord.js ShardingManager) and respawns a shard
process that dies. SIGTERM or SIGINT stops every shard cleanly (each finishes its answers).
Settings come from .env, as for npm start, plus:
  SHARD_COUNT           shards of the whole bot, on every machine: auto (default: what Discord's
                        GET /gateway/bot recommends) or a number; all machines must agree
  SHARD_IDS             the shards this machine runs, e.g. 0,1 (default: all of them)
  SHARD_SPAWN_DELAY_MS  pause between starting two shards (default 5500: Discord's identify limit)
  HEALTH_PORT           shard N serves /healthz and /metrics on HEALTH_PORT + N`;

/** The bot entry point beside this file: dist/scripts/bot.js when built, scripts/bot.ts under tsx. */
function botEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return path.join(path.dirname(self), `bot${path.extname(self)}`);
}

/**
 * `npm run start:sharded`: the supervisor of one machine's shards. Exits 0 after a clean stop,
 * 1 when the configuration is wrong, a shard cannot start, or a shard did not stop cleanly.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (!parseCommandLine(argv, { usage: USAGE, options: {} })) return;
  const config = configOrExit(loadSupervisorConfig);
  if (!config) return;
  const logger = processLogger(config, { role: 'supervisor' });
  const supervisor = createSupervisor(config, { file: botEntry(), execArgv: process.execArgv, logger });
  let stopped: Promise<void> | undefined;
  const stop = (reason: string) =>
    (stopped ??= (async () => {
      logger.info('stopping every shard', { reason });
      const clean = await supervisor.stop();
      logger.info('supervisor stopped', { clean });
      if (!clean || process.exitCode === undefined) process.exitCode = clean ? 0 : 1;
    })());
  // The shards get the signal themselves from a terminal's Ctrl-C; the supervisor passes it on for
  // systemd and Docker, which signal only the main process (KillMode=mixed).
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  try {
    await supervisor.start();
  } catch (error) {
    logger.error('shards could not start', { error });
    process.exitCode = 1;
    await stop('start failed');
  }
}

if (isMain(import.meta.url)) runMain(main);
