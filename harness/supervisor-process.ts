import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DiscordSimulator } from './discord-simulator/index.js';
import { spawnScript, type RunningScript } from './spawn-script.js';
import { simulatorBotEnv } from './bot-process.js';
import { SHIPPED_ARTICLES } from './workspace.js';

type LogRecord = Record<string, unknown>;

/** `scripts/supervisor.ts` running as its own process, its shards logging to the same stderr. */
export interface SupervisorProcess {
  run: RunningScript;
  /** The host's own folder: articles, embeddings, data. */
  root: string;
  /** HEALTH_PORT: shard N serves on this + N. */
  healthPort: number;
  /** Parsed JSON log lines of the supervisor and its shards, optionally those with this `msg` and fields. */
  logs(msg?: string, fields?: LogRecord): LogRecord[];
  /** Waits (bounded) for the `nth` log line with this `msg` and these fields. */
  waitForLog(msg: string, fields?: LogRecord, options?: { nth?: number; timeoutMs?: number }): Promise<LogRecord>;
  /** The pid of shard `id`'s current process, from the supervisor's spawn lines. */
  shardPid(id: number): number;
  /** SIGKILLs the supervisor and every shard process it started (if still running); removes the folder. */
  dispose(): Promise<void>;
}

/** A base port such that it and the next `count - 1` ports were free a moment ago. */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const bound = await Promise.all([...Array(count).keys()].map((i) => bindable(base + i)));
    if (bound.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts a supervisor (through tsx, so its shards run `scripts/bot.ts` through tsx too; or the built
 * one with `built`) logged in to
 * `sim` with the tiny model, in `root` (a new temporary folder by default, holding the shipped
 * articles). `env` adds or overrides keys (SHARD_COUNT, SHARD_IDS, DATABASE_URL…).
 */
export async function startSupervisorProcess(
  sim: DiscordSimulator,
  options: { env?: Record<string, string>; root?: string; healthPort?: number; args?: string[]; built?: boolean } = {},
): Promise<SupervisorProcess> {
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), 'casefile-host-')));
  await mkdir(root, { recursive: true });
  await cp(SHIPPED_ARTICLES, path.join(root, 'articles'), { recursive: true, force: false });
  const healthPort = options.healthPort ?? (await freePortRange(4));
  const run = spawnScript(
    // built: the compiled supervisor (npm run build first), whose shards then run dist/scripts/bot.js.
    options.built ? 'dist/scripts/supervisor.js' : 'scripts/supervisor.ts',
    {
      ...simulatorBotEnv(sim, root),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      HEALTH_PORT: String(healthPort),
      SHARD_SPAWN_DELAY_MS: '0',
      ...options.env,
    },
    { timeoutMs: 60 * 60_000, tsx: !options.built, ...(options.args ? { args: options.args } : {}) },
  );
  let exited = false;
  void run.done.then(() => (exited = true));
  const logs = (msg?: string, fields: LogRecord = {}) =>
    run
      .output()
      .split('\n')
      .flatMap((line) => {
        if (!line.startsWith('{')) return [];
        try {
          return [JSON.parse(line) as LogRecord];
        } catch {
          return [];
        }
      })
      .filter((r) => (msg === undefined || r.msg === msg) && Object.entries(fields).every(([k, v]) => r[k] === v));
  const waitForLog = async (msg: string, fields: LogRecord = {}, { nth = 1, timeoutMs = 120_000 } = {}) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = logs(msg, fields)[nth - 1];
      if (found) return found;
      if (exited || Date.now() > until)
        throw new Error(
          `no "${msg}" ${JSON.stringify(fields)} #${nth} (${exited ? 'exited' : 'timed out'}). Output:\n${run.output().slice(-4000)}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const pids = () =>
    [...logs('shard spawned'), ...logs('shard respawned')].map((r) => ({ shardId: Number(r.shardId), pid: Number(r.pid) }));
  return {
    run,
    root,
    healthPort,
    logs,
    waitForLog,
    shardPid(id) {
      const pid = pids()
        .filter((p) => p.shardId === id)
        .at(-1)?.pid;
      if (!pid) throw new Error(`shard ${id} has no process`);
      return pid;
    },
    async dispose() {
      for (const pid of [run.child.pid, ...pids().map((p) => p.pid)]) {
        try {
          if (pid) process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await run.done;
      if (!options.root) await rm(root, { recursive: true, force: true });
    },
  };
}
