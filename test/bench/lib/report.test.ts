import { jest } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { machineInfo, writeReport } from '../../../bench/lib/report.js';

describe('writeReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes pretty, valid JSON, creating the folder, and leaves no temporary file', async () => {
    const file = path.join(dir, 'results', 'latest.json');
    const report = { machine: machineInfo(), sections: { scale: { data: { p50: 0.25, sizes: [10_000] } } } };
    await writeReport(file, report);
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual(report);
    expect(text.endsWith('\n')).toBe(true);
    expect(await readdir(path.dirname(file))).toEqual(['latest.json']);
  });

  it('writes a temporary sibling and renames it over the target', async () => {
    const file = path.join(dir, 'latest.json');
    await writeFile(file, '{"old":true}');
    const renames: Array<[string, string]> = [];
    const rename = fs.rename;
    jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      renames.push([String(from), String(to)]);
      // Mid-write, readers still see the old complete file.
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ old: true });
      expect(JSON.parse(await readFile(String(from), 'utf8'))).toEqual({ fresh: 1 });
      return rename(from, to);
    });
    await writeReport(file, { fresh: 1 });
    expect(renames).toHaveLength(1);
    expect(renames[0]![1]).toBe(file);
    expect(path.dirname(renames[0]![0])).toBe(dir);
    expect(renames[0]![0]).toMatch(/\.tmp$/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ fresh: 1 });
  });

  it('keeps the old report and removes the temporary file when the write fails', async () => {
    const file = path.join(dir, 'latest.json');
    await writeFile(file, '{"old":true}');
    jest.spyOn(fs, 'rename').mockRejectedValue(new Error('disk full'));
    await expect(writeReport(file, { fresh: 1 })).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe('{"old":true}');
    expect(await readdir(dir)).toEqual(['latest.json']);
  });

  it('refuses values JSON cannot hold rather than writing a broken file', async () => {
    const file = path.join(dir, 'latest.json');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(writeReport(file, cyclic)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
