import path from 'node:path';
import type { BenchOptions } from './section.js';

/** Full-run defaults. `--quick` swaps in {@link QUICK} before explicit flags apply. */
export const DEFAULTS = {
  sizes: [10_000, 100_000, 1_000_000],
  queries: 200,
  repeats: 3,
  efs: [10, 20, 40, 80, 160, 320],
} as const;

/** Quick run: one small corpus, so the whole benchmark fits in a few minutes. */
export const QUICK = { sizes: [10_000], repeats: 2 } as const;

export const USAGE = `Usage: npm run bench -- [options]
  --quick                 every section, small (10k vectors, 200 articles; < 3 minutes)
  --sizes 10000,100000    scale section corpus sizes (k/m suffixes allowed: 10k,1m)
  --queries N             held-out queries per size (default ${DEFAULTS.queries})
  --repeats N             timed passes per query set (default ${DEFAULTS.repeats}, quick ${QUICK.repeats})
  --ef 10,20,40           ef values to sweep
  --distribution D        clustered (default) or uniform
  --only scale,peer       run only these sections
  --out FILE              JSON report path (default bench/results/latest.json)`;

/** Thrown for a bad command line; the message is meant for the user. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function count(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''));
  const value = m ? Number(m[1]) * ({ k: 1e3, m: 1e6 }[m[2]!.toLowerCase() as 'k' | 'm'] ?? 1) : Number.NaN;
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${flag}: "${text}" is not a positive whole number`);
  return value;
}

const list = (text: string, flag: string) =>
  text
    .split(',')
    .filter(Boolean)
    .map((t) => count(t, flag));

/** Parses the benchmark's command line (without node and script). */
export function parseArgs(argv: readonly string[], root: string): BenchOptions {
  const quick = argv.includes('--quick');
  const o: BenchOptions = {
    quick,
    sizes: [...(quick ? QUICK.sizes : DEFAULTS.sizes)],
    queries: DEFAULTS.queries,
    repeats: quick ? QUICK.repeats : DEFAULTS.repeats,
    efs: [...DEFAULTS.efs],
    only: [],
    out: path.join(root, 'bench', 'results', 'latest.json'),
    distribution: 'clustered',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick') continue;
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--sizes':
        o.sizes = list(value(), name);
        break;
      case '--queries':
        o.queries = count(value(), name);
        break;
      case '--repeats':
        o.repeats = count(value(), name);
        break;
      case '--ef':
        o.efs = list(value(), name).sort((a, b) => a - b);
        break;
      case '--only':
        o.only = value().split(',').filter(Boolean);
        break;
      case '--out':
        o.out = path.resolve(value());
        break;
      case '--distribution': {
        const d = value();
        if (d !== 'clustered' && d !== 'uniform') throw new UsageError(`--distribution must be clustered or uniform, not "${d}"`);
        o.distribution = d;
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return o;
}
