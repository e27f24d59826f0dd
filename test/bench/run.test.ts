import { jest } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBench } from '../../bench/run.js';
import type { Section } from '../../bench/lib/section.js';

describe('runBench', () => {
  let dir: string;
  beforeEach(async () => {
    // Jest runs many test files in one process: another file's script may have left an exit code.
    process.exitCode = undefined;
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const ok = (name: string): Section => ({
    name,
    description: `${name} section`,
    run: async (ctx) => ({
      tables: [{ title: name, columns: ['quick'], rows: [[String(ctx.options.quick)]] }],
      data: { ran: name },
      notes: ['a note'],
    }),
  });
  const broken: Section = { name: 'broken', description: 'fails', run: async () => Promise.reject(new Error('engine missing')) };

  it('runs the sections in order and writes their data to the JSON report', async () => {
    const out = path.join(dir, 'latest.json');
    await runBench(['--quick', '--out', out], [ok('one'), ok('two')]);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(Object.keys(report.sections)).toEqual(['one', 'two']);
    expect(report.sections.one).toMatchObject({ description: 'one section', data: { ran: 'one' }, notes: ['a note'] });
    expect(report.options).toMatchObject({ quick: true });
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(process.exitCode).toBeUndefined();
  });

  it('keeps the other sections when one fails, records the error and sets the exit code', async () => {
    const out = path.join(dir, 'latest.json');
    await runBench(['--out', out], [broken, ok('after')]);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.sections.broken).toMatchObject({ error: 'engine missing' });
    expect(report.sections.after.data).toEqual({ ran: 'after' });
    expect(process.exitCode).toBe(1);
  });

  it('runs only the sections named by --only and rejects unknown names', async () => {
    const out = path.join(dir, 'latest.json');
    await runBench(['--only', 'two', '--out', out], [ok('one'), ok('two')]);
    expect(Object.keys(JSON.parse(await readFile(out, 'utf8')).sections)).toEqual(['two']);
    await expect(runBench(['--only', 'nope', '--out', out], [ok('one')])).rejects.toThrow(/unknown section/);
  });
});
