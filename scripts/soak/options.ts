import { parseCommandLine, usageError } from '../lib/cli.js';

export interface SoakOptions {
  asks: number;
  users: number;
  /** Asks in flight at once. */
  concurrency: number;
  /** Asks before the baseline RSS sample (caches, JIT and the answer store's first fill settle). */
  warmup: number;
  /** Asks between RSS samples. */
  sampleEvery: number;
  /** Fail when end RSS exceeds the warmed-up RSS by more than this ratio. */
  maxGrowth: number;
  modelsDir?: string;
  modelId?: string;
}

export const USAGE = `Usage: npm run soak [-- --asks 5000 --users 50 --concurrency 8 --warmup 500 --sample-every 250 --max-growth 1.25 --models-dir DIR --model-id ID]
Runs the real bot process against the local Discord simulator and reports its memory (RSS) over many asks.
Defaults to the committed tiny test model; point --models-dir/--model-id at a real model to soak that.`;

/** Parses soak flags; throws a UsageError (with the usage text) on a bad one; undefined for `--help`. */
export function parseSoakArgs(argv: readonly string[]): SoakOptions | undefined {
  const parsed = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      asks: { type: 'string' },
      users: { type: 'string' },
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      'sample-every': { type: 'string' },
      'max-growth': { type: 'string' },
      'models-dir': { type: 'string' },
      'model-id': { type: 'string' },
    },
  });
  if (!parsed) return undefined;
  const { values } = parsed;
  const num = (name: string, value: string | undefined, fallback: number, min: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n < min) throw usageError(`--${name} must be a number ≥ ${min}`, USAGE);
    return n;
  };
  const asks = num('asks', values.asks, 5000, 1);
  const options: SoakOptions = {
    asks,
    users: num('users', values.users, 50, 1),
    concurrency: num('concurrency', values.concurrency, 8, 1),
    warmup: num('warmup', values.warmup, Math.min(500, Math.floor(asks / 5)), 0),
    sampleEvery: num('sample-every', values['sample-every'], 250, 1),
    maxGrowth: num('max-growth', values['max-growth'], 1.25, 1),
    ...(values['models-dir'] ? { modelsDir: values['models-dir'] } : {}),
    ...(values['model-id'] ? { modelId: values['model-id'] } : {}),
  };
  if (options.warmup >= options.asks) throw usageError('--warmup must be below --asks', USAGE);
  return options;
}
