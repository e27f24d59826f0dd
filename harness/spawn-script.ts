import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, where `tsx` resolves from. */
export const PROJECT_DIR = fileURLToPath(new URL('../', import.meta.url));

export interface ScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

export interface RunningScript {
  child: ChildProcess;
  /** Milliseconds since the spawn. */
  elapsed(): number;
  /** Everything printed so far on stdout and stderr. */
  output(): string;
  done: Promise<ScriptResult>;
}

/**
 * Runs a TypeScript entry point (`scripts/…`, such as `scripts/bot.ts`) as its own node process through
 * tsx. Node is spawned directly, not through npx, so a signal reaches the script itself and not a
 * wrapper that would leave it running. The environment is exactly `env` plus PATH, so a developer's
 * `.env` values or shell variables cannot leak into the test (keys set here win over `.env`).
 */
export function spawnScript(
  script: string,
  env: Record<string, string>,
  options: { timeoutMs?: number; args?: string[]; input?: string; tsx?: boolean } = {},
): RunningScript {
  const started = performance.now();
  // tsx: false runs built JavaScript (dist/…) with plain node, as production does.
  const loader = options.tsx === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, script, ...(options.args ?? [])], {
    cwd: PROJECT_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  // A hung child must not hang the suite: it is killed after the timeout and the test sees the signal.
  const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const done = new Promise<ScriptResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
  return { child, elapsed: () => performance.now() - started, output: () => stdout + stderr, done };
}
