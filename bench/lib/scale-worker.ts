/**
 * Child-process entry for one scale measurement. Each size runs in a fresh process so its RSS
 * figures describe that size alone and the previous size's memory (1.5 GB of vectors at 1M) is
 * returned to the OS. Reads {@link ScaleOptions} as JSON in argv[2], reports progress and the
 * result to the parent over IPC.
 */
import { pathToFileURL } from 'node:url';
import { measureScale, type ScaleOptions } from './scale-measure.js';

/** Messages from the worker to the section. */
export type WorkerMessage = { type: 'log'; message: string } | { type: 'result'; result: unknown } | { type: 'error'; message: string };

export async function main(): Promise<void> {
  const send = (m: WorkerMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));
  try {
    const options = JSON.parse(process.argv[2] ?? '{}') as ScaleOptions;
    const result = await measureScale({ ...options, log: (message) => void send({ type: 'log', message }) });
    await send({ type: 'result', result });
  } catch (error) {
    await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  }
  process.disconnect?.();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
