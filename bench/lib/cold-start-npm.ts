import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { startDiscordSimulator } from '../../harness/discord-simulator/index.js';

/**
 * `npm start` itself, timed: the built bot (`npm run build` first) spawned through npm, as an
 * operator starts it, logging in to a local Discord simulator. The time is from spawning npm to
 * the bot's "bot ready" log line, so it includes npm, node's boot, imports, model and index load,
 * and the gateway login, which the engine-only child does not.
 */

/** Builds `dist/` (incremental: fast when nothing changed since the last build). */
export async function buildForStart(root: string): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: root, maxBuffer: 16 << 20 });
}

/** Spawns `npm start` in `root` with `env` (plus the simulator's Discord keys); ms from spawn to ready. */
export async function npmStartToReady(root: string, env: Record<string, string>, timeoutMs = 120_000): Promise<number> {
  const sim = await startDiscordSimulator();
  try {
    const vars = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
    const discord = { DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_BASE: sim.apiBase };
    const started = performance.now();
    // Its own process group: npm exits at once on SIGTERM, so the signal must reach the bot too.
    const child = spawn('npm', ['start'], { cwd: root, env: { ...vars, ...discord }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let out = '';
    const ready = await new Promise<number>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`npm start: not ready in ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs);
      const take = (chunk: string) => {
        out += chunk;
        if (out.includes('"msg":"bot ready"')) {
          clearTimeout(guard);
          resolve(performance.now() - started);
        }
      };
      child.stdout.setEncoding('utf8').on('data', take);
      child.stderr.setEncoding('utf8').on('data', take);
      child.on('close', (code) => reject(new Error(`npm start exited ${code} before ready:\n${out.slice(-2000)}`)));
    }).finally(() => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    });
    await closed;
    return ready;
  } finally {
    await sim.close();
  }
}
