import { mkdtemp, cp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DiscordSimulator } from './discord-simulator/index.js';
import { spawnScript, type RunningScript } from './spawn-script.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from './tiny-model.js';
import { SHIPPED_ARTICLES } from './workspace.js';

/** The real bot (`scripts/bot.ts`) running as its own process, logged in to a simulator. */
export interface BotProcess {
  run: RunningScript;
  root: string;
  /** The health endpoint's base URL when one was requested. */
  healthUrl?: string;
  /** Parsed JSON log lines (stderr) so far. */
  logs(msg?: string): Array<Record<string, unknown>>;
  /** Waits (bounded) for a log line with this `msg`. */
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Stops the process if still running and deletes its folder. */
  dispose(): Promise<void>;
}

/** A port that was free a moment ago, for HEALTH_PORT (the schema does not take 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The settings of a bot process (or a supervisor's shards) logged in to `sim`, with its folders
 * under `root` and the tiny test model, no cooldown: what every process-level test starts from.
 */
export function simulatorBotEnv(sim: DiscordSimulator, root: string): Record<string, string> {
  return {
    DISCORD_TOKEN: sim.token,
    DISCORD_CLIENT_ID: sim.applicationId,
    DISCORD_API_BASE: sim.apiBase,
    ARTICLES_DIR: path.join(root, 'articles'),
    EMBEDDINGS_DIR: path.join(root, 'embeddings'),
    DATA_DIR: path.join(root, 'data'),
    MODELS_DIR: TINY_MODEL_ROOT,
    MODEL_ID: TINY_MODEL_ID,
    MODEL_DOWNLOAD: 'false',
    ASK_COOLDOWN_SECONDS: '0',
  };
}

/** Starts `node --import tsx scripts/bot.ts` with a temporary project folder and the tiny model. */
export async function startBotProcess(
  sim: DiscordSimulator,
  options: { env?: Record<string, string>; health?: boolean; waitReady?: boolean; timeoutMs?: number } = {},
): Promise<BotProcess> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-proc-'));
  await cp(SHIPPED_ARTICLES, path.join(root, 'articles'), { recursive: true });
  const port = options.health ? await freePort() : undefined;
  const run = spawnScript(
    'scripts/bot.ts',
    {
      ...simulatorBotEnv(sim, root),
      DISCORD_GUILD_ID: sim.guild.id,
      LOG_LEVEL: 'debug',
      ...(port ? { HEALTH_PORT: String(port) } : {}),
      ...options.env,
    },
    options.timeoutMs ? { timeoutMs: options.timeoutMs } : {},
  );
  const logs = (msg?: string) =>
    run
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          const record = JSON.parse(line) as Record<string, unknown>;
          return msg === undefined || record.msg === msg ? [record] : [];
        } catch {
          return [];
        }
      });
  let exited = false;
  void run.done.then(() => (exited = true));
  const waitForLog = async (msg: string, timeoutMs = 60_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = logs(msg)[0];
      if (found) return found;
      if (exited || Date.now() > until)
        throw new Error(`no "${msg}" log line (${exited ? 'process exited' : 'timed out'}). Output:\n${run.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const proc: BotProcess = {
    run,
    root,
    ...(port ? { healthUrl: `http://127.0.0.1:${port}` } : {}),
    logs,
    waitForLog,
    async dispose() {
      if (!exited) run.child.kill('SIGKILL');
      await run.done;
      await rm(root, { recursive: true, force: true });
    },
  };
  if (options.waitReady !== false) {
    try {
      await waitForLog('bot ready', 90_000);
    } catch (error) {
      await proc.dispose();
      throw error;
    }
  }
  return proc;
}
