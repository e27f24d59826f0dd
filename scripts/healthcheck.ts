import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { PROJECT_ROOT } from '../src/config.js';
import { parseCommandLine, usageError } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const HELP = `Usage: node dist/scripts/healthcheck.js [--port N] [--shards 0,1] [--timeout-ms N]

Exits 0 when the running bot's GET /healthz answers 200 (ready), 1 otherwise.
The port defaults to HEALTH_PORT (environment, then .env). Used by the Docker
HEALTHCHECK and the CI production check; needs only the built files.
Under the supervisor (npm run start:sharded) shard N serves on HEALTH_PORT + N:
--shards 0,1 probes each of those shards and exits 0 only when all are ready.`;

/**
 * A health probe for supervisors (Docker's HEALTHCHECK): asks the bot's own `/healthz` on
 * 127.0.0.1. It is compiled with the bot so that a production image needs neither tsx nor curl.
 */
export async function main(argv = process.argv.slice(2), print = (l: string) => process.stdout.write(l + '\n')): Promise<void> {
  const parsed = parseCommandLine(argv, {
    usage: HELP,
    options: { port: { type: 'string' }, shards: { type: 'string' }, 'timeout-ms': { type: 'string' } },
  });
  if (!parsed) return;
  const { values } = parsed;
  loadDotenv({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
  const port = Number(values.port ?? process.env.HEALTH_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    print('healthcheck: no HEALTH_PORT set (the health endpoint is off)');
    process.exitCode = 1;
    return;
  }
  const timeout = Number(values['timeout-ms'] ?? 3000);
  const shards = values.shards?.trim() ? values.shards.split(',').map((id) => Number(id.trim())) : undefined;
  if (shards?.some((id) => !Number.isInteger(id) || id < 0)) throw usageError(`--shards ${values.shards}: not a list of shard ids`, HELP);
  const results = await Promise.all((shards ?? [undefined]).map((id) => probe(port + (id ?? 0), timeout, id)));
  for (const line of results.map((r) => r.line)) print(line);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

/** One GET /healthz; the line names the shard when there is one. */
async function probe(port: number, timeout: number, shard: number | undefined): Promise<{ ok: boolean; line: string }> {
  const who = shard === undefined ? 'healthcheck' : `healthcheck shard ${shard}`;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(timeout) });
    return { ok: res.status === 200, line: `${who}: ${res.status} ${(await res.text()).trim()}` };
  } catch (error) {
    return { ok: false, line: `${who}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

if (isMain(import.meta.url)) runMain(main);
