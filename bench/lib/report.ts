import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The JSON report: when and where it ran, the options, and each section's data. */
export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  options: unknown;
  sections: Record<string, { description: string; seconds: number; data?: unknown; notes?: string[]; error?: string }>;
}

/** What the machine is, so figures are never read without it. */
export function machineInfo(): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/**
 * Writes `report` as pretty JSON so a reader never sees half a file: write a temporary sibling
 * (`*.tmp`, gitignored), flush it, rename it over the target (atomic within a folder on POSIX).
 */
export async function writeReport(file: string, report: unknown): Promise<void> {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(json);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
