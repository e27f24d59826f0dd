import type { ChildProcess } from 'node:child_process';
import { REST } from '@discordjs/rest';
import { Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../../logger.js';
import { RespawnBackoff } from './respawn-backoff.js';
import { checkShardIds, type SupervisorConfig } from './supervisor-config.js';

/** How long a shard may take from spawn to ready: a first start may build the index. */
const READY_TIMEOUT_MS = 120_000;
/** How long a shard may take to finish its answers after SIGTERM before it is killed (the bot drains for 20 s). */
const STOP_GRACE_MS = 30_000;

/** What the supervisor needs besides the configuration. */
export interface SupervisorOptions {
  /** The bot's entry point that each shard process runs (`dist/scripts/bot.js` in production). */
  file: string;
  /** Node flags for the shard processes (the supervisor's own, so a tsx run spawns tsx shards). */
  execArgv: string[];
  logger: Logger;
}

/** One machine's share of the bot: a process per shard in `shardIds`, respawned when it dies. */
export interface Supervisor {
  manager: ShardingManager;
  /** Resolves once every shard of this machine is ready; rejects if one cannot start. */
  start(): Promise<{ totalShards: number; shardIds: number[] }>;
  /** Stops respawning and SIGTERMs every shard; true when all finished their answers and exited 0. */
  stop(): Promise<boolean>;
}

/**
 * The shard count Discord recommends (`GET /gateway/bot`), asked of the configured API base.
 * discord.js's own `totalShards: 'auto'` always asks discord.com, whatever the client's API base.
 */
export async function recommendedShardCount(apiBase: string, token: string): Promise<number> {
  // No sweeper timers: this REST client answers one call and is dropped.
  const rest = new REST({ api: apiBase, hashSweepInterval: 0, handlerSweepInterval: 0 }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/**
 * A discord.js `ShardingManager` that spawns one process per shard of this machine, waiting
 * `SHARD_SPAWN_DELAY_MS` between them, and respawns any that dies, logging each death and respawn
 * with a count. Respawning is ours, not discord.js's (which respawns at once, every time), so a
 * shard that keeps dying waits longer each time (see respawn-backoff.ts). The token goes to the
 * shards through their environment and is never logged.
 */
export function createSupervisor(config: SupervisorConfig, options: SupervisorOptions): Supervisor {
  const { logger } = options;
  const manager = new ShardingManager(options.file, {
    token: config.DISCORD_TOKEN,
    respawn: false,
    mode: 'process',
    execArgv: options.execArgv,
  });
  const respawns = new Map<number, number>();
  const running = new Set<ChildProcess>();
  const backoff = new RespawnBackoff();
  const pending = new Set<NodeJS.Timeout>();
  let stopping = false;

  const respawnLater = (shard: Shard, delayMs: number) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (stopping) return;
      shard.spawn(READY_TIMEOUT_MS).catch((error: unknown) => logger.error('shard failed to start', { shardId: shard.id, error }));
    }, delayMs);
    pending.add(timer);
  };

  manager.on('shardCreate', (shard: Shard) => {
    // mode 'process': every shard is a child process, never a worker thread.
    shard.on('spawn', (spawned) => {
      const child = spawned as ChildProcess;
      running.add(child);
      // A shard spawned while stopping (the spawn loop or a respawn was under way) is stopped at once.
      if (stopping) child.kill('SIGTERM');
      backoff.spawned(shard.id);
      const count = respawns.get(shard.id) ?? 0;
      if (count === 0) logger.info('shard spawned', { shardId: shard.id, pid: child.pid });
      else logger.warn('shard respawned', { shardId: shard.id, pid: child.pid, respawns: count });
    });
    shard.on('death', (spawned) => {
      const child = spawned as ChildProcess;
      running.delete(child);
      const fields = { shardId: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode, respawning: !stopping };
      if (stopping) {
        logger.info('shard stopped', fields);
        return;
      }
      respawns.set(shard.id, (respawns.get(shard.id) ?? 0) + 1);
      const respawnInMs = backoff.died(shard.id);
      logger.error('shard process died', { ...fields, respawnInMs });
      respawnLater(shard, respawnInMs);
    });
    shard.on('ready', () => logger.info('shard ready', { shardId: shard.id, respawns: respawns.get(shard.id) ?? 0 }));
    // Without a listener a failed respawn would be thrown on the EventEmitter and end the supervisor.
    shard.on('error', (error: unknown) => logger.error('shard failed to start', { shardId: shard.id, error }));
  });

  return {
    manager,
    async start() {
      const totalShards =
        config.SHARD_COUNT === 'auto' ? await recommendedShardCount(config.DISCORD_API_BASE, config.DISCORD_TOKEN) : config.SHARD_COUNT;
      checkShardIds(config.SHARD_IDS, totalShards);
      const shardIds = config.SHARD_IDS ?? [...Array(totalShards).keys()];
      manager.totalShards = totalShards;
      manager.shardList = shardIds;
      logger.info('starting shards', { totalShards, shardIds, source: config.SHARD_COUNT === 'auto' ? 'GET /gateway/bot' : 'SHARD_COUNT' });
      await manager.spawn({ amount: totalShards, delay: config.SHARD_SPAWN_DELAY_MS, timeout: READY_TIMEOUT_MS });
      logger.info('all shards ready', { totalShards, shardIds });
      return { totalShards, shardIds };
    },
    async stop() {
      stopping = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      const exits = [...running].map((child) => stopChild(child));
      return (await Promise.all(exits)).every(Boolean);
    },
  };
}

/** SIGTERMs `child` and waits for it (SIGKILL after the grace period); true when it exited 0. */
function stopChild(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode === 0);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code === 0);
    });
    child.kill('SIGTERM');
  });
}
