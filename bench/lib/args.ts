import path from 'node:path';
import { parseCommandLine, usageError } from '../../scripts/lib/cli.js';
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
  --quick                 every section, small (10k vectors, 200 articles; about 4 minutes)
  --sizes 10000,100000    scale section corpus sizes (k/m suffixes allowed: 10k,1m)
  --queries N             held-out queries per size (default ${DEFAULTS.queries})
  --repeats N             timed passes per query set (default ${DEFAULTS.repeats}, quick ${QUICK.repeats})
  --ef 10,20,40           ef values to sweep
  --distribution D        clustered (default) or uniform
  --only scale,peer       run only these sections
  --out FILE              JSON report path (default bench/results/latest.json; quick.json for --quick, not committed)
  -h, --help              this text`;

const OPTIONS = {
  quick: { type: 'boolean', default: false },
  sizes: { type: 'string' },
  queries: { type: 'string' },
  repeats: { type: 'string' },
  ef: { type: 'string' },
  distribution: { type: 'string', default: 'clustered' },
  only: { type: 'string' },
  out: { type: 'string' },
} as const;

function count(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''));
  const value = m ? Number(m[1]) * ({ k: 1e3, m: 1e6 }[m[2]!.toLowerCase() as 'k' | 'm'] ?? 1) : Number.NaN;
  if (!Number.isInteger(value) || value <= 0) throw usageError(`${flag}: "${text}" is not a positive whole number`, USAGE);
  return value;
}

const list = (text: string, flag: string) =>
  text
    .split(',')
    .filter(Boolean)
    .map((t) => count(t, flag));

/**
 * Parses the benchmark's command line (without node and script) with `node:util` `parseArgs`;
 * undefined for `--help` (the usage is printed). A quick run reports to bench/results/quick.json,
 * which git ignores, so trying the benchmark never rewrites the committed full-run report.
 */
export function parseBenchArgs(argv: readonly string[], root: string): BenchOptions | undefined {
  const parsed = parseCommandLine(argv, { usage: USAGE, options: OPTIONS });
  if (!parsed) return undefined;
  const v = parsed.values;
  const quick = v.quick === true;
  const distribution = v.distribution;
  if (distribution !== 'clustered' && distribution !== 'uniform') {
    throw usageError(`--distribution must be clustered or uniform, not "${distribution}"`, USAGE);
  }
  return {
    quick,
    sizes: v.sizes !== undefined ? list(v.sizes, '--sizes') : [...(quick ? QUICK.sizes : DEFAULTS.sizes)],
    queries: v.queries !== undefined ? count(v.queries, '--queries') : DEFAULTS.queries,
    repeats: v.repeats !== undefined ? count(v.repeats, '--repeats') : quick ? QUICK.repeats : DEFAULTS.repeats,
    efs: v.ef !== undefined ? list(v.ef, '--ef').sort((a, b) => a - b) : [...DEFAULTS.efs],
    only: v.only?.split(',').filter(Boolean) ?? [],
    out: v.out !== undefined ? path.resolve(v.out) : path.join(root, 'bench', 'results', quick ? 'quick.json' : 'latest.json'),
    distribution,
  };
}
