import { z } from 'zod';
import { describeConfigProblems, loadBotConfig, PROJECT_ROOT, type BotConfig } from '../../config.js';
import { ConfigError } from '../../errors.js';

const COUNT = 'must be auto or a whole number of shards from 1 to 10000';
const IDS = 'must be a comma-separated list of shard ids (whole numbers from 0), e.g. 0,1';
const DELAY = 'must be a whole number of milliseconds from 0 to 60000';

const shardingShape = z.object({
  SHARD_COUNT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (!v || v === 'auto' ? ('auto' as const) : Number(v)))
    .pipe(z.union([z.literal('auto'), z.number(COUNT).int(COUNT).min(1, COUNT).max(10_000, COUNT)])),
  SHARD_IDS: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\s*\d+(\s*,\s*\d+)*\s*$/.test(v), IDS)
    .transform((v) => (v ? [...new Set(v.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b) : undefined)),
  // Discord lets a bot identify one shard per 5 s (per max_concurrency bucket); the supervisor waits
  // this long between spawning shards so a machine's processes never trip that limit together.
  SHARD_SPAWN_DELAY_MS: z.coerce.number(DELAY).int(DELAY).min(0, DELAY).max(60_000, DELAY).default(5500),
});

/** The bot's settings plus the supervisor's own: how many shards in all, which of them here, how fast. */
export type SupervisorConfig = BotConfig & z.infer<typeof shardingShape>;

/**
 * The supervisor's configuration. It checks every key the shards will read as well, so a bad
 * `.env` stops the supervisor once with a clear message instead of killing each shard at start
 * (which would respawn it, and fail again, without end).
 */
export function loadSupervisorConfig(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): SupervisorConfig {
  const bot = loadBotConfig(env, root); // also reads .env into process.env when env is not given
  const source = env ?? process.env;
  const result = shardingShape.safeParse(source);
  if (!result.success)
    throw new ConfigError(
      `Configuration problem (settings come from .env; .env.example documents each key):\n  ${describeConfigProblems(result.error.issues, source).join('\n  ')}`,
    );
  const config = { ...bot, ...result.data };
  if (config.SHARD_COUNT !== 'auto') checkShardIds(config.SHARD_IDS, config.SHARD_COUNT);
  return config;
}

/** Every id in `ids` must be a shard of `count`; the message names the keys, as configuration errors do. */
export function checkShardIds(ids: readonly number[] | undefined, count: number): void {
  const outside = (ids ?? []).filter((id) => id >= count);
  if (outside.length > 0)
    throw new ConfigError(
      `Configuration problem: SHARD_IDS names shard ${outside.join(', ')}, but there are ${count} shards (ids 0 to ${count - 1}): fix SHARD_IDS or SHARD_COUNT in .env.`,
    );
}
