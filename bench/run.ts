/**
 * `npm run bench [-- --quick] [options]`: runs each benchmark section, prints its tables, and
 * writes every figure to bench/results/latest.json (atomically, so a crash mid-run leaves the
 * previous report intact). See lib/args.ts for the options.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, USAGE, UsageError } from './lib/args.js';
import { machineInfo, writeReport, type BenchReport } from './lib/report.js';
import type { BenchContext, Section } from './lib/section.js';
import { renderTable } from './lib/table.js';
import { SECTIONS } from './sections.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `sections` with `argv` options; returns the report it wrote. */
export async function runBench(argv: readonly string[], sections: readonly Section[] = SECTIONS): Promise<BenchReport> {
  const options = parseArgs(argv, ROOT);
  const unknown = options.only.filter((n) => !sections.some((s) => s.name === n));
  if (unknown.length) throw new UsageError(`unknown section(s): ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}`);
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

export async function main(argv = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  try {
    await runBench(argv);
  } catch (error) {
    process.stderr.write(
      `${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
