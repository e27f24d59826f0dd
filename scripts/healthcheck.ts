import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { PROJECT_ROOT } from '../src/config.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

const HELP = `Usage: node dist/scripts/healthcheck.js [--port N] [--timeout-ms N]

Exits 0 when the running bot's GET /healthz answers 200 (ready), 1 otherwise.
The port defaults to HEALTH_PORT (environment, then .env). Used by the Docker
HEALTHCHECK and the CI production check; needs only the built files.`;

/**
 * A health probe for supervisors (Docker's HEALTHCHECK): asks the bot's own `/healthz` on
 * 127.0.0.1. It is compiled with the bot so that a production image needs neither tsx nor curl.
 */
export async function main(argv = process.argv.slice(2), print = (l: string) => process.stdout.write(l + '\n')): Promise<void> {
  const parsed = parseCommandLine(argv, { usage: HELP, options: { port: { type: 'string' }, 'timeout-ms': { type: 'string' } } });
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
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(timeout) });
    const body = await res.text();
    print(`healthcheck: ${res.status} ${body.trim()}`);
    process.exitCode = res.status === 200 ? 0 : 1;
  } catch (error) {
    print(`healthcheck: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) runMain(main);
