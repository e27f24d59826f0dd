/**
 * `npm run bench [-- --quick] [options]`: runs each benchmark section, prints its tables, and
 * writes every figure to bench/results/latest.json, or bench/results/quick.json (not committed) for
 * `--quick` (atomically, so a crash mid-run leaves the previous report intact). See lib/args.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../scripts/lib/cli.js';
import { isMain, runMain } from '../scripts/lib/run-main.js';
import { parseBenchArgs, USAGE } from './lib/args.js';
import { machineInfo, writeReport, type BenchReport } from './lib/report.js';
import type { BenchContext, Section } from './lib/section.js';
import { renderTable } from './lib/table.js';
import { SECTIONS } from './sections.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `sections` with `argv` options; returns the report it wrote, or undefined for `--help`. */
export async function runBench(argv: readonly string[], sections: readonly Section[] = SECTIONS): Promise<BenchReport | undefined> {
  const options = parseBenchArgs(argv, ROOT);
  if (!options) return undefined;
  const unknown = options.only.filter((n) => !sections.some((s) => s.name === n));
  if (unknown.length) {
    throw new UsageError(`unknown section(s): ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}\n${USAGE}`);
  }
  const started = Date.now();
  const ctx: BenchContext = {
    options,
    root: ROOT,
    log: (m) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`),
  };
  const report: BenchReport = {
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    machine: machineInfo(),
    // A relative path keeps the committed report free of one machine's folders.
    options: { ...options, out: path.relative(ROOT, options.out) },
    sections: {},
  };
  for (const section of sections) {
    if (options.only.length && !options.only.includes(section.name)) continue;
    const t = performance.now();
    try {
      const result = await section.run(ctx);
      const seconds = Math.round((performance.now() - t) / 100) / 10;
      report.sections[section.name] = {
        description: section.description,
        seconds,
        data: result.data,
        ...(result.notes?.length ? { notes: result.notes } : {}),
      };
      for (const table of result.tables) process.stdout.write(`\n${renderTable(table)}\n`);
      for (const note of result.notes ?? []) process.stdout.write(`  · ${note}\n`);
    } catch (error) {
      // One broken section shouldn't cost the figures of the others; the exit code still says so.
      const message = error instanceof Error ? error.message : String(error);
      ctx.log(`section ${section.name} failed: ${message}`);
      report.sections[section.name] = {
        description: section.description,
        seconds: Math.round((performance.now() - t) / 100) / 10,
        error: message,
      };
      process.exitCode = 1;
    }
  }
  report.finishedAt = new Date().toISOString();
  await writeReport(options.out, report);
  process.stdout.write(
    `\nReport: ${path.relative(process.cwd(), options.out) || options.out} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  return report;
}

/** `npm run bench`: a bad command line exits 2 with the usage, a failed section 1. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  await runBench(argv);
}

if (isMain(import.meta.url)) runMain(main);
