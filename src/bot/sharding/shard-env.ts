import { Client, type ClientOptions } from 'discord.js';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';

/** Which gateway shard this process runs, and of how many. */
export interface ShardIdentity {
  id: number;
  count: number;
}

const whole = z.coerce.number().int().min(0);
const managed = z.object({
  SHARDING_MANAGER: z.literal('true'),
  // discord.js's ShardingManager gives each process one shard id, and the total of all machines.
  SHARDS: whole,
  SHARD_COUNT: whole.min(1),
});

/**
 * The shard a discord.js `ShardingManager` spawned this process for (`SHARDING_MANAGER`, `SHARDS`,
 * `SHARD_COUNT` in its environment), or undefined for a bot started on its own (`npm start`), which
 * runs the one shard of an unsharded bot. An inconsistent environment is an error, not a guess.
 */
export function shardFromEnv(env: NodeJS.ProcessEnv = process.env): ShardIdentity | undefined {
  if (env.SHARDING_MANAGER !== 'true') return undefined;
  const parsed = managed.safeParse(env);
  if (!parsed.success || parsed.data.SHARDS >= parsed.data.SHARD_COUNT)
    throw new ConfigError(`a shard process needs SHARDS below SHARD_COUNT (got SHARDS=${env.SHARDS}, SHARD_COUNT=${env.SHARD_COUNT})`);
  return { id: parsed.data.SHARDS, count: parsed.data.SHARD_COUNT };
}

/** The discord.js client options for the shard: always explicit, never left to discord.js's defaults. */
export function clientShardOptions(shard: ShardIdentity | undefined): { shards: number[]; shardCount: number } {
  return shard ? { shards: [shard.id], shardCount: shard.count } : { shards: [0], shardCount: 1 };
}

/**
 * A discord.js client for the shard. Wherever its options equal discord.js's defaults (one shard
 * is the default), its constructor reads `SHARDS` and `SHARD_COUNT` from the environment, where a
 * `.env` written for the supervisor (`SHARD_COUNT=auto`) would make a lone bot fail to start. So the
 * two are hidden from the constructor, the one place discord.js reads them, and put back after.
 */
export function clientForShard(options: ClientOptions, shard: ShardIdentity | undefined): Client {
  const saved = { SHARDS: process.env.SHARDS, SHARD_COUNT: process.env.SHARD_COUNT };
  delete process.env.SHARDS;
  delete process.env.SHARD_COUNT;
  try {
    return new Client({ ...options, ...clientShardOptions(shard) });
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
  }
}

/**
 * Each shard process serves `/healthz` on `HEALTH_PORT + shard id`, so the processes of one machine
 * never collide, and every machine of a bot can use the same `HEALTH_PORT`.
 */
export function shardHealthPort(base: number | undefined, shard: ShardIdentity | undefined): number | undefined {
  if (base === undefined || !shard) return base;
  const port = base + shard.id;
  if (port > 65535) throw new Error(`HEALTH_PORT ${base} + shard ${shard.id} is past 65535: choose a lower HEALTH_PORT`);
  return port;
}
