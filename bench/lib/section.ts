import type { Table } from './table.js';

/** Options every section can read; parsed from the command line by bench/run.ts. */
export interface BenchOptions {
  /** `--quick`: the smallest useful run (about four minutes on the shared 2-core box). */
  quick: boolean;
  /** Scale section corpus sizes (`--sizes 10000,100000`). */
  sizes: number[];
  /** Held-out queries per size (`--queries`). */
  queries: number;
  /** Timed repetitions of each query set (`--repeats`); per-query latency is the median over them. */
  repeats: number;
  /** ef values swept per size (`--ef 10,20,40`). */
  efs: number[];
  /** Only these sections, by name (`--only scale,peer`); all when empty. */
  only: string[];
  /** Where the JSON report goes (`--out`). */
  out: string;
  /** Distribution of the synthetic vectors (`--distribution uniform` to see the hard case). */
  distribution: 'clustered' | 'uniform';
}

/** What a section gets: the options, the project root, and a progress logger (stderr). */
export interface BenchContext {
  options: BenchOptions;
  root: string;
  log(message: string): void;
}

/** A section's outcome: tables for the terminal and data for the JSON report. */
export interface SectionResult {
  tables: Table[];
  /** Free-form, JSON-serialisable figures; the report stores it under the section's name. */
  data: unknown;
  /** Caveats worth printing under the tables (e.g. "brute force timed on 50 queries"). */
  notes?: string[];
}

/**
 * One part of the benchmark. bench/run.ts runs a list of these in order, so new measurements
 * (query path, reindex, concurrency, cold start) plug in without touching the runner's logic.
 */
export interface Section {
  name: string;
  /** One line for `--help` and the report. */
  description: string;
  run(ctx: BenchContext): Promise<SectionResult>;
}
