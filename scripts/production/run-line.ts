import { spawn, type ChildProcess } from 'node:child_process';

/** A README line running in the clone through `sh -c`, its output kept for checks. */
export interface RunningLine {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process group has ended. */
  done: Promise<number | string>;
}

/**
 * Runs one README line exactly as written (`sh -c`), in `cwd`, with `env`. The line gets its own
 * process group, so a stop signal or a forced kill reaches `npm` and the node it started alike.
 * Output is echoed with a prefix so the CI log shows what each command printed. A `service` line is
 * run as a supervisor runs it, as the process itself (`exec`), so its exit status is the bot's own.
 */
export function runLine(line: string, cwd: string, env: NodeJS.ProcessEnv, echo: (l: string) => void, service = false): RunningLine {
  const child = spawn('sh', ['-c', service ? `exec ${line}` : line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const take = (chunk: string) => {
    out += chunk;
    for (const l of chunk.split('\n')) if (l.trim()) echo(`  | ${l}`);
  };
  child.stdout!.setEncoding('utf8').on('data', take);
  child.stderr!.setEncoding('utf8').on('data', take);
  const done = new Promise<number | string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, output: () => out, done };
}

/** Sends `signal` to the line's whole process group (npm and its child). */
export function signalGroup(run: RunningLine, signal: NodeJS.Signals): void {
  try {
    process.kill(-run.child.pid!, signal);
  } catch {
    // Already gone.
  }
}

/** Waits until `pattern` appears in the output; throws with the output when it does not in time. */
export async function waitForOutput(run: RunningLine, pattern: RegExp, timeoutMs: number): Promise<void> {
  let exited = false;
  void run.done.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  while (!pattern.test(run.output())) {
    if (exited || Date.now() > until)
      throw new Error(`no ${pattern} (${exited ? 'process exited' : 'timed out'}); output:\n${run.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
