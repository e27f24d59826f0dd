import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli.js';

/** True when the module at `metaUrl` is the script node was started with (not an import). */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(metaUrl));
  } catch {
    return false;
  }
}

/**
 * Runs a script's `main`, turning a thrown error into one message on stderr and a non-zero exit
 * code: 2 for a bad command line (the message ends with the usage), 1 for anything else.
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
