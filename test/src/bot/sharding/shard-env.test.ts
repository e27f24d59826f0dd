import { ConfigError } from '../../../../src/errors.js';
import { Client } from 'discord.js';
import { clientForShard, clientShardOptions, shardFromEnv, shardHealthPort } from '../../../../src/bot/sharding/shard-env.js';
import { loadSupervisorConfig } from '../../../../src/bot/sharding/supervisor-config.js';
import { DEFAULT_BOT_TOKEN } from '../../../../harness/discord-simulator/fixtures.js';

const BOT = { DISCORD_TOKEN: DEFAULT_BOT_TOKEN, DISCORD_CLIENT_ID: '1150000000000000001' };

test('a process the ShardingManager spawned reads its shard from SHARDS and SHARD_COUNT', () => {
  expect(shardFromEnv({ SHARDING_MANAGER: 'true', SHARDS: '3', SHARD_COUNT: '4' })).toEqual({ id: 3, count: 4 });
  expect(() => shardFromEnv({ SHARDING_MANAGER: 'true', SHARDS: '4', SHARD_COUNT: '4' })).toThrow(ConfigError);
  // A lone bot ignores a SHARD_COUNT meant for the supervisor, and tells discord.js so explicitly.
  expect(shardFromEnv({ SHARD_COUNT: 'auto' })).toBeUndefined();
  expect(clientShardOptions(undefined)).toEqual({ shards: [0], shardCount: 1 });
  expect(clientShardOptions({ id: 3, count: 4 })).toEqual({ shards: [3], shardCount: 4 });
});

test('a lone bot starts with a SHARD_COUNT meant for the supervisor in its environment', () => {
  const saved = { SHARDS: process.env.SHARDS, SHARD_COUNT: process.env.SHARD_COUNT };
  process.env.SHARD_COUNT = 'auto';
  delete process.env.SHARDS;
  try {
    // discord.js itself reads it when the options look like its defaults (one shard), and fails.
    expect(() => new Client({ intents: [], shards: [0], shardCount: 1 })).toThrow(/shardCount/);
    const lone = clientForShard({ intents: [] }, undefined);
    expect([lone.options.shards, lone.options.shardCount]).toEqual([[0], 1]);
    const third = clientForShard({ intents: [] }, { id: 3, count: 4 });
    expect([third.options.shards, third.options.shardCount]).toEqual([[3], 4]);
    expect(process.env.SHARD_COUNT).toBe('auto');
    void lone.destroy();
    void third.destroy();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});

test('shard N serves health on HEALTH_PORT + N; off stays off', () => {
  expect(shardHealthPort(9000, { id: 3, count: 4 })).toBe(9003);
  expect(shardHealthPort(9000, undefined)).toBe(9000);
  expect(shardHealthPort(undefined, { id: 3, count: 4 })).toBeUndefined();
  expect(() => shardHealthPort(65535, { id: 1, count: 2 })).toThrow(/lower HEALTH_PORT/);
});

test('the supervisor configuration: SHARD_COUNT auto or a number, SHARD_IDS a list within it', () => {
  const config = (env: Record<string, string>) => loadSupervisorConfig({ ...BOT, ...env }, '/nonexistent');
  expect(config({})).toMatchObject({ SHARD_COUNT: 'auto', SHARD_SPAWN_DELAY_MS: 5500 });
  expect(config({}).SHARD_IDS).toBeUndefined();
  expect(config({ SHARD_COUNT: '4', SHARD_IDS: ' 3, 2,2 ' })).toMatchObject({ SHARD_COUNT: 4, SHARD_IDS: [2, 3] });
  expect(() => config({ SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT must be auto or a whole number/);
  expect(() => config({ SHARD_IDS: '0;1' })).toThrow(/SHARD_IDS must be a comma-separated list/);
  expect(() => config({ SHARD_COUNT: '2', SHARD_IDS: '1,2' })).toThrow(/SHARD_IDS names shard 2, but there are 2 shards/);
  // The bot's own keys are checked too, before any shard starts.
  expect(() => config({ DISCORD_TOKEN: '' })).toThrow(/DISCORD_TOKEN is not set/);
});
